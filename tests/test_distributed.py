"""Sharded inputs and jfft.distributed.

The test process has already initialised jax with one CPU device, so the
multi-device checks run in subprocesses that import this same jfft:
tests/_multidevice_checks.py on 8 simulated devices (one run, shared by the
tests below), and tests/_distributed_worker.py twice for a real two-process
run through ``jax.distributed.initialize`` and CPU (gloo) collectives.
"""

import json
import os
import socket
import subprocess
import sys

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax.sharding import Mesh

import jfft
from jfft import _sharding, distributed

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(jfft.__file__))  # the jfft under test


def _env(devices: int) -> dict:
    env = dict(os.environ)
    env["XLA_FLAGS"] = f"--xla_force_host_platform_device_count={devices}"
    env["PYTHONPATH"] = os.pathsep.join([ROOT, env.get("PYTHONPATH", "")])
    env.pop("JFFT_BACKEND", None)
    return env


def _results(output: str) -> dict:
    for line in output.splitlines():
        if line.startswith("RESULTS "):
            return json.loads(line[len("RESULTS ") :])
    raise AssertionError(f"no results in the subprocess output:\n{output[-4000:]}")


@pytest.fixture(scope="module")
def multidevice(tmp_path_factory):
    proc = subprocess.run(
        [sys.executable, os.path.join(HERE, "_multidevice_checks.py")],
        cwd=tmp_path_factory.mktemp("multidevice"),
        env=_env(8),
        capture_output=True,
        text=True,
        timeout=240,
        check=False,  # the results line says what failed
    )
    return _results(proc.stdout + proc.stderr)


CHECKS = [
    "batch_sharded",  # no all-gather, sharding kept, equal to one device
    "batch_sharded_grad_vmap",
    "sharded_transformed_axis",
    "slab_2d",  # every in/out layout, all_to_all counts
    "pencil_3d",
    "real_slab_3d",
    "real_slab_2d",
    "real_pencil_3d",
    "grads_distributed",  # check_grads, and grads equal to one device
    "vmap_and_explicit",
    "frequencies",
    "errors",
]


@pytest.mark.parametrize("name", CHECKS)
def test_on_8_devices(multidevice, name):
    result = multidevice.get(name)
    assert result is not None, f"check {name} did not run: {sorted(multidevice)}"
    assert result["ok"], json.dumps(result, indent=1)


def test_batch_sharded_hlo_has_no_all_gather(multidevice):
    # The requirement, spelled out: jfft keeps the batch sharding
    # where jax.numpy.fft gathers.
    result = multidevice["batch_sharded"]
    for name in ("fft2", "ifftn", "rfftn", "irfft", "hfft"):
        assert "all-gather" not in result[name]["collectives"], result[name]
    assert "all-gather" in result["jnp_fft2_collectives"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_processes(tmp_path):
    from jax._src.lib import _jax

    if not hasattr(_jax, "make_gloo_tcp_collectives"):
        pytest.skip("this jaxlib has no gloo CPU collectives for jax.distributed")
    port = _free_port()
    worker = os.path.join(HERE, "_distributed_worker.py")
    procs = [
        subprocess.Popen(
            [sys.executable, worker, str(port), str(i)],
            cwd=tmp_path,
            env=_env(4),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for i in range(2)
    ]
    outputs = []
    try:
        for proc in procs:
            outputs.append(proc.communicate(timeout=120)[0])
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    for i, out in enumerate(outputs):
        lines = [line for line in out.splitlines() if line.startswith("RESULT ")]
        assert lines, f"process {i} gave no result:\n{out[-4000:]}"
        result = json.loads(lines[-1][len("RESULT ") :])
        assert result["process"] == i
        assert (result["devices"], result["local_devices"]) == (8, 4)
        for key in ("fftn", "rfftn", "grad"):
            assert result[key] < 1e-12, result


# In this process (one device) ---------------------------------------------------


@pytest.fixture
def mesh1():
    return Mesh(np.array(jax.devices()[:1]), ("a",))


def test_one_device_mesh_matches_jfft(mesh1):
    x = np.random.default_rng(1).standard_normal((4, 6))
    np.testing.assert_allclose(distributed.fftn(x, mesh1), np.fft.fftn(x), atol=1e-12)
    y = distributed.rfftn(x, mesh1, out_layout="transposed", norm="ortho")
    np.testing.assert_allclose(y, np.fft.rfftn(x, norm="ortho"), atol=1e-12)
    back = distributed.irfftn(
        y, mesh1, in_layout="transposed", last_length=6, norm="ortho"
    )
    np.testing.assert_allclose(back, x, atol=1e-12)


def test_argument_errors(mesh1):
    x = jnp.ones((4, 4))
    with pytest.raises(ValueError, match="out_layout"):
        distributed.fftn(x, mesh1, out_layout="restored")
    with pytest.raises(ValueError, match="in_layout"):
        distributed.irfftn(x, mesh1, in_layout=None)
    with pytest.raises(ValueError, match="axis_names"):
        distributed.fftn(x, mesh1, axis_names=("a", "a"))
    with pytest.raises(ValueError, match="^x: a slab"):
        distributed.ifftn(jnp.ones(4), mesh1)
    with pytest.raises(ValueError, match="norm"):
        distributed.fftn(x, mesh1, norm="unitary")
    with pytest.raises(ValueError, match="last_length"):
        distributed.irfftn(x, mesh1, last_length=0)
    with pytest.raises(TypeError, match="mesh"):
        distributed.fftn(x, "a")
    with pytest.raises(ValueError, match="^d:"):
        distributed.fftfreqn((4, 4), mesh1, d=(1.0,))


def test_partition_specs(mesh1):
    P = jax.sharding.PartitionSpec
    assert distributed.partition_spec(mesh1, 3) == P("a", None, None)
    assert distributed.partition_spec(mesh1, 3, "transposed") == P(None, "a", None)
    mesh2 = Mesh(np.array(jax.devices()[:1]).reshape(1, 1), ("a", "b"))
    assert distributed.partition_spec(mesh2, 3, "transposed") == P(None, "a", "b")
    real = distributed.partition_spec(mesh2, 3, "transposed", real=True)
    assert real == P(None, ("a", "b"), None)


def test_sharding_rules():
    assert _sharding.sharding_rule("c2c", 3, (2, 1)) == ("a b c -> a b c", ("b", "c"))
    # The halved axis has two sizes: distinct operand and result factors.
    assert _sharding.sharding_rule("r2c", 2, (1, 0)) == ("a b -> c b", ("a", "b", "c"))
    assert _sharding.sharding_rule("c2r", 3, (1,)) == ("a b c -> a d c", ("b", "d"))

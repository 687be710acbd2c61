"""Installation and version compatibility: no private JAX APIs outside the
compat module, the import-time checks of jax and of the native build, the
message when a source checkout shadows the installed package, JFFT_BACKEND."""

import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import types

import jax
import numpy as np
import pytest

import jfft
from jfft import _native

PACKAGE = pathlib.Path(jfft.__file__).parent


def _run(code, cwd=None, env=None):
    # Not from the repository root, whose jfft/ would shadow the installed one.
    cwd = cwd or tempfile.gettempdir()
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=False,
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_no_private_jax_outside_the_compat_module():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "_jax_compat.py":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"jax\._src|_device_assignment", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert not offenders, offenders


def test_build_info_names_the_ffi_headers():
    info = jfft.build_info()
    assert re.fullmatch(r"\d+\.\d+\.\d+", info["ffi_jaxlib"]), info
    assert re.fullmatch(r"\d+\.\d+", info["ffi_api"]), info
    import jaxlib

    assert _native._version(info["ffi_jaxlib"]) <= _native._version(jaxlib.__version__)


def test_a_build_newer_than_the_runtime_is_refused_by_name(monkeypatch):
    import jaxlib

    fake = types.SimpleNamespace(
        __name__="jfft._jfft_cpu", build_info=lambda: {"ffi_jaxlib": "99.1.0"}
    )
    with pytest.raises(ImportError, match=r"jaxlib 99\.1\.0.*" + jaxlib.__version__):
        _native._check_build(fake)
    monkeypatch.setattr(jaxlib, "__version__", "99.1.0")
    _native._check_build(fake)  # the same version is accepted


def test_too_old_jax_is_refused_by_name(monkeypatch):
    monkeypatch.setattr(jax, "__version__", "0.7.2")
    with pytest.raises(ImportError, match=r"jax >= 0\.8\.0.*found jax 0\.7\.2"):
        _native._check_jax()


@pytest.mark.parametrize(
    "text,version",
    [("0.10.2", (0, 10, 2)), ("0.9.0.1", (0, 9, 0)), ("0.9.0rc1", (0, 9, 0)),
     ("0.11.0.dev20261001", (0, 11, 0)), ("1.0", (1, 0, 0))],
)  # fmt: skip
def test_version_parsing(text, version):
    assert _native._version(text) == version


def test_source_tree_shadowing_the_install_says_what_to_do(tmp_path):
    # A checkout: pyproject.toml beside a jfft/ without the built module.
    shutil.copytree(PACKAGE, tmp_path / "jfft", ignore=shutil.ignore_patterns("*.so"))
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'jfft'\n")
    # Without site's .pth hooks (an editable install's finder would win),
    # jax and the rest from where this jax came from.
    site = pathlib.Path(jax.__file__).parent.parent
    proc = subprocess.run(
        [sys.executable, "-S", "-c", "import jfft"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{site}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode != 0
    message = proc.stderr.splitlines()[-1]
    assert "source tree" in message, message
    assert str(tmp_path) in message, message
    assert "pip install -e ." in message, message
    assert "pip install .`" not in message, message


@pytest.mark.parametrize("value", ["XLA", "xla", " Xla "])
def test_jfft_backend_xla_any_case(value):
    proc = _run(
        """
        import jax, numpy as np, jfft
        text = jax.jit(jfft.fft).lower(np.ones(8, np.complex64)).as_text()
        print("custom" if "jfft_c2c" in text else "xla")
        """,
        env={"JFFT_BACKEND": value},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[-1] == "xla"


@pytest.mark.parametrize("value", ["bogus", "cuda", "native2"])
def test_jfft_backend_invalid_raises_at_import(value):
    proc = _run("import jfft", env={"JFFT_BACKEND": value})
    assert proc.returncode != 0
    assert re.search(rf"ValueError: JFFT_BACKEND: .*{value!r}", proc.stderr)


def test_default_backend_is_native():
    x = np.ones(8, np.complex64)
    assert "jfft_c2c" in jax.jit(jfft.fft).lower(x).as_text()


def test_xla_fallback_retraces_functions_jitted_before_it():
    # Single-threaded behaviour (the context clears JAX's caches, so it is
    # not thread-safe; see its docstring).
    x = np.random.default_rng(0).standard_normal(16).astype(np.complex64)
    f = jax.jit(jfft.fft)
    assert "jfft_c2c" in f.lower(x).as_text()
    np.testing.assert_allclose(f(x), np.fft.fft(x), atol=1e-4)
    with jfft.xla_fallback():
        assert "jfft_c2c" not in f.lower(x).as_text()
        np.testing.assert_allclose(f(x), np.fft.fft(x), atol=1e-4)
        with jfft.xla_fallback(False):
            assert "jfft_c2c" in f.lower(x).as_text()
    assert "jfft_c2c" in f.lower(x).as_text()


@pytest.mark.parametrize("workers", [2**63, 2**64, 10**30])
def test_huge_workers_are_capped(workers):
    x = np.random.default_rng(1).standard_normal(32)
    np.testing.assert_allclose(jfft.fft(x, workers=workers), np.fft.fft(x))

"""jfft's CUDA path.

Two parts:

- The CUDA module itself (runs on any machine where it is built, no GPU
  needed): its registrations, and the way a transform is split into cuFFT
  plans and small kernels, replayed in numpy (cuFFT's advanced layout:
  element ``b * idist + sum(x_j * stride * prod(embed[j+1:]))``) against
  numpy.fft. Set ``JFFT_CUDA_MODULE`` to a built ``_jfft_cuda*.so`` to check a
  module from a build directory.
- Transforms on a GPU (``jax.devices("gpu")``) against numpy: every function
  family, many axes, c2r lengths and ignored imaginary parts, unchanged
  inputs, gradients, vmap, errors and the custom calls in the compiled HLO.
  Skipped where no GPU is present.
"""

import importlib.util
import itertools
import math
import os

import jax
import numpy as np
import pytest
from conftest import (
    ALL_FUNCS,
    assert_close,
    call,
    kind,
    output_dtype,
    random_input,
    reference,
)
from jax.test_util import check_grads

import jfft
from jfft import _native

TARGETS = {"jfft_c2c", "jfft_r2c", "jfft_c2r"}


# The CUDA module --------------------------------------------------------------


def _load_cuda_module():
    path = os.environ.get("JFFT_CUDA_MODULE")
    if path:
        spec = importlib.util.spec_from_file_location("jfft._jfft_cuda", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return _native._jfft_cuda


@pytest.fixture(scope="module")
def cuda_module():
    module = _load_cuda_module()
    if module is None:
        pytest.skip(
            "jfft's CUDA module is not built (CMake JFFT_CUDA needs nvcc and "
            "cuFFT); set JFFT_CUDA_MODULE to a built _jfft_cuda*.so to check one"
        )
    return module


def test_registrations(cuda_module):
    targets = cuda_module.registrations()
    assert set(targets) == TARGETS
    for capsule in targets.values():
        assert type(capsule).__name__ == "PyCapsule"


def test_plan_cache_controls(cuda_module):
    info = cuda_module.plan_cache_info()
    assert set(info) == {"entries", "capacity"}
    old = info["capacity"]
    try:
        cuda_module.set_plan_cache_capacity(3)
        assert cuda_module.plan_cache_info()["capacity"] == 3
        with pytest.raises(ValueError):
            cuda_module.set_plan_cache_capacity(-1)
    finally:
        cuda_module.set_plan_cache_capacity(old)
    cuda_module.clear_plan_cache()
    assert cuda_module.plan_cache_info()["entries"] == 0


def _layout_indices(n, embed, stride):
    """Element offsets of cuFFT's advanced layout for one transform."""
    strides = [stride * math.prod(embed[j + 1 :]) for j in range(len(n))]
    grids = np.indices(n, dtype=np.int64)
    return sum(g * s for g, s in zip(grids, strides, strict=True))


def _simulate(sched, kind_, x, out_shape, forward):
    """Runs a schedule of passes on flat numpy buffers, as the GPU would."""
    real_out = kind_ == "c2r"
    bufs = {
        "input": x.ravel().copy(),
        "output": np.full(
            math.prod(out_shape), np.nan, np.float64 if real_out else np.complex128
        ),
        "scratch": np.full(sched["scratch_elements"], np.nan, np.complex128),
    }
    for p in sched["passes"]:
        assert p["dst"] != "input", "a pass writes the caller's input"
        src, dst = bufs[p["src"]], bufs[p["dst"]]
        op = p["op"]
        if op == "copy":
            dst[: p["count"]] = src[: p["count"]]
        elif op == "real_to_complex":
            dst[: p["count"]] = src[: p["count"]].astype(np.complex128)
        elif op == "real_part":
            dst[: p["count"]] = src[: p["count"]].real
        elif op == "zero_imag":
            view = dst[: p["outer"] * p["length"] * p["inner"]]
            view = view.reshape(p["outer"], p["length"], p["inner"])
            view[:, 0, :] = view[:, 0, :].real
            if p["zero_last"]:
                view[:, -1, :] = view[:, -1, :].real
        else:
            _simulate_fft(p, src, dst)
    return bufs["output"].reshape(out_shape)


def _simulate_fft(p, src, dst):
    n = p["n"]
    rank = len(n)
    assert 1 <= rank <= 3, "cuFFT plans take 1 to 3 axes"
    assert all(length > 1 for length in n), "length-1 axes are squeezed out"
    in_n, out_n = list(n), list(n)
    if p["kind"] == "r2c":
        out_n[-1] = n[-1] // 2 + 1
    if p["kind"] == "c2r":
        in_n[-1] = n[-1] // 2 + 1
        assert rank == 1, "c2r plans are one-dimensional (numpy's semantics)"
        assert p["src"] == "scratch", "cuFFT's C2R may overwrite its input"
    if p["src"] == p["dst"]:  # in place: cuFFT needs identical layouts
        assert p["kind"] == "c2c"
        for a, b in [
            ("inembed", "onembed"),
            ("istride", "ostride"),
            ("idist", "odist"),
            ("in_step", "out_step"),
        ]:
            assert p[a] == p[b]
    assert all(e >= m for e, m in zip(p["inembed"][1:], in_n[1:], strict=True))
    assert all(e >= m for e, m in zip(p["onembed"][1:], out_n[1:], strict=True))
    lead = np.arange(p["loops"])[:, None], np.arange(p["batch"])[None, :]
    base_in = lead[0] * p["in_step"] + lead[1] * p["idist"]
    base_out = lead[0] * p["out_step"] + lead[1] * p["odist"]
    extra = (1,) * rank
    idx_in = base_in.reshape(base_in.shape + extra) + _layout_indices(
        in_n, p["inembed"], p["istride"]
    )
    idx_out = base_out.reshape(base_out.shape + extra) + _layout_indices(
        out_n, p["onembed"], p["ostride"]
    )
    assert idx_in.min() >= 0 and idx_in.max() < src.size
    assert idx_out.min() >= 0 and idx_out.max() < dst.size
    assert np.unique(idx_out).size == idx_out.size, "overlapping outputs"
    data = src[idx_in]
    assert not np.isnan(data).any(), "a pass reads elements not yet written"
    axes = tuple(range(2, 2 + rank))
    if p["kind"] == "c2c":
        if p["forward"]:
            result = np.fft.fftn(data, axes=axes)
        else:
            result = np.fft.ifftn(data, axes=axes) * math.prod(n)
    elif p["kind"] == "r2c":
        result = np.fft.rfftn(data.real, axes=axes)
    else:  # cuFFT's C2R is exact on Hermitian-consistent input
        line = data[..., 0]
        assert np.all(line.imag == 0), "Im(DC) reaches cuFFT's C2R"
        if n[-1] % 2 == 0:
            assert np.all(data[..., -1].imag == 0), "Im(Nyquist) reaches C2R"
        result = np.fft.irfft(data, n=n[-1], axis=-1) * n[-1]
    dst[idx_out] = result


def _check_schedule(cuda_module, kind_, out_or_in_shape, axes, forward, rng):
    """Schedule of one problem, replayed and compared with numpy."""
    shape = list(out_or_in_shape)
    last = axes[-1] % len(shape)
    if kind_ == "c2r":
        out_shape = shape
        in_shape = list(shape)
        in_shape[last] = shape[last] // 2 + 1
    else:
        in_shape = shape
        out_shape = list(shape)
        if kind_ == "r2c":
            out_shape[last] = shape[last] // 2 + 1
    x = rng.standard_normal(in_shape)
    if kind_ != "r2c":
        x = x + 1j * rng.standard_normal(in_shape)
    sched = cuda_module._schedule(kind_, in_shape, out_shape, list(axes), forward)
    got = _simulate(sched, kind_, x, out_shape, forward)
    if kind_ == "c2c":
        if forward:
            want = np.fft.fftn(x, axes=axes)
        else:
            lengths = [in_shape[a] for a in axes]
            want = np.fft.ifftn(x, axes=axes) * math.prod(lengths)
    elif kind_ == "r2c":
        want = np.fft.rfftn(x, axes=axes)
    else:
        lengths = [out_shape[a] for a in axes]
        want = np.fft.irfftn(x, s=lengths, axes=axes) * math.prod(lengths)
    err = f"{kind_} {in_shape}->{out_shape} axes={axes} passes={sched['passes']}"
    assert not np.isnan(got).any(), "output not fully written: " + err
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-9, err_msg=err)
    return sched


SCHEDULE_CASES = [
    ((8,), (0,)),
    ((1,), (0,)),
    ((3, 1, 5), (0, 1, 2)),
    ((4, 6, 5), (1,)),  # middle axis: outer and inner batches
    ((2, 3, 4, 5), (0, 1, 2, 3)),  # more than 3 consecutive axes
    ((2, 3, 2, 3, 4), (4, 0, 2, 1, 3)),
    ((3, 4, 5, 6), (3, 1)),  # not consecutive
    ((5, 4, 3, 2), (2, 0)),  # halved axis before another
    ((6, 7), (1, 0)),
    ((2, 0, 4), (2,)),  # empty batch
]


@pytest.mark.parametrize("kind_", ["c2c", "r2c", "c2r"])
@pytest.mark.parametrize("shape,axes", SCHEDULE_CASES)
def test_schedule_cases(cuda_module, kind_, shape, axes):
    rng = np.random.default_rng(0)
    sched = _check_schedule(cuda_module, kind_, shape, axes, True, rng)
    if 0 in shape:
        assert sched["passes"] == []
    if kind_ == "c2c":
        _check_schedule(cuda_module, kind_, shape, axes, False, rng)


@pytest.mark.parametrize("kind_", ["c2c", "r2c", "c2r"])
def test_schedule_random(cuda_module, kind_):
    rng = np.random.default_rng([7, len(kind_), ord(kind_[0])])
    for _ in range(150):
        rank = int(rng.integers(1, 7))
        shape = [int(v) for v in rng.integers(1, 7 if rank < 5 else 4, rank)]
        count = int(rng.integers(1, rank + 1))
        axes = [int(a) for a in rng.permutation(rank)[:count]]
        if rng.random() < 0.3:
            axes = [a - rank for a in axes]  # negative axes too
        forward = bool(rng.random() < 0.5)
        _check_schedule(cuda_module, kind_, shape, axes, forward, rng)


def test_schedule_batches_the_larger_side(cuda_module):
    # Axis 1 of (1000, 8, 3): batch over the 1000 outer lines, loop 3 times.
    (p,) = cuda_module._schedule("c2c", [1000, 8, 3], [1000, 8, 3], [1])["passes"]
    assert (p["batch"], p["loops"]) == (1000, 3)
    (p,) = cuda_module._schedule("c2c", [3, 8, 1000], [3, 8, 1000], [1])["passes"]
    assert (p["batch"], p["loops"]) == (1000, 3)
    # Trailing axes: one plan, no loop.
    (p,) = cuda_module._schedule("c2c", [9, 8, 4, 2], [9, 8, 4, 2], [1, 2, 3])["passes"]
    assert (p["n"], p["batch"], p["loops"]) == ([8, 4, 2], 9, 1)


@pytest.mark.parametrize(
    "kind_,in_shape,out_shape,axes",
    [
        ("c2c", [4, 5], [4, 5], [2]),
        ("c2c", [4, 5], [4, 5], [0, 0]),
        ("c2c", [4, 5], [4, 6], [1]),
        ("r2c", [4, 6], [4, 6], [1]),
        ("c2r", [4, 4], [4, 5], [1]),
        ("c2c", [4, 5], [4, 5], []),
    ],
)
def test_schedule_rejects_bad_problems(cuda_module, kind_, in_shape, out_shape, axes):
    with pytest.raises(ValueError):
        cuda_module._schedule(kind_, in_shape, out_shape, axes)


@pytest.mark.parametrize(
    "name, scaled",
    [
        ("fft2", False),
        ("ifft2", True),
        ("rfft2", False),
        ("irfft2", True),
        ("hfft", False),
        ("fftn", True),
    ],
)
def test_cuda_lowering_scales_outside_the_handlers(name, scaled):
    # The CUDA handlers take no `scale` attribute: lowered for CUDA (no GPU
    # needed), a normalised transform is the unscaled custom call followed
    # by an XLA multiply, and the custom call carries only axes, forward
    # and workers.
    from jax.interpreters import mlir

    from jfft import _primitives

    for prim_name, lowering in _primitives.CUDA_LOWERINGS.items():
        mlir.register_lowering(
            _primitives.PRIMITIVES[prim_name], lowering, platform="cuda"
        )
    norm = "ortho" if name == "fftn" else None
    fn = getattr(jfft, name)
    x = np.ones((4, 8), np.float32 if name == "rfft2" else np.complex64)
    exported = jax.export.export(
        jax.jit(lambda v: fn(v, norm=norm)),
        platforms=["cuda"],
        disabled_checks=[
            jax.export.DisabledSafetyCheck.custom_call(t) for t in sorted(TARGETS)
        ],
    )(x)
    text = exported.mlir_module()
    calls = [line for line in text.splitlines() if "stablehlo.custom_call" in line]
    assert len(calls) == 1 and "jfft_" in calls[0]
    assert "scale" not in calls[0]
    assert ("stablehlo.multiply" in text) == scaled


# On a GPU ---------------------------------------------------------------------


def _gpu():
    try:
        devices = jax.devices("gpu")
    except RuntimeError:
        return None
    return devices[0] if devices else None


GPU = _gpu()
needs_gpu = pytest.mark.skipif(
    GPU is None, reason="no GPU: jax.devices('gpu') found none (CUDA tests skipped)"
)
needs_cuda_kernels = pytest.mark.skipif(
    not _native.has_cuda(),
    reason="jfft's CUDA module is not built: GPUs use XLA's FFT",
)


def _on_gpu(x):
    return jax.device_put(x, GPU)


def _gpu_cases(name):
    k = kind(name)
    if k == "1d":
        return [
            ((3, 16), {}),
            ((4, 7), {"n": 9, "axis": 0, "norm": "ortho"}),
            ((5, 6, 2), {"axis": 1, "norm": "forward"}),
        ]
    if k == "2d":
        return [((4, 6), {}), ((3, 5, 7), {"s": (6, 5), "axes": (2, 0)})]
    return [
        ((3, 4, 5), {}),
        ((2, 3, 4, 5), {"norm": "ortho"}),  # 4 axes: more than one cuFFT plan
        ((2, 3, 2, 3, 4), {"axes": (4, 0, 2, 1, 3)}),
        ((4, 3, 5), {"s": (4, 7), "axes": (0, 2)}),
    ]


GPU_PARAMS = [
    pytest.param(name, shape, kw, id=f"{name}-{i}")
    for name in ALL_FUNCS
    for i, (shape, kw) in enumerate(_gpu_cases(name))
]


@needs_gpu
@pytest.mark.parametrize("single", [True, False], ids=["f32", "f64"])
@pytest.mark.parametrize("name,shape,kw", GPU_PARAMS)
def test_gpu_parity(name, shape, kw, single):
    rng = np.random.default_rng([ALL_FUNCS.index(name), len(shape)])
    x = random_input(rng, name, shape, single)
    want = reference(name, x, **kw)
    f = getattr(jfft, name)
    got = call(f, name, _on_gpu(x), **kw)
    assert got.dtype == output_dtype(name, x.dtype)
    assert next(iter(got.devices())).platform == "gpu"
    assert_close(got, want, got.dtype)
    got_jit = jax.jit(lambda v: call(f, name, v, **kw))(_on_gpu(x))
    assert_close(got_jit, want, got.dtype)


@needs_gpu
@pytest.mark.parametrize("n", [1, 2, 5, 6, 7, 8, 15, 16, 17, 100, 101])
@pytest.mark.parametrize("single", [True, False], ids=["f32", "f64"])
def test_gpu_c2r_lengths_ignore_imag_dc_nyquist(n, single):
    rng = np.random.default_rng(n)
    dtype = np.complex64 if single else np.complex128
    m = n // 2 + 1
    # Imaginary parts everywhere, DC and Nyquist included: numpy ignores them.
    x = (rng.standard_normal((3, 4, m)) + 1j * rng.standard_normal((3, 4, m))).astype(
        dtype
    )
    tol = 1e-4 if single else 1e-10
    assert_close(jfft.irfft(_on_gpu(x), n=n), np.fft.irfft(x, n=n), dtype, tol=tol)
    assert_close(
        jfft.irfftn(_on_gpu(x), s=(4, n), axes=(0, 2)),
        np.fft.irfftn(x, s=(4, n), axes=(0, 2)),
        dtype,
        tol=tol,
    )
    assert_close(
        jfft.irfftn(_on_gpu(x), s=(3, 4, n)),
        np.fft.irfftn(x, s=(3, 4, n)),
        dtype,
        tol=tol,
    )


@needs_gpu
@pytest.mark.parametrize("name", ["fftn", "ifftn", "rfftn", "irfftn", "hfftn"])
def test_gpu_inputs_not_mutated(name):
    rng = np.random.default_rng(1)
    x = random_input(rng, name, (4, 6, 8), False)
    xg = _on_gpu(x)
    f = jax.jit(getattr(jfft, name))
    for _ in range(2):
        f(xg).block_until_ready()
    np.testing.assert_array_equal(np.asarray(xg), x)


@needs_gpu
@pytest.mark.parametrize(
    "name,shape,kw",
    [
        ("fft", (3, 8), {}),
        ("ifft2", (4, 6), {"norm": "ortho"}),
        ("rfft", (2, 9), {}),
        ("irfft", (2, 5), {"n": 8}),
        ("rfftn", (3, 4, 5), {"axes": (2, 0)}),
        ("irfftn", (3, 4, 5), {}),
        ("hfft", (2, 5), {}),
        ("ihfft", (2, 7), {}),
    ],
)
def test_gpu_grads(name, shape, kw):
    rng = np.random.default_rng(2)
    x = _on_gpu(random_input(rng, name, shape, False))
    f = getattr(jfft, name)
    check_grads(lambda v: f(v, **kw), (x,), order=2, modes=("fwd", "rev"))


@needs_gpu
@pytest.mark.parametrize("name", ["fft", "rfft2", "irfftn", "ihfftn"])
def test_gpu_vmap(name):
    rng = np.random.default_rng(3)
    x = random_input(rng, name, (3, 4, 6), False)
    f = getattr(jfft, name)
    got = jax.vmap(f, in_axes=1, out_axes=1)(_on_gpu(x))
    want = np.stack([reference(name, x[:, i]) for i in range(x.shape[1])], axis=1)
    assert_close(got, want, got.dtype)


@needs_gpu
def test_gpu_bad_inputs():
    x = _on_gpu(np.ones((4, 6), np.complex64))
    with pytest.raises(ValueError, match=r"\bn\b"):
        jfft.fft(x, n=0)
    with pytest.raises(ValueError, match=r"(?i)\baxes\b"):
        jfft.fftn(x, axes=(0, 0))
    with pytest.raises(ValueError, match=r"\bnorm\b"):
        jfft.fft(x, norm="bad")


@needs_gpu
def test_gpu_empty_batch():
    x = np.ones((0, 8), np.complex64)
    assert jfft.fft(_on_gpu(x)).shape == (0, 8)
    assert jfft.irfft(_on_gpu(x)).shape == (0, 14)


@needs_gpu
@needs_cuda_kernels
@pytest.mark.parametrize(
    "name,target",
    [("fft", "jfft_c2c"), ("rfft", "jfft_r2c"), ("irfft", "jfft_c2r")],
)
def test_gpu_hlo_uses_jfft_custom_calls(name, target):
    x = _on_gpu(np.ones((4, 8), np.float32))
    hlo = jax.jit(getattr(jfft, name)).lower(x).compile().as_text()
    assert target in hlo
    with jfft.xla_fallback():
        hlo = jax.jit(getattr(jfft, name)).lower(x).compile().as_text()
    assert target not in hlo


@needs_gpu
@needs_cuda_kernels
def test_gpu_plan_cache_reuse_and_eviction():
    cache = _native._jfft_cuda
    old = cache.plan_cache_info()["capacity"]
    try:
        cache.clear_plan_cache()
        cache.set_plan_cache_capacity(2)
        rng = np.random.default_rng(4)
        for n, _ in itertools.product((8, 9, 10, 8), range(2)):
            x = rng.standard_normal((3, n)).astype(np.float32)
            assert_close(jfft.rfft(_on_gpu(x)), np.fft.rfft(x), np.float32)
        assert cache.plan_cache_info()["entries"] <= 2
    finally:
        cache.set_plan_cache_capacity(old)


@needs_gpu
def test_gpu_matches_xla_fallback():
    rng = np.random.default_rng(5)
    x = _on_gpu(rng.standard_normal((4, 6, 10)).astype(np.float32))
    got = jax.jit(jfft.rfftn)(x)
    with jfft.xla_fallback():
        want = jax.jit(jfft.rfftn)(x)
    assert_close(got, want, np.complex64)

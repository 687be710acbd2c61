"""The native DCT/DST (engine r2r, the ``r2r`` primitive) against scipy.fft.

The engine runs through jfft.numpy's binding ``_jfft_cpu.numpy_r2r`` on numpy
arrays (any strides), with the end factors and scale given directly: every
kind and type, norm and orthogonalize setting,
lengths 1..512 exhaustively and some long ones, strided and negative-stride
views, several axes, float32/float64 and every instruction set. Through JAX:
the primitive's values on both lowerings, derivatives checked numerically
(order 2, both modes), linear transposes against dense matrices built with
scipy, and vmap.
"""

import math

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.fft
from conftest import assert_close
from jax.test_util import check_grads

import jfft
from jfft import _jfft_cpu, _realtransforms
from jfft._primitives import r2r_p

KINDS = ("dct", "dst")
TYPES = (1, 2, 3, 4)
TRANSFORMS = [(kind, type) for kind in KINDS for type in TYPES]
NORMS = ("backward", "ortho", "forward")
SQRT2 = math.sqrt(2.0)
TOL = {np.float32: 2e-5, np.float64: 1e-12}


def min_length(kind, type):
    return 2 if (kind, type) == ("dct", 1) else 1


def engine_args(kind, type, n, norm, orthogonalize):
    """(pre, post, scale) of the engine for scipy's (norm, orthogonalize) of
    a forward transform of length n, from scipy.fft's documentation: the
    logical length is 2(N-1) for DCT-I, 2(N+1) for DST-I and 2N otherwise;
    orthogonalize scales DCT-I's ends by sqrt(2) in and 1/sqrt(2) out, the
    type-2 output's first (DCT) or last (DST) entry by 1/sqrt(2) and the
    type-3 input's by sqrt(2)."""
    logical = {
        (
            "dct",
            1,
        ): 2 * (n - 1),
        ("dst", 1): 2 * (n + 1),
    }.get((kind, type), 2 * n)
    scale = {"backward": 1.0, "ortho": logical**-0.5, "forward": 1.0 / logical}[norm]
    pre = post = 1.0
    if orthogonalize:
        if (kind, type) == ("dct", 1):
            pre, post = SQRT2, 1 / SQRT2
        elif type == 2:
            post = 1 / SQRT2
        elif type == 3:
            pre = SQRT2
    return pre, post, scale


def r2r(x, out, axes, kind, type, pre=1.0, post=1.0, workers=1, scale=1.0):
    """The engine's r2r through the numpy entry point, all arguments given."""
    _jfft_cpu.numpy_r2r(x, out, list(axes), kind, type, pre, post, workers, scale)


def native(x, axes, kind, type, norm="backward", orthogonalize=False, out=None):
    n_of = [x.shape[a] for a in axes]
    pre, post, scale = engine_args(kind, type, n_of[0], norm, orthogonalize)
    scale = 1.0
    for n in n_of:
        scale *= engine_args(kind, type, n, norm, orthogonalize)[2]
    if out is None:
        out = np.empty(x.shape, x.dtype)
    r2r(x, out, axes, kind, type, pre, post, scale=scale)
    return out


def scipy_ref(x, axes, kind, type, norm="backward", orthogonalize=False):
    fn = getattr(scipy.fft, kind + "n")
    return fn(
        np.asarray(x, np.float64),
        type=type,
        axes=axes,
        norm=norm,
        orthogonalize=orthogonalize,
    )


# The engine on numpy arrays --------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_every_length_to_512(kind, type, dtype):
    rng = np.random.default_rng(type)
    for n in range(min_length(kind, type), 513):
        x = rng.standard_normal((2, n)).astype(dtype)
        for norm in NORMS:
            for orthogonalize in (False, True):
                got = native(x, (1,), kind, type, norm, orthogonalize)
                want = scipy_ref(x, (1,), kind, type, norm, orthogonalize)
                assert_close(
                    got,
                    want,
                    dtype,
                    TOL[dtype],
                    f"{kind}-{type} n={n} {norm} orthogonalize={orthogonalize}",
                )


@pytest.mark.parametrize("n", [4096, 10007, 2**15])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_long_lengths(n, dtype):
    rng = np.random.default_rng(n)
    x = rng.standard_normal((2, n)).astype(dtype)
    for kind, type in TRANSFORMS:
        got = native(x, (1,), kind, type, "ortho", True)
        want = scipy_ref(x, (1,), kind, type, "ortho", True)
        assert_close(got, want, dtype, TOL[dtype], f"{kind}-{type} n={n}")


def _views(rng, dtype):
    base = rng.standard_normal((9, 12, 14)).astype(dtype)
    return {
        "contiguous": base,
        "negative-steps": base[::-1, ::2, ::-3],
        "transposed": base.transpose(2, 0, 1),
        "transposed-negative": base.transpose(1, 2, 0)[::-1, 3:, ::-2],
    }


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_strided_views_and_axes(kind, type, dtype):
    rng = np.random.default_rng(3)
    for name, x in _views(rng, dtype).items():
        for axes in [(0,), (1,), (2,), (0, 2), (2, 0, 1)]:
            for norm, orthogonalize in [("backward", False), ("ortho", True)]:
                want = scipy_ref(x, axes, kind, type, norm, orthogonalize)
                got = native(x, axes, kind, type, norm, orthogonalize)
                msg = f"{kind}-{type} {name} axes={axes} {norm}"
                assert_close(got, want, dtype, TOL[dtype], msg)
                # Strided, reversed output.
                out = np.zeros(x.shape[:-1] + (2 * x.shape[-1],), dtype)
                out = out[..., ::-2]
                native(x, axes, kind, type, norm, orthogonalize, out=out)
                assert_close(out, want, dtype, TOL[dtype], msg + " strided out")
        # In place: the output is the input.
        y = np.array(x)
        native(y, (0, 1), kind, type, out=y)
        assert_close(y, scipy_ref(x, (0, 1), kind, type), dtype, TOL[dtype])


@pytest.mark.parametrize("workers", [1, 2])
def test_threads_and_many_lines(workers):
    rng = np.random.default_rng(4)
    for shape, axes in [((300, 64), (1,)), ((64, 300), (0,)), ((2, 20000), (1,))]:
        x = rng.standard_normal(shape)
        for kind, type in TRANSFORMS:
            out = np.empty_like(x)
            r2r(x, out, axes, kind, type, workers=workers)
            assert_close(out, scipy_ref(x, axes, kind, type), np.float64, 1e-12)


def _isas():
    found = []
    for isa in ("baseline", "avx2", "avx512"):
        try:
            _jfft_cpu.set_isa(isa)
        except ValueError:
            continue
        finally:
            _jfft_cpu.set_isa("auto")
        found.append(isa)
    return found


@pytest.mark.parametrize("isa", _isas())
def test_every_isa(isa):
    rng = np.random.default_rng(5)
    _jfft_cpu.set_isa(isa)
    jfft.clear_plan_cache()
    try:
        for n in list(range(1, 70)) + [127, 128, 1000, 1024, 4096]:
            for dtype in (np.float32, np.float64):
                x = rng.standard_normal((17, n)).astype(dtype)
                for kind, type in TRANSFORMS:
                    if n < min_length(kind, type):
                        continue
                    for axes in [(1,), (0, 1)]:
                        got = native(x, axes, kind, type, "ortho", True)
                        want = scipy_ref(x, axes, kind, type, "ortho", True)
                        msg = f"{isa} {kind}-{type} n={n} axes={axes}"
                        assert_close(got, want, dtype, TOL[dtype], msg)
    finally:
        _jfft_cpu.set_isa("auto")
        jfft.clear_plan_cache()


def test_engine_errors():
    x = np.ones((3, 4))
    out = np.empty_like(x)
    with pytest.raises(ValueError, match="DCT-I needs a length"):
        r2r(np.ones((3, 1)), np.empty((3, 1)), [1], "dct", 1)
    with pytest.raises(ValueError, match="no input end factor"):
        r2r(x, out, [1], "dct", 2, pre=2.0)
    with pytest.raises(ValueError, match="no output end factor"):
        r2r(x, out, [1], "dst", 4, post=2.0)
    with pytest.raises(ValueError, match="type 5"):
        r2r(x, out, [1], "dct", 5)
    with pytest.raises(ValueError, match="kind"):
        r2r(x, out, [1], "fft", 2)
    with pytest.raises(ValueError, match="out of range"):
        r2r(x, out, [2], "dct", 2)
    with pytest.raises(ValueError, match="repeated"):
        r2r(x, out, [1, -1], "dct", 2)
    with pytest.raises(ValueError, match="shapes differ"):
        r2r(x, np.empty((3, 5)), [1], "dct", 2)
    with pytest.raises(TypeError, match="both float32 or both float64"):
        r2r(x.astype(np.float32), out, [1], "dct", 2)
    # Empty arrays and no axes.
    empty = np.ones((0, 4))
    r2r(empty, np.empty_like(empty), [1], "dct", 2)
    r2r(x, out, [], "dct", 2, scale=3.0)
    np.testing.assert_array_equal(out, 3 * x)


# Through JAX ----------------------------------------------------------------


@pytest.fixture
def native_everywhere(monkeypatch):
    """The public API on the native primitive at every length (short lines
    use the FFT-based algorithms by default), with traces made afresh."""
    monkeypatch.setattr(_realtransforms, "NATIVE_R2R_MIN_LENGTH", 1)
    jax.clear_caches()
    yield
    jax.clear_caches()


def _bind(x, kind, type, axes, pre=1.0, post=1.0, scale=1.0, backend="native"):
    return r2r_p.bind(
        x,
        kind=kind,
        type=type,
        axes=axes,
        pre=pre,
        post=post,
        scale=scale,
        workers=1,
        backend=backend,
    )


def _end_factors(kind, type, n, pre, post):
    """Diagonals of the primitive's end factors (pre on the input, post on the
    output), by the primitive's documented ends."""
    a, b = np.ones(n), np.ones(n)
    if (kind, type) == ("dct", 1):
        a[[0, -1]], b[[0, -1]] = pre, post
    elif type == 3:
        a[0 if kind == "dct" else -1] = pre
    elif type == 2:
        b[0 if kind == "dct" else -1] = post
    return a, b


def _dense(kind, type, n, pre=1.0, post=1.0, scale=1.0):
    """The primitive's matrix on length n, from scipy's unnormalised one."""
    a, b = _end_factors(kind, type, n, pre, post)
    m = getattr(scipy.fft, kind)(np.eye(n), type=type, axis=0)
    return scale * (b[:, None] * m * a[None, :])


def _factors(kind, type):
    """Non-trivial end factors that the primitive takes for this type."""
    dct1 = (kind, type) == ("dct", 1)
    pre = 1.7 if dct1 or type == 3 else 1.0
    post = 0.3 if dct1 or type == 2 else 1.0
    return pre, post


@pytest.mark.parametrize("backend", ["native", "xla"])
@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_primitive_values_and_transpose(kind, type, backend):
    n = 7
    pre, post = _factors(kind, type)
    dense = _dense(kind, type, n, pre, post, 0.5)
    rng = np.random.default_rng(6)
    x = rng.standard_normal((3, n))

    def f(x):
        return _bind(x, kind, type, (1,), pre, post, 0.5, backend)

    assert_close(jax.jit(f)(x), x @ dense.T, np.float64, 1e-12)
    y = rng.standard_normal((3, n))
    (ct,) = jax.linear_transpose(f, x)(y)
    assert_close(ct, y @ dense, np.float64, 1e-12, "transpose")
    # Twice transposed: the map itself.
    (back,) = jax.linear_transpose(lambda y: jax.linear_transpose(f, x)(y)[0], y)(x)
    assert_close(back, x @ dense.T, np.float64, 1e-12, "transpose of transpose")


@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_public_api_uses_native_and_matches_scipy(kind, type, native_everywhere):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((4, 6, 5))
    jaxpr = str(jax.make_jaxpr(lambda x: getattr(jfft, kind)(x, type=type))(x))
    assert "r2r[" in jaxpr
    for norm in (None, "ortho", "forward"):
        for orthogonalize in (None, True, False):
            kw = {"type": type, "norm": norm, "orthogonalize": orthogonalize}
            for name in (kind, "i" + kind):
                got = getattr(jfft, name)(x, axis=1, **kw)
                want = getattr(scipy.fft, name)(x, axis=1, **kw)
                assert_close(got, want, np.float64, 1e-12, f"{name} {kw}")
            for name in (kind + "n", "i" + kind + "n"):
                got = getattr(jfft, name)(x, axes=(0, 2), **kw)
                want = getattr(scipy.fft, name)(x, axes=(0, 2), **kw)
                assert_close(got, want, np.float64, 1e-12, f"{name} {kw}")
    x32 = x.astype(np.float32)
    got = getattr(jfft, kind + "n")(x32, type=type, norm="ortho")
    assert got.dtype == np.float32
    want = getattr(scipy.fft, kind + "n")(x, type=type, norm="ortho")
    assert_close(got, want, np.float32, 2e-5)


@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_gradients(kind, type, native_everywhere):
    """Second derivatives, both modes, of the native forward and inverse
    transforms with and without orthogonalize (odd and even lengths for the
    type-4 paths)."""
    rng = np.random.default_rng(8)
    for n in (5, 6):
        x = jnp.asarray(rng.standard_normal((2, n)))

        @jax.jit
        def f(x):
            a = getattr(jfft, kind)(x, type=type, norm="ortho")
            b = getattr(jfft, "i" + kind)(x, type=type, orthogonalize=True)
            c = getattr(jfft, kind + "n")(x, type=type, norm="forward")
            return jnp.sin(jnp.concatenate([a, b, c], axis=-1))

        check_grads(f, (x,), order=2, modes=("fwd", "rev"))


@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_linear_transpose_of_public_api(kind, type, native_everywhere):
    n = 6
    rng = np.random.default_rng(9)
    x = rng.standard_normal(n)
    for name in (kind, "i" + kind):
        for norm, orthogonalize in [(None, False), ("ortho", True), ("forward", None)]:
            kw = {"type": type, "norm": norm, "orthogonalize": orthogonalize}
            dense = getattr(scipy.fft, name)(np.eye(n), axis=0, **kw)
            y = rng.standard_normal(n)
            (ct,) = jax.linear_transpose(
                lambda x, name=name, kw=kw: getattr(jfft, name)(x, **kw), x
            )(y)
            assert_close(ct, dense.T @ y, np.float64, 1e-12, f"{name} {kw}")


@pytest.mark.parametrize("kind,type", TRANSFORMS)
def test_vmap(kind, type, native_everywhere):
    rng = np.random.default_rng(10)
    x = rng.standard_normal((5, 3, 4))  # batch along axis 1
    fn = getattr(jfft, kind + "n")
    got = jax.vmap(lambda t: fn(t, type=type, norm="ortho"), in_axes=1)(x)
    want = np.stack(
        [
            getattr(scipy.fft, kind + "n")(x[:, i], type=type, norm="ortho")
            for i in range(3)
        ]
    )
    assert_close(got, want, np.float64, 1e-12)


def test_short_lines_keep_fft_based_path():
    x = np.random.default_rng(12).standard_normal((3, 8))
    assert "r2r[" not in str(jax.make_jaxpr(lambda x: jfft.dct(x))(x))
    y = np.random.default_rng(12).standard_normal((3, 64))
    assert "r2r[" in str(jax.make_jaxpr(lambda x: jfft.dct(x))(y))


def test_fallback_keeps_fft_based_path():
    x = np.random.default_rng(11).standard_normal((3, 64))
    with jfft.xla_fallback():
        jaxpr = str(jax.make_jaxpr(lambda x: jfft.dct(x))(x))
        assert "r2r[" not in jaxpr
        assert_close(jfft.dct(x), scipy.fft.dct(x), np.float64, 1e-12)


def test_off_the_cpu_lowers_to_fft_based_algorithms():
    # Lowered for CUDA (no GPU needed), the r2r primitive becomes the
    # FFT-based algorithms on the FFT primitives: no jfft_r2r custom call.
    targets = ("jfft_c2c", "jfft_r2c", "jfft_c2r")
    x = np.ones((4, 8), np.float32)
    for kind in KINDS:
        for type in TYPES:
            fn = getattr(jfft, kind)
            exported = jax.export.export(
                jax.jit(lambda v, fn=fn, type=type: fn(v, type=type, norm="ortho")),
                platforms=["cuda"],
                disabled_checks=[
                    jax.export.DisabledSafetyCheck.custom_call(t) for t in targets
                ],
            )(x)
            text = exported.mlir_module()
            assert "jfft_r2r" not in text
            assert "stablehlo.fft" in text or any(t in text for t in targets)

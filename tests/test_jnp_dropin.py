"""jfft as a drop-in for jax.numpy.fft, with jax.numpy.fft as the reference:
signatures, dtypes, values, empty inputs, errors, the freq/shift helpers and
strict dtype promotion (the behaviours JAX's own tests/fft_test.py checks).

Where jfft deliberately computes a result that jnp.fft refuses (README,
"Differences from jax.numpy.fft"), the test says so and checks jfft against
numpy/scipy instead.
"""

import inspect
import itertools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.fft
from conftest import assert_close

import jfft

PUBLIC = sorted(
    name
    for name in dir(jnp.fft)
    if not name.startswith("_") and callable(getattr(jnp.fft, name))
)
ONE_D = ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
N_D = ("fftn", "ifftn", "rfftn", "irfftn", "fft2", "ifft2", "rfft2", "irfft2")
REAL_IN = ("rfft", "ihfft", "rfftn", "rfft2")
DTYPES = (np.float32, np.float64, np.int32, np.bool_, np.complex64, np.complex128)


def _input(rng, shape, dtype):
    x = rng.standard_normal(shape) * 3
    if np.issubdtype(dtype, np.complexfloating):
        x = x + 1j * rng.standard_normal(shape)
    if dtype == np.bool_:
        return x > 0
    return x.astype(dtype)


@pytest.mark.parametrize("name", PUBLIC)
def test_signature_is_a_superset_of_jnp(name):
    theirs = inspect.signature(getattr(jnp.fft, name)).parameters
    ours = inspect.signature(getattr(jfft, name)).parameters
    for pname, param in theirs.items():
        assert pname in ours, f"{name} lacks {pname}"
        assert ours[pname].kind == param.kind, (name, pname)
        assert ours[pname].default == param.default, (name, pname)
    for pname in set(ours) - set(theirs):  # jfft's extras: keyword-only
        assert ours[pname].kind == inspect.Parameter.KEYWORD_ONLY, (name, pname)


def _fftn_axes(ndim):
    axes = [None, ()]
    for count in range(1, min(ndim, 3) + 1):
        axes.extend(itertools.combinations(range(ndim), count))
    axes.extend((-i,) for i in range(1, ndim + 1))
    return axes


FFTN_CASES = [
    (name, shape, axes, dtype)
    for name in ("fftn", "ifftn", "rfftn", "irfftn")
    for shape in [(10,), (10, 10), (9,), (2, 3, 4), (2, 3, 4, 5)]
    for axes in _fftn_axes(len(shape))
    for dtype in (
        (np.float32, np.int32, np.bool_)
        if name == "rfftn"
        else (np.float64, np.complex64)
    )
    if not (axes == () and name in ("rfftn", "irfftn"))  # see test below
]


@pytest.mark.parametrize("name,shape,axes,dtype", FFTN_CASES)
def test_fftn_matches_jnp(name, shape, axes, dtype):
    x = _input(np.random.default_rng(0), shape, dtype)
    want = getattr(jnp.fft, name)(x, axes=axes)
    got = getattr(jfft, name)(x, axes=axes)
    assert got.dtype == want.dtype
    assert_close(got, want, np.float32, tol=1e-4)


@pytest.mark.parametrize("name", [*ONE_D, "fft2", "ifft2", "rfft2"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_dtypes_and_values_match_jnp(name, dtype):
    if name in REAL_IN and np.issubdtype(dtype, np.complexfloating):
        pytest.skip("complex input to a real transform: an error in both")
    x = _input(np.random.default_rng(1), (4, 10), dtype)
    for axis_kw in ({}, {"axis": 0} if name in ONE_D else {"axes": (1, 0)}):
        want = getattr(jnp.fft, name)(x, **axis_kw)
        got = getattr(jfft, name)(x, **axis_kw)
        assert got.dtype == want.dtype, axis_kw
        assert_close(got, want, np.float32, tol=1e-4)


@pytest.mark.parametrize("name", ONE_D + N_D)
@pytest.mark.parametrize("shape", [(0,), (0, 4), (4, 0), (3, 0, 2)])
def test_empty_input(name, shape):
    dtype = np.float32 if name in REAL_IN else np.complex64
    x = jnp.zeros(shape, dtype)
    if len(shape) < 2 and name.endswith("2"):
        pytest.skip("fft2 of a 1-D array: an axis error in both")
    got = getattr(jfft, name)(x)
    try:
        want = getattr(jnp.fft, name)(x)
    except ValueError:
        # jnp.fft fails to lower a zero-length half spectrum (rfft of (0,),
        # rfftn of (4, 0)); jfft: empty in, empty out (README).
        assert got.size == 0 and got.ndim == x.ndim
        assert got.dtype == np.complex64
        return
    assert got.shape == want.shape
    assert got.dtype == want.dtype


@pytest.mark.parametrize("name", ONE_D)
def test_empty_input_padded_by_n(name):
    dtype = np.float32 if name in REAL_IN else np.complex64
    got = getattr(jfft, name)(jnp.zeros((0,), dtype), n=6)
    want = getattr(np.fft, name)(np.zeros(0, dtype), n=6)
    assert got.shape == want.shape
    # The zero-padded signal is all zeros (numpy 2.x's irfft/hfft of an empty
    # input with n given returns uninitialised memory, so not its values).
    np.testing.assert_array_equal(got, np.zeros(want.shape))


@pytest.mark.parametrize("name", ONE_D)
@pytest.mark.parametrize("axis", [[1, 1], (1, 1), [1], (0,)])
def test_sequence_as_axis_is_a_value_error(name, axis):
    x = jnp.ones((2, 3), np.float32 if name in REAL_IN else np.complex64)
    with pytest.raises(ValueError):
        getattr(jnp.fft, name)(x, axis=axis)
    with pytest.raises(ValueError, match=f"use {name}n"):
        getattr(jfft, name)(x, axis=axis)


@pytest.mark.parametrize("name", ONE_D + N_D)
def test_out_of_range_and_repeated_axes(name):
    x = jnp.ones((2, 3), np.float32 if name in REAL_IN else np.complex64)
    f = getattr(jfft, name)
    if name in ONE_D:
        for axis in (2, -3):
            with pytest.raises(ValueError, match="axis"):
                f(x, axis=axis)
        return
    for axes in ([2], [-3], [1, 1]):
        if name.endswith("2") and len(axes) == 1:
            axes = axes + [0]
        with pytest.raises(ValueError, match="ax"):
            f(x, axes=axes)


@pytest.mark.parametrize("arg", ["n", "axis"])
def test_traced_length_or_axis_says_to_make_it_static(arg):
    x = jnp.ones(8, np.complex64)
    fn = jax.jit(lambda x, v: jfft.fft(x, **{arg: v}))
    with pytest.raises(TypeError, match=f"static_argnames='{arg}'"):
        fn(x, 0 if arg == "axis" else 8)
    static = jax.jit(lambda x, v: jfft.fft(x, **{arg: v}), static_argnames="v")
    assert_close(static(x, 0 if arg == "axis" else 8), np.fft.fft(x), np.complex64)


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
@pytest.mark.parametrize("size", [1, 9, 10, 101, 102])
@pytest.mark.parametrize("d", [0.1, 2.0])
@pytest.mark.parametrize(
    "dtype", [None, np.float32, np.float64, np.int32, np.complex64, np.float16]
)
def test_freq_matches_jnp(name, size, d, dtype):
    got = getattr(jfft, name)(size, d=d, dtype=dtype)
    if dtype is not None and np.issubdtype(np.dtype(dtype), np.integer):
        # jnp >= 0.9 computes in float and casts; older jnp divides in the
        # integer dtype (nan for d * n < 1). jfft does the former.
        want = getattr(np.fft, name)(size, d=d).astype(dtype)
        assert got.dtype == dtype
        np.testing.assert_array_equal(got, want)
        return
    want = getattr(jnp.fft, name)(size, d=d, dtype=dtype)
    assert got.dtype == want.dtype
    assert got.shape == want.shape
    np.testing.assert_allclose(np.asarray(got), np.asarray(want), rtol=1e-3)
    # and numpy's values
    ref = getattr(np.fft, name)(size, d=d)
    if dtype is None or np.issubdtype(np.dtype(dtype), np.inexact):
        np.testing.assert_allclose(np.asarray(got).real, ref, rtol=1e-3, atol=1e-3)


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
def test_freq_device_and_traced_spacing(name):
    device = jax.devices()[0]
    got = getattr(jfft, name)(8, d=0.5, device=device)
    assert got.devices() == {device}
    sharding = jax.sharding.SingleDeviceSharding(device)
    got = getattr(jfft, name)(8, device=sharding)
    assert got.sharding == sharding
    traced = jax.jit(lambda d: getattr(jfft, name)(8, d=d))(0.5)
    np.testing.assert_allclose(traced, getattr(np.fft, name)(8, d=0.5))


@pytest.mark.parametrize("name", ["fftfreq", "rfftfreq"])
def test_freq_errors(name):
    f = getattr(jfft, name)
    for n in ([0, 1, 2], 2.5, "8", True):
        with pytest.raises(ValueError, match="n:"):
            f(n)
    with pytest.raises(ValueError, match="n:"):
        f(-1)
    with pytest.raises(ValueError, match="d:"):
        f(10, d=[0, 1, 2])
    with pytest.raises(TypeError, match="dtype"):
        f(10, dtype=np.str_)
    with pytest.raises(ValueError, match="n:"):
        f(2**62)
    # numpy divides by zero for n = 0; fftfreq(0) is empty in jnp and jfft,
    # and rfftfreq(0) is empty in jfft (jnp: [nan]), the bins of rfft([]).
    assert f(0).shape == (0,)


@pytest.mark.parametrize("name", ["fftshift", "ifftshift"])
@pytest.mark.parametrize(
    "shape", [[9], [10], [101], [102], [3, 5], [3, 17], [5, 7, 11]]
)
def test_shift_matches_jnp(name, shape):
    x = _input(np.random.default_rng(2), shape, np.float32)
    for axes in _fftn_axes(len(shape)) + [0, -1]:
        want = getattr(jnp.fft, name)(x, axes=axes)
        got = getattr(jfft, name)(x, axes=axes)
        np.testing.assert_array_equal(got, want)


# Strict dtype promotion ----------------------------------------------------


STRICT_NAMES = [n for n in PUBLIC if "freq" not in n and "shift" not in n]


@pytest.mark.parametrize("name", STRICT_NAMES + ["hfftn", "ihfftn", "dct", "dst"])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_strict_promotion_grad_jvp_transpose(name, dtype):
    real_in = name in REAL_IN or name in ("ihfftn", "dct", "dst")
    rng = np.random.default_rng(3)
    x = _input(rng, (4, 6), dtype)
    if not real_in:
        x = (x + 1j * _input(rng, (4, 6), dtype)).astype(np.result_type(dtype, 1j))
    f = getattr(jfft, name)
    x = jnp.asarray(x)

    def loss(fn, x):
        y = fn(x)
        return jnp.sum(jnp.real(y * jnp.conj(y)))

    with jax.numpy_dtype_promotion("strict"):
        y = jax.jit(f)(x)
        grad = jax.jit(jax.grad(lambda x: loss(f, x)))(x)
        _, tangent = jax.jvp(f, (x,), (x,))
        (transposed,) = jax.linear_transpose(f, x)(y)
        batched = jax.vmap(f)(x[None])
    # References: jnp.fft (scipy.fft for what jnp lacks), standard promotion.
    ref = getattr(jnp.fft, name, None)
    if ref is None:
        ref = lambda a: jnp.asarray(getattr(scipy.fft, name)(np.asarray(a)))
        want = ref(x)
        assert_close(y, want, dtype, tol=1e-4)
        return
    want_grad = jax.grad(lambda x: loss(ref, x))(x)
    (want_transposed,) = jax.linear_transpose(ref, x)(y)
    tol = 1e-4
    assert_close(y, ref(x), dtype, tol=tol)
    assert_close(grad, want_grad, dtype, tol=tol)
    assert_close(tangent, ref(x), dtype, tol=tol)
    assert_close(transposed, want_transposed, dtype, tol=tol)
    assert_close(batched[0], ref(x), dtype, tol=tol)


def test_strict_promotion_other_front_ends():
    from jfft import distributed, openvino

    rng = np.random.default_rng(4)
    pairs = jnp.asarray(rng.standard_normal((4, 6, 2)).astype(np.float32))
    real = jnp.asarray(rng.standard_normal((4, 6)).astype(np.float32))
    mesh = jax.make_mesh((1,), ("a",))
    cases = [
        (
            lambda v: openvino.dft(v, [0, 1]),
            pairs,
            lambda v: _pairs(np.fft.fft2(_c(v))),
        ),
        (lambda v: openvino.rdft(v, [0, 1]), real, lambda v: _pairs(np.fft.rfft2(v))),
        (lambda v: distributed.rfftn(v, mesh), real, lambda v: np.fft.rfftn(v)),
        (
            lambda d: jfft.fftfreq(8, d=d),
            jnp.float32(0.5),
            lambda d: np.fft.fftfreq(8, d),
        ),
    ]
    with jax.numpy_dtype_promotion("strict"):
        for f, x, ref in cases:
            assert_close(f(x), ref(np.asarray(x)), np.float32, tol=1e-4)
            jax.grad(lambda v, f=f: jnp.sum(jnp.abs(f(v)) ** 2))(x)


def _c(pairs):
    return pairs[..., 0] + 1j * pairs[..., 1]


def _pairs(z):
    return np.stack([z.real, z.imag], axis=-1)

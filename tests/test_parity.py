"""Every jfft transform against numpy.fft / scipy.fft on random problems."""

import functools

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.fft
from conftest import (
    ALL_FUNCS,
    FUNCS_1D,
    NORMS,
    REAL_INPUT,
    REAL_OUTPUT,
    TOL,
    assert_close,
    call,
    kind,
    output_dtype,
    random_input,
    reference,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import jfft

# Transformed-axis lengths: primes, powers of two, composites and length 1.
SIZES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 20, 31, 32)
SMALL_SIZES = (1, 2, 3, 4, 5, 6, 7, 8)
LONG_SIZES = SIZES + (64, 97, 100, 128, 210, 243)
CASES_PER_FUNC = 12


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _s_entry(rng, length, c2r_last):
    """A random s / n entry for an axis of input length `length`."""
    if c2r_last:
        # Output length of a complex-to-real axis: anything from 1 to past 2m.
        return -1 if rng.random() < 0.15 else int(rng.integers(1, 2 * length + 3))
    choice = rng.integers(4)
    if choice == 0:
        return -1
    if choice == 1 or length == 1:
        return length
    if choice == 2:
        return int(rng.integers(1, length))  # crop
    return length + int(rng.integers(1, 6))  # zero-pad


def make_case(name, idx):
    """A deterministic random problem for transform `name`."""
    rng = np.random.default_rng([ALL_FUNCS.index(name), idx, 12345])
    c2r = name in REAL_OUTPUT
    case = {"norm": _pick(rng, NORMS), "n": None, "axis": -1, "s": None, "axes": None}
    k = kind(name)
    if k == "1d":
        ndim = int(rng.integers(1, 4))
        shape = [int(rng.integers(1, 4)) for _ in range(ndim)]
        axis = int(rng.integers(-ndim, ndim))
        shape[axis] = _pick(rng, LONG_SIZES)
        if rng.random() < 0.5:
            case["n"] = _s_entry(rng, shape[axis], c2r)
            if case["n"] == -1:  # n=-1 is an error for the 1-D functions
                case["n"] = shape[axis]
        elif c2r and shape[axis] == 1:
            shape[axis] = 2  # default output length would be 0
        case["axis"] = axis
    else:
        if k == "2d":
            ndim = int(rng.integers(2, 4))
            nax = 2
        else:
            ndim = int(rng.integers(1, 5))
            nax = int(rng.integers(1, ndim + 1))
        pool = SIZES if ndim <= 2 else SMALL_SIZES
        shape = [_pick(rng, pool) for _ in range(ndim)]
        mode = rng.integers(3)
        if mode == 0 and k == "2d":
            axes = None
            eff = [ndim - 2, ndim - 1]
        elif mode == 0:
            axes = None
            eff = list(range(ndim - nax, ndim))
        else:
            eff = [int(a) for a in rng.permutation(ndim)[:nax]]
            axes = [a - ndim if rng.random() < 0.5 else a for a in eff]
            axes = tuple(axes) if rng.random() < 0.5 else axes
        use_s = rng.random() < 0.6
        if use_s:
            s = [
                _s_entry(rng, shape[a], c2r and i == len(eff) - 1)
                for i, a in enumerate(eff)
            ]
            case["s"] = tuple(s)
        if k == "nd" and axes is None and not use_s and mode == 0:
            eff = list(range(ndim))  # fftn with neither s nor axes: all axes
        if c2r and not use_s and shape[eff[-1]] == 1:
            shape[eff[-1]] = 2
        case["axes"] = axes
    case["shape"] = tuple(shape)
    case["single"] = bool(idx % 2)
    case["jit"] = idx % 4 >= 2
    case["seed"] = idx
    return case


PARAMS = [(name, i) for name in ALL_FUNCS for i in range(CASES_PER_FUNC)]


@pytest.mark.parametrize("name,idx", PARAMS)
def test_random_problem(name, idx):
    case = make_case(name, idx)
    rng = np.random.default_rng(case["seed"] + 1000)
    x = random_input(rng, name, case["shape"], case["single"])
    args = {k: case[k] for k in ("n", "axis", "s", "axes", "norm")}
    want = reference(name, x, **args)
    f = getattr(jfft, name)
    if case["jit"]:
        got = jax.jit(lambda v: call(f, name, v, **args))(jnp.asarray(x))
    else:
        got = call(f, name, x, **args)
    assert got.dtype == output_dtype(name, x.dtype), (case, got.dtype)
    assert_close(got, want, x.dtype, err_msg=str(case))


LENGTHS = (1, 2, 3, 4, 5, 7, 8, 16, 17, 30, 31, 32, 64, 97, 100, 127, 128, 210)
LENGTHS += (243, 256, 257, 1000, 1009, 1024)


@pytest.mark.parametrize("single", [False, True], ids=["f64", "f32"])
@pytest.mark.parametrize("name", FUNCS_1D)
def test_1d_lengths(name, single):
    rng = np.random.default_rng(7)
    bad = []
    for length in LENGTHS:
        if name in REAL_OUTPUT:
            # Output length `length` from length // 2 + 1 complex inputs.
            x = random_input(rng, name, (2, length // 2 + 1), single)
            n = length
        else:
            x = random_input(rng, name, (2, length), single)
            n = None
        got = getattr(jfft, name)(x, n=n)
        want = reference(name, x, n=n)
        err = np.inf if got.shape != want.shape else _rel(got, want)
        if got.dtype != output_dtype(name, x.dtype) or err > TOL[x.dtype]:
            bad.append((length, str(got.dtype), err))
    assert not bad, f"{name}: failing lengths (length, dtype, rel err): {bad}"


def _rel(got, want):
    got = np.asarray(got).astype(want.dtype)
    return float(np.max(np.abs(got - want)) / max(np.max(np.abs(want)), 1e-300))


LARGER = [
    ("fft", (300, 250), {}),
    ("ifft", (65537,), {}),
    ("rfft", (2, 2**16), {"norm": "ortho"}),
    ("irfft", (3, 15016), {"n": 30030}),
    ("rfftn", (40, 60, 30), {}),
    ("irfft2", (128, 65), {}),
    ("ifftn", (50, 7, 64), {"axes": (0, 2)}),
    ("hfft2", (9, 96, 33), {"axes": (0, 2)}),
]


@pytest.mark.parametrize("single", [False, True], ids=["f64", "f32"])
@pytest.mark.parametrize(
    "name,shape,kw", LARGER, ids=[f"{c[0]}-{'x'.join(map(str, c[1]))}" for c in LARGER]
)
def test_larger_problems(name, shape, kw, single):
    rng = np.random.default_rng(len(shape))
    x = random_input(rng, name, shape, single)
    got = getattr(jfft, name)(x, **kw)
    assert got.dtype == output_dtype(name, x.dtype)
    assert_close(got, reference(name, x, **kw), x.dtype)


@settings(max_examples=20, deadline=None, derandomize=True, database=None)
@given(data=st.data())
def test_fftn_family_hypothesis(data):
    name = data.draw(st.sampled_from(["fftn", "ifftn", "rfftn", "irfftn"]))
    ndim = data.draw(st.integers(1, 3))
    shape = data.draw(
        st.lists(
            st.sampled_from((1, 2, 3, 4, 5, 7, 8, 12)), min_size=ndim, max_size=ndim
        )
    )
    axes = data.draw(st.permutations(range(ndim)))
    axes = axes[: data.draw(st.integers(1, ndim))]
    s = None
    if data.draw(st.booleans()):
        s = [data.draw(st.sampled_from((-1, 1, 2, 3, 6, 9))) for _ in axes]
    if name == "irfftn" and s is None and shape[axes[-1]] == 1:
        shape[axes[-1]] = 3
    norm = data.draw(st.sampled_from(NORMS))
    single = data.draw(st.booleans())
    rng = np.random.default_rng(data.draw(st.integers(0, 2**16)))
    x = random_input(rng, name, tuple(shape), single)
    got = getattr(jfft, name)(x, s=s, axes=axes, norm=norm)
    want = reference(name, x, s=s, axes=axes, norm=norm)
    assert got.dtype == output_dtype(name, x.dtype)
    assert_close(got, want, x.dtype, err_msg=f"{name} {shape} s={s} axes={axes}")


# --- input dtypes -----------------------------------------------------------

# jax.numpy.fft's promotion (checked against jnp.fft in test_jnp_dropin.py):
# bool and integers up to 32 bits compute in float32, 64-bit integers in
# the default float (float64 here, with x64 on).
PROMOTED = {
    "bool": (np.bool_, "f32"),
    "int8": (np.int8, "f32"),
    "uint8": (np.uint8, "f32"),
    "int32": (np.int32, "f32"),
    "int64": (np.int64, "f64"),
    "uint64": (np.uint64, "f64"),
    "float16": (np.float16, "f32"),
    "bfloat16": (jnp.bfloat16, "f32"),
}


@pytest.mark.parametrize("name", ALL_FUNCS)
def test_input_dtype_promotion(name):
    rng = np.random.default_rng(3)
    base = rng.integers(0, 5, size=(3, 6)).astype(np.float64)
    failures = []
    for label, (dtype, prec) in PROMOTED.items():
        x = (base > 2) if dtype is np.bool_ else base.astype(dtype)
        for as_jax in (False, True):
            inp = jnp.asarray(x) if as_jax else x
            got = getattr(jfft, name)(inp)
            want = reference(name, np.asarray(x).astype(np.float64))
            exp_dtype = output_dtype(name, np.float32 if prec == "f32" else np.float64)
            if got.dtype != exp_dtype:
                failures.append(
                    (label, as_jax, "dtype", str(got.dtype), str(exp_dtype))
                )
                continue
            tol = 2e-5 if prec == "f32" else 1e-10
            if got.shape != want.shape or _rel(got, want) > tol:
                failures.append((label, as_jax, "value", got.shape, want.shape))
    assert not failures, f"{name}: {failures}"


@pytest.mark.parametrize("single", [False, True], ids=["f64", "f32"])
@pytest.mark.parametrize("name", ALL_FUNCS)
def test_output_dtype_preserves_precision(name, single):
    rng = np.random.default_rng(4)
    x = random_input(rng, name, (4, 6), single)
    got = getattr(jfft, name)(x)
    assert got.dtype == output_dtype(name, x.dtype)
    assert_close(got, reference(name, x), x.dtype)


@pytest.mark.parametrize("name", ["fft", "ifft", "irfft", "hfft", "fft2", "fftn"])
def test_real_input_to_complex_transforms(name):
    # Real input to complex-input transforms promotes like numpy.
    rng = np.random.default_rng(5)
    for dtype in (np.float32, np.float64):
        x = rng.standard_normal((3, 6)).astype(dtype)
        got = getattr(jfft, name)(x)
        assert got.dtype == output_dtype(name, dtype)
        assert_close(got, reference(name, x), dtype)


# --- input containers and argument forms --------------------------------------


@pytest.mark.parametrize("name", ALL_FUNCS)
def test_input_containers(name):
    rng = np.random.default_rng(6)
    x = random_input(rng, name, (3, 5), False)
    want = reference(name, x)
    for inp in (x, jnp.asarray(x), x.tolist()):
        got = getattr(jfft, name)(inp)
        assert got.dtype == output_dtype(name, np.float64), type(inp)
        assert_close(got, want, np.float64, err_msg=str(type(inp)))


def test_axes_as_list_mlx_style():
    rng = np.random.default_rng(8)
    a = random_input(rng, "ifft2", (3, 6, 5), False)
    s = [4, 8]
    got = jfft.ifft2(a, s, axes=[-2, -1])
    assert_close(got, np.fft.ifft2(a, s, axes=(-2, -1)), np.complex128)
    got = jfft.fftn(a, s=[5, 3], axes=[0, 2])
    assert_close(got, np.fft.fftn(a, s=(5, 3), axes=(0, 2)), np.complex128)
    r = a.real.copy()
    got = jfft.rfftn(r, s=[4, 6], axes=[2, 1])
    assert_close(got, np.fft.rfftn(r, s=(4, 6), axes=(2, 1)), np.complex128)
    got = jfft.irfft2(a, [7, 9], [0, 1])
    assert_close(got, np.fft.irfft2(a, (7, 9), axes=(0, 1)), np.float64)
    got = jfft.hfft2(a, axes=[1, 0])
    assert_close(got, scipy.fft.hfft2(a, axes=(1, 0)), np.float64)


def test_numpy_integer_arguments():
    x = np.arange(10.0) + 1j
    got = jfft.fft(x, n=np.int64(6), axis=np.int32(0))
    assert_close(got, np.fft.fft(x, n=6), np.complex128)
    got = jfft.fftn(x.reshape(2, 5), s=(np.int64(3), np.int16(4)))
    assert_close(
        got, np.fft.fftn(x.reshape(2, 5), s=(3, 4), axes=(0, 1)), np.complex128
    )


def test_s_without_axes_uses_last_axes():
    rng = np.random.default_rng(9)
    x = random_input(rng, "fftn", (2, 3, 4, 5), False)
    got = jfft.fftn(x, s=(6, 3))
    assert_close(got, np.fft.fftn(x, s=(6, 3), axes=(2, 3)), np.complex128)
    got = jfft.irfftn(x, s=(-1, 7))
    assert_close(got, np.fft.irfftn(x, s=(4, 7), axes=(2, 3)), np.float64)
    got = jfft.ihfftn(x.real, s=(3,))
    assert_close(got, scipy.fft.ihfftn(x.real, s=(3,), axes=(3,)), np.complex128)


def test_minus_one_in_s():
    rng = np.random.default_rng(10)
    x = random_input(rng, "fftn", (3, 4, 6), False)
    got = jfft.fftn(x, s=(-1, 7), axes=(0, 2))
    assert_close(got, np.fft.fftn(x, s=(3, 7), axes=(0, 2)), np.complex128)
    # -1 for the halved axis of a complex-to-real transform: the input length.
    got = jfft.irfftn(x, s=(5, -1), axes=(1, 2))
    assert_close(got, np.fft.irfftn(x, s=(5, 6), axes=(1, 2)), np.float64)
    got = jfft.hfft2(x, s=(-1, -1))
    assert_close(got, scipy.fft.hfft2(x, s=(4, 6)), np.float64)


# --- complex-to-real semantics -------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5, 6, 7, 8, 9, 16])
@pytest.mark.parametrize("name", ["irfft", "hfft"])
def test_c2r_dc_and_nyquist_imaginary_parts(name, n):
    # Input with nonzero imaginary parts everywhere, including DC and Nyquist:
    # numpy ignores only Im(DC) and, for even n, Im(Nyquist).
    rng = np.random.default_rng(n)
    for m in (n // 2 + 1, n // 2 + 3, max(n // 2 - 1, 1)):
        x = rng.standard_normal((2, m)) + 1j * rng.standard_normal((2, m))
        x[:, 0] += 5j
        for norm in (None, "ortho"):
            got = getattr(jfft, name)(x, n=n, norm=norm)
            want = getattr(np.fft, name)(x, n=n, norm=norm)
            assert_close(got, want, np.float64, err_msg=f"m={m} norm={norm}")
            # Changing the ignored parts must not change the result.
            y = x.copy()
            y[:, 0] += 3j
            if n % 2 == 0 and m > n // 2:
                y[:, n // 2] -= 2j
            got2 = getattr(jfft, name)(y, n=n, norm=norm)
            assert_close(got2, want, np.float64, err_msg=f"perturbed m={m}")


@pytest.mark.parametrize("name", ["irfft2", "irfftn", "hfft2", "hfftn"])
@pytest.mark.parametrize("s", [(4, 6), (5, 7), (3, 8), (2, 1)])
def test_c2r_nd_dc_and_nyquist_imaginary_parts(name, s):
    rng = np.random.default_rng(sum(s))
    x = rng.standard_normal((4, 5)) + 1j * rng.standard_normal((4, 5))
    x[:, 0] += 2j
    x[0, :] -= 1j
    got = getattr(jfft, name)(x, s=s, axes=(0, 1))
    want = reference(name, x, s=s, axes=(0, 1))
    assert_close(got, want, np.float64)


def test_c2r_length_one_with_explicit_n():
    x = np.array([[3.0 + 1.0j], [-2.0 + 4.0j]])
    for name in ("irfft", "hfft"):
        for n in (1, 2, 3):
            got = getattr(jfft, name)(x, n=n)
            assert_close(got, getattr(np.fft, name)(x, n=n), np.float64)
    got = jfft.irfftn(x, s=(2, 1))
    assert_close(got, np.fft.irfftn(x, s=(2, 1), axes=(0, 1)), np.float64)


# --- NaN / Inf, empty arrays -------------------------------------------------


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("name", ALL_FUNCS)
def test_nan_and_inf_propagation(name):
    rng = np.random.default_rng(11)
    x = random_input(rng, name, (4, 6), False)
    # Complex NaNs are NaN in both parts, so every algorithm spreads them
    # alike (a NaN in one part only may stay in that part, which changes
    # the pattern after a later complex-to-real step).
    nan = np.nan if name in REAL_INPUT else complex(np.nan, np.nan)
    for bad, pos in ((nan, (1, 2)), (np.inf, (2, 0)), (-np.inf, (0, 5))):
        y = x.copy()
        y[pos] = bad
        kwargs = {}
        if kind(name) == "nd":
            kwargs["axes"] = (1,)  # lines along the last axis stay independent
        got = np.asarray(getattr(jfft, name)(y, **kwargs))
        want = reference(name, y, axes=kwargs.get("axes"))
        assert got.shape == want.shape
        np.testing.assert_array_equal(np.isfinite(got), np.isfinite(want))
        if bad is nan:
            np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
        finite = np.isfinite(want)
        assert_close(got[finite], want[finite], np.float64)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("name", ["fft2", "rfft2", "irfft2", "ifftn"])
def test_nan_2d_pattern(name):
    rng = np.random.default_rng(12)
    x = random_input(rng, name, (2, 4, 6), False)
    x[1, 2, 3] = np.nan if name in REAL_INPUT else complex(np.nan, np.nan)
    axes = (1, 2) if kind(name) == "nd" else None
    got = np.asarray(
        getattr(jfft, name)(x, axes=axes) if axes else getattr(jfft, name)(x)
    )
    want = reference(name, x, axes=axes)
    assert np.isnan(want[1]).all()
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    assert_close(got[0], want[0], np.float64)


@pytest.mark.parametrize("use_jit", [False, True], ids=["eager", "jit"])
@pytest.mark.parametrize("name", ALL_FUNCS)
def test_empty_batch_axis(name, use_jit):
    x = random_input(np.random.default_rng(0), name, (0, 3, 6), True)
    if kind(name) == "1d":
        args = {"n": None, "axis": -1}
    elif kind(name) == "2d":
        args = {"s": None, "axes": None}
    else:
        args = {"s": None, "axes": (1, 2)}
    f = getattr(jfft, name)
    if use_jit:
        got = jax.jit(lambda v: call(f, name, v, **args))(x)
    else:
        got = call(f, name, x, **args)
    want = reference(name, x, **args)
    assert got.shape == want.shape
    assert got.dtype == output_dtype(name, x.dtype)
    # With n / s too.
    if kind(name) == "1d":
        got = f(x, n=5, axis=1)
        assert got.shape == reference(name, x, n=5, axis=1).shape
    else:
        got = f(x, s=(4, 5), axes=(2, 1))
        assert got.shape == reference(name, x, s=(4, 5), axes=(2, 1)).shape


@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft"])
def test_zero_length_axis_with_explicit_n(name):
    dtype = np.float64 if name in REAL_INPUT else np.complex128
    x = np.zeros((2, 0), dtype=dtype)
    got = getattr(jfft, name)(x, n=4)
    # The zero-padded input is all zeros, so is the result.  (numpy's own
    # irfft returns uninitialised memory here, so compare with zeros.)
    want_shape = (2, 3) if name == "rfft" else (2, 4)
    assert got.shape == want_shape
    assert got.dtype == output_dtype(name, np.float64)
    np.testing.assert_array_equal(np.asarray(got), np.zeros(want_shape))


# --- helpers: fftfreq, rfftfreq, fftshift, ifftshift -------------------------


@pytest.mark.parametrize("d", [1.0, 0.1, 3])
def test_fftfreq_rfftfreq(d):
    for n in (1, 2, 5, 8) if d != 1.0 else range(1, 11):
        for jf, nf in (
            (jfft.fftfreq, np.fft.fftfreq),
            (jfft.rfftfreq, np.fft.rfftfreq),
        ):
            got = jf(n, d)
            assert jnp.issubdtype(got.dtype, jnp.floating)
            assert_close(got, nf(n, d), np.float64, err_msg=f"n={n}")
            got32 = jf(n, d, dtype=np.float32)
            assert got32.dtype == np.float32
            assert_close(got32, nf(n, d), np.float32)
    assert jfft.fftfreq(8, d=0.5).shape == (8,)
    assert jfft.rfftfreq(8, d=0.5).shape == (5,)


@pytest.mark.parametrize("shape", [(5,), (6,), (3, 4), (5, 7), (1, 6, 5)])
def test_fftshift_ifftshift(shape):
    x = np.arange(int(np.prod(shape))).reshape(shape)
    candidates = [None] + list(range(-len(shape), len(shape)))
    if len(shape) >= 2:
        candidates += [(0, -1), [-1, 0], (len(shape) - 1,)]
    for axes in candidates:
        for jf, nf in (
            (jfft.fftshift, np.fft.fftshift),
            (jfft.ifftshift, np.fft.ifftshift),
        ):
            got = jf(x, axes=axes)
            np.testing.assert_array_equal(np.asarray(got), nf(x, axes=axes))
            got = jf(jnp.asarray(x), axes)
            np.testing.assert_array_equal(np.asarray(got), nf(x, axes=axes))
    xs = np.arange(7.0) - 3
    np.testing.assert_array_equal(jfft.ifftshift(jfft.fftshift(xs)), xs)


# --- XLA fallback -----------------------------------------------------------


@pytest.mark.parametrize(
    "name,args",
    [
        ("fft", {"n": 12}),
        ("ifft", {"axis": 0}),
        ("rfft", {"n": 7}),
        ("irfft", {"n": 9}),
        ("hfft", {}),
        ("ihfft", {"norm": "ortho"}),
        ("fftn", {"s": (5, 4), "axes": (1, 0)}),
        ("rfft2", {"norm": "forward"}),
        ("irfftn", {"axes": (0, 1)}),
        ("hfft2", {"s": (4, 5)}),
        ("ihfftn", {}),
    ],
)
def test_xla_fallback_matches_numpy(name, args):
    rng = np.random.default_rng(13)
    x = random_input(rng, name, (6, 5), False)
    f = getattr(jfft, name)
    with jfft.xla_fallback():
        got_eager = f(x, **args)
        got_jit = jax.jit(functools.partial(f, **args))(x)
    want = reference(name, x, **args)
    assert_close(got_eager, want, np.float64)
    assert_close(got_jit, want, np.float64)
    x32 = random_input(rng, name, (6, 5), True)
    with jfft.xla_fallback():
        got32 = jax.jit(functools.partial(f, **args))(x32)
    assert got32.dtype == output_dtype(name, x32.dtype)
    assert_close(got32, reference(name, x32, **args), x32.dtype)


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="native kernels: CPU")
def test_xla_fallback_changes_lowering():
    # A/B switch: fresh traces inside the context use XLA's FFT op, outside
    # they call jfft's native kernels (a custom call).
    x = np.ones((3, 10), dtype=np.complex128)
    r = np.ones((3, 10), dtype=np.float32)
    with jfft.xla_fallback():
        inside = jax.jit(lambda v: jfft.fft(v, n=12)).lower(x).as_text()
        inside_r = jax.jit(lambda v: jfft.irfft(jfft.rfft(v))).lower(r).as_text()
    outside = jax.jit(lambda v: jfft.fft(v, n=12)).lower(x).as_text()
    assert "stablehlo.fft" in inside and "custom_call" not in inside
    assert "stablehlo.fft" in inside_r and "custom_call" not in inside_r
    assert "custom_call" in outside and "stablehlo.fft" not in outside


@pytest.mark.skipif(jax.default_backend() != "cpu", reason="native kernels: CPU")
def test_xla_fallback_applies_to_functions_traced_before():
    # The same jitted function, traced first outside, then inside, then
    # outside the context again: each time the context's choice holds.
    x = np.ones((3, 5), dtype=np.complex64)
    f = jax.jit(jfft.fft)
    assert "custom_call" in f.lower(x).as_text()
    with jfft.xla_fallback():
        assert "custom_call" not in f.lower(x).as_text()
        assert_close(f(x), np.fft.fft(x), np.float32)
    assert "custom_call" in f.lower(x).as_text()
    assert_close(f(x), np.fft.fft(x), np.float32)

"""jfft.signal against scipy.signal (the reference for every function and a
grid of options), gradients by check_grads, vmap against loops, errors;
jfft.next_fast_len against a brute-force search."""

import itertools
import warnings

import jax
import jax.numpy as jnp
import numpy as np
import pytest
import scipy.fft
import scipy.signal as ss
from jax.test_util import check_grads

import jfft
from jfft import _fastlen
from jfft import signal as js

TOL = {np.float32: 2e-5, np.float64: 1e-11}


def close(got, want, dtype, factor=1.0):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, (got.shape, want.shape)
    scale = max(np.abs(want).max(initial=0.0), 1e-30)
    err = np.abs(got - want).max(initial=0.0) / scale
    assert err <= TOL[dtype] * factor, err


def data(shape, dtype, complex_=False, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(shape)
    if complex_:
        x = x + 1j * rng.standard_normal(shape)
        return x.astype(np.complex64 if dtype == np.float32 else np.complex128)
    return x.astype(dtype)


# next_fast_len ---------------------------------------------------------------


def _brute_fast(target, primes):
    n = max(target, 1)
    while True:
        m = n
        for p in primes:
            while m % p == 0:
                m //= p
        if m == 1:
            return n
        n += 1


def test_fast_primes_match_codelet_radices():
    # Every prime factor of a codelet radix, and nothing else.
    primes = {p for r in _fastlen.CODELET_RADICES for p in range(2, r + 1)
              if r % p == 0 and all(p % q for q in range(2, p))}  # fmt: skip
    assert set(_fastlen.FAST_PRIMES) == primes


@pytest.mark.parametrize("real", [False, True])
def test_next_fast_len_brute_force(real):
    for target in range(1, 3000):
        assert jfft.next_fast_len(target, real) == _brute_fast(
            target, _fastlen.FAST_PRIMES
        )
    for target in (10**6 + 1, 2**40 + 1, 3**25 - 1, 10**15 + 7):
        got = jfft.next_fast_len(target)
        assert got >= target
        assert _brute_fast(got, _fastlen.FAST_PRIMES) == got
    assert jfft.next_fast_len(0) == 0


def test_next_fast_len_errors():
    with pytest.raises(TypeError, match="target"):
        jfft.next_fast_len(1.5)
    with pytest.raises(TypeError, match="target"):
        jfft.next_fast_len("8")
    with pytest.raises(ValueError, match="target"):
        jfft.next_fast_len(-1)
    with pytest.raises(ValueError, match="target"):
        jfft.next_fast_len(2**63)
    with pytest.raises(TypeError, match="real"):
        jfft.next_fast_len(8, real=1)


# windows ---------------------------------------------------------------------

WINDOWS = [
    "hann", "hamming", "blackman", "bartlett", "boxcar", "tukey", "triang",
    "flattop", "blackmanharris", "nuttall", "bohman", "parzen", "barthann",
    "cosine", "lanczos", "exponential", ("kaiser", 8.0), ("gaussian", 2.5),
    ("tukey", 0.3), ("general_gaussian", 1.5, 4.0), ("general_hamming", 0.6),
    ("general_cosine", [0.5, 0.3, 0.2]), 4.0, "hann_symmetric", "hann_periodic",
    "rect", "han",
]  # fmt: skip


@pytest.mark.parametrize("window", WINDOWS, ids=str)
def test_get_window(window):
    for n, fftbins in itertools.product([1, 2, 5, 8, 33], [True, False]):
        want = ss.get_window(window, n, fftbins=fftbins)
        got = js.get_window(window, n, fftbins=fftbins)
        assert got.dtype == np.float64
        np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-15)


def test_get_window_errors():
    with pytest.raises(ValueError, match="window: unknown window name 'hanning2'"):
        js.get_window("hanning2", 8)
    with pytest.raises(ValueError, match="window: 'kaiser' needs parameters"):
        js.get_window("kaiser", 8)
    with pytest.raises(ValueError, match="window: 'hann' takes no parameters"):
        js.get_window(("hann", 1.0), 8)
    with pytest.raises(ValueError, match="Nx"):
        js.get_window("hann", 0)
    with pytest.raises(ValueError, match="window"):
        js.get_window(object(), 8)
    with pytest.raises(ValueError, match="fftbins"):
        js.get_window("hann", 8, fftbins=1)


# stft / istft / spectrogram / welch / csd --------------------------------------

STFT_OPTIONS = [
    {"nperseg": 64},
    {"nperseg": 63, "noverlap": 40, "nfft": 80},
    {"nperseg": 32, "noverlap": 0, "boundary": None, "padded": False},
    {"nperseg": 50, "boundary": "even", "scaling": "psd", "window": ("kaiser", 5.0)},
    {"nperseg": 48, "boundary": "odd", "detrend": "constant", "fs": 3.0},
    {
        "nperseg": 40,
        "boundary": "constant",
        "detrend": "linear",
        "return_onesided": False,
    },
    {"nperseg": 31, "window": np.hamming(31), "noverlap": 30},
]


KINDS = [(np.float32, False), (np.float64, True)]


@pytest.mark.parametrize(("dtype", "complex_"), KINDS)
@pytest.mark.parametrize("options", STFT_OPTIONS, ids=str)
def test_stft_scipy(options, complex_, dtype):
    x = data((2, 301), dtype, complex_)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f0, t0, z0 = ss.stft(x, **options)
        f1, t1, z1 = js.stft(x, **options)
    np.testing.assert_allclose(f1, f0)
    np.testing.assert_allclose(t1, t0)
    assert z1.dtype == z0.dtype
    close(z1, z0, dtype, 10)


@pytest.mark.parametrize("axis", [0, 1, -3])
def test_stft_axis(axis):
    x = data((40, 50, 3), np.float64)
    _f0, _t0, z0 = ss.stft(x, nperseg=16, axis=axis)
    _f1, _t1, z1 = js.stft(x, nperseg=16, axis=axis)
    close(z1, z0, np.float64)


ISTFT_OPTIONS = [
    {"nperseg": 64},
    {"nperseg": 63, "noverlap": 40},
    {"nperseg": 32, "noverlap": 24, "nfft": 48, "scaling": "psd"},
    {"nperseg": 40, "window": ("tukey", 0.5), "noverlap": 30, "boundary": False},
]


@pytest.mark.parametrize(
    ("dtype", "onesided"), [(np.float32, True), (np.float64, False)]
)
@pytest.mark.parametrize("options", ISTFT_OPTIONS, ids=str)
def test_istft_scipy(options, onesided, dtype):
    x = data((3, 257), dtype, complex_=not onesided)
    stft_options = {k: v for k, v in options.items() if k != "boundary"}
    if options.get("boundary") is False:
        stft_options.update(boundary=None, padded=False)
    _, _, z = ss.stft(x, return_onesided=onesided, **stft_options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t0, y0 = ss.istft(z, input_onesided=onesided, **options)
        t1, y1 = js.istft(z, input_onesided=onesided, **options)
    np.testing.assert_allclose(t1, t0)
    assert y1.dtype == y0.dtype
    close(y1, y0, dtype, 10)
    if options.get("boundary") is not False:  # a round trip
        close(y1[..., :257], x, dtype, 10)


def test_istft_axes():
    x = data((30, 2, 300), np.float64)
    _, _, z = ss.stft(x, nperseg=32)  # [30, 2, 17, T]
    z = np.moveaxis(z, (-2, -1), (0, 2))  # freq 0, time 2
    t0, y0 = ss.istft(z, nperseg=32, freq_axis=0, time_axis=2)
    t1, y1 = js.istft(z, nperseg=32, freq_axis=0, time_axis=2)
    close(y1, y0, np.float64)
    np.testing.assert_allclose(t1, t0)


def test_istft_nola_warns():
    z = ss.stft(data(200, np.float64), nperseg=16, noverlap=0, window="hann")[2]
    with pytest.warns(UserWarning, match="NOLA"):
        _, y1 = js.istft(z, nperseg=16, noverlap=0, window="hann")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, y0 = ss.istft(z, nperseg=16, noverlap=0, window="hann")
    close(y1, y0, np.float64)


SPECTRAL_OPTIONS = [
    {},
    {"nperseg": 64, "noverlap": 10, "nfft": 100, "scaling": "spectrum"},
    {"nperseg": 33, "detrend": "linear", "return_onesided": False, "fs": 10.0},
    {"nperseg": 32, "detrend": False, "window": "blackman", "noverlap": 31},
]


@pytest.mark.parametrize(("dtype", "complex_"), KINDS)
@pytest.mark.parametrize("options", SPECTRAL_OPTIONS[:3:2], ids=str)
@pytest.mark.parametrize("mode", ["psd", "complex", "magnitude", "angle", "phase"])
def test_spectrogram_scipy(mode, options, complex_, dtype):
    x = data((2, 600), dtype, complex_)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f0, t0, s0 = ss.spectrogram(x, mode=mode, **options)
        f1, t1, s1 = js.spectrogram(x, mode=mode, **options)
    np.testing.assert_allclose(f1, f0)
    np.testing.assert_allclose(t1, t0)
    assert s1.dtype == s0.dtype
    if mode in ("angle", "phase"):  # compare where the phase is well defined
        _, _, mag = ss.spectrogram(x, mode="magnitude", **options)
        keep = mag > 1e-3 * mag.max()
        diff = np.angle(np.exp(1j * (np.asarray(s1) - s0)))[keep]
        assert np.abs(diff).max() < (1e-3 if dtype == np.float32 else 1e-8)
        return
    close(s1, s0, dtype, 10)


@pytest.mark.parametrize(("dtype", "average"), [(np.float32, "median"),
                                                (np.float64, "mean")])  # fmt: skip
@pytest.mark.parametrize("options", SPECTRAL_OPTIONS, ids=str)
def test_welch_csd_scipy(average, options, dtype):
    x = data((3, 1000), dtype)
    y = data((3, 900), dtype, complex_=True, seed=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        f0, p0 = ss.welch(x, average=average, **options)
        f1, p1 = js.welch(x, average=average, **options)
        np.testing.assert_allclose(f1, f0)
        assert p1.dtype == p0.dtype
        close(p1, p0, dtype, 10)
        options = {k: v for k, v in options.items() if k != "return_onesided"}
        f0, p0 = ss.csd(x, y, average=average, return_onesided=False, **options)
        f1, p1 = js.csd(x, y, average=average, return_onesided=False, **options)
        np.testing.assert_allclose(f1, f0)
        close(p1, p0, dtype, 10)
        f0, p0 = ss.csd(x, x[0, ::-1], average=average, **options)
        f1, p1 = js.csd(x, x[0, ::-1], average=average, **options)
        close(p1, p0, dtype, 10)


def test_welch_axis():
    x = data((500, 3), np.float64)
    _f0, p0 = ss.welch(x, nperseg=64, axis=0)
    _f1, p1 = js.welch(x, nperseg=64, axis=0)
    close(p1, p0, np.float64)


def test_spectral_errors():
    x = np.zeros(100)
    with pytest.raises(ValueError, match="noverlap"):
        js.stft(x, nperseg=32, noverlap=32)
    with pytest.raises(ValueError, match="nfft"):
        js.stft(x, nperseg=32, nfft=16)
    with pytest.raises(ValueError, match="nperseg"):
        js.stft(x, nperseg=0)
    with pytest.raises(ValueError, match="nperseg"):
        js.stft(x, window=np.ones(16), nperseg=32)
    with pytest.raises(ValueError, match="boundary"):
        js.stft(x, nperseg=32, boundary="zero")
    with pytest.raises(ValueError, match="scaling"):
        js.stft(x, nperseg=32, scaling="density")
    with pytest.raises(ValueError, match="window: unknown"):
        js.welch(x, window="hannn")
    with pytest.raises(ValueError, match="mode"):
        js.spectrogram(x, mode="power")
    with pytest.raises(ValueError, match="average"):
        js.welch(x, average="mode")
    with pytest.raises(ValueError, match="detrend"):
        js.welch(x, detrend="quadratic")
    with pytest.raises(ValueError, match="broadcast"):
        js.csd(np.zeros((2, 100)), np.zeros((3, 100)))
    with pytest.raises(ValueError, match="Zxx"):
        js.istft(np.zeros(10, complex))
    with pytest.raises(ValueError, match="axis"):
        js.istft(np.zeros((5, 10), complex), freq_axis=0, time_axis=-2)
    with pytest.raises(ValueError, match="window"):
        js.istft(np.zeros((33, 10), complex), window=np.ones(10))


def test_spectral_grads_and_jit():
    x = jnp.asarray(data(200, np.float64))
    check_grads(lambda x: js.stft(x, nperseg=32)[2], (x,), 2, modes=("fwd", "rev"))
    check_grads(lambda x: js.welch(x, nperseg=32)[1], (x,), 2, modes=("fwd", "rev"))
    check_grads(lambda x: js.csd(x, x[::-1], nperseg=32)[1], (x,), 2,
                modes=("fwd", "rev"))  # fmt: skip
    z = jnp.asarray(ss.stft(np.asarray(x), nperseg=32)[2])
    check_grads(lambda z: js.istft(z, nperseg=32)[1], (z,), 2, modes=("fwd", "rev"))
    jitted = jax.jit(lambda x: js.spectrogram(x, nperseg=32)[2])
    close(jitted(x), ss.spectrogram(np.asarray(x), nperseg=32)[2], np.float64)


def test_spectral_vmap():
    x = jnp.asarray(data((4, 3, 300), np.float64))
    for axis in (0, 1, 2):
        got = jax.vmap(lambda v: js.welch(v, nperseg=64)[1], in_axes=axis)(x)
        loop = jnp.stack(
            [js.welch(jnp.take(x, i, axis=axis), nperseg=64)[1]
             for i in range(x.shape[axis])]
        )  # fmt: skip
        close(got, loop, np.float64)


# convolution -----------------------------------------------------------------

CONV_SHAPES = [
    ((101,), (11,)),
    ((64,), (64,)),
    ((2000,), (33,)),
    ((33,), (1500,)),
    ((30, 41), (7, 4)),
    ((120, 200), (9, 12)),
]


@pytest.mark.parametrize(("dtype", "complex_"), KINDS)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("shapes", CONV_SHAPES, ids=str)
@pytest.mark.parametrize("func", ["fftconvolve", "oaconvolve"])
def test_convolve_scipy(func, shapes, mode, complex_, dtype):
    a = data(shapes[0], dtype, complex_)
    b = data(shapes[1], dtype, complex_, seed=1)
    if mode == "valid" and not (
        all(p >= q for p, q in zip(*shapes)) or all(q >= p for p, q in zip(*shapes))
    ):
        with pytest.raises(ValueError, match="mode"):
            getattr(js, func)(a, b, mode)
        return
    want = getattr(ss, func)(a, b, mode)
    got = getattr(js, func)(a, b, mode)
    assert got.dtype == want.dtype
    close(got, want, dtype, 10)


@pytest.mark.parametrize("func", ["fftconvolve", "oaconvolve"])
def test_convolve_axes(func):
    a = data((4, 500, 3), np.float64)
    b = data((1, 31, 3), np.float64, seed=1)
    for axes, mode in [(1, "full"), ([1], "same"), ((0, 1), "valid"), (-2, "full")]:
        want = getattr(ss, func)(a, b, mode, axes=axes)
        close(getattr(js, func)(a, b, mode, axes=axes), want, np.float64)


@pytest.mark.parametrize("method", ["fft", "direct", "auto"])
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
def test_convolve_correlate_methods(method, mode):
    for shapes in [((200,), (15,)), ((15,), (200,)), ((20, 30), (5, 3))]:
        for complex_ in (False, True):
            a = data(shapes[0], np.float64, complex_)
            b = data(shapes[1], np.float64, complex_, seed=2)
            close(js.convolve(a, b, mode, method), ss.convolve(a, b, mode, method),
                  np.float64, 100)  # fmt: skip
            close(js.correlate(a, b, mode, method), ss.correlate(a, b, mode, method),
                  np.float64, 100)  # fmt: skip
    ints = np.arange(10), np.array([1, 2, 3])
    want = ss.convolve(*ints, mode, method)
    got = js.convolve(*ints, mode, method)
    np.testing.assert_array_equal(got, want)
    assert jnp.issubdtype(got.dtype, jnp.integer)


def test_convolve_errors():
    with pytest.raises(ValueError, match="mode"):
        js.fftconvolve(np.ones(5), np.ones(3), "ful")
    with pytest.raises(ValueError, match="mode"):
        js.oaconvolve(np.ones(5), np.ones(3), "Same")
    with pytest.raises(ValueError, match="method"):
        js.convolve(np.ones(5), np.ones(3), method="fftw")
    with pytest.raises(ValueError, match="method"):
        js.correlate(np.ones(5), np.ones(3), method="dct")
    with pytest.raises(ValueError, match="dimensions"):
        js.fftconvolve(np.ones(5), np.ones((3, 3)))
    with pytest.raises(ValueError, match="incompatible"):
        js.fftconvolve(np.ones((2, 5)), np.ones((3, 3)), axes=1)
    with pytest.raises(ValueError, match="mode"):
        js.fftconvolve(np.ones((5, 2)), np.ones((3, 3)), "valid")


def test_convolve_grads_vmap():
    a = jnp.asarray(data(300, np.float64))
    b = jnp.asarray(data(21, np.float64, seed=1))
    for func in (js.fftconvolve, js.oaconvolve):
        for mode in ("full", "same", "valid"):
            check_grads(
                lambda a, b, f=func, m=mode: f(a, b, m), (a, b), 2, modes=("fwd", "rev")
            )
    batch = jnp.asarray(data((3, 300), np.float64))
    got = jax.vmap(lambda x: js.oaconvolve(x, b, "same"))(batch)
    close(got, np.stack([ss.oaconvolve(v, b, "same") for v in batch]), np.float64)
    got = jax.vmap(lambda k: js.fftconvolve(a, k), in_axes=1)(jnp.stack([b, b], 1))
    close(got[1], ss.fftconvolve(a, b), np.float64)


# Shapes whose overlap-add plan cuts both axes (of in1, or one axis of each).
OA_BLOCKED_SHAPES = [((700, 601), (9, 12)), ((401, 12), (10, 300))]


@pytest.mark.parametrize(("dtype", "complex_"), KINDS)
@pytest.mark.parametrize("mode", ["full", "same", "valid"])
@pytest.mark.parametrize("shapes", OA_BLOCKED_SHAPES, ids=str)
def test_oaconvolve_blocked_axes_scipy(shapes, mode, complex_, dtype):
    from jfft.signal import _convolve

    pairs = [(max(p, q), min(p, q)) for p, q in zip(*shapes)]
    fulls = [jfft.next_fast_len(p + q - 1) for p, q in pairs]
    assert None not in _convolve._block_lengths(pairs, fulls)
    a = data(shapes[0], dtype, complex_)
    b = data(shapes[1], dtype, complex_, seed=1)
    if mode == "valid" and shapes == OA_BLOCKED_SHAPES[1]:
        with pytest.raises(ValueError, match="mode"):
            js.oaconvolve(a, b, mode)
        return
    want = ss.oaconvolve(a, b, mode)
    got = js.oaconvolve(a, b, mode)
    assert got.dtype == want.dtype
    close(got, want, dtype, 10)


@pytest.mark.parametrize(
    "pairs", [[(400, 31), (380, 31)], [(700, 9), (601, 12)], [(2000, 33)],
              [(401, 10), (300, 12), (64, 5)]], ids=str
)  # fmt: skip
def test_oaconvolve_plan_is_cheapest(pairs):
    from jfft.signal import _convolve

    fulls = [jfft.next_fast_len(p + q - 1) for p, q in pairs]
    options = [_convolve._block_sizes(p, q, f) for (p, q), f in zip(pairs, fulls)]

    def cost(choice):
        points = np.prod([c[0] for c in choice], dtype=float)
        return points * sum(np.log2(c[1]) for c in choice)

    # Brute force over every block length of every axis (not only the kept
    # ones), the step being the length less the short side's overlap.
    def every(long, short, full):
        yield (full, full)
        for size in range(2 * short, full):
            yield (-(-long // (size - short + 1)) * size, size)

    best = min(
        itertools.product(*[every(p, q, f) for (p, q), f in zip(pairs, fulls)]),
        key=cost,
    ) if len(pairs) < 3 else None  # fmt: skip
    got = _convolve._block_lengths(pairs, fulls)
    chosen = [
        next(c for c in opts if c[1] == (f if g is None else g))
        for opts, g, f in zip(options, got, fulls)
    ]
    if best is not None:
        # Only fast lengths are candidates: within 10% of the brute force.
        assert cost(chosen) <= 1.1 * cost(best)
    for i in range(len(pairs)):  # no single axis can improve the choice
        for alt in options[i]:
            trial = chosen[:i] + [alt] + chosen[i + 1 :]
            assert cost(chosen) <= cost(trial) * (1 + 1e-9)


def test_oaconvolve_blocked_axes_grads():
    a = jnp.asarray(data((150, 130), np.float64))
    b = jnp.asarray(data((5, 6), np.float64, seed=1))
    from jfft.signal import _convolve

    assert None not in _convolve._block_lengths(
        [(150, 5), (130, 6)], [jfft.next_fast_len(154), jfft.next_fast_len(135)]
    )
    for mode in ("full", "valid"):
        check_grads(
            lambda a, b, m=mode: js.oaconvolve(a, b, m), (a, b), 1, modes=("rev",)
        )
    got = jax.jit(jax.vmap(lambda x: js.oaconvolve(x, b, "same")))(jnp.stack([a, a]))
    close(got[1], ss.oaconvolve(a, b, "same"), np.float64)


# hilbert / czt / zoom_fft ------------------------------------------------------


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_hilbert_scipy(dtype):
    for shape, n, axis in [((64,), None, -1), ((65,), None, -1), ((3, 50), 80, 1),
                           ((51, 2), 37, 0), ((1,), None, -1)]:  # fmt: skip
        x = data(shape, dtype)
        want = ss.hilbert(x, N=n, axis=axis)
        got = js.hilbert(x, N=n, axis=axis)
        assert got.dtype == want.dtype
        close(got, want, dtype, 10)
    for shape, n, axes in [((16, 21), None, (-2, -1)), ((15, 8), 12, (0, 1)),
                           ((9, 10), (11, 7), (1, 0)), ((7,), None, (-2, -1)),
                           ((6, 3, 8), None, (0, 2))]:  # fmt: skip
        x = data(shape, dtype)
        want = ss.hilbert2(x, N=n, axes=axes)
        got = js.hilbert2(x, N=n, axes=axes)
        close(got, want, dtype, 10)


def test_hilbert_errors_grads():
    with pytest.raises(ValueError, match="x must be real"):
        js.hilbert(np.ones(8, complex))
    with pytest.raises(ValueError, match="N"):
        js.hilbert(np.ones(8), N=0)
    with pytest.raises(ValueError, match="axes"):
        js.hilbert2(np.ones((2, 3, 4)), axes=(1, 1))
    with pytest.raises(ValueError, match="N"):
        js.hilbert2(np.ones((4, 4)), N=(4, 4, 4))
    x = jnp.asarray(data(33, np.float64))
    check_grads(js.hilbert, (x,), 2, modes=("fwd", "rev"))
    check_grads(js.hilbert2, (x.reshape(3, 11),), 2, modes=("fwd", "rev"))


CZT_CASES = [
    {},
    {"m": 20},
    {"m": 7, "w": np.exp(-0.3j), "a": 1.1 * np.exp(0.2j)},
]


def direct_czt(x, m, w, a):
    n = x.shape[-1]
    powers = (a ** -np.arange(n))[:, None] * w ** np.outer(np.arange(n), np.arange(m))
    return x @ powers


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("complex_", [False, True])
def test_czt_zoom_scipy(complex_, dtype):
    cdtype = np.complex64 if dtype == np.float32 else np.complex128
    for n, case in itertools.product([16, 45], CZT_CASES):
        x = data((2, n), dtype, complex_)
        want = ss.czt(x, **case)
        got = js.czt(x, **case)
        assert got.dtype == cdtype
        close(got, want, dtype, 100)
    # Off the unit circle the chirps span many decades: both scipy and
    # jfft lose digits, so compare with the direct sum, not with each other.
    x = data((2, 45), dtype, complex_)
    w = 0.998 * np.exp(-2j * np.pi / 70)
    want = direct_czt(x.astype(np.complex128), 64, w, 1.0)
    close(js.czt(x, m=64, w=w), want, dtype, 1e3 if dtype == np.float64 else 100)
    x = data((30, 3), dtype, complex_)
    close(js.czt(x, m=12, axis=0), ss.czt(x, m=12, axis=0), dtype, 100)
    for fn, m, endpoint in [(0.5, None, False), ([0.2, 0.4], 50, True),
                            ((0.1, 1.9), 31, False)]:  # fmt: skip
        x = data(40, dtype, complex_)
        want = ss.zoom_fft(x, fn, m=m, endpoint=endpoint, fs=2)
        got = js.zoom_fft(x, fn, m=m, endpoint=endpoint)
        close(got, want, dtype, 100)
    x = data(40, dtype, complex_)
    close(js.zoom_fft(x, [1, 3], fs=10, m=25), ss.zoom_fft(x, [1, 3], fs=10, m=25),
          dtype, 100)  # fmt: skip


def test_czt_errors_grads():
    with pytest.raises(ValueError, match="m"):
        js.czt(np.ones(8), m=0)
    with pytest.raises(ValueError, match="x"):
        js.czt(np.ones((0,)))
    with pytest.raises(ValueError, match="fn"):
        js.zoom_fft(np.ones(8), [0.1, 0.2, 0.3])
    x = jnp.asarray(data(20, np.float64, complex_=True))
    check_grads(lambda x: js.czt(x, m=9, w=np.exp(-0.4j)), (x,), 2,
                modes=("fwd", "rev"))  # fmt: skip
    check_grads(lambda x: js.zoom_fft(x, [0.1, 0.5]), (x,), 2, modes=("fwd", "rev"))
    batch = jnp.asarray(data((3, 20), np.float64))
    got = jax.vmap(lambda v: js.czt(v, m=9), in_axes=1)(batch.T)
    close(got, ss.czt(np.asarray(batch), m=9), np.float64)


def test_fftconvolve_uses_fast_lengths(monkeypatch):
    seen = []
    original = jfft.signal._convolve.next_fast_len

    def spy(n, real=False):
        seen.append(n)
        return original(n, real)

    monkeypatch.setattr(jfft.signal._convolve, "next_fast_len", spy)
    js.fftconvolve(np.ones(100), np.ones(9))
    assert seen == [108]
    assert original(108) == 108 and scipy.fft.next_fast_len(108) == 108

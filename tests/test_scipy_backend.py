"""jfft.scipy_backend under scipy.fft.set_backend: scipy.fft's documented
examples, a random comparison across the whole API against scipy's own
backend, dtypes, workers, and the fall-backs to scipy."""

import inspect

import jax
import numpy as np
import pytest
import scipy.fft
from conftest import assert_close

import jfft.scipy_backend as backend

FFT_1D = ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft")
FFT_2D = ("fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2")
FFT_ND = ("fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn")
R2R_1D = ("dct", "idct", "dst", "idst")
R2R_ND = ("dctn", "idctn", "dstn", "idstn")
REAL_INPUT = {"rfft", "ihfft", "rfft2", "ihfft2", "rfftn", "ihfftn"}


def jfft_only():
    return scipy.fft.set_backend(backend, only=True)


def scipy_only():
    return scipy.fft.set_backend("scipy", only=True)


def test_every_scipy_transform_is_served():
    names = set(FFT_1D + FFT_2D + FFT_ND + R2R_1D + R2R_ND)
    assert set(backend.IMPLEMENTED) == names
    for name in names:
        assert callable(getattr(scipy.fft, name))


def test_documented_examples():
    with jfft_only():
        # scipy.fft.fft
        y = scipy.fft.fft(np.exp(2j * np.pi * np.arange(8) / 8))
        assert_close(y, np.eye(8)[1] * 8 + 0j, np.complex128, tol=1e-14)
        # scipy.fft.rfft / irfft
        assert_close(scipy.fft.fft([0, 1, 0, 0]), [1, -1j, -1, 1j], np.complex128)
        assert_close(scipy.fft.rfft([0, 1, 0, 0]), [1, -1j, -1], np.complex128)
        assert_close(scipy.fft.irfft([1, -1j, -1]), [0.0, 1, 0, 0], np.float64)
        # scipy.fft.ifft
        assert_close(scipy.fft.ifft([0, 4, 0, 0]), [1, 1j, -1, -1j], np.complex128)
        # scipy.fft.hfft
        signal = np.array([1, 2, 3, 4, 3, 2])
        assert_close(scipy.fft.hfft(signal[:4]), [15.0, -4, 0, -1, 0, -4], np.float64)
        assert_close(scipy.fft.hfft(signal, 6), [15.0, -4, 0, -1, 0, -4], np.float64)
        # scipy.fft.fft2
        x = np.mgrid[:5, :5][0]
        y = scipy.fft.fft2(x)
        assert y[0, 0] == 50 and np.allclose(y[:, 1:], 0)
        assert np.allclose(y[1:, 0], [-12.5 + 17.20477401j, -12.5 + 4.0614962j,
                                      -12.5 - 4.0614962j, -12.5 - 17.20477401j])  # fmt: skip
        # scipy.fft.dct: type 1 is the FFT of a real, even-symmetric input
        assert_close(scipy.fft.dct(np.array([4.0, 3, 5, 10]), 1), [30.0, -8, 6, -2],
                     np.float64)  # fmt: skip
        even = np.array([4.0, 3, 5, 10, 5, 3])
        assert_close(scipy.fft.fft(even).real, [30.0, -8, 6, -2, 6, -8], np.float64)
        # scipy.fft.idct / idst round trips
        x = np.array([1.0, 2, 3])
        assert_close(scipy.fft.idct(scipy.fft.dct(x)), x, np.float64)
        assert_close(scipy.fft.idst(scipy.fft.dst(x, 4), 4), x, np.float64)


def _random_call(rng, name):
    """(args, kwargs) of a random call in scipy's positional order."""
    shape = (4, 6, 5)
    x = rng.standard_normal(shape)
    if name not in REAL_INPUT and not name.startswith(("dct", "dst", "id")):
        x = x + 1j * rng.standard_normal(shape)
    norm = rng.choice([None, "backward", "ortho", "forward"])
    if name in FFT_1D:
        return (x, int(rng.integers(3, 9)), int(rng.integers(-3, 3)), norm), {}
    if name in FFT_2D:
        return (x, (3, 8), (0, -1), norm), {}
    if name in FFT_ND:
        return (x,), {"s": (5, -1, 4), "axes": (2, 0, 1), "norm": norm}
    type = int(rng.integers(1, 5))
    if name in R2R_1D:
        return (x, type, int(rng.integers(2, 9)), 1, norm), {"orthogonalize": False}
    return (x, type, (4, 7), (-1, 0), norm, False, 2), {}


@pytest.mark.parametrize("name", FFT_1D + FFT_2D + FFT_ND + R2R_1D + R2R_ND)
def test_random_comparison(name):
    rng = np.random.default_rng(sum(map(ord, name)))
    f = getattr(scipy.fft, name)
    for _ in range(2):
        args, kwargs = _random_call(rng, name)
        with scipy_only():
            want = f(*args, **kwargs)
        with jfft_only():
            got = f(*args, **kwargs)
        assert isinstance(got, np.ndarray) and got.flags.writeable
        assert got.dtype == want.dtype
        assert_close(got, want, want.dtype, err_msg=f"{args[1:]} {kwargs}")


def test_precision_follows_scipy():
    x = np.random.default_rng(0).standard_normal(16)
    for dtype, out in [
        (np.float32, np.complex64),
        (np.float64, np.complex128),
        (np.int64, np.complex128),
        (np.complex64, np.complex64),
    ]:
        # Even with JAX's x64 mode off, float64 input stays double.
        with jax.enable_x64(False), jfft_only():
            got = scipy.fft.fft(x.astype(dtype))
        assert got.dtype == out
        assert_close(got, np.fft.fft(x.astype(dtype)), out)
    with jax.enable_x64(False), jfft_only():
        assert scipy.fft.dct(x.astype(np.float32)).dtype == np.float32
        assert scipy.fft.irfft(x.astype(np.complex128)).dtype == np.float64


def test_workers_and_overwrite_x():
    x = np.random.default_rng(1).standard_normal((8, 32))
    with jfft_only():
        for workers in (1, 2, -1):
            got = scipy.fft.rfft(x, 32, -1, None, True, workers)
            assert_close(got, np.fft.rfft(x), np.complex128)
        got = scipy.fft.dctn(x, 3, workers=2, overwrite_x=True)
        with pytest.raises(ValueError, match="workers"):
            scipy.fft.fft(x, workers=0)
    with scipy_only():
        assert_close(got, scipy.fft.dctn(x, 3), np.float64)


def test_falls_back_to_scipy():
    x = np.random.default_rng(2).standard_normal(16)
    with scipy_only():
        fht = scipy.fft.fht(x, 0.1, 0.5)
        long = scipy.fft.fft(x.astype(np.longdouble))
    with scipy.fft.set_backend(backend):
        assert_close(scipy.fft.fht(x, 0.1, 0.5), fht, np.float64)
        got = scipy.fft.fft(x.astype(np.longdouble))
        assert got.dtype == long.dtype
        with pytest.raises(NotImplementedError):  # scipy's own answer
            scipy.fft.fft(x, plan="a plan")
    with jfft_only():
        for call in (
            lambda: scipy.fft.fht(x, 0.1, 0.5),
            lambda: scipy.fft.fft(x.astype(np.longdouble)),
            lambda: scipy.fft.fft(x, plan="a plan"),
        ):
            with pytest.raises(scipy.fft._backend.ua.BackendNotImplementedError):
                call()


def test_global_backend():
    x = np.random.default_rng(3).standard_normal(12)
    try:
        scipy.fft.set_global_backend(backend)
        scipy.fft.register_backend("scipy")  # the documented fall-back
        got = [scipy.fft.dst(x, 3), scipy.fft.fht(x, 0.1, 0.0)]
        with scipy_only():
            want = [scipy.fft.dst(x, 3), scipy.fft.fht(x, 0.1, 0.0)]
        assert_close(got[0], want[0], np.float64)
        assert_close(got[1], want[1], np.float64)
    finally:
        scipy.fft.set_global_backend("scipy", try_last=True)


def test_arguments_bound_like_scipy():
    sig = inspect.signature(scipy.fft.dct)
    assert list(sig.parameters)[:7] == [
        "x", "type", "n", "axis", "norm", "overwrite_x", "workers"
    ]  # fmt: skip
    x = np.random.default_rng(4).standard_normal((3, 5))
    with jfft_only():
        got = scipy.fft.dct(x, 2, 7, 0, "ortho", False, 1, orthogonalize=False)
    with scipy_only():
        want = scipy.fft.dct(x, 2, 7, 0, "ortho", False, 1, orthogonalize=False)
    assert_close(got, want, np.float64)

"""Inf and NaN inputs give numpy's results, in every engine path.

Which outputs of an Inf input come out Inf and which NaN depends on the
algorithm (numpy's own rfft and fft disagree for most positions), so the
engine does a line whose result is not finite again numpy's way (pocketfft,
see xla_kernels/engine/nonfinite.h). Every check here compares, component by
component, the class of each value (finite, +Inf, -Inf, NaN) with numpy's on
the same dtype, and the finite values themselves; the lines without Inf or
NaN beside them must stay finite and right (SIMD lanes are independent)."""

import numpy as np
import pytest

import jfft
from jfft import _jfft_cpu

ISAS = ["baseline", "avx2", "avx512"]

# Small radix-2/3/5 and generic odd radix lengths; Bluestein primes (1009 in
# lanes, 4099 with a four-step padded transform when lines are few);
# four-step lengths (4096 when lines are few, 2^15).
LENGTHS = [1, 2, 3, 4, 5, 7, 8, 12, 16, 45, 64, 121, 1009, 4096, 4099, 2**15]
# One line (one by one: four-step and Bluestein four-step paths), and more
# lines than the widest lane group so that lanes, narrower lanes and a
# scalar remainder all run (19 = 16 + 2 + 1 floats with AVX-512).
LINES = [1, 19]
BAD_LINE = 5  # the line that holds the non-finite values when there are many


@pytest.fixture(params=ISAS)
def isa(request):
    try:
        _jfft_cpu.set_isa(request.param)
    except ValueError:
        pytest.skip(f"this CPU cannot run the {request.param} kernels")
    yield request.param
    _jfft_cpu.set_isa("auto")


def classes(a):
    """0 finite, 1 +Inf, 2 -Inf, 3 NaN, per real component."""
    a = np.asarray(a)
    parts = np.stack([a.real, a.imag]) if np.iscomplexobj(a) else a[None]
    return np.select(
        [np.isnan(parts), np.isposinf(parts), np.isneginf(parts)], [3, 1, 2], 0
    )


def assert_numpy_like(got, want, what):
    got_classes, want_classes = classes(got), classes(want)
    mismatched = np.argwhere(got_classes != want_classes)
    assert mismatched.size == 0, (what, mismatched[:5].tolist())
    finite = want_classes == 0
    g = np.stack([got.real, got.imag]) if np.iscomplexobj(got) else got[None]
    w = np.stack([want.real, want.imag]) if np.iscomplexobj(want) else want[None]
    if finite.any():
        scale = max(np.abs(w[finite]).max(), 1.0)
        tol = 1e-12 if w.dtype == np.float64 else 3e-5
        assert np.abs(g[finite] - w[finite]).max() <= tol * scale, what


def positions(n):
    """DC, the next one, a third, the middle (Nyquist when even), the last."""
    return sorted({0, min(1, n - 1), n // 3, n // 2, n - 1})


VALUES = [np.inf, -np.inf, 1j * np.inf, np.nan, (np.inf, -np.inf)]


def with_value(x, line, pos, value):
    y = x.copy()
    if isinstance(value, tuple):  # Inf and -Inf: inf - inf in every sum
        y[line, pos] = value[0]
        y[line, (pos + 1) % x.shape[1]] = value[1]
    else:
        y[line, pos] = value if np.iscomplexobj(y) else np.real(value)
    return y


def cases(n, lines):
    if n * lines > 2**16:
        lines = 1
    return lines, (0 if lines == 1 else BAD_LINE)


def numpy_quiet(fn, *args, **kwargs):
    with np.errstate(invalid="ignore", over="ignore"):
        return fn(*args, **kwargs)


@pytest.mark.parametrize("lines", LINES)
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_c2c(isa, dtype, lines):
    rng = np.random.default_rng(0)
    for n in LENGTHS:
        count, bad = cases(n, lines)
        x = (
            rng.standard_normal((count, n)) + 1j * rng.standard_normal((count, n))
        ).astype(dtype)
        for pos in positions(n):
            for value in VALUES:
                y = with_value(x, bad, pos, value)
                for forward in (True, False):
                    out = np.empty_like(y)
                    _jfft_cpu.engine_c2c(y, out, [1], forward)
                    if forward:
                        want = numpy_quiet(np.fft.fft, y, axis=1)
                    else:
                        want = numpy_quiet(np.fft.ifft, y, axis=1, norm="forward")
                    assert_numpy_like(out, want, (n, count, pos, value, forward))


@pytest.mark.parametrize("lines", LINES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_r2c(isa, dtype, lines):
    rng = np.random.default_rng(1)
    for n in LENGTHS + [2 * 4099, 2 * 1009 + 1]:
        count, bad = cases(n, lines)
        x = rng.standard_normal((count, n)).astype(dtype)
        cdtype = np.result_type(dtype, np.complex64)
        for pos in positions(n):
            for value in VALUES:
                if value == 1j * np.inf:
                    continue
                y = with_value(x, bad, pos, value)
                out = np.empty((count, n // 2 + 1), cdtype)
                _jfft_cpu.engine_r2c(y, out, [1])
                want = numpy_quiet(np.fft.rfft, y, axis=1)
                assert_numpy_like(out, want, (n, count, pos, value))


@pytest.mark.parametrize("lines", LINES)
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_c2r(isa, dtype, lines):
    # Non-finite values in the spectrum: DC, 1, the middle, Nyquist (the last
    # of n/2 + 1); also Inf in Im of DC and Nyquist, which numpy ignores.
    rng = np.random.default_rng(2)
    real = np.float32 if dtype == np.complex64 else np.float64
    for n in LENGTHS + [2 * 4099, 2 * 1009 + 1]:
        if n < 2:
            continue
        m = n // 2 + 1
        count, bad = cases(n, lines)
        z = (
            rng.standard_normal((count, m)) + 1j * rng.standard_normal((count, m))
        ).astype(dtype)
        for pos in positions(m):
            for value in VALUES:
                y = with_value(z, bad, pos, value)
                out = np.empty((count, n), real)
                _jfft_cpu.engine_c2r(y, out, [1])
                want = numpy_quiet(np.fft.irfft, y, n, axis=1, norm="forward")
                assert_numpy_like(out, want, (n, count, pos, value))


@pytest.mark.parametrize("n", [8, 64, 4096, 2**16])
def test_c2r_packed_in_place(n):
    # Even lengths with other axes transformed first: the spectrum is packed
    # into the output (c2r in place); a non-finite line there too.
    rng = np.random.default_rng(3)
    shape = (3, n // 2 + 1)
    z = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    z[1, 1] = np.inf
    out = np.empty((3, n))
    _jfft_cpu.engine_c2r(z, out, [0, 1])
    want = numpy_quiet(np.fft.irfftn, z, s=(3, n), axes=(0, 1), norm="forward")
    assert_numpy_like(out, want, n)


def test_threads_and_strided_lines():
    # Strided lines (axis 0) in lanes, two threads; Inf in one column.
    rng = np.random.default_rng(4)
    x = rng.standard_normal((64, 40)) + 1j * rng.standard_normal((64, 40))
    x[7, 3] = np.inf
    x[0, 11] = -np.inf * 1j
    out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, [0], True, threads=2)
    assert_numpy_like(out, numpy_quiet(np.fft.fft, x, axis=0), "strided")
    x = rng.standard_normal((2, 2**17))
    x[1, 12345] = np.inf  # one long line per thread, four-step
    out = np.empty_like(x, dtype=np.complex128)
    _jfft_cpu.engine_c2c(x.astype(complex), out, [1], True, threads=2)
    assert_numpy_like(out, numpy_quiet(np.fft.fft, x, axis=1), "four-step")


def test_issue_examples():
    # The reported cases, through the public API (float64: x64 is on).
    x = np.array([0, 0, 0, np.inf, 0, 0, 0, 0])
    inf = np.inf
    want = np.array(
        [complex(inf, 0), complex(-inf, -inf), complex(0, inf)]
        + [complex(inf, -inf), complex(-inf, 0)]
    )
    np.testing.assert_array_equal(numpy_quiet(np.fft.rfft, x), want)
    np.testing.assert_array_equal(np.asarray(jfft.rfft(x)), want)
    z = np.array([0, np.inf, 0, 0, 0], dtype=complex)
    want = numpy_quiet(np.fft.irfft, z)
    np.testing.assert_array_equal(np.asarray(jfft.irfft(z)), want)
    big = np.zeros(65536, complex)
    big[12345] = np.inf
    got = np.asarray(jfft.fft(big))
    want = numpy_quiet(np.fft.fft, big)
    assert_numpy_like(got, want, "65536")
    assert np.isnan(got).sum() == np.isnan(want).sum()


@pytest.mark.parametrize("name", ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"])
def test_public_1d(name):
    rng = np.random.default_rng(5)
    for n in (6, 16, 1009, 4096):
        x = rng.standard_normal((3, n))
        if name in ("fft", "ifft", "irfft", "hfft"):
            x = x + 1j * rng.standard_normal((3, n))
        x[1, n // 3] = np.inf
        got = np.asarray(getattr(jfft, name)(x))
        want = numpy_quiet(getattr(np.fft, name), x)
        assert_numpy_like(got, want, (name, n))

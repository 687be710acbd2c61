"""The radix-7/11/13 butterflies, the generic odd-radix passes (in lanes and
one line at a time), the padded last lane group and the plans' direct vs
Bluestein choice, against numpy's float64 FFT on every instruction set:
every length 1..4096 (complex, real forward and real inverse), long lengths
with medium prime factors, line counts around the lane widths, strided
views."""

import numpy as np
import pytest

from jfft import _jfft_cpu

DTYPES = [np.complex64, np.complex128]

# Line counts cycled over the lengths: one line, fewer than half a float lane
# group (scalar lines), more than half (a padded group), whole groups plus
# one (16 + 1, 8 + 8 + 1).
LINES = [1, 3, 5, 7, 13, 17]
# The same below one float lane group, for the exhaustive sweep's time.
SHORT_LINES = [1, 3, 5, 7]

# Lengths whose factors have a radix-7/11/13 butterfly, a generic radix
# (17, 23, 79, 113) or none small enough for either (Bluestein primes).
LONG_LENGTHS = [
    7**5,
    11**4,
    13**4,
    2**10 * 7,
    2**9 * 11 * 13,
    7 * 11 * 13 * 16,
    17775,  # 3^2 5^2 79
    19320,  # 2^3 3 5 7 23
    5537,  # 7^2 113
    4099,  # prime
    10007,  # prime
    17**3,
]


def tol(dtype):
    return 1e-12 if np.dtype(dtype) in (np.float64, np.complex128) else 3e-6


def real_of(dtype):
    return np.float32 if np.dtype(dtype) == np.complex64 else np.float64


def rel_err(got, want):
    return np.abs(got - want).max() / max(np.abs(want).max(), 1e-300)


def c2c(x, forward, axis=-1):
    out = np.empty(x.shape, dtype=x.dtype)
    _jfft_cpu.engine_c2c(x, out, [axis % x.ndim], forward)
    return out


def r2c(x, axis=-1):
    shape = list(x.shape)
    shape[axis] = shape[axis] // 2 + 1
    cdtype = np.complex64 if x.dtype == np.float32 else np.complex128
    out = np.empty(shape, dtype=cdtype)
    _jfft_cpu.engine_r2c(x, out, [axis % x.ndim])
    return out


def c2r(x, n, axis=-1):
    shape = list(x.shape)
    shape[axis] = n
    rdtype = np.float32 if x.dtype == np.complex64 else np.float64
    out = np.empty(shape, dtype=rdtype)
    _jfft_cpu.engine_c2r(x, out, [axis % x.ndim])
    return out


def random_complex(rng, shape, dtype):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)


def check_length(rng, n, lines, dtype, failures, backward=True):
    """The transforms of (lines, n) against numpy; failures collected (one
    assert per length would make thousands of tests)."""
    limit = tol(dtype)
    x = random_complex(rng, (lines, n), dtype)
    wide = x.astype(np.complex128)
    errors = {"c2c forward": rel_err(c2c(x, True), np.fft.fft(wide))}
    if backward:
        errors["c2c backward"] = rel_err(
            c2c(x, False), np.fft.ifft(wide, norm="forward")
        )
    real = x.real.copy()
    spectrum = np.fft.rfft(real.astype(np.float64))
    errors["r2c"] = rel_err(r2c(real), spectrum)
    half = x[:, : n // 2 + 1].copy()
    errors["c2r"] = rel_err(
        c2r(half, n), np.fft.irfft(half.astype(np.complex128), n, norm="forward")
    )
    for kind, err in errors.items():
        if not err <= limit:
            failures.append((kind, n, lines, err))


@pytest.mark.parametrize("dtype", DTYPES)
def test_every_length_to_4096(isa, dtype):
    rng = np.random.default_rng(12)
    failures = []
    # The backward passes are the forward ones with the other sign (one
    # template flag), checked at the other lengths here.
    for n in range(1, 4097):
        lines = SHORT_LINES[n % len(SHORT_LINES)]
        check_length(rng, n, lines, dtype, failures, backward=False)
    assert not failures, failures[:10]


@pytest.mark.parametrize("dtype", DTYPES)
def test_long_lengths(isa, dtype):
    rng = np.random.default_rng(13)
    failures = []
    for n in LONG_LENGTHS:
        for lines in (1, 5, 17):
            check_length(rng, n, lines, dtype, failures)
    assert not failures, failures


@pytest.mark.parametrize("dtype", DTYPES)
def test_codelet_lengths_every_line_count(isa, dtype):
    """Line counts 1..33 cover every remainder of 4-, 8- and 16-lane groups
    (scalar lines and padded groups) for each new pass."""
    rng = np.random.default_rng(14)
    failures = []
    for n in (7, 11, 13, 49, 77, 143, 17 * 19, 79, 2 * 7 * 11 * 13):
        for lines in range(1, 34):
            check_length(rng, n, lines, dtype, failures)
    assert not failures, failures


@pytest.mark.parametrize("dtype", DTYPES)
def test_composite_codelet_lengths(isa, dtype):
    """17..65, where the composite codelets (two and three levels: 18 = 2 x
    3 x 3) sit among Stockham lengths: c2c both ways, r2c and c2r, line
    counts 1..9 (every remainder of the codelets' 1-, 2- and 4-line vectors,
    filled through the zero-padded tail copy), lines along axis 0 and every
    other element of a wider array."""
    rng = np.random.default_rng(17)
    failures = []
    limit = tol(dtype)
    for n in range(17, 66):
        for lines in range(1, 10):
            check_length(rng, n, lines, dtype, failures)
        base = random_complex(rng, (2 * n + 1, 7), dtype)
        for view, axis in ((base[:n], 0), (base[: 2 * n : 2].T, -1)):
            wide = view.astype(np.complex128)
            for forward in (True, False):
                want = (
                    np.fft.fft(wide, axis=axis)
                    if forward
                    else np.fft.ifft(wide, axis=axis, norm="forward")
                )
                err = rel_err(c2c(view, forward, axis), want)
                if not err <= limit:
                    failures.append(("strided c2c", n, axis, forward, err))
        real = base.real[: 2 * n : 2].T
        err = rel_err(r2c(real), np.fft.rfft(real.astype(np.float64), axis=-1))
        if not err <= limit:
            failures.append(("strided r2c", n, err))
    assert not failures, failures[:10]


@pytest.mark.parametrize("dtype", DTYPES)
def test_strided_lines(isa, dtype):
    """Views with gaps: lines along axis 0 (lane groups of adjacent lines),
    every other element along the last axis, a reversed axis."""
    rng = np.random.default_rng(15)
    limit = tol(dtype)
    for n in (7, 13 * 11, 7**3, 17 * 23, 5537, 4099):
        base = random_complex(rng, (2 * n + 1, 21), dtype)
        views = {
            "axis 0": (base[:n], 0),
            "step 2": (base[: 2 * n : 2].T, -1),
            "reversed": (base[n - 1 :: -1, ::2].T, -1),
        }
        for name, (view, axis) in views.items():
            wide = view.astype(np.complex128)
            for forward in (True, False):
                want = (
                    np.fft.fft(wide, axis=axis)
                    if forward
                    else np.fft.ifft(wide, axis=axis, norm="forward")
                )
                got = c2c(view, forward, axis)
                assert rel_err(got, want) <= limit, (n, name, forward)
        real = base.real[: 2 * n : 2].T
        want = np.fft.rfft(real.astype(np.float64), axis=-1)
        assert rel_err(r2c(real), want) <= limit, (n, "r2c step 2")
        spectrum = base[: n // 2 + 1].T
        want = np.fft.irfft(spectrum.astype(np.complex128), n, norm="forward")
        assert rel_err(c2r(spectrum, n), want) <= limit, (n, "c2r strided")


def test_lengths_at_the_direct_vs_bluestein_crossover():
    """Primes on both sides of the cost model's crossover (direct generic
    passes up to about 101, Bluestein from 109) and composites with a
    medium prime factor, many lines, both precisions."""
    rng = np.random.default_rng(16)
    for dtype in DTYPES:
        for n in (37, 59, 67, 79, 97, 101, 103, 109, 113, 127, 131, 2 * 127):
            x = random_complex(rng, (33, n), dtype)
            err = rel_err(c2c(x, True), np.fft.fft(x.astype(np.complex128)))
            assert err <= tol(dtype), (n, err)


def radices_run(n, lines=16):
    """The Stockham radices the engine plans for `lines` lines of n."""
    import jfft

    (step,) = jfft.explain_plan(
        np.zeros((lines, n), np.complex64), axes=[1], workers=1
    )["steps"]
    algorithm = step["algorithm"]
    # Short lengths run a codelet of the same radices (without a plan): every
    # length to 16, and the complex64 composites past it of kCodelets.
    short = n <= 16 or n in {20, 22, 24, 28, 32, 36, 40, 44, 48, 52, 56, 64}
    assert algorithm["name"] == ("codelet" if short else "stockham"), (
        n,
        algorithm["name"],
    )
    return sorted(algorithm["radices"]), sorted(algorithm["generic_radices"])


def test_plans_use_the_codelets():
    """The plan description names the codelet radices: 7^k, 11^k, 13^k and
    their mixes run as passes of those radices (not the generic pass, not
    Bluestein), and a medium prime below the Bluestein minimum as one
    generic pass of its own."""
    for p in (7, 11, 13):
        for k in (1, 2, 3):
            assert radices_run(p**k) == ([p] * k, [])
    assert radices_run(7 * 11 * 13) == ([7, 11, 13], [])
    # 61 and 79: Rader passes (60 and 78 have no prime factor above
    # rader_largest_inner_prime; tests/test_speed_paths.py); 37, below
    # rader_min_prime, the generic pass.
    assert radices_run(3 * 3 * 5 * 61) == ([3, 3, 5, 61], [])
    assert radices_run(3 * 5 * 79) == ([3, 5, 79], [])
    assert radices_run(3 * 3 * 5 * 5 * 37) == ([3, 3, 5, 5, 37], [37])
    assert radices_run(29) == ([29], [29])

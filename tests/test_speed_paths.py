"""Every optimised engine path: each test asserts which path runs, from the
engine's own plan description (jfft.explain_plan, computed by the driver's
decision code in a dry run) with the lengths chosen from the cost model's
named thresholds (jfft.plan_constants), on each side of each threshold, so
that a moved threshold moves the tests with it and a path that stops
running fails loudly. And each path's numbers against numpy, for every
instruction set (the portable kernels forced), single- and multi-threaded.
"""

import math

import numpy as np
import pytest

import jfft
from jfft import _jfft_cpu

# Line counts around the lane widths (4, 8, 16) for lane groups and their
# remainders (25 = 16 + 8 + 1 with AVX-512).
LINES = [1, 3, 9, 17, 25]


class Spec:
    """Shape and dtype only: what explain_plan reads of an array."""

    def __init__(self, shape, dtype):
        self.shape = tuple(shape)
        self.dtype = np.dtype(dtype)


def explain(shape, dtype, axes, kind="c2c", threads=1, **kwargs):
    return jfft.explain_plan(
        Spec(shape, dtype), axes=axes, kind=kind, workers=threads, **kwargs
    )


def constants():
    return jfft.plan_constants()


def lanes_of(dtype):
    single = np.dtype(dtype) in (np.float32, np.complex64)
    return int(constants()["lanes_float" if single else "lanes_double"])


def complex_bytes(dtype):
    return 8 if np.dtype(dtype) in (np.float32, np.complex64) else 16


def threads_for(count, align, work, threads):
    """The thread split's rule: one thread per `align` units and per
    min_elements_per_thread elements of work, at most `threads`."""
    blocks = -(-count // align)
    limit = max(1, work // int(constants()["min_elements_per_thread"]))
    return max(1, min(threads, blocks, limit))


def lanes_threads(lines, n, dtype, threads, real=False):
    """The threads of a lane pass over `lines` lines of n values, complex or
    real (axis.cc's lanes_work and codelet_work): its work in elements of
    double precision (half as many in single precision), codelet lines of at
    most short_codelet_max_length points at
    min_short_codelet_elements_per_thread elements a thread."""
    c = constants()
    single = np.dtype(dtype) in (np.float32, np.complex64)

    def bytes_work(elements):
        return elements // 2 if single else elements

    if has_codelet(n, dtype, real=real) and n <= c["short_codelet_max_length"]:
        work = (
            lines
            * n
            * int(c["min_elements_per_thread"])
            // int(c["min_short_codelet_elements_per_thread"])
        )
    else:
        work = bytes_work(lines * n)
    return threads_for(lines, lanes_of(dtype), work, threads)


def prime_factors(n):
    factors, p = [], 2
    while p * p <= n:
        while n % p == 0:
            factors.append(p)
            n //= p
        p += 1
    return factors + ([n] if n > 1 else [])


def good_size(n):
    """The smallest 2^a 3^b 5^c >= n."""
    best = None
    for m in range(n, 8 * n):
        if set(prime_factors(m)) <= {2, 3, 5}:
            best = m
            break
    return best if n > 6 else n


def bluestein_padded(n):
    """Bluestein's padded length for a prime n, from the named slacks."""
    c = constants()
    need = 2 * n - 1
    smallest = good_size(need)
    if smallest < c["lane_bluestein_max_length"]:
        power = 1 << (need - 1).bit_length()
        slack = 100 + c["power_of_two_slack_percent"]
        return power if power * 100 <= smallest * slack else smallest
    whole = int(c["post_twiddle_block"]) ** 2
    whole_lanes = whole * good_size(-(-need // whole))
    slack = 100 + c["whole_lanes_slack_percent"]
    return whole_lanes if whole_lanes * 100 <= smallest * slack else smallest


def assert_four_step(algorithm, n):
    c = constants()
    assert algorithm["name"] == "four_step", algorithm
    assert algorithm["length"] == n
    assert algorithm["n1"] * algorithm["n2"] == n
    assert min(algorithm["n1"], algorithm["n2"]) >= c["four_step_min_factor"]
    columns, rows = algorithm["inner"]
    assert (columns["length"], rows["length"]) == (algorithm["n1"], algorithm["n2"])
    for part in (columns, rows):
        assert part["name"] == "stockham"
        assert math.prod(part["radices"]) == part["length"]


def assert_stockham(algorithm, n):
    assert algorithm["name"] == "stockham", algorithm
    assert math.prod(algorithm["radices"]) == n
    assert all(p > 1 for p in algorithm["radices"])


def assert_codelet(algorithm, n):
    assert algorithm["name"] == "codelet", algorithm
    assert algorithm["length"] == n
    assert math.prod(algorithm["radices"]) == n
    assert 1 <= len(algorithm["radices"]) <= 3
    assert all(p in BUTTERFLY_RADICES for p in algorithm["radices"])


# Radices with a butterfly of their own (kButterflyRadices, plans.h).
BUTTERFLY_RADICES = {2, 3, 4, 5, 7, 8, 11, 13}
# The lengths with a codelet (kCodelets, kernel_api.h), written out so that a
# table moved or cut fails here: every length 2..16, and past it the
# composites where the codelet beat the Stockham lanes, per precision; the
# real ones (r2c, c2r) where the complex codelet beat the real plan too.
SHORT_CODELETS = set(range(2, 17))
CODELETS = {
    "double": SHORT_CODELETS
    | {18, 20, 21, 22, 24, 25, 26, 27, 28, 30, 32, 33, 35, 36, 39, 40, 42, 44}
    | {48, 50, 52},
    "single": SHORT_CODELETS | {20, 22, 24, 28, 32, 36, 40, 44, 48, 52, 56, 64},
}
REAL_CODELETS = {
    "double": SHORT_CODELETS | {20, 21, 22, 24, 25, 26, 27, 28, 32, 39, 40},
    "single": SHORT_CODELETS | {20, 22, 24, 28, 32},
}
# The codelets' radices past 16, first factor's first (18: 2 x 9 = 2 x 3 x 3).
CODELET_RADICES = {
    18: [2, 3, 3], 20: [4, 5], 21: [3, 7], 22: [2, 11], 24: [8, 3], 25: [5, 5],
    26: [2, 13], 27: [3, 3, 3], 28: [4, 7], 30: [2, 3, 5], 32: [4, 8],
    33: [3, 11], 35: [5, 7], 36: [4, 3, 3], 39: [3, 13], 40: [8, 5],
    42: [2, 3, 7], 44: [4, 11], 48: [3, 4, 4], 50: [2, 5, 5], 52: [4, 13],
    56: [8, 7], 64: [8, 8],
}  # fmt: skip


def precision(dtype):
    single = np.dtype(dtype) in (np.float32, np.complex64)
    return "single" if single else "double"


def has_codelet(n, dtype=np.complex64, real=False):
    return n in (REAL_CODELETS if real else CODELETS)[precision(dtype)]


def assert_short_c2c(algorithm, n, dtype):
    """What a c2c of lines of n in lanes runs: a codelet for the short
    lengths, Stockham passes for the others."""
    if has_codelet(n, dtype):
        assert_codelet(algorithm, n)
    else:
        assert_stockham(algorithm, n)


def rel_err(got, want):
    return np.abs(got - want).max() / max(np.abs(want).max(), 1e-300)


def dft(x, axis, forward):
    """numpy's unnormalised DFT along `axis`, in double precision."""
    wide = x.astype(np.complex128)
    if forward:
        return np.fft.fft(wide, axis=axis)
    return np.fft.ifft(wide, axis=axis, norm="forward")


def tol(dtype):
    return 1e-12 if np.dtype(dtype) in (np.float64, np.complex128) else 3e-6


def random_complex(rng, shape, dtype):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)


def check_c2c(x, axes, threads, forward=True):
    out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, list(axes), forward, threads=threads)
    ref = x.astype(np.complex128)
    for axis in axes:
        ref = dft(ref, axis, forward)
    assert rel_err(out, ref) < tol(x.dtype), (x.shape, axes, forward)


def check_real(shape, axes, dtype, threads, rng):
    """r2c and c2r of `shape` along `axes` against numpy."""
    x = rng.standard_normal(shape).astype(dtype)
    half = list(shape)
    half[axes[-1]] = shape[axes[-1]] // 2 + 1
    cdtype = np.result_type(dtype, np.complex64)
    spec = np.empty(half, cdtype)
    _jfft_cpu.engine_r2c(x, spec, list(axes), threads=threads)
    ref = np.fft.rfftn(x.astype(np.float64), axes=axes)
    assert rel_err(spec, ref) < tol(dtype), (shape, axes)
    # Any spectrum (numpy ignores Im of DC and Nyquist, as must we).
    z = random_complex(rng, half, cdtype)
    back = np.empty(shape, dtype)
    _jfft_cpu.engine_c2r(z, back, list(axes), threads=threads)
    want = np.fft.irfftn(
        z.astype(np.complex128), s=[shape[a] for a in axes], axes=axes, norm="forward"
    )
    assert rel_err(back, want) < tol(dtype), (shape, axes)


# -- The description itself ---------------------------------------------------


def test_explain_plan_reports_the_kernels_and_threads(isa):
    plan = explain((64, 1000), np.complex64, [1], threads=2)
    assert plan["isa"] == isa and plan["lanes"] == lanes_of(np.complex64)
    assert plan["dtype"] == "complex64" and plan["threads"] == 2
    (step,) = plan["steps"]
    assert step["transform"] == "c2c" and step["axis"] == 1
    assert (step["length"], step["lines"]) == (1000, 64)
    assert step["strategy"] == "lanes" and step["lane_width"] == plan["lanes"]
    assert step["threads"] == lanes_threads(64, 1000, np.complex64, 2)
    assert_stockham(step["algorithm"], 1000)
    text = str(plan)
    assert "Stockham" in text and "lanes" in text and isa in text


@pytest.mark.parametrize("threads", [1, 2])
def test_lane_groups_narrow_where_rows_share_an_l1_set(isa, threads):
    # Contiguous lines l1_set_bytes apart: lane groups wider than l1_ways
    # lines would put every row in one L1 set, so the kernels narrow them.
    c = constants()
    lanes = lanes_of(np.complex64)
    aliased = int(c["l1_set_bytes"]) // complex_bytes(np.complex64)
    rng = np.random.default_rng(9)
    for n in (aliased, aliased - 8):
        (step,) = explain((4 * lanes, n), np.complex64, [1], threads=threads)["steps"]
        assert step["strategy"] == "lanes"
        if n == aliased and lanes > c["l1_ways"]:
            assert step["lane_width"] <= c["l1_ways"], step
        else:
            assert step["lane_width"] == lanes, step
        check_c2c(random_complex(rng, (4 * lanes, n), np.complex64), [1], threads)


def test_explain_plan_promotes_like_the_transforms():
    assert explain((8,), np.float32, None)["dtype"] == "complex64"
    assert explain((8,), np.int64, None)["dtype"] == "complex128"
    assert explain((8,), np.float64, None, kind="r2c")["dtype"] == "float64"


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"kind": "dct"}, ValueError, "kind"),
        ({"kind": "c2r", "n": 0}, ValueError, "n"),
        ({"kind": "c2r", "n": 5}, ValueError, "n"),
        ({"kind": "c2c", "n": 8}, ValueError, "n"),
        ({"axes": [2]}, np.exceptions.AxisError, "axes"),
        ({"axes": [0, 0]}, ValueError, "axes"),
        ({"workers": 0}, ValueError, "workers"),
        ({"kind": "c2r", "axes": []}, ValueError, "axes"),
    ],
)
def test_explain_plan_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        jfft.explain_plan(Spec((4, 9), np.complex64), **kwargs)


def test_explain_plan_rejects_complex_r2c():
    with pytest.raises(TypeError, match="real"):
        jfft.explain_plan(np.zeros(8, np.complex64), kind="r2c")


# -- Complex lines: lanes, four-step, Bluestein -------------------------------


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_four_step_threshold(isa, threads, dtype):
    # One line: below four_step_min_length it runs alone in a lane group;
    # from there (2^a with both factors >= four_step_min_factor) it is split
    # four-step, one line at a time, its passes in lanes and threads.
    c = constants()
    lanes = lanes_of(dtype)
    shortest = int(c["four_step_min_length"])
    rng = np.random.default_rng(0)
    for n in (shortest // 2, shortest, 2 * shortest):
        (step,) = explain((1, n), dtype, [1], threads=threads)["steps"]
        if n < shortest:
            assert step["strategy"] == "lanes", n
            assert_stockham(step["algorithm"], n)
        else:
            assert step["strategy"] == "one_by_one", n
            algorithm = step["algorithm"]
            assert_four_step(algorithm, n)
            columns, rows = algorithm["inner"]
            assert columns["threads"] == threads_for(algorithm["n2"], lanes, n, threads)
            assert rows["threads"] == threads_for(algorithm["n1"], lanes, n, threads)
        check_c2c(random_complex(rng, (1, n), dtype), [1], threads)


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_four_step_powers_of_eight(isa, dtype):
    # With radix-8 kernels a power of two of 3k bits (k odd) up to
    # four_step_powers_of_eight_max_length splits into two powers of eight,
    # the longer the columns' (k passes); otherwise, and with radix 4, the
    # balanced split.
    c = constants()
    rng = np.random.default_rng(1)
    for bits in (15, 16, 21):
        n = 2**bits
        (step,) = explain((1, n), dtype, [1])["steps"]
        algorithm = step["algorithm"]
        assert_four_step(algorithm, n)
        eights = (
            c["largest_radix"] >= 8
            and n <= c["four_step_powers_of_eight_max_length"]
            and bits % 3 == 0
            and bits // 3 % 2 == 1
        )
        if eights:
            want = (n // 8 ** (bits // 6), 8 ** (bits // 6))
        else:
            want = (algorithm["n1"], n // algorithm["n1"])
            assert abs(math.log2(want[0]) - math.log2(want[1])) <= 2
        assert (algorithm["n1"], algorithm["n2"]) == want, (n, algorithm)
        if bits < 21:
            check_c2c(random_complex(rng, (1, n), dtype), [1], 1)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_lines_fill_the_lanes(isa, threads, dtype):
    # A four-step length whose lane groups fit lane_group_bytes: fewer lines
    # than the lanes go one by one, a full lane group side by side.
    c = constants()
    lanes = lanes_of(dtype)
    n = int(c["four_step_min_length"])
    assert 2 * n * lanes * complex_bytes(dtype) <= c["lane_group_bytes"]
    rng = np.random.default_rng(1)
    for lines in (lanes - 1, lanes):
        (step,) = explain((lines, n), dtype, [1], threads=threads)["steps"]
        want = "one_by_one" if lines < lanes else "lanes"
        assert step["strategy"] == want, lines
        if want == "lanes":  # (narrower where rows share an L1 set)
            assert 0 < step["lane_width"] <= lanes
            assert step["threads"] == lanes_threads(lines, n, dtype, threads)
        else:
            assert step["threads"] == threads_for(lines, 1, lines * n, threads)
            assert_four_step(step["algorithm"], n)
        check_c2c(random_complex(rng, (lines, n), dtype), [1], threads)


@pytest.mark.parametrize("threads", [1, 2])
def test_lane_group_bytes_threshold(isa, threads):
    # A full lane group of lines: lanes while the group's buffer (about two
    # lines per lane) fits lane_group_bytes, one by one once it does not;
    # strided lines of the same length (axis 0) stay in lanes however long.
    c = constants()
    dtype = np.complex64
    lanes = lanes_of(dtype)
    per_value = lanes * complex_bytes(dtype)
    n = int(c["four_step_min_length"])
    while 2 * (2 * n) * per_value <= c["lane_group_bytes"]:
        n *= 2
    rng = np.random.default_rng(2)
    fits, too_long = n, 2 * n  # 2 * fits * per_value <= lane_group_bytes
    for length in (fits, too_long):
        (step,) = explain((lanes, length), dtype, [1], threads=threads)["steps"]
        assert step["strategy"] == ("lanes" if length == fits else "one_by_one")
        if length == too_long:
            assert_four_step(step["algorithm"], length)
    (step,) = explain((too_long, lanes), dtype, [0], threads=threads)["steps"]
    assert step["strategy"] == "lanes" and step["lines"] == lanes
    x = random_complex(rng, (lanes, too_long), dtype)
    check_c2c(x, [1], threads)
    check_c2c(np.ascontiguousarray(x.T), [0], threads)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_bluestein_paths(isa, threads, dtype):
    # A prime above bluestein_min_prime: Bluestein with its padded length;
    # in lanes (a direct plan of the padded length inside) for a full lane
    # group, one by one with the padded transforms four-step for one line.
    # A prime up to bluestein_min_prime: one generic pass of its own radix.
    c = constants()
    lanes = lanes_of(dtype)
    rng = np.random.default_rng(3)
    for n in (4099, 10007):
        padded = bluestein_padded(n)
        (step,) = explain((lanes, n), dtype, [1], threads=threads)["steps"]
        algorithm = step["algorithm"]
        assert algorithm["name"] == "bluestein", n
        assert algorithm["padded_length"] == padded >= 2 * n - 1
        if step["strategy"] == "lanes":
            (inner,) = algorithm["inner"]
            assert_stockham(inner, padded)
        else:  # a Bluestein plan whose lanes would exceed lane_group_bytes
            assert step["strategy"] == "one_by_one"
            assert_four_step(algorithm["inner"][0], padded)
        (step,) = explain((1, n), dtype, [1], threads=threads)["steps"]
        assert step["strategy"] == "one_by_one"
        assert step["algorithm"]["name"] == "bluestein"
        assert_four_step(step["algorithm"]["inner"][0], padded)
        for lines in (1, lanes):
            x = random_complex(rng, (lines, n), dtype)
            check_c2c(x, [1], threads, forward=lines == 1)
    assert bluestein_padded(4099) == 8640  # 2^6 3^3 5 >= 8197
    assert bluestein_padded(10007) == 20480  # whole lane groups: 80 x 256
    small = max(
        p
        for p in range(3, int(c["bluestein_min_prime"]) + 1)
        if prime_factors(p) == [p]
    )
    (step,) = explain((lanes, small), dtype, [1], threads=threads)["steps"]
    assert step["strategy"] == "lanes"
    assert step["algorithm"]["name"] == "stockham"
    assert step["algorithm"]["radices"] == [small]
    check_c2c(random_complex(rng, (lanes + 1, small), dtype), [1], threads)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_c2c_paths(isa, threads, dtype):
    # Short lengths of every kind of factor and line counts around the lane
    # widths: each in lanes (or, from four_step_min_length, one by one when
    # the lines do not fill the lanes), against numpy.
    c = constants()
    rng = np.random.default_rng(0)
    for n in [1, 2, 7, 16, 45, 121, 1009, 4099, 3 * 5**5]:
        for lines in LINES:
            if n * lines > 2**17:
                continue
            (step,) = explain((lines, n), dtype, [1], threads=threads)["steps"]
            if n < c["four_step_min_length"] and step["algorithm"]["name"] not in (
                "bluestein",
                "rader",
            ):
                assert step["strategy"] == "lanes", (n, lines)
                assert_short_c2c(step["algorithm"], n, dtype)
            if step["strategy"] == "lanes":
                assert step["threads"] == lanes_threads(lines, n, dtype, threads)
            x = random_complex(rng, (lines, n), dtype)
            for forward in (True, False):
                check_c2c(x, [1], threads, forward)


# -- Codelets -----------------------------------------------------------------


def codelet_width(dtype):
    single = np.dtype(dtype) == np.complex64
    return int(constants()["codelet_width_float" if single else "codelet_width_double"])


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_codelet_paths(isa, threads, dtype):
    # Every length with a codelet runs it (no plan, lines in vectors of
    # codelet_width), the others Stockham passes; along the last axis (lines
    # end to end), along axis 0 (adjacent lines) and in batches that are not
    # a multiple of the vector width.
    c = constants()
    top = int(c["codelet_max_length"])
    assert top == max(CODELETS["single"] | CODELETS["double"])
    width = codelet_width(dtype)
    assert width >= 1 and lanes_of(dtype) % width == 0
    lanes = lanes_of(dtype)
    for n in range(1, top + 2):
        for shape, axis in [((4 * lanes + 3, n), 1), ((n, 4 * lanes + 3), 0)]:
            (step,) = explain(shape, dtype, [axis], threads=threads)["steps"]
            assert step["strategy"] == "lanes", (n, axis)
            if has_codelet(n, dtype):
                assert_codelet(step["algorithm"], n)
                if n in CODELET_RADICES:
                    assert step["algorithm"]["radices"] == CODELET_RADICES[n], n
                assert step["lane_width"] == width
            else:
                assert step["algorithm"]["name"] != "codelet", n
            lines = shape[1 - axis]
            assert step["threads"] == lanes_threads(lines, n, dtype, threads)
    assert "codelet of radix 4 x 4" in str(
        explain((100, 16), dtype, [1], threads=threads)
    )


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_short_codelet_threads(isa, dtype):
    # Codelet lines of at most short_codelet_max_length points take a second
    # thread only from min_short_codelet_elements_per_thread elements a
    # thread (they are bound by memory); longer codelets, from
    # min_elements_per_thread as every other lane pass. Against numpy at the
    # threshold, two workers.
    c = constants()
    short = int(c["short_codelet_max_length"])
    per_thread = int(c["min_short_codelet_elements_per_thread"])
    assert per_thread > int(c["min_elements_per_thread"])
    rng = np.random.default_rng(21)
    for n in (2, 16, short):
        assert has_codelet(n, dtype)
        for elements, want in ((2 * per_thread - n, 1), (2 * per_thread, 2)):
            lines = elements // n
            (step,) = explain((lines, n), dtype, [1], threads=2)["steps"]
            assert_codelet(step["algorithm"], n)
            assert step["threads"] == want, (n, elements)
        check_c2c(random_complex(rng, (2 * per_thread // short, short), dtype), [1], 2)
    longer = min(n for n in range(short + 1, 65) if has_codelet(n, dtype))
    lines = 2 * int(c["min_elements_per_thread"]) // longer + 1
    if np.dtype(dtype) == np.complex64:  # as many bytes a thread
        lines *= 2
    (step,) = explain((lines, longer), dtype, [1], threads=2)["steps"]
    assert_codelet(step["algorithm"], longer)
    assert step["threads"] == 2


def reference_dft(x, axis, forward):
    """numpy's unnormalised DFT in long double (complex128 inputs) or
    double (complex64)."""
    wide = x.astype(np.clongdouble if x.dtype == np.complex128 else np.complex128)
    if forward:
        return np.fft.fft(wide, axis=axis)
    return np.fft.ifft(wide, axis=axis, norm="forward")


def check_codelet(x, axis, threads, forward, out=None):
    want = reference_dft(x, axis, forward)
    if out is None:
        out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, [axis], forward, threads=threads)
    err = rel_err(out.astype(want.dtype), want)
    assert err < tol(x.dtype), (x.shape, x.strides, axis, forward, err)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_codelet_numbers(isa, threads, dtype):
    # Lengths 1..65 (the codelets and the Stockham lanes among and past
    # them) against numpy in higher precision: contiguous lines in large and
    # odd batches, adjacent lines along axis 0, strided views whose lines
    # cannot be merged into one run, and in place; both directions.
    rng = np.random.default_rng(12)
    width = codelet_width(dtype)
    for n in range(1, 66):
        big = max(3, 2**12 // n) | 1  # odd: a partly filled last vector
        for lines in (big, width - 1 or 1, width + 1):
            forward = (n + lines) % 2 == 0
            check_codelet(random_complex(rng, (lines, n), dtype), 1, threads, forward)
        check_codelet(random_complex(rng, (n, big), dtype), 0, threads, n % 2 == 0)
        # Lines 2 apart along the last axis, a gap between rows of them,
        # every other point of each line.
        base = random_complex(rng, (7, 2 * width + 3, 2 * n + 1), dtype)
        view = base[:, ::2, : 2 * n : 2]
        check_codelet(view, 2, threads, True)
        # Strided lines along axis 1 of a 3-d view (adjacent within a row).
        check_codelet(base[:, : min(n, 2 * width + 3), :], 1, threads, False)
        # In place, contiguous and along axis 0.
        for shape, axis in [((big, n), 1), ((n, big), 0)]:
            x = random_complex(rng, shape, dtype)
            want = reference_dft(x, axis, True)
            _jfft_cpu.engine_c2c(x, x, [axis], True, threads=threads)
            assert rel_err(x.astype(want.dtype), want) < tol(dtype), (shape, axis)


def test_codelet_infinities(isa):
    # A batch of short lines with an infinity in one line: that line follows
    # the DFT's own rule (as numpy), the others stay finite.
    x = np.ones((37, 4), np.complex64)
    x[5, 1] = np.inf
    out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, [1], True, threads=1)
    with np.errstate(invalid="ignore"):
        want = np.fft.fft(x.astype(np.complex128), axis=1)
    np.testing.assert_array_equal(np.isfinite(out), np.isfinite(want))
    finite = np.isfinite(want)
    assert rel_err(out[finite], want[finite]) < tol(np.complex64)


def reference_real(x, axes, forward, n=None):
    """numpy's unnormalised rfftn (forward) or irfftn of a spectrum to
    ``n`` points along the last of ``axes``, in long double (64-bit inputs)
    or double (32-bit)."""
    wide = np.clongdouble if x.dtype in (np.float64, np.complex128) else np.complex128
    if forward:
        return np.fft.rfftn(x.astype(wide).real, axes=axes)
    sizes = [x.shape[a] for a in axes[:-1]] + [n]
    return np.fft.irfftn(x.astype(wide), s=sizes, axes=axes, norm="forward")


def check_real_codelet(x, axes, threads, out_view=None):
    """r2c of real `x` and c2r of a random spectrum of its shape along
    `axes`, against numpy in higher precision."""
    n = x.shape[axes[-1]]
    half = list(x.shape)
    half[axes[-1]] = n // 2 + 1
    cdtype = np.result_type(x.dtype, np.complex64)
    spec = np.empty(half, cdtype)
    _jfft_cpu.engine_r2c(x, spec, list(axes), threads=threads)
    want = reference_real(x, axes, True)
    assert rel_err(spec.astype(want.dtype), want) < tol(x.dtype), (
        x.shape,
        x.strides,
        axes,
    )
    rng = np.random.default_rng(n)
    z = random_complex(rng, half, cdtype)
    back = np.empty(x.shape, x.dtype) if out_view is None else out_view
    _jfft_cpu.engine_c2r(z, back, list(axes), threads=threads)
    want = reference_real(z, axes, False, n)
    assert rel_err(back.astype(want.dtype), want) < tol(x.dtype), (
        x.shape,
        back.strides,
        axes,
    )


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_real_codelet_paths(isa, threads, dtype):
    # r2c and c2r of every length with a real codelet run the complex
    # codelet on the real lines (no real plan, lines in vectors of
    # codelet_width), along the last axis and along axis 0; the others
    # (1, lengths with a complex codelet only, the rest) do not.
    top = int(constants()["codelet_max_length"])
    width = codelet_width(np.result_type(dtype, np.complex64))
    lanes = lanes_of(dtype)
    for n in range(1, top + 2):
        for kind in ("r2c", "c2r"):
            m = n if kind == "r2c" else n // 2 + 1
            for shape, axis in [((4 * lanes + 3, m), 1), ((m, 4 * lanes + 3), 0)]:
                kwargs = {} if kind == "r2c" else {"n": n}
                (step,) = explain(
                    shape, dtype, [axis], kind=kind, threads=threads, **kwargs
                )["steps"]
                assert step["transform"] == kind and step["length"] == n
                if has_codelet(n, dtype, real=True):
                    assert step["strategy"] == "lanes", (kind, n, axis)
                    assert_codelet(step["algorithm"], n)
                    assert step["lane_width"] == width
                    lines = shape[1 - axis]
                    assert step["threads"] == lanes_threads(
                        lines, n, dtype, threads, real=True
                    )
                else:
                    assert step["algorithm"]["name"] != "codelet", (kind, n)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_real_codelet_numbers(isa, threads, dtype):
    # Lengths 1..65 (the real codelets and the lanes among and past them):
    # contiguous lines in large and odd batches, adjacent lines along axis 0,
    # strided views, a strided c2r output, and 2-d transforms whose c2r runs
    # on the spectrum packed into its own output (even n) or on a copy.
    rng = np.random.default_rng(33)
    width = codelet_width(np.result_type(dtype, np.complex64))
    for n in range(1, 66):
        big = max(3, 2**11 // n) | 1
        for lines in (big, width - 1 or 1, width + 1):
            check_real_codelet(
                rng.standard_normal((lines, n)).astype(dtype), [1], threads
            )
        check_real_codelet(rng.standard_normal((n, big)).astype(dtype), [0], threads)
        base = rng.standard_normal((5, 2 * width + 3, 2 * n + 1)).astype(dtype)
        check_real_codelet(base[:, ::2, : 2 * n : 2], [2], threads)
        check_real_codelet(base[:, :, :n], [1], threads)
        out = np.empty((2 * width + 3, 2 * n + 1), dtype)
        check_real_codelet(base[0, :, :n], [1], threads, out_view=out[:, :n])
        check_real_codelet(base[0, :, :n].copy(), [0, 1], threads)
        check_real_codelet(base[0, :, :n].copy(), [1, 0], threads)


def test_real_codelet_infinities(isa):
    # An infinity in one short real line: r2c and c2r of that line follow
    # numpy, the other lines stay finite (the driver's checks see the
    # codelets' outputs).
    x = np.ones((37, 4), np.float32)
    x[5, 1] = np.inf
    spec = np.empty((37, 3), np.complex64)
    _jfft_cpu.engine_r2c(x, spec, [1], threads=1)
    with np.errstate(invalid="ignore"):
        want = np.fft.rfft(x.astype(np.float64), axis=1)
    np.testing.assert_array_equal(np.isfinite(spec), np.isfinite(want))
    finite = np.isfinite(want)
    assert rel_err(spec[finite], want[finite]) < tol(np.float32)
    z = np.ones((37, 3), np.complex64)
    z[5, 1] = np.inf
    back = np.empty((37, 4), np.float32)
    _jfft_cpu.engine_c2r(z, back, [1], threads=1)
    with np.errstate(invalid="ignore"):
        want = np.fft.irfft(z.astype(np.complex128), n=4, axis=1, norm="forward")
    np.testing.assert_array_equal(np.isfinite(back), np.isfinite(want))
    finite = np.isfinite(want)
    assert rel_err(back[finite], want[finite]) < tol(np.float32)


# -- Real lines ---------------------------------------------------------------


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_real_lines_threshold(isa, threads, dtype):
    # Real lines follow the complex lines' rule on their complex transform
    # (n/2 for even n): a lone line whose half has a four-step split goes
    # one by one (the split of the spectra on a four-step transform), a full
    # lane group in lanes; below the split, in lanes however few.
    c = constants()
    lanes = lanes_of(dtype)
    n = 2 * int(c["four_step_min_length"])
    rng = np.random.default_rng(4)
    for lines in (1, lanes):
        for kind in ("r2c", "c2r"):
            shape = (lines, n) if kind == "r2c" else (lines, n // 2 + 1)
            (step,) = explain(shape, dtype, [1], kind=kind, threads=threads)["steps"]
            assert step["transform"] == kind and step["length"] == n
            algorithm = step["algorithm"]
            assert algorithm["name"] == "real_even"
            if lines < lanes:
                assert step["strategy"] == "one_by_one"
                assert_four_step(algorithm["inner"][0], n // 2)
            else:
                assert step["strategy"] == "lanes"
                assert_stockham(algorithm["inner"][0], n // 2)
        check_real((lines, n), [1], dtype, threads, rng)
    (step,) = explain((1, n // 2), dtype, [1], kind="r2c", threads=threads)["steps"]
    assert step["strategy"] == "lanes"
    check_real((1, n // 2), [1], dtype, threads, rng)


@pytest.mark.parametrize("threads", [1, 2])
def test_real_odd_prime_one_by_one(isa, threads):
    # An odd prime real line: a complex transform of the full length, by
    # Bluestein with its padded transforms four-step.
    n = 65537
    (step,) = explain((2, n), np.float32, [1], kind="r2c", threads=threads)["steps"]
    assert step["strategy"] == "one_by_one"
    algorithm = step["algorithm"]
    assert algorithm["name"] == "real_odd"
    (inner,) = algorithm["inner"]
    assert inner["name"] == "bluestein"
    assert inner["padded_length"] == bluestein_padded(n)
    assert_four_step(inner["inner"][0], inner["padded_length"])
    check_real((2, n), [1], np.float32, threads, np.random.default_rng(5))


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_real_paths(isa, threads, dtype):
    rng = np.random.default_rng(1)
    for n in [1, 2, 7, 16, 45, 121, 1009, 4099, 10007, 4096, 3 * 5**5, 2**15]:
        for lines in LINES:
            if n * lines > 2**17:
                continue
            check_real((lines, n), [1], dtype, threads, rng)


@pytest.mark.parametrize("threads", [1, 2])
def test_long_real_lines_along_axis_0(isa, threads):
    n = 2 * int(constants()["four_step_min_length"])
    plan = explain((n, 3), np.float32, [1, 0], kind="r2c", threads=threads)
    first, second = plan["steps"]
    assert (first["transform"], first["axis"], first["lines"]) == ("r2c", 0, 3)
    assert first["strategy"] == "one_by_one" and first["source"] == "input"
    assert (second["transform"], second["axis"]) == ("c2c", 1)
    assert second["source"] == "output"
    check_real((n, 3), [1, 0], np.float32, threads, np.random.default_rng(6))


# -- The n-d driver -----------------------------------------------------------


@pytest.mark.parametrize("threads", [1, 2])
def test_trailing_planes_threshold(isa, threads):
    # Both last axes transformed: plane by plane while a plane fits in
    # trailing_plane_bytes, axis by axis once it does not.
    limit = int(constants()["trailing_plane_bytes"])
    side = math.isqrt(limit // 16)  # complex128 planes of side x side fit
    rng = np.random.default_rng(7)
    for rows in (side, side + 1):
        shape = (3, rows, side)
        plan = explain(shape, np.complex128, [0, 1, 2], threads=threads)
        fits = rows * side * 16 <= limit
        first = plan["steps"][0]
        if fits:
            assert first["strategy"] == "trailing_planes"
            assert first["lines"] == 3 and first["length"] == rows * side
            assert [p["axis"] for p in first["planes"]] == [2, 1]
            assert [p["source"] for p in first["planes"]] == ["input", "output"]
            assert plan["steps"][1]["axis"] == 0
            assert plan["steps"][1]["source"] == "output"
            assert first["threads"] == threads_for(3, 1, 3 * rows * side, threads)
        else:
            assert [s["axis"] for s in plan["steps"]] == [0, 1, 2]
            assert all(s["strategy"] != "trailing_planes" for s in plan["steps"])
        x = random_complex(rng, shape, np.complex128)
        out = np.empty_like(x)
        _jfft_cpu.engine_c2c(x, out, [0, 1, 2], True, threads=threads)
        assert rel_err(out, np.fft.fftn(x)) < 1e-12


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize(
    "shape, axes",
    [
        ((3, 5, 16, 12), [2, 3]),
        ((3, 5, 16, 12), [3, 0, 2]),
        ((4, 33, 40), [0, 1, 2]),
        ((2, 300, 300), [1, 2]),  # planes too big for cache: axis by axis
    ],
)
def test_trailing_planes(isa, threads, shape, axes):
    # From a strided view, out of place and in place.
    rng = np.random.default_rng(4)
    big = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    big = np.concatenate([big, big[..., :3]], axis=-1)
    view = big[..., 1 : 1 + shape[-1]]
    ref = np.fft.fftn(view, axes=axes)
    out = np.empty(shape, np.complex128)
    _jfft_cpu.engine_c2c(view, out, axes, True, threads=threads)
    assert rel_err(out, ref) < 1e-12
    inplace = np.ascontiguousarray(view)
    _jfft_cpu.engine_c2c(inplace, inplace, axes, True, threads=threads)
    assert rel_err(inplace, ref) < 1e-12


@pytest.mark.parametrize("threads", [1, 2])
def test_c2r_packed_and_copy_paths(isa, threads):
    # Even last length: the other axes into the real output itself (the half
    # spectrum packed, the Nyquist column on its own), then the c2r in place.
    # Odd: the other axes into a copy of the spectrum.
    rng = np.random.default_rng(8)
    for n, sources in [
        (2**15, ["input", "nyquist", "packed"]),
        (2**15 + 1, ["input", "spectrum"]),
    ]:
        half = n // 2 + 1
        plan = explain(
            (3, half), np.complex64, [0, 1], kind="c2r", threads=threads, n=n
        )
        assert [s["source"] for s in plan["steps"]] == sources
        assert plan["steps"][-1]["transform"] == "c2r"
        assert plan["steps"][-1]["length"] == n
        z = random_complex(rng, (3, half), np.complex64)
        out = np.empty((3, n), np.float32)
        _jfft_cpu.engine_c2r(z, out, [0, 1], threads=threads)
        want = np.fft.irfftn(
            z.astype(np.complex128), s=(3, n), axes=(0, 1), norm="forward"
        )
        assert rel_err(out, want) < tol(np.float32)


@pytest.mark.parametrize("threads", [1, 2])
def test_strided_axis_paths(isa, threads):
    rng = np.random.default_rng(2)
    x = rng.standard_normal((4096, 20)) + 1j * rng.standard_normal((4096, 20))
    view = x[::2, 1:]  # strided lines along axis 0, lanes along axis 1
    out = np.empty(view.shape, np.complex128)
    _jfft_cpu.engine_c2c(view, out, [0, 1], True, threads=threads)
    assert rel_err(out, np.fft.fftn(view, axes=(0, 1))) < 1e-12


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("shape", [(8192, 37), (10007, 19), (16384, 5)])
def test_long_strided_lines(isa, threads, shape):
    # Long lines along axis 0: in lanes when there are enough of them (8192,
    # a four-step length), one by one when there are few (16384 x 5) or when
    # the length's Bluestein plan is too long for lanes (10007).
    rng = np.random.default_rng(3)
    x = random_complex(rng, shape, np.complex64)
    (step,) = explain(shape, np.complex64, [0], threads=threads)["steps"]
    lanes = lanes_of(np.complex64)
    if shape[1] < lanes:
        assert step["strategy"] == "one_by_one"
    if shape[0] == 10007:
        assert step["algorithm"]["name"] == "bluestein"
    for forward in (True, False):
        check_c2c(x, [0], threads, forward)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("strided", [False, True])
def test_scale(threads, strided):
    # The norm's factor applied by the engine, into contiguous outputs and
    # into strided views of larger arrays.
    rng = np.random.default_rng(6)
    shape, axes, scale = (6, 40, 34), [0, 2], 0.125
    x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)

    def out_array(shape, dtype):
        if not strided:
            return np.empty(shape, dtype)
        big = np.zeros((shape[0], shape[1] + 3, 2 * shape[2]), dtype)
        return big[:, 1 : 1 + shape[1], ::2]

    out = out_array(shape, np.complex128)
    _jfft_cpu.engine_c2c(x, out, axes, False, threads=threads, scale=scale)
    want = np.fft.ifftn(x, axes=axes, norm="forward") * scale
    assert rel_err(out, want) < 1e-12
    half = (6, 40, 18)
    spec = out_array(half, np.complex128)
    _jfft_cpu.engine_r2c(x.real, spec, axes, threads=threads, scale=scale)
    assert rel_err(spec, np.fft.rfftn(x.real, axes=axes) * scale) < 1e-12
    real = out_array(shape, np.float64)
    _jfft_cpu.engine_c2r(x[..., :18], real, axes, threads=threads, scale=scale)
    want = np.fft.irfftn(x[..., :18], s=(6, 34), axes=axes, norm="forward")
    assert rel_err(real, want * scale) < 1e-12


def test_unknown_isa_raises():
    with pytest.raises(ValueError, match="instruction set"):
        _jfft_cpu.set_isa("avx512-please")


@pytest.mark.parametrize("workers", [1, 2, -1])
def test_api_workers(workers):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((64, 4096)).astype(np.float32)
    got = np.asarray(jfft.rfft(x, workers=workers))
    assert rel_err(got, np.fft.rfft(x.astype(np.float64))) < 3e-6
    z = rng.standard_normal((2, 128, 96)) + 1j * rng.standard_normal((2, 128, 96))
    got = np.asarray(jfft.ifft2(z.astype(np.complex64), workers=workers))
    assert rel_err(got, np.fft.ifft2(z)) < 3e-6


def test_set_workers_context():
    default = jfft.get_workers()
    with jfft.set_workers(1):
        assert jfft.get_workers() == 1
        x = np.arange(64.0, dtype=np.float32)
        assert rel_err(np.asarray(jfft.fft(x)), np.fft.fft(x)) < 3e-6
    assert jfft.get_workers() == default


@pytest.mark.parametrize("bad", [0, 1.5, "2", True])
def test_bad_workers(bad):
    with pytest.raises((ValueError, TypeError), match="workers"):
        jfft.fft(np.ones(8), workers=bad)


C2R_CASES = [
    # (output shape, axes): even last-axis lengths on unit-stride output use
    # the packed in-place path; odd lengths and strided outputs the copy.
    ((16, 32), (0, 1)),
    ((9, 6, 10), (0, 2)),
    ((9, 6, 10), (2, 0, 1)),
    ((5, 12, 7), (0, 1, 2)),
    ((12, 8), (1, 0)),
    ((3, 40, 64), (1, 2)),
]


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
@pytest.mark.parametrize("shape,axes", C2R_CASES, ids=str)
def test_c2r_multi_axis_paths(isa, threads, dtype, shape, axes):
    rng = np.random.default_rng(4)
    half = list(shape)
    half[axes[-1]] = shape[axes[-1]] // 2 + 1
    z = random_complex(rng, half, dtype)
    z_before = z.copy()
    real = np.float64 if dtype == np.complex128 else np.float32
    out = np.empty(shape, real)
    _jfft_cpu.engine_c2r(z, out, list(axes), threads=threads)
    lengths = [shape[a] for a in axes]
    ref = np.fft.irfftn(z.astype(np.complex128), s=lengths, axes=axes, norm="forward")
    assert rel_err(out, ref) < tol(real)
    np.testing.assert_array_equal(z, z_before)
    # A strided output view takes the copying path.
    big = np.zeros(tuple(2 * d for d in shape), real)
    view = big[tuple(slice(None, None, 2) for _ in shape)]
    _jfft_cpu.engine_c2r(z, view, list(axes), threads=threads)
    assert rel_err(view, ref) < tol(real)


@pytest.mark.parametrize("n", [1009, 10007, 65537])
def test_bluestein_float_accuracy(isa, n):
    # Relative RMS error against a float64 reference: with the convolution
    # kernel's spectrum rounded once from double precision, primes stay
    # within ~2.4e-7 (ducc0 0.42: 2.3e-7 / 2.5e-7 / 3.0e-7 on these; a float
    # spectrum gave up to 3.1e-7).
    rng = np.random.default_rng(1)
    lines = max(1, 2**16 // n)
    x = random_complex(rng, (lines, n), np.complex64)
    out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, [1], True, threads=2)
    ref = dft(x, 1, True)
    rms = np.sqrt(np.mean(np.abs(out - ref) ** 2) / np.mean(np.abs(ref) ** 2))
    assert rms < 2.6e-7, rms


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_four_step_codelet_radices(isa, dtype):
    # One long line of a length whose prime factors are all at most
    # four_step_largest_prime (radices 7, 11, 13 with codelets, 23 by the
    # generic pass) splits four-step into Stockham plans; one with larger
    # prime factors (79, 113; 37 and 109; 193 and 337) splits too, each large
    # prime in a factor run in lanes by Rader (a pass, or the factor's whole
    # plan) or, below rader_min_prime (37), the generic pass, never a
    # Bluestein convolution of the whole line.
    c = constants()
    largest = int(c["four_step_largest_prime"])
    rng = np.random.default_rng(1)
    for n in (7**5, 11**4, 13**4, 19320, 7**7, 17775, 5537, 1008250, 780492):
        assert n >= c["four_step_min_length"]
        (step,) = explain((1, n), dtype, [1])["steps"]
        assert step["strategy"] == "one_by_one", n
        algorithm = step["algorithm"]
        if max(prime_factors(n)) <= largest:
            assert_four_step(algorithm, n)
        else:
            assert algorithm["name"] == "four_step", (n, algorithm["name"])
            assert algorithm["n1"] * algorithm["n2"] == n
            large = [p for p in prime_factors(n) if p > largest]
            rader, generic = [], []
            for part in algorithm["inner"]:
                assert part["name"] in ("stockham", "rader"), part["name"]
                if part["name"] == "rader":
                    rader.append(part["length"])
                else:
                    rader += part["rader_radices"]
                    generic += [p for p in part["generic_radices"] if p > largest]
                    assert part["bluestein_radices"] == []
            # Below rader_min_prime a large prime runs the generic pass.
            assert sorted(rader) == [p for p in large if rader_smooth(p)], n
            assert sorted(generic) == [p for p in large if not rader_smooth(p)], n
        if n < 10**5 or n == 1008250:
            check_c2c(random_complex(rng, (1, n), dtype), [1], 1)


def rader_smooth(p):
    """Whether Rader is offered for the prime p: p - 1 without a prime factor
    above rader_largest_inner_prime."""
    c = constants()
    largest_inner = max(prime_factors(p - 1))
    return p > c["rader_min_prime"] and largest_inner <= c["rader_largest_inner_prime"]


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_bluestein_pass_paths(isa, dtype):
    # A composite length with one large prime factor p whose p - 1 has a
    # large prime factor too (1336 = 8 * 167, 166 = 2 * 83; 908 = 4 * 227,
    # 226 = 2 * 113), so no Rader: Stockham passes with p's butterflies by a
    # Bluestein pass, its inner transform a direct plan of a 2^a 3^b 5^c
    # padded length >= 2p - 1 (at most bluestein_pass_padded_slack_percent
    # above the smallest); the real transform of 2 * 1336 runs it inside. A
    # prime (4099, 4098 = 2 * 3 * 683) stays a whole-line Bluestein plan.
    c = constants()
    lanes = lanes_of(dtype)
    rng = np.random.default_rng(5)
    for n, p in ((1336, 167), (908, 227)):
        assert not rader_smooth(p)
        (step,) = explain((lanes, n), dtype, [1])["steps"]
        algorithm = step["algorithm"]
        assert_stockham(algorithm, n)
        assert algorithm["bluestein_radices"] == [p]
        assert algorithm["rader_radices"] == []
        assert algorithm["generic_radices"] == []
        (inner,) = algorithm["inner"]
        padded = inner["length"]
        slack = 100 + c["bluestein_pass_padded_slack_percent"]
        assert 2 * p - 1 <= padded <= good_size(2 * p - 1) * slack / 100
        assert set(prime_factors(padded)) <= {2, 3, 5}
        assert_stockham(inner, padded)
        check_c2c(random_complex(rng, (lanes + 1, n), dtype), [1], 1)
    real = np.float32 if np.dtype(dtype) == np.complex64 else np.float64
    (step,) = explain((lanes, 2 * 1336), real, [1], kind="r2c")["steps"]
    (inner,) = step["algorithm"]["inner"]
    assert inner["bluestein_radices"] == [167]
    assert not rader_smooth(4099)
    (step,) = explain((lanes, 4099), dtype, [1])["steps"]
    assert step["algorithm"]["name"] == "bluestein"
    assert step["algorithm"]["padded_length"] == bluestein_padded(4099)
    # No Bluestein or Rader pass in a line too long for a lane group: such
    # lines never split four-step (the whole-line Bluestein's can).
    for p in (167, 241):
        long = 2**12 * p
        assert (
            2 * long * c["narrowest_lane_group_element_bytes"] > (c["lane_group_bytes"])
        )
        (step,) = explain((1, long), dtype, [1])["steps"]
        assert step["algorithm"].get("bluestein_radices", []) == []
        assert step["algorithm"].get("rader_radices", []) == []


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_rader_paths(isa, dtype):
    # A prime p whose p - 1 has no prime factor above
    # rader_largest_inner_prime: the whole line by Rader's convolution of
    # p - 1 (inner: a direct plan of p - 1), in lanes, for full lane groups
    # and a lone line; as a large prime factor of a composite length, its
    # butterflies by a Rader pass (inner: the plan of p - 1, in pass order
    # with Bluestein passes). Real lines of 2p run the complex Rader plan of
    # p. Each against numpy, both directions.
    lanes = lanes_of(dtype)
    rng = np.random.default_rng(8)
    for p in (61, 127, 1009, 2053, 3001):
        assert rader_smooth(p)
        for lines in (1, lanes, lanes + 3):
            (step,) = explain((lines, p), dtype, [1])["steps"]
            assert step["strategy"] == "lanes", (p, lines)
            algorithm = step["algorithm"]
            assert algorithm["name"] == "rader", (p, algorithm)
            (inner,) = algorithm["inner"]
            assert_stockham(inner, p - 1)
            x = random_complex(rng, (lines, p), dtype)
            check_c2c(x, [1], 1, forward=True)
            check_c2c(x, [1], 1, forward=False)
    for n, radices in ((8 * 241, [241]), (2 * 67, [67]), (61 * 73, [61, 73])):
        (step,) = explain((lanes, n), dtype, [1])["steps"]
        algorithm = step["algorithm"]
        assert_stockham(algorithm, n)
        assert algorithm["rader_radices"] == radices
        assert algorithm["bluestein_radices"] == []
        assert [inner["length"] for inner in algorithm["inner"]] == [
            p - 1 for p in radices
        ]
        x = random_complex(rng, (lanes + 1, n), dtype)
        check_c2c(x, [1], 2, forward=True)
        check_c2c(x, [1], 2, forward=False)
    # A Bluestein pass beside a Rader pass, their inner plans in pass order:
    # 167 * 241 (167 padded, 241 by 240).
    (step,) = explain((lanes, 167 * 241), dtype, [1])["steps"]
    algorithm = step["algorithm"]
    assert algorithm["radices"] == [167, 241]
    assert algorithm["bluestein_radices"] == [167]
    assert algorithm["rader_radices"] == [241]
    padded, rader = (inner["length"] for inner in algorithm["inner"])
    assert padded >= 2 * 167 - 1 and rader == 240
    check_c2c(random_complex(rng, (2, 167 * 241), dtype), [1], 2)
    real = np.float32 if np.dtype(dtype) == np.complex64 else np.float64
    (step,) = explain((lanes, 2 * 1009), real, [1], kind="r2c")["steps"]
    (inner,) = step["algorithm"]["inner"]
    assert inner["name"] == "rader"
    x = rng.standard_normal((lanes + 1, 2 * 1009)).astype(real)
    got = jfft.numpy.rfft(x, axis=1)
    want = np.fft.rfft(x.astype(np.float64), axis=1)
    tol = 1e-5 if real == np.float32 else 1e-12
    assert rel_err(got, want) < tol

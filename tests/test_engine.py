"""The native FFT engine alone (jfft._jfft_cpu.engine_*) against numpy.

The engine transforms are unnormalised: forward c2c is
np.fft.fftn(norm="backward"), backward c2c is np.fft.ifftn(norm="forward"),
r2c is np.fft.rfftn and c2r is np.fft.irfftn(norm="forward") with the output
lengths taken from `out`.
"""

import numpy as np
import pytest
from conftest import assert_close

import jfft
from jfft import _jfft_cpu

CPLX = {"f32": np.complex64, "f64": np.complex128}
REAL = {"f32": np.float32, "f64": np.float64}
TOLS = {"f32": 2e-5, "f64": 1e-10}


def crandn(rng, shape, prec):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(
        CPLX[prec]
    )


def rrandn(rng, shape, prec):
    return rng.standard_normal(shape).astype(REAL[prec])


def ref_c2c(x, axes, forward):
    x = x.astype(np.complex128)
    if forward:
        return np.fft.fftn(x, axes=axes)
    return np.fft.ifftn(x, axes=axes, norm="forward")


def ref_r2c(x, axes):
    return np.fft.rfftn(x.astype(np.float64), axes=axes)


def ref_c2r(x, out_shape, axes):
    s = [out_shape[a] for a in axes]
    return np.fft.irfftn(x.astype(np.complex128), s=s, axes=axes, norm="forward")


def run_c2c(x, axes, forward, out=None):
    if out is None:
        out = np.empty(x.shape, dtype=x.dtype)
    _jfft_cpu.engine_c2c(x, out, list(axes), forward)
    return out


def run_r2c(x, axes, out=None):
    if out is None:
        shape = list(x.shape)
        shape[axes[-1]] = shape[axes[-1]] // 2 + 1
        cdtype = np.complex64 if x.dtype == np.float32 else np.complex128
        out = np.empty(shape, dtype=cdtype)
    _jfft_cpu.engine_r2c(x, out, list(axes))
    return out


def run_c2r(x, out_shape, axes, out=None):
    if out is None:
        rdtype = np.float32 if x.dtype == np.complex64 else np.float64
        out = np.empty(out_shape, dtype=rdtype)
    _jfft_cpu.engine_c2r(x, out, list(axes))
    return out


def max_rel_per_line(got, want):
    """Worst per-line relative error along the last axis."""
    err = np.max(np.abs(got.astype(want.dtype) - want), axis=-1)
    scale = np.maximum(np.max(np.abs(want), axis=-1), 1e-300)
    return float(np.max(err / scale))


# --- every length 1..512 ------------------------------------------------------

ALL_LENGTHS = range(1, 513)


@pytest.mark.parametrize("prec", ["f32", "f64"])
@pytest.mark.parametrize("forward", [True, False], ids=["fwd", "bwd"])
def test_c2c_all_lengths(prec, forward):
    rng = np.random.default_rng(1)
    bad = []
    for n in ALL_LENGTHS:
        x = crandn(rng, (5, n), prec)  # 5 lines: full SIMD lanes + a remainder
        x0 = x.copy()
        got = run_c2c(x, [1], forward)
        assert got.dtype == x.dtype
        err = max_rel_per_line(got, ref_c2c(x0, [1], forward))
        if err > TOLS[prec] or not np.array_equal(x, x0):
            bad.append((n, err))
    assert not bad, f"failing lengths (n, rel err): {bad[:20]} ({len(bad)} in all)"


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_r2c_all_lengths(prec):
    rng = np.random.default_rng(2)
    bad = []
    for n in ALL_LENGTHS:
        x = rrandn(rng, (5, n), prec)
        got = run_r2c(x, [1])
        assert got.dtype == CPLX[prec]
        err = max_rel_per_line(got, ref_r2c(x, [1]))
        if err > TOLS[prec]:
            bad.append((n, err))
    assert not bad, f"failing lengths (n, rel err): {bad[:20]} ({len(bad)} in all)"


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_c2r_all_lengths(prec):
    rng = np.random.default_rng(3)
    bad = []
    for n in ALL_LENGTHS:
        # Nonzero imaginary parts at DC and Nyquist too: they are ignored.
        x = crandn(rng, (5, n // 2 + 1), prec)
        x0 = x.copy()
        got = run_c2r(x, (5, n), [1])
        assert got.dtype == REAL[prec]
        err = max_rel_per_line(got, ref_c2r(x0, (5, n), [1]))
        if err > TOLS[prec] or not np.array_equal(x, x0):
            bad.append((n, err))
    assert not bad, f"failing lengths (n, rel err): {bad[:20]} ({len(bad)} in all)"


SOME_LENGTHS = (1, 2, 3, 5, 7, 8, 12, 16, 17, 30, 64, 97, 125, 128, 243, 256, 509)


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_lines_along_leading_axis(prec):
    # Transform axis 0 of (n, 11): lines are strided in memory.
    rng = np.random.default_rng(11)
    tol = TOLS[prec]
    for n in SOME_LENGTHS:
        x = crandn(rng, (n, 11), prec)
        for forward in (True, False):
            got = run_c2c(x, [0], forward)
            assert_close(got, ref_c2c(x, [0], forward), None, tol=tol, err_msg=str(n))
        r = rrandn(rng, (n, 11), prec)
        assert_close(run_r2c(r, [0]), ref_r2c(r, [0]), None, tol=tol, err_msg=str(n))
        h = crandn(rng, (n // 2 + 1, 11), prec)
        got = run_c2r(h, (n, 11), [0])
        assert_close(got, ref_c2r(h, (n, 11), [0]), None, tol=tol, err_msg=str(n))


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_many_lines(prec):
    # Enough work to spread over threads; odd line counts leave remainders.
    rng = np.random.default_rng(12)
    tol = TOLS[prec]
    for shape, axes in (((257, 384), [1]), ((384, 129), [0]), ((33, 40, 24), [0, 2])):
        x = crandn(rng, shape, prec)
        for forward in (True, False):
            got = run_c2c(x, axes, forward)
            assert_close(got, ref_c2c(x, axes, forward), None, tol=tol)
        r = x.real.copy()
        assert_close(run_r2c(r, axes), ref_r2c(r, axes), None, tol=tol)
        out_shape = list(shape)
        h_shape = list(shape)
        h_shape[axes[-1]] = shape[axes[-1]] // 2 + 1
        h = crandn(rng, tuple(h_shape), prec)
        got = run_c2r(h, tuple(out_shape), axes)
        assert_close(got, ref_c2r(h, out_shape, axes), None, tol=tol)


# --- large primes and composites ----------------------------------------------

LARGE = [1009, 4099, 65537, 2 * 3 * 5 * 7 * 11 * 13, 2**16, 3**9, 10007 * 2, 5**7]


@pytest.mark.parametrize("prec", ["f32", "f64"])
@pytest.mark.parametrize("n", LARGE)
def test_large_lengths(n, prec):
    rng = np.random.default_rng(n)
    tol = TOLS[prec]
    x = crandn(rng, (1, n), prec)
    assert_close(run_c2c(x, [1], True), ref_c2c(x, [1], True), None, tol=tol)
    assert_close(run_c2c(x, [1], False), ref_c2c(x, [1], False), None, tol=tol)
    r = rrandn(rng, (1, n), prec)
    assert_close(run_r2c(r, [1]), ref_r2c(r, [1]), None, tol=tol)
    h = crandn(rng, (1, n // 2 + 1), prec)
    assert_close(run_c2r(h, (1, n), [1]), ref_c2r(h, (1, n), [1]), None, tol=tol)


def test_million_prime_complex128():
    n = 1000003
    rng = np.random.default_rng(0)
    x = crandn(rng, (n,), "f64")
    assert_close(run_c2c(x, [0], True), np.fft.fft(x), None, tol=1e-10)
    r = rrandn(rng, (n,), "f64")
    assert_close(run_r2c(r, [0]), np.fft.rfft(r), None, tol=1e-10)


# --- strided / transposed views, in place, multiple axes ---------------------


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_strided_and_transposed_inputs(prec):
    rng = np.random.default_rng(4)
    tol = TOLS[prec]
    base = crandn(rng, (12, 15), prec)
    views = {
        "step": base[::2, 1:],
        "transposed": base.T,
        "neg-step": base[::-1, ::3],
        "transposed-step": base.T[2::2, ::-1],
    }
    for label, x in views.items():
        x0 = x.copy()
        for axes in ([0], [1], [-1], [0, 1], [1, 0]):
            for forward in (True, False):
                got = run_c2c(x, axes, forward)
                assert_close(
                    got, ref_c2c(x0, axes, forward), None, tol=tol, err_msg=label
                )
            np.testing.assert_array_equal(x, x0)
            shape = list(x.shape)
            shape[axes[-1]] = 2 * shape[axes[-1]] - 1
            got = run_c2r(x, tuple(shape), axes)
            assert_close(got, ref_c2r(x0, shape, axes), None, tol=tol, err_msg=label)
            np.testing.assert_array_equal(x, x0)
            got = run_r2c(x.real, axes)
            assert_close(got, ref_r2c(x0.real, axes), None, tol=tol, err_msg=label)


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_strided_outputs(prec):
    rng = np.random.default_rng(5)
    tol = TOLS[prec]
    x = crandn(rng, (6, 10), prec)
    sentinel = 1234.5
    # c2c into every other column of a bigger array.
    big = np.full((6, 20), sentinel, dtype=CPLX[prec])
    run_c2c(x, [0, 1], True, out=big[:, ::2])
    assert_close(big[:, ::2], ref_c2c(x, [0, 1], True), None, tol=tol)
    assert np.all(big[:, 1::2] == sentinel)
    # c2c into a transposed output.
    outT = np.empty((10, 6), dtype=CPLX[prec]).T
    run_c2c(x, [1], False, out=outT)
    assert_close(outT, ref_c2c(x, [1], False), None, tol=tol)
    # r2c into a strided view.
    big = np.full((12, 6), sentinel, dtype=CPLX[prec])
    run_r2c(x.real, [0, 1], out=big[::2])
    assert_close(big[::2], ref_r2c(x.real, [0, 1]), None, tol=tol)
    assert np.all(big[1::2] == sentinel)
    # c2r (n = 18 from 10 inputs) into a strided, reversed view.
    big = np.full((6, 40), sentinel, dtype=REAL[prec])
    out = big[:, ::-2][:, :18]
    x0 = x.copy()
    run_c2r(x, (6, 18), [0, 1], out=out)
    assert_close(out, ref_c2r(x0, (6, 18), [0, 1]), None, tol=tol)
    np.testing.assert_array_equal(x, x0)
    assert np.all(big[:, ::-2][:, 18:] == sentinel)
    assert np.all(big[:, -2::-2] == sentinel)


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_in_place_c2c(prec):
    rng = np.random.default_rng(6)
    tol = TOLS[prec]
    for shape, axes in (
        ((16,), [0]),
        ((5, 7), [1]),
        ((5, 7), [0, 1]),
        ((3, 4, 9), [2, 0]),
    ):
        for forward in (True, False):
            x = crandn(rng, shape, prec)
            want = ref_c2c(x, axes, forward)
            _jfft_cpu.engine_c2c(x, x, axes, forward)
            assert_close(x, want, None, tol=tol, err_msg=str((shape, axes)))
    # In place on a strided view.
    base = crandn(rng, (8, 12), prec)
    view = base[::2, ::3]
    want = ref_c2c(view, [0, 1], True)
    untouched = base[1::2].copy()
    _jfft_cpu.engine_c2c(view, view, [0, 1], True)
    assert_close(view, want, None, tol=tol)
    np.testing.assert_array_equal(base[1::2], untouched)


MULTI_AXES = [[0], [2], [0, 1], [1, 0], [2, 0], [0, 2], [0, 1, 2], [2, 1, 0], [1, 2, 0]]
MULTI_AXES += [[-1, 0], [-3, -2, -1], [1, -1]]


@pytest.mark.parametrize("prec", ["f32", "f64"])
@pytest.mark.parametrize("axes", MULTI_AXES, ids=str)
def test_multiple_axes_any_order(axes, prec):
    rng = np.random.default_rng(7)
    tol = TOLS[prec]
    shape = (5, 6, 7)
    x = crandn(rng, shape, prec)
    for forward in (True, False):
        assert_close(
            run_c2c(x, axes, forward), ref_c2c(x, axes, forward), None, tol=tol
        )
    r = x.real.copy()
    assert_close(run_r2c(r, axes), ref_r2c(r, axes), None, tol=tol)
    for extra in (0, 1):  # even and odd output lengths along the halved axis
        last = axes[-1] % 3
        out_shape = list(shape)
        out_shape[last] = 2 * shape[last] - 2 + extra
        x0 = x.copy()
        got = run_c2r(x, tuple(out_shape), axes)
        assert_close(
            got, ref_c2r(x0, out_shape, axes), None, tol=tol, err_msg=str(out_shape)
        )
        np.testing.assert_array_equal(x, x0)  # c2r must not modify its input


def test_c2r_does_not_modify_input_multi_axis_large():
    rng = np.random.default_rng(8)
    x = crandn(rng, (33, 17, 9), "f64")
    x0 = x.copy()
    got = run_c2r(x, (33, 17, 16), [0, 1, 2])
    np.testing.assert_array_equal(x, x0)
    assert_close(got, ref_c2r(x0, (33, 17, 16), [0, 1, 2]), None, tol=1e-10)


def test_c2r_ignores_dc_and_nyquist_imaginary_parts():
    rng = np.random.default_rng(9)
    for n in (8, 9, 1, 2):
        x = crandn(rng, (3, n // 2 + 1), "f64")
        x[:, 0] += 7j
        got = run_c2r(x, (3, n), [1])
        y = x.copy()
        y[:, 0] = y[:, 0].real
        if n % 2 == 0:
            y[:, -1] = y[:, -1].real
        assert_close(got, ref_c2r(y, (3, n), [1]), None, tol=1e-10)
        assert_close(got, ref_c2r(x, (3, n), [1]), None, tol=1e-10)


def test_empty_batch():
    x = np.zeros((0, 8), dtype=np.complex128)
    out = np.zeros((0, 8), dtype=np.complex128)
    _jfft_cpu.engine_c2c(x, out, [1], True)
    out = np.zeros((0, 5), dtype=np.complex128)
    _jfft_cpu.engine_r2c(x.real, out, [1])
    out = np.zeros((0, 8), dtype=np.float64)
    _jfft_cpu.engine_c2r(np.zeros((0, 5), dtype=np.complex128), out, [1])


# --- plan cache ---------------------------------------------------------------


@pytest.fixture
def restore_capacity():
    info = jfft.plan_cache_info()
    yield info["capacity"]
    jfft.set_plan_cache_capacity(info["capacity"])


def test_plan_cache_controls(restore_capacity):
    info = jfft.plan_cache_info()
    assert set(info) >= {"entries", "capacity"}
    assert isinstance(info["entries"], int) and isinstance(info["capacity"], int)
    assert 0 <= info["entries"] <= info["capacity"]

    jfft.clear_plan_cache()
    assert jfft.plan_cache_info()["entries"] == 0
    rng = np.random.default_rng(10)
    x = crandn(rng, (2, 37), "f64")
    assert_close(run_c2c(x, [1], True), ref_c2c(x, [1], True), None, tol=1e-10)
    assert jfft.plan_cache_info()["entries"] >= 1

    jfft.set_plan_cache_capacity(3)
    assert jfft.plan_cache_info()["capacity"] == 3
    assert jfft.plan_cache_info()["entries"] <= 3
    # Many distinct lengths: entries stay bounded, results stay right.
    for n in (11, 13, 17, 19, 23, 29, 31, 11, 13):
        for prec in ("f32", "f64"):
            x = crandn(rng, (2, n), prec)
            assert_close(
                run_c2c(x, [1], True), ref_c2c(x, [1], True), None, tol=TOLS[prec]
            )
            r = rrandn(rng, (2, n), prec)
            assert_close(run_r2c(r, [1]), ref_r2c(r, [1]), None, tol=TOLS[prec])
        assert jfft.plan_cache_info()["entries"] <= 3
    # Through the public API as well.
    got = jfft.fft(crandn(rng, (3, 41), "f64"))
    assert got.shape == (3, 41)
    assert jfft.plan_cache_info()["entries"] <= 3

    jfft.clear_plan_cache()
    assert jfft.plan_cache_info()["entries"] == 0
    x = crandn(rng, (2, 29), "f64")
    assert_close(run_c2c(x, [1], False), ref_c2c(x, [1], False), None, tol=1e-10)

    jfft.set_plan_cache_capacity(restore_capacity)
    assert jfft.plan_cache_info()["capacity"] == restore_capacity


def test_scratch_pool_is_reused_and_cleared():
    # A four-step line of 2^16 uses a 512 KiB scratch matrix: kept after the
    # call (up to the pool's 64 MiB), reused by the next call without
    # growing, freed by clear_plan_cache.
    rng = np.random.default_rng(11)
    x = crandn(rng, (1, 2**16), "f32")
    jfft.clear_plan_cache()
    assert jfft.plan_cache_info()["scratch_bytes"] == 0
    assert_close(run_c2c(x, [1], True), ref_c2c(x, [1], True), None, tol=TOLS["f32"])
    held = jfft.plan_cache_info()["scratch_bytes"]
    assert 2**19 <= held <= 64 * 2**20
    assert_close(run_c2c(x, [1], False), ref_c2c(x, [1], False), None, tol=TOLS["f32"])
    assert jfft.plan_cache_info()["scratch_bytes"] == held
    jfft.clear_plan_cache()
    assert jfft.plan_cache_info()["scratch_bytes"] == 0


@pytest.mark.parametrize("n,tol", [(1048573, 7e-16), (524289, 6e-16)])
def test_bluestein_prime_near_2_20_accuracy(n, tol):
    # Plan tables from runs of root products, the chirp from exact k^2 and the
    # kernel's spectrum by the even transform (plans.h UnitRoots::powers,
    # plans.cc chirp_roots, forward_even_line) keep a long Bluestein
    # transform as accurate as correctly rounded roots: relative RMS error
    # against numpy's long double transform (for 1048573, the largest prime
    # below 2^20, ducc0 gives 6.5e-16, jfft 6.4e-16; 524289 = 3 * 174763,
    # padded to 2^13 3^3 5, whose even transform ends on an odd half: 5.3e-16).
    rng = np.random.default_rng(0)
    x = rng.standard_normal(n) + 1j * rng.standard_normal(n)
    want = np.fft.fft(x.astype(np.clongdouble))
    got = run_c2c(x, [0], True)
    err = np.sqrt(np.sum(np.abs(got - want) ** 2) / np.sum(np.abs(want) ** 2))
    assert float(err) < tol, float(err)


@pytest.mark.parametrize("prec", ["f32", "f64"])
@pytest.mark.parametrize("workers", [1, 2])
def test_four_step_column_blocks_match_numpy(isa, prec, workers):
    # Four-step lines, their column pass in blocks of columns copied out
    # (four_step_columns.h: complex128 rows a multiple of 4 KiB apart, here
    # 2^16 with n2 = 256) or in place (the others, with column counts n2 no
    # multiple of a lane group); contiguous and strided lines (axis 0); both
    # directions; one thread and two.
    import jfft.numpy as jnp_fft

    rng = np.random.default_rng(17)
    for n in [2**16, 3**9, 7**6, 2**12 * 5, 23 * 29 * 31]:
        x = crandn(rng, (n,), prec)
        want = np.fft.fft(x.astype(np.complex128))
        got = jnp_fft.fft(x, workers=workers)
        assert_close(got, want, None, tol=TOLS[prec])
        got = jnp_fft.ifft(x, workers=workers)
        assert_close(got, np.fft.ifft(x.astype(np.complex128)), None, tol=TOLS[prec])
        strided = crandn(rng, (n, 2), prec)
        got = run_c2c(strided, [0], True)
        assert_close(got, ref_c2c(strided, [0], True), None, tol=TOLS[prec])


# Lengths p * k with a large prime p whose butterflies the plan runs as a
# Bluestein pass (plans.h C2CPlan::Convolution): cofactors with radices
# 2, 4, 8, 3, 5 and 13 (passes before the Bluestein pass), and two large
# primes (97 * 113: a Bluestein pass with twiddles, then another).
BLUESTEIN_PASS_LENGTHS = [p * k for p in (197, 241, 967) for k in (4, 6, 8, 13, 15)] + [
    2 * 1609,
    97 * 113,
]


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_bluestein_pass_lengths(isa, prec):
    # Both directions; lanes and leftover lines (11 lines), strided lines
    # (axis 0); complex128 against numpy's long double transform by the
    # relative RMS error, as the whole-line Bluestein test does.
    rng = np.random.default_rng(23)
    for n in BLUESTEIN_PASS_LENGTHS:
        x = crandn(rng, (11, n), prec)
        for forward in (True, False):
            got = run_c2c(x, [1], forward)
            if prec == "f64":
                wide = x.astype(np.clongdouble)
                want = np.fft.fft(wide) if forward else np.fft.ifft(wide) * n
                err = np.sqrt(
                    np.sum(np.abs(got - want) ** 2) / np.sum(np.abs(want) ** 2)
                )
                assert float(err) < 1e-15, (n, forward, float(err))
            else:
                assert_close(got, ref_c2c(x, [1], forward), None, tol=TOLS[prec])
        strided = crandn(rng, (n, 3), prec)[::1, ::2]
        got = run_c2c(strided, [0], True)
        assert_close(got, ref_c2c(strided, [0], True), None, tol=TOLS[prec])


@pytest.mark.parametrize("prec", ["f32", "f64"])
def test_bluestein_pass_real(isa, prec):
    # rfft / irfft of 2 * 1928: their complex transform of 1928 = 8 * 241
    # runs the Bluestein pass.
    rng = np.random.default_rng(29)
    n = 2 * 1928
    x = rrandn(rng, (5, n), prec)
    spectrum = run_r2c(x, [1])
    assert_close(spectrum, ref_r2c(x, [1]), None, tol=TOLS[prec])
    back = run_c2r(spectrum, x.shape, [1])
    assert_close(back, ref_c2r(spectrum, x.shape, [1]), None, tol=TOLS[prec])

"""Transforms of inputs holding Inf and NaN (xla_kernels/engine/nonfinite.h).

jfft's rule, along each transformed axis (the last listed first, as numpy):
a line holding a NaN gives NaN everywhere; a line holding +-Inf and no
NaN gives F_k + sum of the infinite terms x_j w^(jk), F the transform of
the line with its infinite components zeroed, each infinite term evaluated
with the exact root (components exactly 0 at quarter turns contribute
nothing; a component reached by +Inf and -Inf is NaN). The reference below
computes that rule with numpy from integers (which quarter of the circle
j*k mod n falls in) and numpy.fft for the finite part, independently of the
engine, and every kernel path is compared with it: lanes, one by one, the
four-step split, Bluestein, the real split/merge, several axes, every ISA.
Where numpy's own pass order does not cancel, the rule gives numpy's
result, which the first test checks directly.
"""

import numpy as np
import pytest

import jfft
from jfft import _jfft_cpu

# Radix-2/3/5 mixes, the generic odd radix, Bluestein primes (4099 and
# 10007 through its four-step transforms), the four-step split (2^15).
LENGTHS = [*range(1, 34), 48, 64, 96, 100, 127, 128, 243, 1000, 1009, 1024]
LONG_LENGTHS = [4096, 4099, 10007, 2**15]


def signs_of_root(q, n):
    """Signs of cos and sin of 2 pi q / n (q in [0, n)), exactly."""
    q4, q2 = 4 * q, 2 * q
    cos = np.where(
        (q4 < n) | (q4 > 3 * n), 1, np.where((q4 == n) | (q4 == 3 * n), 0, -1)
    )
    sin = np.where(q == 0, 0, np.where(q2 < n, 1, np.where(q2 == n, 0, -1)))
    return cos, sin


def resolve(finite, plus, minus):
    out = finite.copy()
    out[plus] = np.inf
    out[minus] = -np.inf
    out[plus & minus] = np.nan
    return out


def ref_line(x, forward):
    """The rule for one complex line (unnormalised)."""
    n = x.size
    transform = np.fft.fft if forward else (lambda v: np.fft.ifft(v, norm="forward"))
    if np.isnan(x.real).any() or np.isnan(x.imag).any():
        return np.full(n, complex(np.nan, np.nan))
    a_inf, b_inf = np.isinf(x.real), np.isinf(x.imag)
    if not (a_inf | b_inf).any():
        return transform(x)
    finite = np.where(a_inf, 0, x.real) + 1j * np.where(b_inf, 0, x.imag)
    f = transform(finite)
    j = np.flatnonzero(a_inf | b_inf)
    sa = np.where(a_inf[j], np.sign(x.real[j]), 0).astype(int)[:, None]
    sb = np.where(b_inf[j], np.sign(x.imag[j]), 0).astype(int)[:, None]
    k = np.arange(n)
    c, s = signs_of_root((j[:, None] * k[None, :]) % n, n)
    s = -s if forward else s
    re_terms = np.concatenate([sa * c, -sb * s])
    im_terms = np.concatenate([sa * s, sb * c])
    re = resolve(f.real, (re_terms > 0).any(0), (re_terms < 0).any(0))
    im = resolve(f.imag, (im_terms > 0).any(0), (im_terms < 0).any(0))
    out = np.empty(n, complex)
    out.real, out.imag = re, im
    return out


def ref_axis(x, axis, forward):
    return np.apply_along_axis(ref_line, axis, x.astype(complex), forward)


def ref_c2c(x, axes, forward):
    for axis in reversed(axes):
        x = ref_axis(x, axis, forward)
    return x


def ref_r2c(x, axes):
    n = x.shape[axes[-1]]
    y = ref_axis(x.astype(complex), axes[-1], True)
    y = np.take(y, np.arange(n // 2 + 1), axis=axes[-1])
    zero = [slice(None)] * y.ndim
    for k in {0, n // 2} if n % 2 == 0 else {0}:
        zero[axes[-1]] = k
        y[tuple(zero)] = y[tuple(zero)].real
    return ref_c2c(y, axes[:-1], True)


def ref_c2r_line(h, n):
    spectrum = h[: n // 2 + 1].astype(complex)
    spectrum[0] = spectrum[0].real
    if n % 2 == 0:
        spectrum[n // 2] = spectrum[n // 2].real
    if np.isnan(spectrum.real).any() or np.isnan(spectrum.imag).any():
        return np.full(n, np.nan)
    a_inf, b_inf = np.isinf(spectrum.real), np.isinf(spectrum.imag)
    finite = np.where(a_inf, 0, spectrum.real) + 1j * np.where(b_inf, 0, spectrum.imag)
    f = np.fft.irfft(finite, n, norm="forward")
    if not (a_inf | b_inf).any():
        return f
    plus = np.zeros(n, bool)
    minus = np.zeros(n, bool)
    j = np.arange(n)
    for k in np.flatnonzero(a_inf | b_inf):
        sa = int(np.sign(spectrum.real[k])) if a_inf[k] else 0
        sb = int(np.sign(spectrum.imag[k])) if b_inf[k] else 0
        if k == 0:
            terms = [np.full(n, sa)]
        elif 2 * k == n:
            terms = [sa * (-1) ** j]
        else:
            c, s = signs_of_root((j * k) % n, n)
            terms = [sa * c, -sb * s]
        for t in terms:
            plus |= t > 0
            minus |= t < 0
    return resolve(f, plus, minus)


def ref_c2r(x, n, axes):
    y = ref_c2c(x, axes[:-1], False)
    return np.apply_along_axis(ref_c2r_line, axes[-1], y, n)


def scaled(z, factor):
    """z * factor component by component (numpy's complex product would
    compute Inf * 0 for the imaginary part)."""
    out = np.empty(z.shape, complex)
    out.real, out.imag = z.real * factor, z.imag * factor
    return out


def same(got, want):
    """Equal non-finite pattern and close finite values."""
    got = np.asarray(got)
    single = got.dtype in (np.float32, np.complex64)
    got = got.astype(np.complex64 if single else np.complex128)
    want = np.asarray(want, dtype=complex)
    for g, w in ((got.real, want.real), (got.imag, want.imag)):
        np.testing.assert_array_equal(np.isnan(g), np.isnan(w))
        np.testing.assert_array_equal(np.isposinf(g), np.isposinf(w))
        np.testing.assert_array_equal(np.isneginf(g), np.isneginf(w))
        fin = np.isfinite(w)
        scale = max(1.0, np.abs(w[fin]).max(initial=0))
        tol = 1e-4 if got.dtype == np.complex64 else 1e-9
        np.testing.assert_allclose(g[fin], w[fin], atol=tol * scale, rtol=0)


# complex(0, inf), not 1j * inf: the product is nan+infj.
INF_VALUES = [
    np.inf,
    -np.inf,
    complex(0, np.inf),
    complex(np.inf, -np.inf),
    complex(2, np.inf),
]


def with_infinities(rng, n, positions, value, dtype):
    x = (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dtype)
    for p in positions:
        x[p] = value
    return x


def positions_of(n):
    return sorted({0, n // 2, n - 1, min(1, n - 1), n // 3})


# numpy's own results, where its pass order does not cancel: the examples
# of issue 13, and one Inf anywhere in an rfft of up to 16 points (from 32
# points on, numpy's passes turn some of a single Inf's outputs into NaN).
def test_numpy_examples():
    x = np.array([0, 0, 0, np.inf, 0, 0, 0, 0])
    same(jfft.rfft(x), np.fft.rfft(x))
    h = np.array([0, np.inf, 0, 0, 0], complex)
    same(jfft.irfft(h), np.fft.irfft(h))
    for n in (2, 4, 8, 16):
        for p in positions_of(n):
            x = np.zeros(n)
            x[p] = -np.inf
            with np.errstate(invalid="ignore"):
                same(jfft.rfft(x), np.fft.rfft(x))


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
@pytest.mark.parametrize("forward", [True, False])
def test_c2c_lines(isa, dtype, forward):
    rng = np.random.default_rng(1)
    for n in LENGTHS:
        for value in INF_VALUES:
            x = with_infinities(rng, n, positions_of(n), value, dtype)
            # A batch of lines through the lanes: only some hold an Inf.
            batch = np.stack([x, x.real.astype(dtype), x[::-1].copy()] * 6)
            batch[1] = rng.standard_normal(n)
            out = np.empty_like(batch)
            _jfft_cpu.engine_c2c(batch, out, [1], forward)
            same(out, ref_c2c(batch, [1], forward))


# Lines of the codelet lengths (the codelets watch their zero frequencies in
# registers instead of the driver's pass over the output): every line
# position of a batch that fills whole vectors and leaves a scalar tail,
# lines adjacent (axis 0) and end to end (axis 1).
CODELET_LINES = 37
# Composite codelets past 16 of two and three levels (kCodelets), some of
# one precision only (the other runs the lanes, also checked).
CODELET_COMPOSITES = [18, 20, 24, 25, 27, 32, 36, 44, 48, 50, 52, 56, 64]


@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_codelet_lines_any_position(isa, dtype):
    rng = np.random.default_rng(7)
    real = np.float32 if dtype == np.complex64 else np.float64
    for n in [*range(2, 17), *CODELET_COMPOSITES]:
        for line in range(CODELET_LINES):
            value = (np.inf, np.nan, complex(0, -np.inf))[line % 3]
            x = rng.standard_normal((CODELET_LINES, n)).astype(dtype)
            x[line, (line * 5) % n] = value
            for axis in (0, 1):
                batch = np.ascontiguousarray(x if axis == 1 else x.T)
                out = np.empty_like(batch)
                _jfft_cpu.engine_c2c(batch, out, [axis], True)
                same(out, ref_c2c(batch, [axis], True))
            xr = rng.standard_normal((CODELET_LINES, n)).astype(real)
            xr[line, (line * 5) % n] = (np.inf, np.nan, -np.inf)[line % 3]
            same(jfft.rfft(xr), ref_r2c(xr, [1]))


@pytest.mark.parametrize("n", LONG_LENGTHS)
def test_c2c_long(isa, n):
    rng = np.random.default_rng(2)
    for value in (np.inf, complex(np.inf, -np.inf)):
        x = with_infinities(rng, n, [0, n // 2, n - 1], value, np.complex64)
        same(jfft.fft(x), ref_c2c(x, [0], True))
        same(jfft.ifft(x), scaled(ref_c2c(x, [0], False), 1 / n))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_r2c_and_c2r(isa, dtype):
    rng = np.random.default_rng(3)
    cdtype = np.result_type(dtype, np.complex64)
    for n in LENGTHS + LONG_LENGTHS[:2]:
        for p in positions_of(n):
            for value in (np.inf, -np.inf):
                x = rng.standard_normal((5, n)).astype(dtype)
                x[2, p] = value
                same(jfft.rfft(x), ref_r2c(x, [1]))
            h = with_infinities(
                rng, n // 2 + 1, [min(p, n // 2)], complex(0, np.inf), cdtype
            )
            h = np.stack([h, np.ones_like(h)] * 3)
            same(jfft.irfft(h, n), ref_c2r(h, n, [1]) / n)
            h[0, min(p, n // 2)] = -np.inf
            same(jfft.irfft(h, n), ref_c2r(h, n, [1]) / n)


def test_several_axes(isa):
    rng = np.random.default_rng(4)
    for shape in [(4, 8), (6, 5, 7), (16, 33)]:
        axes = list(range(len(shape)))
        for p in [(0,) * len(shape), tuple(s // 2 for s in shape)]:
            x = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
            x[p] = np.inf
            same(jfft.fftn(x), ref_c2c(x, axes, True))
            same(jfft.ifftn(x), scaled(ref_c2c(x, axes, False), 1 / x.size))
            xr = x.real.copy()
            same(jfft.rfftn(xr), ref_r2c(xr, axes))
            half = x[..., : shape[-1] // 2 + 1].copy()
            half[p[:-1] + (1,)] = complex(0, -np.inf)
            n = shape[-1]
            same(
                jfft.irfftn(half, s=shape),
                ref_c2r(half, n, axes) / x.size,
            )
            # Im of the zero-frequency column reaches the output only through
            # the other axes' transforms.
            column = np.ones_like(half)
            column[(1,) * (len(shape) - 1) + (0,)] = complex(0, np.inf)
            same(jfft.irfftn(column, s=shape), ref_c2r(column, n, axes) / x.size)
        # Axes listed out of order: the last listed goes first.
        x = rng.standard_normal(shape) + 0j
        x[(0,) * len(shape)] = np.inf
        x[(1,) * len(shape)] = -np.inf
        rev = axes[::-1]
        same(jfft.fftn(x, axes=rev), ref_c2c(x, rev, True))


def test_nan_lines_stay_nan(isa):
    rng = np.random.default_rng(5)
    for n in (8, 15, 1009, 4096):
        x = rng.standard_normal((3, n)) + 0j
        x[0, 1] = np.nan
        x[1, 2] = np.inf
        x[1, 3] = np.nan
        got = np.asarray(jfft.fft(x))
        assert np.isnan(got[:2]).all()
        same(got[2], np.fft.fft(x[2]))
        # An rfft line with a NaN is NaN but for the zero Im parts of its
        # zero and Nyquist frequencies; numpy's is too for short lines (its
        # passes keep more zeros in longer ones).
        r = x.real.copy()
        r[0, n // 3] = np.nan
        got = np.asarray(jfft.rfft(r[0]))
        zero = [0, n // 2] if n % 2 == 0 else [0]
        assert np.isnan(got.real).all()
        assert (got.imag[zero] == 0).all()
        assert np.isnan(np.delete(got.imag, zero)).all()
        if n < 16:
            with np.errstate(invalid="ignore"):
                same(got, np.fft.rfft(r[0]))


def test_in_place(isa):
    rng = np.random.default_rng(6)
    for n in (8, 12, 1009):
        x = with_infinities(rng, n, [0, n // 2], np.inf, np.complex128)[None]
        want = ref_c2c(x, [1], True)
        _jfft_cpu.engine_c2c(x, x, [1], True)
        same(x, want)


def test_finite_overflow_unchanged():
    # A finite input whose sum overflows takes the slow path and gives the
    # same values as the usual transform would (no Inf among the inputs).
    x = np.full(8, 3e38, np.float32)
    got = np.asarray(jfft.rfft(x))
    assert np.isposinf(got[0].real)
    np.testing.assert_allclose(got[1:], 0, atol=1e33)


def test_under_jit_and_grad_of_finite_inputs():
    import jax

    x = np.zeros(16)
    x[5] = np.inf
    same(jax.jit(jfft.rfft)(x), ref_r2c(x, [0]))
    # The check costs nothing to differentiation of finite inputs.
    g = jax.grad(lambda v: jfft.rfft(v).real.sum())(np.arange(16.0))
    np.testing.assert_allclose(g, np.fft.rfft(np.eye(16)).real.sum(1), atol=1e-5)

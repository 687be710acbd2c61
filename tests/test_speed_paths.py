"""Every optimised engine path against numpy: each instruction set (the
portable kernels forced), single- and multi-threaded, the SIMD lane groups
and their remainders, the four-step split of long lines, Bluestein, and
the XLA thread pool path through jfft's API with ``workers``."""

import numpy as np
import pytest

import jfft
from jfft import _jfft_cpu

ISAS = ["baseline", "avx2", "avx512"]

# Lengths: small radices, generic odd radix, Bluestein prime, and lengths
# long enough for the four-step split (>= 4096 with 2/3/5 factors), and a
# prime whose Bluestein transforms of 8640 run as four-step ones (4099), and
# one whose padded length is rounded up to 20480 = 128 x 160 so that the
# four-step factors fill whole lane groups (10007).
LENGTHS = [1, 2, 7, 16, 45, 121, 1009, 4099, 10007, 4096, 3 * 5**5, 2**15]
# Line counts around the lane widths (4, 8, 16) for lane groups and their
# remainders (25 = 16 + 8 + 1 with AVX-512).
LINES = [1, 3, 9, 17, 25]


@pytest.fixture(params=ISAS)
def isa(request):
    try:
        _jfft_cpu.set_isa(request.param)
    except ValueError:
        pytest.skip(f"this CPU cannot run the {request.param} kernels")
    assert _jfft_cpu.isa() == request.param
    yield request.param
    _jfft_cpu.set_isa("auto")


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


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.complex64, np.complex128])
def test_c2c_paths(isa, threads, dtype):
    rng = np.random.default_rng(0)
    for n in LENGTHS:
        for lines in LINES:
            if n * lines > 2**17:
                continue
            x = (
                rng.standard_normal((lines, n)) + 1j * rng.standard_normal((lines, n))
            ).astype(dtype)
            for forward in (True, False):
                out = np.empty_like(x)
                _jfft_cpu.engine_c2c(x, out, [1], forward, threads=threads)
                ref = dft(x, 1, forward)
                assert rel_err(out, ref) < tol(dtype), (n, lines, forward)


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_real_paths(isa, threads, dtype):
    rng = np.random.default_rng(1)
    cdtype = np.result_type(dtype, np.complex64)
    for n in LENGTHS:
        for lines in LINES:
            if n * lines > 2**17:
                continue
            x = rng.standard_normal((lines, n)).astype(dtype)
            spec = np.empty((lines, n // 2 + 1), cdtype)
            _jfft_cpu.engine_r2c(x, spec, [1], threads=threads)
            assert rel_err(spec, np.fft.rfft(x.astype(np.float64), axis=1)) < tol(
                dtype
            ), (n, lines)
            z = (
                rng.standard_normal(spec.shape) + 1j * rng.standard_normal(spec.shape)
            ).astype(cdtype)
            back = np.empty((lines, n), dtype)
            _jfft_cpu.engine_c2r(z, back, [1], threads=threads)
            ref = np.fft.irfft(z.astype(np.complex128), n, axis=1, norm="forward")
            assert rel_err(back, ref) < tol(dtype), (n, lines)


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
    # a four-step length), one by one as four-step ones when there are few
    # (16384 x 5) or when the length needs Bluestein (10007).
    rng = np.random.default_rng(3)
    x = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(
        np.complex64
    )
    for forward in (True, False):
        out = np.empty_like(x)
        _jfft_cpu.engine_c2c(x, out, [0], forward, threads=threads)
        assert rel_err(out, dft(x, 0, forward)) < tol(np.complex64), forward


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
    # Both last axes transformed: plane by plane while a plane is in cache,
    # from a strided view, out of place and in place.
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
@pytest.mark.parametrize(
    "shape, axes",
    [
        ((1, 2**17), [1]),  # one long even line: a four-step of 2^16
        ((3, 2 * 3 * 5**5), [1]),  # few lines, a four-step of 9375
        ((2, 65537), [1]),  # odd prime: Bluestein four-step of the full line
        ((3, 2**15), [0, 1]),  # c2r packed in the output, lines one by one
        ((2**14, 3), [1, 0]),  # long real lines along axis 0
    ],
)
def test_real_lines_one_by_one(isa, threads, shape, axes):
    # Real lines too few or too long for the lanes go one by one through a
    # complex transform with the four-step split.
    rng = np.random.default_rng(5)
    x = rng.standard_normal(shape).astype(np.float32)
    half = list(shape)
    half[axes[-1]] = shape[axes[-1]] // 2 + 1
    spec = np.empty(half, np.complex64)
    _jfft_cpu.engine_r2c(x, spec, axes, threads=threads)
    ref = np.fft.rfftn(x.astype(np.float64), axes=axes)
    assert rel_err(spec, ref) < tol(np.float32)
    back = np.empty(shape, np.float32)
    # Any spectrum (numpy ignores Im of DC and Nyquist, as must we).
    ref_spec = (rng.standard_normal(half) + 1j * rng.standard_normal(half)).astype(
        np.complex64
    )
    _jfft_cpu.engine_c2r(ref_spec, back, axes, threads=threads)
    want = np.fft.irfftn(
        ref_spec.astype(np.complex128),
        s=[shape[a] for a in axes],
        axes=axes,
        norm="forward",
    )
    assert rel_err(back, want) < tol(np.float32)


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
    z = (rng.standard_normal(half) + 1j * rng.standard_normal(half)).astype(dtype)
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
    x = (rng.standard_normal((lines, n)) + 1j * rng.standard_normal((lines, n))).astype(
        np.complex64
    )
    out = np.empty_like(x)
    _jfft_cpu.engine_c2c(x, out, [1], True, threads=2)
    ref = dft(x, 1, True)
    rms = np.sqrt(np.mean(np.abs(out - ref) ** 2) / np.mean(np.abs(ref) ** 2))
    assert rms < 2.6e-7, rms

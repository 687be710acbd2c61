"""jfft.openvino (DFT-7, IDFT-7, RDFT-9, IRDFT-9) against numpy references:
the specifications' examples (shapes and values), every constraint's error,
gradients and vmap."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from conftest import assert_close
from jax.test_util import check_grads

from jfft import openvino as ov


def _complex(pairs):
    pairs = np.asarray(pairs)
    return pairs[..., 0] + 1j * pairs[..., 1]


def _pairs(z):
    return np.stack([z.real, z.imag], axis=-1)


def _resolve(shape, axes, signal_size, rank):
    """Normalised axes and numpy's s (-1 -> the input's length)."""
    axes = [a + rank if a < 0 else a for a in axes]
    if signal_size is None:
        return axes, None
    return axes, [shape[a] if v == -1 else v for a, v in zip(axes, signal_size)]


# (input shape, axes, signal_size, output shape), scaled-down versions of the
# specifications' examples.
DFT_CASES = [
    ((1, 16, 12, 2), [1, 2], None, (1, 16, 12, 2)),
    ((1, 16, 12, 2), [1, 2], [20, 5], (1, 20, 5, 2)),
    ((1, 16, 12, 2), [2, 1], [5, 20], (1, 20, 5, 2)),
    ((2, 10, 10, 2), [1, 2], [20, 5], (2, 20, 5, 2)),
    ((2, 10, 10, 2), [0, 1, 2], None, (2, 10, 10, 2)),
    ((4, 6, 5, 2), [-2, -1], None, (4, 6, 5, 2)),
    ((4, 6, 5, 2), [-1, 0], [-1, 7], (7, 6, 5, 2)),
    ((4, 6, 5, 2), [0, 2], [3, -1], (3, 6, 5, 2)),
    ((4, 6, 5, 2), [-3, 1, 2], [-1, 4, 8], (4, 4, 8, 2)),
    ((7, 2), [0], [9], (9, 2)),
]


@pytest.mark.parametrize("op", ["dft", "idft"])
@pytest.mark.parametrize("shape, axes, signal_size, out_shape", DFT_CASES)
def test_dft_idft(op, shape, axes, signal_size, out_shape):
    rng = np.random.default_rng(len(shape) + sum(shape))
    data = rng.standard_normal(shape)
    got = getattr(ov, op)(data, axes, signal_size)
    assert got.shape == out_shape
    ax, s = _resolve(shape, axes, signal_size, len(shape) - 1)
    ref = np.fft.fftn if op == "dft" else np.fft.ifftn
    assert_close(got, _pairs(ref(_complex(data), s=s, axes=ax)), np.float64)


RDFT_CASES = [
    ((1, 16, 12), [1, 2], None, (1, 16, 7, 2)),
    ((1, 16, 12), [1, 2], [20, 5], (1, 20, 3, 2)),
    ((1, 16, 12), [2, 1], [5, 20], (1, 11, 5, 2)),
    ((2, 10, 10), [0, 1, 2], [4, -1, 9], (4, 10, 5, 2)),
    ((4, 6, 5), [-1, -3], None, (3, 6, 5, 2)),
    ((9,), [0], None, (5, 2)),
    ((9,), [-1], [16], (9, 2)),
]


@pytest.mark.parametrize("shape, axes, signal_size, out_shape", RDFT_CASES)
def test_rdft(shape, axes, signal_size, out_shape):
    data = np.random.default_rng(sum(shape)).standard_normal(shape)
    got = ov.rdft(data, axes, signal_size)
    assert got.shape == out_shape
    ax, s = _resolve(shape, axes, signal_size, len(shape))
    assert_close(got, _pairs(np.fft.rfftn(data, s=s, axes=ax)), np.float64)


IRDFT_CASES = [
    ((1, 16, 7, 2), [1, 2], None, (1, 16, 12)),
    ((1, 16, 7, 2), [1, 2], [20, 5], (1, 20, 5)),
    ((1, 16, 7, 2), [1, 2], [-1, 13], (1, 16, 13)),
    ((1, 16, 7, 2), [2, 1], [5, 20], (1, 20, 5)),
    ((1, 16, 7, 2), [2, 1], [5, -1], (1, 30, 5)),
    ((2, 10, 10, 2), [0, 1, 2], None, (2, 10, 18)),
    ((4, 6, 5, 2), [-1, -3], [-1, 3], (3, 6, 5)),
    ((5, 2), [0], None, (8,)),
    ((5, 2), [-1], [9], (9,)),
]


@pytest.mark.parametrize("shape, axes, signal_size, out_shape", IRDFT_CASES)
def test_irdft(shape, axes, signal_size, out_shape):
    data = np.random.default_rng(sum(shape)).standard_normal(shape)
    got = ov.irdft(data, axes, signal_size)
    assert got.shape == out_shape
    rank = len(shape) - 1
    ax = [a + rank if a < 0 else a for a in axes]
    s = [shape[a] for a in ax]
    s[-1] = 2 * (s[-1] - 1)
    for i, v in enumerate(signal_size or []):
        if v != -1:
            s[i] = v
    assert_close(got, np.fft.irfftn(_complex(data), s=s, axes=ax), np.float64)


def test_round_trips_and_dtypes():
    x = np.random.default_rng(0).standard_normal((3, 8, 6)).astype(np.float32)
    spectrum = ov.rdft(x, [1, 2])
    assert spectrum.dtype == np.float32
    assert_close(ov.irdft(spectrum, [1, 2], [8, 6]), x, np.float32)
    pairs = np.stack([x, x[::-1]], axis=-1)
    back = ov.idft(ov.dft(pairs, [0, 2]), [0, 2])
    assert back.dtype == np.float32
    assert_close(back, pairs, np.float32)
    half = ov.dft(pairs.astype(np.float16), [1])
    assert half.dtype == np.float16


@pytest.mark.parametrize(
    "call, error, match",
    [
        (lambda d, r: ov.dft(d, [3]), ValueError, "axes.*out of range"),
        (lambda d, r: ov.dft(d, [-4]), ValueError, "axes.*out of range"),
        (lambda d, r: ov.idft(d, [1, 1]), ValueError, "once"),
        (lambda d, r: ov.dft(d, [-1, 2]), ValueError, "once"),
        (lambda d, r: ov.dft(d, []), ValueError, "axes"),
        (lambda d, r: ov.dft(d, 1), TypeError, "axes"),
        (lambda d, r: ov.dft(d, [1.5]), TypeError, "axes"),
        (lambda d, r: ov.dft(d, [1], [0]), ValueError, "signal_size"),
        (lambda d, r: ov.dft(d, [1], [-2]), ValueError, "signal_size"),
        (lambda d, r: ov.dft(d, [1, 2], [4]), ValueError, "signal_size"),
        (lambda d, r: ov.irdft(d, [1], [4, 4]), ValueError, "signal_size"),
        (lambda d, r: ov.dft(d[..., :1], [1]), ValueError, "last dimension"),
        (lambda d, r: ov.idft(d[0, 0, 0], [0]), ValueError, "rank"),
        (lambda d, r: ov.dft(np.ones(2), [0]), ValueError, "rank"),
        (lambda d, r: ov.dft(d.astype(np.int32), [1]), TypeError, "floating"),
        (lambda d, r: ov.rdft(r + 0j, [1]), TypeError, "floating"),
        (lambda d, r: ov.rdft(r, [3]), ValueError, "axes.*out of range"),
        (lambda d, r: ov.rdft(np.float32(1), [0]), ValueError, "rank"),
        (lambda d, r: ov.irdft(d[:, :, :1], [2]), ValueError, "signal_size"),
        (lambda d, r: ov.irdft(d, [2], [0]), ValueError, "signal_size"),
    ],
)
def test_errors(call, error, match):
    data = np.ones((2, 3, 4, 2))
    real = np.ones((2, 3, 4))
    with pytest.raises(error, match=match):
        call(data, real)


def test_gradients():
    rng = np.random.default_rng(1)
    data = jnp.asarray(rng.standard_normal((3, 4, 2)))

    @jax.jit
    def f(d):
        y = ov.dft(d, [0, 1], [4, 3])
        return jnp.sin(ov.irdft(y, [-1, 0], [5, 3]))

    check_grads(f, (data,), order=2, modes=("fwd", "rev"))

    @jax.jit
    def g(r):
        return ov.idft(ov.rdft(r, [1, 0], [-1, 6]), [0]) ** 2

    check_grads(g, (data[..., 0],), order=1, modes=("fwd", "rev"))


def test_vmap():
    data = np.random.default_rng(2).standard_normal((4, 5, 6, 2))
    got = jax.vmap(lambda d: ov.dft(d, [-1], [8]))(data)
    want = np.stack([_pairs(np.fft.fft(_complex(d), n=8, axis=-1)) for d in data])
    assert_close(got, want, np.float64)

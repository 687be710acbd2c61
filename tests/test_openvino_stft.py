"""jfft.openvino.stft / istft (STFT-15, ISTFT-16) against numpy references
written from the specifications: shapes and values, every constraint's
error, gradients and vmap."""

import jax
import jax.numpy as jnp
import numpy as np
import pytest
from jax.test_util import check_grads

from jfft import openvino as ov


def close(got, want, tol):
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, (got.shape, want.shape)
    assert np.abs(got - want).max() <= tol * max(np.abs(want).max(), 1e-30)


def centred(window, frame_size):
    left = (frame_size - window.shape[0]) // 2
    return np.pad(window, (left, frame_size - window.shape[0] - left))


def ref_stft(signal, window, frame_size, frame_step, transpose_frames):
    """[batch?, frames, bins, 2] (or bins, frames) frame by frame."""
    x = np.asarray(signal, np.float64)
    w = centred(np.asarray(window, np.float64), frame_size)
    frames = (x.shape[-1] - frame_size) // frame_step + 1
    spectra = np.stack(
        [np.fft.rfft(x[..., t * frame_step : t * frame_step + frame_size] * w)
         for t in range(frames)], axis=-2,
    )  # fmt: skip
    if transpose_frames:
        spectra = np.swapaxes(spectra, -1, -2)
    return np.stack([spectra.real, spectra.imag], -1)


def ref_istft(data, window, frame_size, frame_step, signal_length, center,
              normalized):  # fmt: skip
    z = np.asarray(data, np.float64)
    z = z[..., 0] + 1j * z[..., 1]  # [batch?, bins, frames]
    w = centred(np.asarray(window, np.float64), frame_size)
    frames = z.shape[-1]
    total = (frames - 1) * frame_step + frame_size
    y = np.zeros(z.shape[:-2] + (total,))
    envelope = np.zeros(total)
    for t in range(frames):
        frame = np.fft.irfft(z[..., t], frame_size)
        if normalized:
            frame = frame * np.sqrt(frame_size)
        y[..., t * frame_step : t * frame_step + frame_size] += frame * w
        envelope[t * frame_step : t * frame_step + frame_size] += w * w
    start = frame_size // 2 if center else 0
    if signal_length is None:
        signal_length = (frames - 1) * frame_step + (0 if center else frame_size)
    y = y[..., start : start + signal_length] / envelope[start : start + signal_length]
    missing = signal_length - y.shape[-1]
    return np.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, missing)])


CASES = [  # (signal shape, window length, frame_size, frame_step)
    ((48,), 16, 16, 4),
    ((3, 100), 16, 16, 16),
    ((2, 97), 11, 16, 5),
    ((1, 64), 31, 31, 7),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_stft_reference(case, dtype):
    shape, window_length, frame_size, frame_step = case
    rng = np.random.default_rng(0)
    x = rng.standard_normal(shape).astype(dtype)
    w = np.hanning(window_length + 2)[1:-1].astype(dtype)
    for transpose in (False, True):
        got = ov.stft(x, w, frame_size, frame_step, transpose)
        want = ref_stft(x, w, frame_size, frame_step, transpose)
        assert got.dtype == dtype
        close(got, want, 2e-5 if dtype == np.float32 else 1e-12)


@pytest.mark.parametrize("center", [False, True])
@pytest.mark.parametrize("normalized", [False, True])
def test_istft_reference_and_round_trip(center, normalized):
    rng = np.random.default_rng(1)
    frame_size, frame_step = 16, 4
    w = np.hanning(frame_size + 2)[1:-1]
    x = rng.standard_normal((2, 80))
    padded = np.pad(x, [(0, 0), (8, 8)], mode="reflect") if center else x
    data = ref_stft(padded, w, frame_size, frame_step, transpose_frames=True)
    if normalized:
        data = data / np.sqrt(frame_size)
    for signal_length in (None, 60, 80, 100):
        got = ov.istft(data, w, frame_size, frame_step, signal_length, center,
                       normalized)  # fmt: skip
        want = ref_istft(data, w, frame_size, frame_step, signal_length, center,
                         normalized)  # fmt: skip
        close(got, want, 1e-12)
    got = ov.istft(data, w, frame_size, frame_step, 80, center, normalized)
    close(got, x, 1e-12)
    close(ov.istft(data[0], w, frame_size, frame_step, 80, center, normalized),
          x[0], 1e-12)  # fmt: skip
    stft_data = ov.stft(padded, w, frame_size, frame_step, transpose_frames=True)
    close(ov.istft(stft_data, w, frame_size, frame_step, 80, center), x, 1e-12)


def test_grads_and_vmap():
    rng = np.random.default_rng(2)
    x = jnp.asarray(rng.standard_normal((2, 40)))
    w = jnp.asarray(np.hanning(14)[1:-1])
    check_grads(lambda x, w: ov.stft(x, w, 12, 4), (x, w), 2, modes=("fwd", "rev"))
    data = ov.stft(x, w, 12, 4, transpose_frames=True)
    check_grads(lambda d: ov.istft(d, w, 12, 4, 40), (data,), 2,
                modes=("fwd", "rev"))  # fmt: skip
    batched = jax.vmap(lambda v: ov.stft(v, w, 12, 4), in_axes=1)(x.T)
    close(batched, np.stack([ov.stft(v, w, 12, 4) for v in x]), 1e-12)


def test_errors():
    x = np.zeros((2, 50), np.float32)
    w = np.ones(16, np.float32)
    with pytest.raises(ValueError, match="signal"):
        ov.stft(np.zeros((2, 2, 50), np.float32), w, 16, 4)
    with pytest.raises(TypeError, match="signal"):
        ov.stft(np.zeros(50, np.int32), w, 16, 4)
    with pytest.raises(ValueError, match="frame_size"):
        ov.stft(x, w, 0, 4)
    with pytest.raises(ValueError, match="frame_size=64 must not exceed"):
        ov.stft(x, np.ones(64, np.float32), 64, 4)
    with pytest.raises(ValueError, match="frame_step"):
        ov.stft(x, w, 16, 0)
    with pytest.raises(ValueError, match="window length 17"):
        ov.stft(x, np.ones(17, np.float32), 16, 4)
    with pytest.raises(ValueError, match="window must be 1-D"):
        ov.stft(x, np.ones((4, 4), np.float32), 16, 4)
    with pytest.raises(ValueError, match="frame_size must be a scalar"):
        ov.stft(x, w, np.array([16]), 4)
    data = ov.stft(x, w, 16, 4, transpose_frames=True)
    with pytest.raises(ValueError, match="data"):
        ov.istft(data[..., 0], w, 16, 4)
    with pytest.raises(ValueError, match="fft_results"):
        ov.istft(data, w, 18, 4)
    with pytest.raises(ValueError, match="frame_step"):
        ov.istft(data, np.ones(4, np.float32), 16, 8)
    with pytest.raises(ValueError, match="signal_length"):
        ov.istft(data, w, 16, 4, signal_length=-1)
    with pytest.raises(ValueError, match="NOLA"):
        ov.istft(data, np.zeros(16, np.float32), 16, 4)
    with pytest.raises(ValueError, match="no frames"):
        ov.istft(np.zeros((9, 0, 2), np.float32), w, 16, 4)

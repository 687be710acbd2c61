"""Recover an unknown filter from spectrogram magnitudes with a
multi-resolution STFT loss, differentiating through jfft.

1. **Sanity check.**  ``jfft.stft`` is compared with a frame-by-frame numpy
   reference, and ``jfft.istft(jfft.stft(x))`` with ``x``.

2. **Model.**  A batch of test signals (chirps, tone bursts and noise) is
   passed through an *unknown* FIR filter (a resonant band-pass with a
   notch).  Only the magnitudes of the outputs' STFTs are observed.  The
   model is a learnable FIR filter applied with ``jfft.signal.fftconvolve``;
   it is trained from a unit impulse by Adam on the multi-resolution STFT
   loss (spectral convergence plus log-magnitude distance at n_fft 128, 256
   and 512, each computed with ``jfft.stft``), all inside one
   ``jax.jit``-compiled ``lax.scan``.  Every transform of the forward and
   backward passes runs on jfft's kernels.

3. **Result.**  The learned filter's magnitude response is compared with the
   true one; the script exits non-zero unless the loss fell by at least
   ``MIN_LOSS_DROP`` and the response error is below ``MAX_RESPONSE_ERROR``,
   so it doubles as a smoke test.  With matplotlib, the spectrograms of the
   target, the untrained and the trained model are saved next to this file
   as ``stft_model.png``.

Usage::

    python examples/stft_model.py [--steps 400] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np

try:
    import jfft
except ImportError:  # running from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jfft

BATCH, LENGTH, TAPS = 8, 8192, 63
RESOLUTIONS = ((128, 32), (256, 64), (512, 128))  # (n_fft, hop)
LEARNING_RATE = 0.01
MIN_LOSS_DROP = 10.0  # the final loss must be this many times below the first
MAX_RESPONSE_ERROR = 0.1  # relative RMS error of the learned |H| (in band)
STFT_RTOL = 1e-4  # float32 jfft.stft against the float64 numpy reference


def make_signals(rng: np.random.Generator) -> np.ndarray:
    t = np.arange(LENGTH) / LENGTH
    signals = []
    for _ in range(BATCH):
        f0, f1 = rng.uniform(0.01, 0.1), rng.uniform(0.2, 0.45)
        chirp = np.sin(2 * np.pi * LENGTH * (f0 * t + (f1 - f0) * t**2 / 2))
        burst = np.zeros(LENGTH)
        for _ in range(4):
            start = rng.integers(0, LENGTH - 512)
            freq = rng.uniform(0.02, 0.45)
            burst[start : start + 512] += np.hanning(512) * np.cos(
                2 * np.pi * freq * np.arange(512)
            )
        signals.append(chirp + burst + 0.3 * rng.standard_normal(LENGTH))
    return np.asarray(signals, np.float32)


def true_filter() -> np.ndarray:
    """A resonant band-pass (centre 0.12 cycles/sample) with a notch at
    0.3, windowed to TAPS taps."""
    n = np.arange(TAPS) - TAPS // 2
    band = np.sinc(0.16 * n) * 0.16 * np.cos(2 * np.pi * 0.12 * n)
    notch = np.zeros(TAPS)
    notch[TAPS // 2] = 1.0
    notch -= np.sinc(0.04 * n) * 0.04 * np.cos(2 * np.pi * 0.3 * n) * 2
    h = np.convolve(band + 0.3 * notch, [1.0, 0.5], mode="same")
    return (h * np.hamming(TAPS)).astype(np.float32)


def magnitudes(y: jax.Array) -> list[jax.Array]:
    out = []
    for n_fft, hop in RESOLUTIONS:
        window = jnp.asarray(np.hanning(n_fft + 1)[:-1], jnp.float32)
        spec = jfft.stft(y, n_fft, hop, window=window)
        out.append(jnp.sqrt(spec.real**2 + spec.imag**2 + 1e-7))
    return out


def stft_loss(predicted: list[jax.Array], target: list[jax.Array]) -> jax.Array:
    loss = 0.0
    for p, t in zip(predicted, target):
        convergence = jnp.linalg.norm(t - p) / jnp.linalg.norm(t)
        log_distance = jnp.mean(jnp.abs(jnp.log(t) - jnp.log(p)))
        loss = loss + convergence + log_distance
    return loss / len(predicted)


def model(h: jax.Array, x: jax.Array) -> jax.Array:
    return jfft.signal.fftconvolve(x, h[None, :], mode="same", axes=-1)


@partial(jax.jit, static_argnames="steps")
def train(h0, x, target, steps: int):
    def loss_fn(h):
        return stft_loss(magnitudes(model(h, x)), target)

    def step(state, i):
        h, m, v = state
        loss, g = jax.value_and_grad(loss_fn)(h)
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        m_hat = m / (1 - 0.9 ** (i + 1))
        v_hat = v / (1 - 0.999 ** (i + 1))
        h = h - LEARNING_RATE * m_hat / (jnp.sqrt(v_hat) + 1e-8)
        return (h, m, v), loss

    zeros = jnp.zeros_like(h0)
    (h, _, _), losses = jax.lax.scan(step, (h0, zeros, zeros), jnp.arange(steps))
    return h, losses


def sanity_check(x: np.ndarray) -> bool:
    n_fft, hop = 256, 64
    window = np.hanning(n_fft + 1)[:-1]
    got = np.asarray(jfft.stft(x[0], n_fft, hop, window=window.astype(np.float32)))
    padded = np.pad(x[0].astype(np.float64), n_fft // 2, mode="reflect")
    count = 1 + (padded.size - n_fft) // hop
    want = np.stack(
        [np.fft.rfft(padded[t * hop : t * hop + n_fft] * window) for t in range(count)],
        axis=-1,
    )
    stft_error = np.abs(got - want).max() / np.abs(want).max()
    back = jfft.istft(got, n_fft, hop, window=window.astype(np.float32), length=LENGTH)
    round_trip = np.abs(np.asarray(back) - x[0]).max() / np.abs(x[0]).max()
    print(f"jfft.stft vs numpy framing: max rel. error {stft_error:.2e}")
    print(f"istft(stft(x)) vs x:        max rel. error {round_trip:.2e}")
    return stft_error < STFT_RTOL and round_trip < STFT_RTOL


def response_error(h: np.ndarray, h_true: np.ndarray) -> float:
    """Relative RMS error of |H| where the true response is above 5% of
    its peak."""
    got = np.abs(np.fft.rfft(h, 1024))
    want = np.abs(np.fft.rfft(h_true, 1024))
    band = want > 0.05 * want.max()
    return float(np.sqrt(np.mean((got - want)[band] ** 2) / np.mean(want[band] ** 2)))


def plot(path, x, h0, h, h_true) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n_fft, hop = 256, 64
    window = np.hanning(n_fft + 1)[:-1].astype(np.float32)
    panels = [("target (unknown filter)", h_true), ("untrained model", h0),
              ("trained model", h)]  # fmt: skip
    fig, axes = plt.subplots(1, 4, figsize=(16, 3.8))
    for ax, (title, taps) in zip(axes, panels):
        y = model(jnp.asarray(taps), jnp.asarray(x[:1]))[0]
        spec = np.abs(np.asarray(jfft.stft(y, n_fft, hop, window=window)))
        ax.imshow(20 * np.log10(spec + 1e-6), origin="lower", aspect="auto",
                  vmin=-60, vmax=40, cmap="magma")  # fmt: skip
        ax.set_title(title)
        ax.set_xlabel("frame")
    axes[0].set_ylabel("frequency bin")
    freqs = np.fft.rfftfreq(1024)
    axes[3].plot(freqs, np.abs(np.fft.rfft(h_true, 1024)), label="true |H|")
    axes[3].plot(freqs, np.abs(np.fft.rfft(h, 1024)), "--", label="learned |H|")
    axes[3].set_xlabel("cycles / sample")
    axes[3].legend()
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    print(f"saved {path}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--steps", type=int, default=400)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--plot",
        type=Path,
        default=Path(__file__).resolve().with_suffix(".png"),
        help="where the spectrogram plot is written",
    )
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    x = make_signals(rng)
    ok = sanity_check(x)

    h_true = true_filter()
    target = magnitudes(model(jnp.asarray(h_true), jnp.asarray(x)))
    h0 = np.zeros(TAPS, np.float32)
    h0[TAPS // 2] = 1.0  # the identity filter

    start = time.perf_counter()
    h, losses = train(jnp.asarray(h0), jnp.asarray(x), target, args.steps)
    losses = np.asarray(losses)
    elapsed = time.perf_counter() - start
    for i in range(0, args.steps, max(args.steps // 8, 1)):
        print(f"step {i:4d}  multi-resolution STFT loss {losses[i]:.4f}")
    print(f"step {args.steps - 1:4d}  multi-resolution STFT loss {losses[-1]:.4f}")
    print(f"trained {args.steps} steps in {elapsed:.1f} s (compilation included)")
    h = np.asarray(h)
    error = response_error(h, h_true)
    drop = losses[0] / losses[-1]
    print(f"loss fell {drop:.1f}x; |H| relative RMS error in band {error:.3f} "
          f"(untrained: {response_error(h0, h_true):.3f})")  # fmt: skip
    ok = ok and drop >= MIN_LOSS_DROP and error < MAX_RESPONSE_ERROR
    try:
        plot(args.plot, x, h0, h, h_true)
    except ImportError:
        print("matplotlib not found; plot skipped")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run unchanged numpy + scipy.fft code on jfft's kernels.

``denoise`` and ``compress`` below are ordinary numpy code written against
``scipy.fft``: a spectral low-pass filter of noisy signals (``rfft``,
``irfft``) and a DCT image compression that keeps the largest 5% of the
coefficients (``dctn``, ``idctn`` with ``norm="ortho"``). Nothing in them
knows about JAX. Selecting ``jfft.scipy_backend`` around the calls

    with scipy.fft.set_backend(jfft.scipy_backend):
        ...

sends every scipy.fft transform to jfft, which returns numpy arrays with
scipy's dtypes (each call runs with JAX's x64 mode, so float64 stays float64).
The script runs both functions under scipy's own backend and under jfft's,
checks that the results agree to double precision, times them in paired,
interleaved rounds (the ratio is jfft's time over scipy's: below 1, jfft is
faster), and prints ``PASS``.

Usage::

    python examples/scipy_backend_numpy.py [--rounds 7] [--plot FILE]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import scipy.fft

try:
    import jfft.scipy_backend
except ImportError:  # running from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import jfft.scipy_backend

# Both backends compute in float64; they differ by rounding only.
RTOL = 1e-10
KEEP = 0.05  # fraction of DCT coefficients the compression keeps


def denoise(signals: np.ndarray, cutoff: float) -> np.ndarray:
    """Zeroes every frequency above ``cutoff`` (cycles per sample)."""
    spectrum = scipy.fft.rfft(signals, axis=-1, workers=-1)
    freqs = scipy.fft.rfftfreq(signals.shape[-1])
    spectrum[..., freqs > cutoff] = 0
    return scipy.fft.irfft(spectrum, n=signals.shape[-1], axis=-1, workers=-1)


def compress(image: np.ndarray, keep: float) -> np.ndarray:
    """Keeps the largest ``keep`` fraction of the orthonormal DCT-II
    coefficients of ``image``."""
    coefficients = scipy.fft.dctn(image, norm="ortho", workers=-1)
    threshold = np.quantile(np.abs(coefficients), 1 - keep)
    coefficients[np.abs(coefficients) < threshold] = 0
    return scipy.fft.idctn(coefficients, norm="ortho", workers=-1)


def make_data(rng: np.random.Generator):
    t = np.arange(4096) / 4096
    clean = np.sin(2 * np.pi * 5 * t) + 0.5 * np.sign(np.sin(2 * np.pi * 3 * t))
    signals = clean + 0.3 * rng.standard_normal((64, t.size))
    yy, xx = np.mgrid[:512, :512] / 512
    image = (
        np.sin(12 * xx) * np.cos(7 * yy)
        + ((xx - 0.5) ** 2 + (yy - 0.4) ** 2 < 0.05)
        + 0.05 * rng.standard_normal(xx.shape)
    )
    return clean, signals, image


def run_all(signals, image):
    return denoise(signals, cutoff=0.01), compress(image, KEEP)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="timing rounds")
    parser.add_argument(
        "--plot",
        type=Path,
        default=Path(__file__).resolve().with_suffix(".png"),
        help="where the plot is written",
    )
    args = parser.parse_args()
    clean, signals, image = make_data(np.random.default_rng(0))

    reference = run_all(signals, image)  # scipy's own backend
    with scipy.fft.set_backend(jfft.scipy_backend):
        ours = run_all(signals, image)  # the same code, computed by jfft
    ok = True
    for name, want, got in zip(("denoise", "compress"), reference, ours):
        error = float(np.max(np.abs(got - want)) / np.max(np.abs(want)))
        good = type(got) is np.ndarray and got.dtype == want.dtype and error < RTOL
        ok &= good
        print(
            f"{name:8s}: {type(got).__name__} {got.dtype}, max relative "
            f"difference from scipy {error:.1e} ({'OK' if good else 'FAIL'})"
        )

    # Paired, interleaved rounds: each round times both backends back to back.
    ratios = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        run_all(signals, image)
        t1 = time.perf_counter()
        with scipy.fft.set_backend(jfft.scipy_backend):
            run_all(signals, image)
        t2 = time.perf_counter()
        ratios.append((t2 - t1) / (t1 - t0))
    print(
        f"time with jfft / time with scipy: median {np.median(ratios):.2f} over "
        f"{args.rounds} paired rounds (both include the numpy work around the "
        "transforms)"
    )

    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(1, 3, figsize=(14, 4))
        ax[0].plot(signals[0], color="0.7", lw=0.5, label="noisy")
        ax[0].plot(ours[0][0], "tab:blue", label="denoised (jfft backend)")
        ax[0].plot(clean, "k--", lw=1, label="clean")
        ax[0].set_title("scipy.fft.rfft/irfft low-pass, computed by jfft")
        ax[0].legend(fontsize=8)
        for axis, picture, title in (
            (ax[1], image, "image"),
            (ax[2], ours[1], f"DCT compressed: {KEEP:.0%} of coefficients"),
        ):
            shown = axis.imshow(picture, cmap="gray")
            axis.set_title(title)
            axis.axis("off")
            fig.colorbar(shown, ax=axis, shrink=0.8)
        fig.tight_layout()
        fig.savefig(args.plot, dpi=100)
        plt.close(fig)
        print(f"Plot saved to {args.plot}")
    except ImportError:
        print("matplotlib not found; plot skipped")

    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

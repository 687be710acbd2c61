"""Signal processing on jfft's transforms: a drop-in for the FFT-based part
of :mod:`scipy.signal` / :mod:`jax.scipy.signal`.

Every function takes and returns JAX arrays (frequency and time grids are
numpy arrays, as scipy returns them), is differentiable in its array
inputs, and works under jit and vmap with its sizes and options static.
Windows (:func:`get_window`) are numpy constants.

Examples
--------
>>> from jfft import signal
>>> x = np.sin(2 * np.pi * 50 * np.arange(4096) / 1000.0)
>>> f, P = signal.welch(x, fs=1000.0, nperseg=256)
>>> float(f[np.argmax(P)])  # the 50 Hz tone, to the grid's 3.9 Hz
50.78125
>>> y = signal.fftconvolve(x, np.ones(5) / 5, mode="same")
>>> y.shape
(4096,)
"""

from ._analytic import czt, hilbert, hilbert2, zoom_fft
from ._convolve import convolve, correlate, fftconvolve, oaconvolve
from ._spectral import csd, istft, spectrogram, stft, welch
from ._windows import get_window

__all__ = [
    "convolve",
    "correlate",
    "csd",
    "czt",
    "fftconvolve",
    "get_window",
    "hilbert",
    "hilbert2",
    "istft",
    "oaconvolve",
    "spectrogram",
    "stft",
    "welch",
    "zoom_fft",
]

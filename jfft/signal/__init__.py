"""Signal processing on jfft's transforms: a drop-in for the FFT-based part
of :mod:`scipy.signal` / :mod:`jax.scipy.signal`.

Every function takes and returns JAX arrays (frequency and time grids are
numpy arrays, as scipy returns them), is differentiable in its array
inputs, and works under jit and vmap with its sizes and options static.
Windows (:func:`get_window`) are numpy constants.
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

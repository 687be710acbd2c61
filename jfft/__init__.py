"""jfft: differentiable FFTs for JAX on native XLA FFI kernels.

A drop-in superset of ``jax.numpy.fft`` (and the FFT functions of
``scipy.fft``): every transform is a JAX primitive computed on the CPU by
jfft's own C++ engine, and works under jit, vmap, grad, jvp/jacfwd,
linear_transpose and higher-order derivatives.
"""

from ._native import (
    clear_plan_cache,
    plan_cache_info,
    set_plan_cache_capacity,
)
from ._fft import (
    fft,
    fft2,
    fftn,
    hfft,
    hfft2,
    hfftn,
    ifft,
    ifft2,
    ifftn,
    ihfft,
    ihfft2,
    ihfftn,
    irfft,
    irfft2,
    irfftn,
    rfft,
    rfft2,
    rfftn,
    xla_fallback,
)
from ._helpers import fftfreq, fftshift, ifftshift, rfftfreq

__version__ = "0.1.0"

__all__ = [
    "fft", "ifft", "rfft", "irfft", "hfft", "ihfft",
    "fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2",
    "fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn",
    "fftfreq", "rfftfreq", "fftshift", "ifftshift",
    "xla_fallback", "plan_cache_info", "set_plan_cache_capacity",
    "clear_plan_cache",
]  # fmt: skip

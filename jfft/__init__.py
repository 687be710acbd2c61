"""jfft: differentiable FFTs for JAX on native XLA FFI kernels.

A drop-in superset of ``jax.numpy.fft`` (and the FFT functions of
``scipy.fft``): every transform is a JAX primitive computed on the CPU by
jfft's own C++ engine, and works under jit, vmap, grad, jvp/jacfwd,
linear_transpose and higher-order derivatives.

``jfft.numpy`` is the same engine for numpy arrays: a drop-in for
``numpy.fft`` (and the FFTs of ``scipy.fft``, also served by
``jfft.scipy_backend``) that never calls into JAX per transform.
"""

from . import distributed, numpy, openvino, scipy_backend
from ._fft import (
    fft,
    fft2,
    fftn,
    get_workers,
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
    set_workers,
    xla_fallback,
)
from ._helpers import fftfreq, fftshift, ifftshift, rfftfreq
from ._native import (
    build_info,
    clear_plan_cache,
    export_safety_checks,
    plan_cache_info,
    set_plan_cache_capacity,
)
from ._realtransforms import dct, dctn, dst, dstn, idct, idctn, idst, idstn

__version__ = "0.1.0"

__all__ = [
    "build_info",
    "clear_plan_cache",
    "dct",
    "dctn",
    "distributed",
    "dst",
    "dstn",
    "export_safety_checks",
    "fft",
    "fft2",
    "fftfreq",
    "fftn",
    "fftshift",
    "get_workers",
    "hfft",
    "hfft2",
    "hfftn",
    "idct",
    "idctn",
    "idst",
    "idstn",
    "ifft",
    "ifft2",
    "ifftn",
    "ifftshift",
    "ihfft",
    "ihfft2",
    "ihfftn",
    "irfft",
    "irfft2",
    "irfftn",
    "numpy",
    "openvino",
    "plan_cache_info",
    "rfft",
    "rfft2",
    "rfftfreq",
    "rfftn",
    "scipy_backend",
    "set_plan_cache_capacity",
    "set_workers",
    "xla_fallback",
]  # fmt: skip

"""jfft: differentiable FFTs for JAX on native XLA FFI kernels.

A drop-in superset of ``jax.numpy.fft`` (and of the FFT and DCT/DST
functions of ``scipy.fft``): every transform is a JAX primitive computed on
the CPU by jfft's own C++ engine, and works under ``jax.jit``,
``jax.vmap``, ``jax.grad``, ``jax.jvp``/``jax.jacfwd``,
``jax.linear_transpose`` and higher-order derivatives, on sharded arrays
too.

- Transforms: ``fft``, ``ifft``, ``rfft``, ``irfft``, ``hfft``, ``ihfft``
  and their ``2``/``n`` variants; ``dct``, ``idct``, ``dst``, ``idst``,
  ``dctn``, ``idctn``, ``dstn``, ``idstn`` (types 1-4).
- Signal processing: ``stft``, ``istft`` (torch's semantics) and
  :mod:`jfft.signal` (the FFT-based part of ``scipy.signal``).
- Helpers: ``fftfreq``, ``rfftfreq``, ``fftshift``, ``ifftshift``,
  ``next_fast_len``, ``prev_fast_len``.
- Switches: ``set_workers``/``get_workers`` (threads), ``xla_fallback``
  (XLA's own FFT instead of jfft's kernels).
- The engine: ``explain_plan`` (what a transform will run),
  ``plan_constants``; ``plan_cache_info``, ``set_plan_cache_capacity``,
  ``clear_plan_cache``; ``build_info``; ``export_safety_checks`` for
  ``jax.export``.
- Submodules: :mod:`jfft.numpy` (the same engine for numpy arrays: a
  drop-in for ``numpy.fft`` that never calls into JAX per transform),
  :mod:`jfft.distributed` (arrays split along the transformed
  axes), :mod:`jfft.scipy_backend` (numpy code through ``scipy.fft``,
  numpy arrays on the numpy path),
  :mod:`jfft.openvino` (OpenVINO's DFT operations).

Examples
--------
>>> x = np.random.default_rng(0).standard_normal((8, 100)).astype(np.float32)
>>> y = jfft.rfft(x, n=128, axis=-1, norm="ortho")          # numpy.fft.rfft
>>> np.allclose(y, np.fft.rfft(x, n=128, norm="ortho"), atol=1e-5)
True
>>> g = jax.grad(lambda x: jfft.fft2(x).real.sum())(x)      # differentiable
>>> b = jax.jit(jax.vmap(jfft.ifft))(y)                     # batched, jitted
>>> g.shape, b.shape
((8, 100), (8, 65))
"""

from . import distributed, numpy, openvino, scipy_backend, signal
from ._explain import explain_plan, plan_constants
from ._fastlen import next_fast_len, prev_fast_len
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
from ._stft import istft, stft

__version__ = "0.1.0"

__all__ = [
    "build_info",
    "clear_plan_cache",
    "dct",
    "dctn",
    "distributed",
    "dst",
    "dstn",
    "explain_plan",
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
    "istft",
    "next_fast_len",
    "numpy",
    "openvino",
    "plan_cache_info",
    "plan_constants",
    "prev_fast_len",
    "rfft",
    "rfft2",
    "rfftfreq",
    "rfftn",
    "scipy_backend",
    "set_plan_cache_capacity",
    "set_workers",
    "signal",
    "stft",
    "xla_fallback",
]  # fmt: skip

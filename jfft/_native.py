"""Loads the native module and registers its XLA FFI targets."""

from __future__ import annotations

import jax

# The range of jax releases whose FFI API this build is tested against.
SUPPORTED_JAX = ((0, 10), (0, 11))


def _check_jax() -> None:
    version = tuple(int(p) for p in jax.__version__.split(".")[:2])
    low, high = SUPPORTED_JAX
    if not low <= version < high or not hasattr(jax, "ffi"):
        raise ImportError(
            f"jfft needs jax >= {low[0]}.{low[1]} and < {high[0]}.{high[1]} "
            f"(its XLA FFI API); found jax {jax.__version__}"
        )


_check_jax()

try:
    from . import _jfft_cpu
except ImportError as err:  # pragma: no cover - a broken install
    raise ImportError(
        "jfft's native module _jfft_cpu is missing: install jfft with "
        "`pip install .` (it builds the C++ kernels)"
    ) from err

# The CUDA module is optional: built only where nvcc and cuFFT were found
# (JFFT_CUDA in CMake). Without it, GPUs use XLA's own FFT.
try:
    from . import _jfft_cuda
except ImportError:  # not built, or cuFFT's library not found at run time
    _jfft_cuda = None

_registered = False


def has_cuda() -> bool:
    """Whether jfft's CUDA kernels are built and loaded."""
    return _jfft_cuda is not None


def register_targets() -> None:
    global _registered
    if _registered:
        return
    for name, capsule in _jfft_cpu.registrations().items():
        jax.ffi.register_ffi_target(name, capsule, platform="cpu")
    if _jfft_cuda is not None:
        for name, capsule in _jfft_cuda.registrations().items():
            jax.ffi.register_ffi_target(name, capsule, platform="CUDA")
    _registered = True


def plan_cache_info() -> dict[str, int]:
    """The engine's plan cache: ``{"entries": plans held, "capacity": limit,
    "scratch_bytes": scratch memory kept for reuse between transforms}``
    (at most 64 MiB; ``clear_plan_cache`` frees it too)."""
    return dict(_jfft_cpu.plan_cache_info())


def set_plan_cache_capacity(capacity: int) -> None:
    """Sets how many plans the engine keeps (least recently used go first)."""
    if isinstance(capacity, bool) or not isinstance(capacity, int) or capacity < 0:
        raise ValueError(f"capacity: expected an integer >= 0, got {capacity!r}")
    _jfft_cpu.set_plan_cache_capacity(capacity)


def clear_plan_cache() -> None:
    """Drops every cached plan (plans in use finish first) and frees the
    scratch memory kept for reuse."""
    _jfft_cpu.clear_plan_cache()

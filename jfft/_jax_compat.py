"""The one module of jfft that may touch JAX internals.

Everything else in jfft uses public JAX APIs only (a test greps for
``jax._src``). What lives here, and why:

- ``eager_impl``: how a primitive runs outside ``jit``. Public path: the
  primitive is bound inside a ``jax.jit`` (one compiled function per set of
  parameters, cached), which is what JAX's private ``apply_primitive`` does.
- ``require_devices_during_lowering``: a primitive whose lowering calls
  ``custom_partitioning`` must be lowered with concrete devices. JAX keeps
  that set privately (``jax._src.dispatch.prim_requires_devices_during_lowering``)
  and has no public equivalent. Without it, jfft still works: the sharded
  wrapper is not used and XLA gathers sharded operands around the custom call
  (correct, only slower), with a warning that says so.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import jax
from jax.extend.core import Primitive


def eager_impl(prim: Primitive):
    """An ``impl`` for ``prim.def_impl``: the primitive compiled and run alone."""

    @lru_cache(maxsize=512)
    def compiled(params: tuple):
        kwargs = dict(params)
        return jax.jit(lambda *args: prim.bind(*args, **kwargs))

    def impl(*args, **params):
        return compiled(tuple(sorted(params.items())))(*args)

    return impl


def require_devices_during_lowering(prim: Primitive) -> bool:
    """Asks JAX to lower ``prim`` with concrete devices; False where this JAX
    has no such mechanism (then the caller must not rely on it)."""
    try:
        from jax._src import dispatch  # private: no public equivalent
    except ImportError:
        dispatch = None
    registry = getattr(dispatch, "prim_requires_devices_during_lowering", None)
    if not isinstance(registry, set):
        warnings.warn(
            f"jax {jax.__version__} has no dispatch.prim_requires_devices_during_"
            "lowering: jfft transforms of sharded arrays fall back to XLA's "
            "default partitioning (operands gathered around the FFT). Please "
            "report this at jfft's issue tracker.",
            RuntimeWarning,
            stacklevel=2,
        )
        return False
    registry.add(prim)
    return True

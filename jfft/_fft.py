"""The public transforms, with numpy 2.x / scipy.fft semantics."""

from __future__ import annotations

import contextlib
import contextvars
import operator
import os
from collections.abc import Iterator, Sequence
from typing import Any, Literal

import jax
import jax.numpy as jnp
from jax import lax

# _sharding.bind replaces prim.bind at the three bind sites below, so that
# sharded inputs are transformed shard by shard (custom_partitioning).
from . import _args, _primitives, _sharding
from ._primitives import c2c_p, c2r_p, r2c_p

Norm = Literal["backward", "ortho", "forward"] | None
Axes = Sequence[int] | None
Shape = Sequence[int] | None


def _backend_from_environment() -> str:
    value = os.environ.get("JFFT_BACKEND", "")
    backend = value.strip().lower() or "native"
    if backend not in _primitives.BACKENDS:
        raise ValueError(
            f"JFFT_BACKEND: expected 'native' or 'xla' (any case), got {value!r}"
        )
    return backend


_DEFAULT_BACKEND = _backend_from_environment()
_backend = contextvars.ContextVar("jfft_backend", default=_DEFAULT_BACKEND)


@contextlib.contextmanager
def xla_fallback(enabled: bool = True) -> Iterator[None]:
    """Transforms traced inside lower to XLA's own FFT instead of jfft's
    native CPU kernels (an A/B switch for comparisons and debugging).

    The path is chosen when a transform is traced, and JAX reuses traces
    across calls; so that the switch always takes effect, entering and
    leaving the context clear JAX's compilation caches
    (``jax.clear_caches()``), and jitted functions are traced again on their
    next call. Setting the environment variable ``JFFT_BACKEND=xla`` before
    import makes the XLA path the default.

    Not thread-safe: clearing JAX's process-wide caches while other threads
    run jitted code can make those calls fail inside JAX (seen:
    ``RuntimeProgramInputMismatch`` in a thread calling a jitted function
    while another thread toggled x64). JAX has no public way to make a
    library's setting part of its trace keys, so switch before starting
    threads, or use ``JFFT_BACKEND``.
    """
    token = _backend.set("xla" if enabled else "native")
    jax.clear_caches()
    try:
        yield
    finally:
        _backend.reset(token)
        jax.clear_caches()


_workers = contextvars.ContextVar("jfft_workers", default=None)

# No machine has more cores than this; the native kernels use at most the
# threads of XLA's CPU pool anyway.
MAX_WORKERS = 2**16


def _resolve_workers(workers: Any) -> int:
    """scipy.fft's convention: None is the current default (all cores unless
    set_workers says otherwise), -1 all cores, -k all but k-1."""
    if workers is None:
        workers = _workers.get()
        if workers is None:
            return os.cpu_count() or 1
    if isinstance(workers, bool):
        raise TypeError(f"workers: expected an integer, got {workers!r}")
    try:
        workers = operator.index(workers)
    except TypeError:
        raise TypeError(f"workers: expected an integer, got {workers!r}") from None
    count = workers if workers > 0 else (os.cpu_count() or 1) + 1 + workers
    if workers == 0 or count < 1:
        raise ValueError(f"workers: expected a non-zero thread count, got {workers}")
    # More threads than XLA's pool has are never used; capping here keeps the
    # count inside the kernels' 64-bit attribute.
    return min(count, MAX_WORKERS)


def get_workers() -> int:
    """Threads a transform uses when ``workers`` is not given."""
    return _resolve_workers(None)


@contextlib.contextmanager
def set_workers(workers: int) -> Iterator[None]:
    """Context manager setting the default ``workers`` of transforms traced
    inside it, as :func:`scipy.fft.set_workers`. The native kernels never use
    more threads than XLA's CPU thread pool has."""
    token = _workers.set(_resolve_workers(workers))
    try:
        yield
    finally:
        _workers.reset(token)


def _options(workers: Any) -> dict:
    return {"backend": _backend.get(), "workers": _resolve_workers(workers)}


# The three transform families, each over a canonical (axes, lengths).


def _c2c(a, axes_lengths_fn, norm, forward: bool, workers) -> jax.Array:
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    axes, lengths = axes_lengths_fn(x.shape)
    x = x.astype(_args.complex_dtype(x.dtype))
    x = _args.fit(x, axes, lengths)
    if not axes or x.size == 0:  # nothing to transform: x is the result
        return x
    scale = _args.scale_factor(norm, lengths, inverse=not forward)
    return _sharding.bind(c2c_p, x, axes=axes, forward=forward, scale=scale, **options)


def _r2c(a, axes_lengths_fn, norm, workers, func: str, *, inverse_norm=False):
    # ihfft (inverse_norm) is conj(rfft(a)) with the opposite norm.
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    x = x.astype(_args.real_dtype(x.dtype, "a", func))
    axes, lengths = axes_lengths_fn(x.shape)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    x = _args.fit(x, axes, lengths)
    if x.size == 0:
        shape = list(x.shape)
        shape[axes[-1]] = _args.half_length(lengths[-1])
        return jnp.zeros(shape, _args.complex_dtype(x.dtype))
    scale = _args.scale_factor(norm, lengths, inverse=inverse_norm)
    return _sharding.bind(r2c_p, x, axes=axes, scale=scale, **options)


def _c2r(a, axes_lengths_fn, norm, workers, func: str, *, conjugate=False):
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    axes, lengths = axes_lengths_fn(x.shape)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    x = x.astype(_args.complex_dtype(x.dtype))
    if conjugate:
        x = lax.conj(x)
    half = lengths[:-1] + (_args.half_length(lengths[-1]),)
    x = _args.fit(x, axes, half)
    out_shape = list(x.shape)
    out_shape[axes[-1]] = lengths[-1]
    _args.check_size(out_shape, "n/s")
    if x.size == 0:  # the half spectrum is empty exactly when the output is
        return jnp.zeros(out_shape, x.real.dtype)
    # hfft (conjugate) is irfft(conj(a)) with the opposite norm: a
    # forward-direction transform, unscaled under "backward".
    scale = _args.scale_factor(norm, lengths, inverse=not conjugate)
    return _sharding.bind(
        c2r_p, x, axes=axes, last_length=lengths[-1], scale=scale, **options
    )


def _one(n, axis, func, *, c2r=False):
    return lambda shape: _args.transform_1d(shape, n, axis, c2r=c2r, func=func)


def _many(s, axes, *, c2r=False):
    return lambda shape: _args.transform_nd(shape, s, axes, c2r=c2r)


# 1-D -------------------------------------------------------------------------


def fft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D discrete Fourier transform, as :func:`numpy.fft.fft`."""
    return _c2c(a, _one(n, axis, "fft"), norm, True, workers)


def ifft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft`."""
    return _c2c(a, _one(n, axis, "ifft"), norm, False, workers)


def rfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D transform of real input (n//2+1 outputs), as :func:`numpy.fft.rfft`."""
    return _r2c(a, _one(n, axis, "rfft"), norm, workers, "rfft")


def irfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`rfft` (default output length 2*(m-1)), as
    :func:`numpy.fft.irfft`."""
    return _c2r(a, _one(n, axis, "irfft", c2r=True), norm, workers, "irfft")


def hfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Transform of a Hermitian-symmetric signal given by its first half
    (real output, default length 2*(m-1)), as :func:`numpy.fft.hfft`."""
    return _c2r(
        a, _one(n, axis, "hfft", c2r=True), norm, workers, "hfft", conjugate=True
    )


def ihfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`hfft` for real input, as :func:`numpy.fft.ihfft`."""
    return lax.conj(
        _r2c(a, _one(n, axis, "ihfft"), norm, workers, "ihfft", inverse_norm=True)
    )


# n-D -------------------------------------------------------------------------


def fftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D discrete Fourier transform, as :func:`scipy.fft.fftn`."""
    return _c2c(a, _many(s, axes), norm, True, workers)


def ifftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D inverse discrete Fourier transform, as :func:`scipy.fft.ifftn`."""
    return _c2c(a, _many(s, axes), norm, False, workers)


def rfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D transform of real input; the last listed axis is halved."""
    return _r2c(a, _many(s, axes), norm, workers, "rfftn")


def irfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`rfftn`, as :func:`numpy.fft.irfftn`."""
    return _c2r(a, _many(s, axes, c2r=True), norm, workers, "irfftn")


def hfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D transform of a Hermitian-symmetric signal, as
    :func:`scipy.fft.hfftn` (``irfftn(conj(a))`` with the opposite norm)."""
    return _c2r(a, _many(s, axes, c2r=True), norm, workers, "hfftn", conjugate=True)


def ihfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`hfftn` for real input, as :func:`scipy.fft.ihfftn`."""
    return lax.conj(_r2c(a, _many(s, axes), norm, workers, "ihfftn", inverse_norm=True))


# 2-D -------------------------------------------------------------------------


def fft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D discrete Fourier transform, as :func:`numpy.fft.fft2`."""
    return fftn(a, s, axes, norm, workers=workers)


def ifft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft2`."""
    return ifftn(a, s, axes, norm, workers=workers)


def rfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D transform of real input, as :func:`numpy.fft.rfft2`."""
    return rfftn(a, s, axes, norm, workers=workers)


def irfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """Inverse of :func:`rfft2`, as :func:`numpy.fft.irfft2`."""
    return irfftn(a, s, axes, norm, workers=workers)


def hfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D Hermitian transform, as :func:`scipy.fft.hfft2`."""
    return hfftn(a, s, axes, norm, workers=workers)


def ihfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """Inverse of :func:`hfft2`, as :func:`scipy.fft.ihfft2`."""
    return ihfftn(a, s, axes, norm, workers=workers)

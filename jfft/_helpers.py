"""Frequency and shift helpers, as numpy.fft's (with jax.numpy's dtype rules)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from . import _args


def _length(n: Any) -> int:
    n = _args._index(n, "n")
    if n < 1:
        raise ValueError(f"n: expected a length >= 1, got {n}")
    return n


def _float_dtype(dtype: Any) -> np.dtype:
    if dtype is None:
        return np.dtype(jax.dtypes.canonicalize_dtype(np.float64))
    dtype = np.dtype(dtype)
    if not jnp.issubdtype(dtype, jnp.floating):
        raise TypeError(f"dtype: expected a floating dtype, got {dtype}")
    return dtype


def fftfreq(n: int, d: Any = 1.0, *, dtype: Any = None) -> jax.Array:
    """Sample frequencies of :func:`fft`: ``[0, 1, ..., -1] / (d * n)``."""
    n = _length(n)
    k = np.concatenate([np.arange(0, (n - 1) // 2 + 1), np.arange(-(n // 2), 0)])
    return jnp.asarray(k, _float_dtype(dtype)) / (d * n)


def rfftfreq(n: int, d: Any = 1.0, *, dtype: Any = None) -> jax.Array:
    """Sample frequencies of :func:`rfft`: ``[0, 1, ..., n//2] / (d * n)``."""
    n = _length(n)
    return jnp.arange(0, n // 2 + 1, dtype=_float_dtype(dtype)) / (d * n)


def _shift(x: Any, axes: int | Sequence[int] | None, sign: int) -> jax.Array:
    x = _args.as_array(x, "x")
    if axes is None:
        axes = tuple(range(x.ndim))
    elif isinstance(axes, (int, np.integer)):
        axes = (_args.normalize_axis(axes, x.ndim, "axes"),)
    else:
        axes = tuple(_args.normalize_axis(a, x.ndim, "axes") for a in axes)
    shifts = tuple(sign * (x.shape[a] // 2) for a in axes)
    return jnp.roll(x, shifts, axes) if axes else x


def fftshift(x: Any, axes: int | Sequence[int] | None = None) -> jax.Array:
    """Moves the zero-frequency term to the centre, as numpy.fft.fftshift."""
    return _shift(x, axes, 1)


def ifftshift(x: Any, axes: int | Sequence[int] | None = None) -> jax.Array:
    """The inverse of :func:`fftshift`."""
    return _shift(x, axes, -1)

"""Frequency and shift helpers, as numpy.fft's (with jax.numpy's dtype rules)."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from . import _args


def _length(n: Any) -> int:
    # ValueError for a non-integer n, as numpy and jax.numpy raise.
    if isinstance(n, jax.core.Tracer):
        _args._index(n, "n")  # raises, with the hint to make n static
    try:
        if isinstance(n, (bool, np.bool_)):
            raise TypeError
        n = operator.index(n)
    except TypeError:
        raise ValueError(f"n: expected an integer, got {n!r}") from None
    if n < 0:
        raise ValueError(f"n: expected a length >= 0, got {n}")
    _args.check_size((n,), "n")
    return n


def _spacing(d: Any) -> Any:
    if isinstance(d, (list, tuple)) or np.ndim(d) != 0:
        raise ValueError(f"d: expected a scalar sample spacing, got {d!r}")
    return d


def _dtypes(dtype: Any) -> tuple[np.dtype, np.dtype]:
    """(the real dtype computed in, the dtype returned), as jax.numpy.fft's:
    any numeric dtype may be asked for; the values are computed in its
    inexact (real) counterpart and cast."""
    if dtype is None:
        real = np.dtype(jax.dtypes.canonicalize_dtype(np.float64))
        return real, real
    out = np.dtype(dtype)
    if not (jnp.issubdtype(out, jnp.number) or jnp.issubdtype(out, jnp.bool_)):
        raise TypeError(f"dtype: expected a numeric dtype, got {out}")
    if jnp.issubdtype(out, jnp.inexact):
        real = np.dtype(jnp.finfo(out).dtype)
    else:
        real = np.dtype(jax.dtypes.canonicalize_dtype(np.float64))
    return real, out


def _frequencies(k: np.ndarray, n: int, d: Any, dtype: Any, device: Any):
    real, out = _dtypes(dtype)
    if n == 0:  # no samples, no frequencies (numpy divides by zero here)
        return jax.device_put(np.zeros(0, out), device)
    d = _spacing(d)
    if isinstance(d, jax.Array):  # possibly traced: divide on the device
        k = jax.device_put(k.astype(real), device)
        return (k / (d * n).astype(real)).astype(out)
    return jax.device_put((k.astype(real) / real.type(d * n)).astype(out), device)


def fftfreq(
    n: int,
    d: Any = 1.0,
    *,
    dtype: Any = None,
    device: jax.Device | jax.sharding.Sharding | None = None,
) -> jax.Array:
    """Sample frequencies of :func:`fft`, as :func:`jax.numpy.fft.fftfreq`.

    Parameters
    ----------
    n : int
        The signal length, ``n >= 0`` (``n=0`` gives an empty array).
    d : scalar, optional
        The sample spacing (default 1.0), so frequencies are in cycles per unit
        of ``d``. A JAX scalar (traced or not) is divided on the device.
    dtype : dtype, optional
        Keyword-only. Any numeric dtype: the values are computed in its real
        inexact counterpart and cast. Default: the default float (float32, or
        float64 with ``jax_enable_x64``).
    device : jax.Device or jax.sharding.Sharding, optional
        Keyword-only. Where the result is committed.

    Returns
    -------
    jax.Array
        ``[0, 1, ..., (n-1)//2, -(n//2), ..., -1] / (d * n)``, shape ``(n,)``.

    Raises
    ------
    ValueError
        If ``n`` is not an integer or is negative, or ``d`` is not a scalar.
    TypeError
        If ``n`` is a traced value (make it static), or ``dtype`` is not
        numeric.

    See Also
    --------
    rfftfreq : The frequencies of :func:`rfft`.
    fftshift : Puts the zero frequency in the middle.
    jfft.distributed.fftfreqn : Frequency grids split like a distributed
        spectrum.

    Examples
    --------
    >>> print(np.asarray(jfft.fftfreq(8, d=0.5)))
    [ 0.    0.25  0.5   0.75 -1.   -0.75 -0.5  -0.25]
    >>> jfft.fftfreq(5, dtype=jnp.bfloat16).dtype
    dtype(bfloat16)
    """
    n = _length(n)
    k = np.concatenate([np.arange(0, (n - 1) // 2 + 1), np.arange(-(n // 2), 0)])
    return _frequencies(k, n, d, dtype, device)


def rfftfreq(
    n: int,
    d: Any = 1.0,
    *,
    dtype: Any = None,
    device: jax.Device | jax.sharding.Sharding | None = None,
) -> jax.Array:
    """Sample frequencies of :func:`rfft`, as :func:`jax.numpy.fft.rfftfreq`.

    Parameters
    ----------
    n : int
        The signal length, ``n >= 0`` (``n=0`` gives an empty array).
    d : scalar, optional
        The sample spacing (default 1.0), so frequencies are in cycles per unit
        of ``d``. A JAX scalar (traced or not) is divided on the device.
    dtype : dtype, optional
        Keyword-only. Any numeric dtype: the values are computed in its real
        inexact counterpart and cast. Default: the default float (float32, or
        float64 with ``jax_enable_x64``).
    device : jax.Device or jax.sharding.Sharding, optional
        Keyword-only. Where the result is committed.

    Returns
    -------
    jax.Array
        ``[0, 1, ..., n//2] / (d * n)``, shape ``(n//2 + 1,)``; empty for
        ``n=0`` (the frequencies of the rfft of an empty signal, where
        ``jax.numpy.fft.rfftfreq`` gives ``[nan]``).

    Raises
    ------
    ValueError
        If ``n`` is not an integer or is negative, or ``d`` is not a scalar.
    TypeError
        If ``n`` is a traced value (make it static), or ``dtype`` is not
        numeric.

    See Also
    --------
    fftfreq : The frequencies of :func:`fft`.

    Examples
    --------
    >>> print(np.asarray(jfft.rfftfreq(8, d=0.5)))
    [0.   0.25 0.5  0.75 1.  ]

    The wavenumbers of a real spectral solver on ``[0, 2 pi)``:

    >>> k = 2 * np.pi * jfft.rfftfreq(16, d=2 * np.pi / 16)
    >>> print(np.asarray(k[:4]))
    [0. 1. 2. 3.]
    """
    n = _length(n)
    return _frequencies(np.arange(0, n // 2 + 1), n, d, dtype, device)


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
    """Moves the zero-frequency term to the centre, as :func:`numpy.fft.fftshift`.

    Parameters
    ----------
    x : array_like
        Input array (numeric or bool).
    axes : int or sequence of int, optional
        The axes shifted (default: all).

    Returns
    -------
    jax.Array
        ``x`` rolled by ``n // 2`` along each axis in ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or an axis is not an integer.
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    ifftshift : The inverse.

    Notes
    -----
    A ``jnp.roll``: differentiable, batchable, and the result keeps the dtype
    of ``x``.

    Examples
    --------
    >>> print(np.asarray(jfft.fftshift(jfft.fftfreq(5))))
    [-0.4 -0.2  0.   0.2  0.4]
    """
    return _shift(x, axes, 1)


def ifftshift(x: Any, axes: int | Sequence[int] | None = None) -> jax.Array:
    """The inverse of :func:`fftshift`, as :func:`numpy.fft.ifftshift`.

    Parameters
    ----------
    x : array_like
        Input array (numeric or bool).
    axes : int or sequence of int, optional
        The axes shifted (default: all).

    Returns
    -------
    jax.Array
        ``x`` rolled by ``-(n // 2)`` along each axis in ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric or an axis is not an integer.
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    fftshift : The forward shift.

    Examples
    --------
    Moves the centre of a kernel written centred in the array to index 0 (so
    that a circular convolution with it does not shift the signal):

    >>> centred = np.array([0, 1, 2, 1, 0], np.float32)
    >>> print(np.asarray(jfft.ifftshift(centred)))
    [2. 1. 0. 0. 1.]
    """
    return _shift(x, axes, -1)

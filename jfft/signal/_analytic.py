"""Analytic signals and chirp z-transforms, as scipy.signal's hilbert,
hilbert2, czt and zoom_fft, on jfft's transforms (differentiable in x)."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from .. import _args
from .._fastlen import next_fast_len
from .._fft import fft, ifft, ifftn, rfft, rfftn


def _real_data(x: Any, func: str) -> jax.Array:
    x = _args.integers_as_default_float(_args.as_array(x, "x"))
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        raise ValueError(f"{func}: x must be real, got dtype {x.dtype}")
    return x


def _analytic_weights(n: int) -> np.ndarray:
    """Weights of the half spectrum (n // 2 + 1 bins) that make the
    analytic signal: 1 at DC (and Nyquist for even n), 2 between."""
    h = np.full(n // 2 + 1, 2.0)
    h[0] = 1.0
    if n % 2 == 0:
        h[-1] = 1.0
    return h


def _length(value: Any, name: str, func: str) -> int:
    value = _args._index(value, name)
    if value <= 0:
        raise ValueError(f"{func}: {name} must be positive, got {value}")
    return value


def hilbert(x: Any, N: int | None = None, axis: int = -1) -> jax.Array:
    """The analytic signal ``x + i * H(x)``, as :func:`scipy.signal.hilbert`.

    Computed from the real transform of ``x``: its half spectrum, weighted,
    zero-extended and inverse transformed.

    Parameters
    ----------
    x : array_like
        Real signal.
    N : int, optional
        Number of Fourier components (crops or zero-pads ``x``); default
        ``x.shape[axis]``.
    axis : int, optional
        Axis of the signal.

    Returns
    -------
    jax.Array
        Complex analytic signal (complex64 for float32 ``x``).

    Raises
    ------
    ValueError
        ``x`` is complex or ``N`` is not positive.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> z = signal.hilbert(np.cos(2 * np.pi * np.arange(64) / 8))
    >>> bool(np.allclose(np.abs(z), 1.0, atol=1e-5))
    True
    """
    func = "hilbert"
    x = _real_data(x, func)
    axis = _args.normalize_axis(axis, x.ndim)
    n = x.shape[axis] if N is None else _length(N, "N", func)
    if n <= 0:
        raise ValueError(f"{func}: N must be positive, got {n}")
    half = rfft(x, n=n, axis=axis)
    shape = [1] * x.ndim
    shape[axis] = -1
    weights = jnp.asarray(_analytic_weights(n).reshape(shape), half.real.dtype)
    return ifft(half * weights, n=n, axis=axis)


def _band_weights(n: int, bins: int) -> np.ndarray:
    """scipy.signal.hilbert2's weights on the first ``bins`` bins of an
    n-point axis: 1 at DC, 2 below (n + 1) // 2, 0 from there (the Nyquist
    bin of an even n included)."""
    k = (n + 1) // 2
    w = np.zeros(bins)
    w[0] = 1.0
    w[1 : min(k, bins)] = 2.0
    return w


def hilbert2(
    x: Any,
    N: int | Sequence[int] | None = None,
    axes: Sequence[int] = (-2, -1),
) -> jax.Array:
    """The 2-D analytic signal, as :func:`scipy.signal.hilbert2`.

    Along each axis the spectrum is doubled below (N + 1) // 2 and zeroed
    from there (an even length's Nyquist bin included), as scipy >= 1.17.

    Parameters
    ----------
    x : array_like
        Real signal of at least 2 dimensions (1-D is taken as one row).
    N : int or tuple of two ints, optional
        Number of Fourier components per axis; default the axes' lengths.
    axes : tuple of two ints, optional
        The two axes transformed.

    Returns
    -------
    jax.Array
        Complex analytic signal.

    Raises
    ------
    ValueError
        ``x`` is complex, ``axes`` not two distinct axes, or ``N`` not
        positive (or not two entries).

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> signal.hilbert2(np.ones((4, 6))).shape
    (4, 6)
    """
    func = "hilbert2"
    x = _real_data(x, func)
    if x.ndim < 2:
        x = x.reshape((1,) * (2 - x.ndim) + x.shape)
    if (
        isinstance(axes, (str, bytes))
        or not isinstance(axes, Sequence)
        or len(axes) != 2
    ):
        raise ValueError(f"{func}: axes must be a tuple of two axes, got {axes!r}")
    axes = tuple(_args.normalize_axis(a, x.ndim, "axes") for a in axes)
    if axes[0] == axes[1]:
        raise ValueError(f"{func}: axes must be two distinct axes, got {axes!r}")
    if N is None:
        sizes = tuple(x.shape[a] for a in axes)
    elif isinstance(N, numbers.Integral) and not isinstance(N, bool):
        sizes = (_length(N, "N", func),) * 2
    else:
        if isinstance(N, (str, bytes)) or not isinstance(N, Sequence) or len(N) != 2:
            raise ValueError(
                f"{func}: N must be a positive integer or two of them, got {N!r}"
            )
        sizes = tuple(_length(v, "N", func) for v in N)
    if min(sizes) <= 0:
        raise ValueError(f"{func}: x must be non-empty, got shape {x.shape}")
    half = rfftn(x, s=sizes, axes=axes)
    shape0, shape1 = [1] * x.ndim, [1] * x.ndim
    shape0[axes[0]], shape1[axes[1]] = -1, -1
    weights = _band_weights(sizes[0], sizes[0]).reshape(shape0) * _band_weights(
        sizes[1], sizes[1] // 2 + 1
    ).reshape(shape1)
    return ifftn(half * jnp.asarray(weights, half.real.dtype), s=sizes, axes=axes)


def _sizes(n: int, m: Any) -> int:
    if n < 1:
        raise ValueError(f"x: the transformed axis must have at least 1 point, got {n}")
    if m is None:
        return n
    m = _args._index(m, "m")
    if m < 1:
        raise ValueError(f"m: the number of output points must be positive, got {m}")
    return m


def _chirp_transform(x, axis, n, m, a_k, w_k2):
    """y_k = w_k2[k] * sum_j x_j a_k[j] w_k2[j] / w_k2[k - j]: Bluestein's
    convolution on jfft's FFTs of a fast length."""
    cdtype = _args.complex_dtype(x.dtype)
    length = next_fast_len(n + m - 1)
    kernel = 1.0 / np.concatenate([w_k2[n - 1 : 0 : -1], w_k2[:m]])
    kernel_spectrum = np.fft.fft(kernel, length)
    x = jnp.moveaxis(x.astype(cdtype), axis, -1)
    weighted = x * jnp.asarray(a_k * w_k2[:n], cdtype)
    y = ifft(fft(weighted, n=length) * jnp.asarray(kernel_spectrum, cdtype))
    y = y[..., n - 1 : n + m - 1] * jnp.asarray(w_k2[:m], cdtype)
    return jnp.moveaxis(y, -1, axis)


def czt(
    x: Any, m: int | None = None, w: complex | None = None, a: complex = 1 + 0j,
    *, axis: int = -1,
) -> jax.Array:  # fmt: skip
    """Chirp z-transform, as :func:`scipy.signal.czt`:
    ``X[k] = sum_n x[n] * a**-n * w**(n*k)`` for ``k < m``.

    Parameters
    ----------
    x : array_like
        Signal, real or complex.
    m : int, optional
        Number of output points; default ``x.shape[axis]``.
    w : complex, optional
        Ratio between points (a static scalar); default
        ``exp(-2j*pi/m)``, the DFT's points.
    a : complex, optional
        Starting point in the complex plane (a static scalar).
    axis : int, optional
        Axis transformed.

    Returns
    -------
    jax.Array
        Complex, ``m`` points along ``axis`` (complex64 for float32 input).

    Raises
    ------
    ValueError
        An empty axis or ``m`` < 1.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x = np.arange(8.0)
    >>> bool(np.allclose(signal.czt(x), np.fft.fft(x), atol=1e-4))
    True
    """
    x = _args.integers_as_default_float(_args.as_array(x, "x"))
    axis = _args.normalize_axis(axis, x.ndim)
    n = x.shape[axis]
    m = _sizes(n, m)
    k = np.arange(max(m, n), dtype=np.int64)
    if w is None:
        w_k2 = np.exp(-(1j * np.pi * ((k**2) % (2 * m))) / m)
    else:
        w_k2 = complex(w) ** (k.astype(np.float64) ** 2 / 2.0)
    a_k = complex(a) ** -k[:n].astype(np.float64)
    return _chirp_transform(x, axis, n, m, a_k, w_k2)


def zoom_fft(
    x: Any, fn: Any, m: int | None = None, *, fs: float = 2,
    endpoint: bool = False, axis: int = -1,
) -> jax.Array:  # fmt: skip
    """The DFT on ``m`` points of a frequency band, as
    :func:`scipy.signal.zoom_fft`.

    Parameters
    ----------
    x : array_like
        Signal.
    fn : float or (float, float)
        The band ``[f1, f2]``, or ``f2`` for ``[0, f2]``.
    m : int, optional
        Number of output points; default ``x.shape[axis]``.
    fs : float, optional
        Sampling frequency (default 2: frequencies in units of Nyquist).
    endpoint : bool, optional
        Whether ``f2`` is the last point.
    axis : int, optional
        Axis transformed.

    Returns
    -------
    jax.Array
        Complex, ``m`` points along ``axis``.

    Raises
    ------
    ValueError
        ``fn`` of other than one or two values, an empty axis or ``m`` < 1.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x = np.cos(np.pi * 0.25 * np.arange(64))
    >>> signal.zoom_fft(x, [0.2, 0.3], m=16).shape
    (16,)
    """
    x = _args.integers_as_default_float(_args.as_array(x, "x"))
    axis = _args.normalize_axis(axis, x.ndim)
    n = x.shape[axis]
    m = _sizes(n, m)
    if np.size(fn) == 2:
        f1, f2 = (float(v) for v in np.asarray(fn).ravel())
    elif np.size(fn) == 1:
        f1, f2 = 0.0, float(np.asarray(fn).ravel()[0])
    else:
        raise ValueError(f"fn: must be a scalar or 2-length sequence, got {fn!r}")
    if endpoint and m == 1:
        raise ValueError("m: endpoint=True needs m >= 2")
    scale = (f2 - f1) * m / (fs * (m - 1)) if endpoint else (f2 - f1) / fs
    k = np.arange(max(m, n), dtype=np.float64)
    w_k2 = np.exp(-(1j * np.pi * scale * k**2) / m)
    a_k = np.exp(-2j * np.pi * f1 / fs * k[:n])
    return _chirp_transform(x, axis, n, m, a_k, w_k2)

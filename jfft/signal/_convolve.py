"""Convolution and correlation by FFT, as scipy.signal's fftconvolve,
oaconvolve, convolve and correlate, on jfft's transforms with padded lengths
from :func:`jfft.next_fast_len`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import jax.scipy.signal as jsignal
import numpy as np

from .. import _args
from .._fastlen import next_fast_len
from .._fft import fft, fftn, ifftn, irfftn, rfft, rfftn

MODES = ("full", "valid", "same")
METHODS = ("auto", "direct", "fft")

# method="auto" convolves directly while the direct product count
# (output points times kernel points) is below this fraction of 3 n log2 n
# over the FFT's padded size. Measured (benchmarks/signal_bench.py --only
# crossover, 2 threads, paired rounds, f32 signal of 2**14): JAX's direct
# convolution took 2.3x the FFT's time already at 8 taps (products / 3 n
# log2 n = 0.18) and 2-8x at 16..256 taps, so direct is kept for tiny
# kernels only.
DIRECT_OVER_FFT_COST = 0.05


def _inputs(in1: Any, in2: Any, func: str) -> tuple[jax.Array, jax.Array]:
    a = _args.integers_as_default_float(_args.as_array(in1, "in1"))
    b = _args.integers_as_default_float(_args.as_array(in2, "in2"))
    if a.ndim != b.ndim:
        raise ValueError(
            f"{func}: in1 and in2 must have the same number of dimensions, got "
            f"{a.ndim} and {b.ndim}"
        )
    return a, b


def _mode(mode: Any, func: str) -> str:
    if mode not in MODES:
        raise ValueError(f"{func}: mode must be one of {MODES}, got {mode!r}")
    return mode


def _swap_needed(mode: str, s1, s2, axes) -> bool:
    """For 'valid', the larger input must come first; error when neither is
    at least as large as the other along every axis."""
    if mode != "valid":
        return False
    ok1 = all(s1[a] >= s2[a] for a in axes)
    ok2 = all(s2[a] >= s1[a] for a in axes)
    if not (ok1 or ok2):
        raise ValueError(
            "mode: for 'valid', one input must be at least as large as the other "
            f"along every convolved axis, got shapes {tuple(s1)} and {tuple(s2)}"
        )
    return not ok1


def _conv_axes(a: jax.Array, b: jax.Array, mode: str, axes: Any, func: str):
    """(a, b, axes) as scipy's _init_freq_conv_axes: axes where either input
    has one point are broadcast, not convolved."""
    if axes is None:
        axes = list(range(a.ndim))
    else:
        if isinstance(axes, (int, np.integer)) and not isinstance(axes, bool):
            axes = [axes]
        axes = list(_args.normalize_axes(axes, a.ndim))
    s1, s2 = a.shape, b.shape
    for i in range(a.ndim):
        if i not in axes and not (s1[i] == s2[i] or s1[i] == 1 or s2[i] == 1):
            raise ValueError(
                f"{func}: in1 and in2 have incompatible shapes {s1} and {s2} along "
                f"axis {i}, which is not convolved"
            )
    axes = [i for i in axes if s1[i] != 1 and s2[i] != 1]
    if _swap_needed(mode, s1, s2, axes):
        a, b = b, a
    return a, b, axes


def _centred(x: jax.Array, shape: Sequence[int]) -> jax.Array:
    starts = [(have - want) // 2 for have, want in zip(x.shape, shape)]
    return x[tuple(slice(s, s + n) for s, n in zip(starts, shape))]


def _apply_mode(full: jax.Array, s1, s2, mode: str, axes) -> jax.Array:
    if mode == "full":
        return full
    if mode == "same":
        return _centred(full, s1)
    shape = [
        s1[i] - s2[i] + 1 if i in axes else full.shape[i] for i in range(full.ndim)
    ]
    return _centred(full, shape)


def _forward(x: jax.Array, axes, lengths, is_complex: bool) -> jax.Array:
    """The (r)fftn of x zero-padded to ``lengths`` along ``axes``. An operand
    spanning at most half the padded rows (a small kernel) has its last axis
    transformed first on its own rows, the other axes padded after, so that
    rows of zeros are not transformed along the last axis. For 1024**2 by
    31**2 float32 (the case of benchmarks/signal_bench.py --only convolve)
    the kernel's transform took 0.59x rfftn's time and fftconvolve 0.88x
    (paired rounds, 2 threads)."""
    rows = math.prod(x.shape[i] for i in axes[:-1])
    if len(axes) > 1 and 2 * rows <= math.prod(lengths[:-1]):
        last = fft if is_complex else rfft
        x = last(x, n=lengths[-1], axis=axes[-1])
        return fftn(x, s=lengths[:-1], axes=axes[:-1])
    return (fftn if is_complex else rfftn)(x, s=lengths, axes=axes)


def _product(a: jax.Array, b: jax.Array, axes, lengths, is_complex: bool):
    spectrum = _forward(a, axes, lengths, is_complex) * _forward(
        b, axes, lengths, is_complex
    )
    if is_complex:
        return ifftn(spectrum, s=lengths, axes=axes)
    return irfftn(spectrum, s=lengths, axes=axes)


def _result_dtype(a: jax.Array, b: jax.Array) -> np.dtype:
    dtype = jnp.result_type(a.dtype, b.dtype)
    if not jnp.issubdtype(dtype, jnp.inexact):
        dtype = jnp.result_type(dtype, jnp.float32)
    return np.dtype(dtype)


def fftconvolve(
    in1: Any, in2: Any, mode: str = "full", axes: int | Sequence[int] | None = None
) -> jax.Array:
    """Convolve two N-D arrays by FFT, as :func:`scipy.signal.fftconvolve`.

    Parameters
    ----------
    in1, in2 : array_like
        Inputs of the same number of dimensions, real or complex.
    mode : {'full', 'valid', 'same'}, optional
        The full linear convolution, the part computed without zero padding,
        or the centre of the full one of ``in1``'s shape.
    axes : int or sequence of int, optional
        Axes to convolve over (default all); the other axes broadcast.

    Returns
    -------
    jax.Array
        The convolution, of the inputs' result dtype (float32 stays float32).

    Raises
    ------
    ValueError
        Different numbers of dimensions, shapes that cannot broadcast along
        the other axes, an unknown mode, or for 'valid' inputs neither of
        which is as large as the other.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> y = signal.fftconvolve(np.array([1.0, 2.0, 3.0]), np.array([0.0, 1.0, 0.5]))
    >>> np.round(np.asarray(y), 5).tolist()
    [0.0, 1.0, 2.5, 4.0, 1.5]
    """
    func = "fftconvolve"
    a, b = _inputs(in1, in2, func)
    mode = _mode(mode, func)
    if a.ndim == 0:
        return a * b
    if a.size == 0 or b.size == 0:
        return jnp.zeros((0,), _result_dtype(a, b))
    a, b, axes = _conv_axes(a, b, mode, axes, func)
    s1, s2 = a.shape, b.shape
    dtype = _result_dtype(a, b)
    if not axes:
        return (a * b).astype(dtype)
    is_complex = jnp.issubdtype(dtype, jnp.complexfloating)
    shape = [
        s1[i] + s2[i] - 1 if i in axes else max(s1[i], s2[i]) for i in range(a.ndim)
    ]
    lengths = [next_fast_len(shape[i], real=not is_complex) for i in axes]
    full = _product(a, b, axes, lengths, is_complex)
    full = full[tuple(slice(0, n) for n in shape)]
    return _apply_mode(full, s1, s2, mode, axes).astype(dtype)


def _block_sizes(long: int, short: int, full: int) -> list[tuple[int, int]]:
    """(points, fft length) of the overlap-add choices along one axis: the
    whole axis transformed at ``full``, or ``long`` cut into blocks of a
    fast length, those only with fewer points than every shorter block
    (the others cost more whatever the other axes' choice)."""
    blocks = []
    size = next_fast_len(2 * short)
    while size < full:
        points = -(-long // (size - short + 1)) * size
        if not blocks or points < blocks[-1][0]:
            blocks.append((points, size))
        size = next_fast_len(size + 1)
    return [(full, full)] + blocks


def _block_lengths(pairs: list[tuple[int, int]], fulls: list[int]) -> list[int | None]:
    """Per axis, the block FFT length (None: the axis transformed whole)
    minimising the blocked transforms' cost, points * sum of log2 lengths,
    over all axes together: an N-D transform's points are the product of
    the axes', so axes are not chosen one by one. Coordinate descent from
    all-whole (two or three sweeps in practice). For 1024**2 by 31**2 the
    per-axis choice (144-point blocks, 1.5x the whole transform's points)
    took 1.5x fftconvolve's time; the joint one (286-point blocks) 0.65x
    the per-axis one's (paired rounds, 2 threads)."""
    options = [_block_sizes(l, s, f) for (l, s), f in zip(pairs, fulls)]
    pick = [0] * len(options)

    def cost(pick):
        points = math.prod(options[i][k][0] for i, k in enumerate(pick))
        logs = sum(math.log2(options[i][k][1]) for i, k in enumerate(pick))
        return points * logs

    best = cost(pick)
    changed = True
    while changed:
        changed = False
        for i in range(len(options)):
            for k in range(len(options[i])):
                trial = pick[:i] + [k] + pick[i + 1 :]
                c = cost(trial)
                if c < best * (1 - 1e-12):
                    best, pick, changed = c, trial, True
    return [None if k == 0 else options[i][k][1] for i, k in enumerate(pick)]


def oaconvolve(
    in1: Any, in2: Any, mode: str = "full", axes: int | Sequence[int] | None = None
) -> jax.Array:
    """Convolve two N-D arrays by overlap-add, as :func:`scipy.signal.oaconvolve`.

    Along each axis where one input is much longer, that input is cut into
    blocks convolved by FFTs of a fast length (chosen by cost over
    :func:`jfft.next_fast_len` sizes) and the blocks overlap-added; other
    axes are transformed whole, as :func:`fftconvolve`.

    Parameters
    ----------
    in1, in2 : array_like
        Inputs of the same number of dimensions.
    mode : {'full', 'valid', 'same'}, optional
        As :func:`fftconvolve`.
    axes : int or sequence of int, optional
        Axes to convolve over (default all).

    Returns
    -------
    jax.Array
        The convolution (equal to :func:`fftconvolve`'s up to rounding).

    Raises
    ------
    ValueError
        As :func:`fftconvolve`.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x, k = np.ones(10000, np.float32), np.ones(65, np.float32)
    >>> float(signal.oaconvolve(x, k)[5000])
    65.0
    """
    func = "oaconvolve"
    a, b = _inputs(in1, in2, func)
    mode = _mode(mode, func)
    if a.ndim == 0:
        return a * b
    if a.size == 0 or b.size == 0:
        return jnp.zeros((0,), _result_dtype(a, b))
    if a.shape == b.shape:
        return fftconvolve(a, b, mode, axes)
    a, b, axes = _conv_axes(a, b, mode, axes, func)
    s1, s2 = a.shape, b.shape
    dtype = _result_dtype(a, b)
    if not axes:
        return (a * b).astype(dtype)
    is_complex = jnp.issubdtype(dtype, jnp.complexfloating)
    # Each convolved axis i of x becomes (blocks, points): blocks of `step`
    # points for the input that is cut, one block of all points otherwise.
    fulls = [next_fast_len(s1[i] + s2[i] - 1, real=not is_complex) for i in axes]
    pairs = [(max(s1[i], s2[i]), min(s1[i], s2[i])) for i in axes]
    plan = {}
    for i, full, size in zip(axes, fulls, _block_lengths(pairs, fulls)):
        if size is None:
            plan[i] = (None, full)
        else:
            plan[i] = (0 if s1[i] >= s2[i] else 1, size)

    def blocked(x: jax.Array, which: int) -> jax.Array:
        out_shape = []
        widths = []
        for i in range(x.ndim):
            cut, size = plan.get(i, (None, None))
            if i in plan and cut == which:
                step = size - min(s1[i], s2[i]) + 1
                count = -(-x.shape[i] // step)
                widths.append((0, count * step - x.shape[i]))
                out_shape += [count, step]
            else:
                widths.append((0, 0))
                out_shape += [1, x.shape[i]]
        return jnp.pad(x, widths).reshape(out_shape)

    xa, xb = blocked(a, 0), blocked(b, 1)
    point_axes = [2 * i + 1 for i in axes]
    lengths = [plan[i][1] for i in axes]
    y = _product(xa, xb, point_axes, lengths, is_complex)
    shape = [
        s1[i] + s2[i] - 1 if i in axes else max(s1[i], s2[i]) for i in range(a.ndim)
    ]
    # Axis by axis from the last, so that axis i's pair stays at 2i, 2i+1:
    # overlap-add the blocks (block k's points start at k * step).
    for i in reversed(range(a.ndim)):
        if i not in plan:
            y = jnp.squeeze(y, 2 * i)
            continue
        cut, size = plan[i]
        if cut is None:
            y = jnp.squeeze(y, 2 * i)
        else:
            y = _overlap_add_axis(y, 2 * i, size - min(s1[i], s2[i]) + 1)
        y = jax.lax.slice_in_dim(y, 0, shape[i], axis=2 * i)
    return _apply_mode(y, s1, s2, mode, axes).astype(dtype)


def _overlap_add_axis(y: jax.Array, block_axis: int, step: int) -> jax.Array:
    """Merges (blocks, size) at block_axis, block_axis + 1 into one axis of
    (blocks - 1) * step + size points, block k at offset k * step; size <=
    2 * step so each block overlaps only the next."""
    y = jnp.moveaxis(y, (block_axis, block_axis + 1), (-2, -1))
    count, size = y.shape[-2:]
    head = y[..., :step]
    tail = y[..., step:]  # size - step <= step points spilling into block k+1
    tail = jnp.pad(tail, [(0, 0)] * (y.ndim - 2) + [(1, 0), (0, 2 * step - size)])
    spill = tail.reshape(*y.shape[:-2], (count + 1) * step)
    body = jnp.pad(head.reshape(*y.shape[:-2], count * step),
                   [(0, 0)] * (y.ndim - 2) + [(0, step)])  # fmt: skip
    out = (body + spill)[..., : (count - 1) * step + size]
    return jnp.moveaxis(out, -1, block_axis)


def _choose_method(a: jax.Array, b: jax.Array, mode: str) -> str:
    if not jnp.issubdtype(jnp.result_type(a.dtype, b.dtype), jnp.inexact):
        return "direct"  # exact integer results, as scipy's choice
    if a.ndim == 0:
        return "direct"
    full = [x + y - 1 for x, y in zip(a.shape, b.shape)]
    out = full if mode == "full" else a.shape
    direct_cost = math.prod(out) * min(a.size, b.size)
    padded = math.prod(next_fast_len(n) for n in full)
    fft_cost = 3 * padded * max(math.log2(padded), 1.0)
    return "direct" if direct_cost < DIRECT_OVER_FFT_COST * fft_cost else "fft"


def convolve(in1: Any, in2: Any, mode: str = "full", method: str = "auto") -> jax.Array:
    """Convolve two N-D arrays, as :func:`scipy.signal.convolve`.

    Parameters
    ----------
    in1, in2 : array_like
        Inputs of the same number of dimensions.
    mode : {'full', 'valid', 'same'}, optional
        As :func:`fftconvolve`.
    method : {'auto', 'fft', 'direct'}, optional
        'fft' (:func:`fftconvolve`), 'direct' (jax.scipy.signal's direct
        convolution), or 'auto': direct for integer inputs (exact, as
        scipy) and short kernels, FFT otherwise.

    Returns
    -------
    jax.Array
        The convolution; integer inputs give integers (rounded, for 'fft').

    Raises
    ------
    ValueError
        An unknown ``mode`` or ``method``, and the errors of
        :func:`fftconvolve`.

    Examples
    --------
    >>> from jfft import signal
    >>> signal.convolve([1, 2, 3], [1, 1], method="fft")
    Array([1, 3, 5, 3], dtype=int32)
    """
    return _convolve(in1, in2, mode, method, "convolve")


def _convolve(in1, in2, mode, method, func):
    mode = _mode(mode, func)
    if method not in METHODS:
        raise ValueError(f"{func}: method must be one of {METHODS}, got {method!r}")
    a, b = _args.as_array(in1, "in1"), _args.as_array(in2, "in2")
    if a.ndim != b.ndim:
        raise ValueError(
            f"{func}: in1 and in2 must have the same number of dimensions, got "
            f"{a.ndim} and {b.ndim}"
        )
    if a.ndim == 0:
        return a * b
    if _swap_needed(mode, a.shape, b.shape, range(a.ndim)):
        a, b = b, a
    if method == "auto":
        method = _choose_method(a, b, mode)
    dtype = jnp.result_type(a.dtype, b.dtype)
    if method == "direct":
        out = jsignal.convolve(a, b, mode=mode, method="direct")
    else:
        out = fftconvolve(a, b, mode)
    if jnp.issubdtype(dtype, jnp.integer) or jnp.issubdtype(dtype, jnp.bool_):
        return jnp.round(out).astype(dtype)
    return out.astype(dtype)


def _reverse_conj(x: jax.Array) -> jax.Array:
    return jnp.conj(x[(slice(None, None, -1),) * x.ndim])


def correlate(
    in1: Any, in2: Any, mode: str = "full", method: str = "auto"
) -> jax.Array:
    """Cross-correlate two N-D arrays, as :func:`scipy.signal.correlate`.

    Parameters
    ----------
    in1, in2 : array_like
        Inputs of the same number of dimensions.
    mode : {'full', 'valid', 'same'}, optional
        As :func:`fftconvolve`.
    method : {'auto', 'fft', 'direct'}, optional
        As :func:`convolve`.

    Returns
    -------
    jax.Array
        ``z[k] = sum_l in1[l] * conj(in2[l - k])`` over the mode's range.

    Raises
    ------
    ValueError
        An unknown ``mode`` or ``method``, and the errors of
        :func:`fftconvolve`.

    Examples
    --------
    >>> from jfft import signal
    >>> signal.correlate([1.0, 2.0, 3.0], [0.0, 1.0], method="fft")
    Array([1., 2., 3., 0.], dtype=float32)
    """
    func = "correlate"
    mode = _mode(mode, func)
    if method not in METHODS:
        raise ValueError(f"{func}: method must be one of {METHODS}, got {method!r}")
    a, b = _args.as_array(in1, "in1"), _args.as_array(in2, "in2")
    if a.ndim != b.ndim:
        raise ValueError(
            f"{func}: in1 and in2 must have the same number of dimensions, got "
            f"{a.ndim} and {b.ndim}"
        )
    if a.ndim == 0:
        return a * jnp.conj(b)
    if method == "direct":
        return jsignal.correlate(a, b, mode=mode, method="direct")
    return _convolve(a, _reverse_conj(b), mode, method, func)

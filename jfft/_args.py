"""Argument handling: the one place that turns numpy-style arguments
(``n`` | ``s``, ``axis`` | ``axes``, ``norm``) into a canonical transform and
raises every user error.
"""

from __future__ import annotations

import math
import operator
import os
import warnings
from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

NORMS = (None, "backward", "ortho", "forward")

# Every array a transform creates must stay far from the 2**63-byte extent
# where XLA aborts instead of raising: 2**58 elements of complex128 is 2**62
# bytes. Anything below this that does not fit in memory raises XLA's own
# RESOURCE_EXHAUSTED error.
MAX_ELEMENTS = 2**58


def as_array(a: Any, name: str = "a") -> jax.Array:
    """``a`` as a jax array of a numeric (or bool) dtype, else TypeError.

    Host data goes through numpy and ``jax.device_put`` with the dtype
    canonicalised for the calling thread's x64 state (``jnp.asarray`` may
    use another thread's state while that thread converts arrays, so an
    ``enable_x64`` block would silently compute in single precision).
    """
    if isinstance(a, jax.Array):
        _check_numeric(a.dtype, name)
        return a
    try:
        host = np.asarray(a)
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"{name}: expected a numeric array, got {type(a).__name__} ({err})"
        ) from None
    _check_numeric(host.dtype, name)
    native = host.dtype.newbyteorder("=")  # big-endian input: numpy's values
    dtype = np.dtype(jax.dtypes.canonicalize_dtype(native))
    return jax.device_put(host.astype(dtype, copy=False))


def _check_numeric(dtype: Any, name: str) -> None:
    if not (jnp.issubdtype(dtype, jnp.number) or jnp.issubdtype(dtype, jnp.bool_)):
        raise TypeError(f"{name}: expected a numeric array, got dtype {dtype}")


def _default_float() -> np.dtype:
    return jax.dtypes.canonicalize_dtype(np.float64)


def complex_dtype(dtype: np.dtype) -> np.dtype:
    """The complex dtype a transform of ``dtype`` computes in, as
    jax.numpy.fft's: float16/bfloat16 compute in float32; bool and integers
    in float32, except 64-bit integers in the default float (float64 under
    x64), as JAX promotes them to inexact types."""
    if jnp.issubdtype(dtype, jnp.complexfloating):
        return np.dtype(dtype)
    if jnp.issubdtype(dtype, jnp.floating):
        real = np.float64 if np.dtype(dtype) == np.float64 else np.float32
    elif np.dtype(dtype).itemsize == 8:
        real = _default_float()
    else:
        real = np.float32
    return np.dtype(jax.dtypes.canonicalize_dtype(np.result_type(real, 1j)))


def integers_as_default_float(x: jax.Array) -> jax.Array:
    """numpy's and scipy's promotion, for the transforms that mirror scipy
    (DCT/DST): bool and integers compute in the default float."""
    if jnp.issubdtype(x.dtype, jnp.integer) or jnp.issubdtype(x.dtype, jnp.bool_):
        return x.astype(_default_float())
    return x


def real_dtype(dtype: np.dtype, name: str, func: str) -> np.dtype:
    """The real dtype a real-input transform of ``dtype`` computes in."""
    if jnp.issubdtype(dtype, jnp.complexfloating):
        raise TypeError(
            f"{func}: {name} must be real, got dtype {dtype} (use fft for "
            "complex input)"
        )
    return np.dtype(complex_dtype(dtype).type(0).real.dtype)


def check_norm(norm: Any) -> str:
    if norm not in NORMS:
        raise ValueError(
            f"norm: must be one of 'backward', 'ortho', 'forward' or None, got {norm!r}"
        )
    return norm or "backward"


def scale_factor(norm: str, sizes: Sequence[int], inverse: bool) -> float:
    """Factor applied after the unnormalised transform."""
    n = math.prod(sizes)
    if norm == "ortho":
        return 1.0 / math.sqrt(n)
    if (norm == "backward") == inverse:
        return 1.0 / n
    return 1.0


def _index(value: Any, name: str) -> int:
    if type(value) is int:  # the common case, first: per-call cost (numpy path)
        return value
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected an integer, got {value!r}")
    if isinstance(value, jax.core.Tracer):
        raise TypeError(
            f"{name}: must be a static Python integer, got a traced value "
            f"({value.aval}); under jax.jit make it static, e.g. "
            f"jax.jit(f, static_argnames={name!r}) or functools.partial"
        )
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name}: expected an integer, got {value!r}") from None


def normalize_axis(axis: Any, ndim: int, name: str = "axis") -> int:
    axis = _index(axis, name)
    if not -ndim <= axis < ndim:
        raise np.exceptions.AxisError(axis, ndim, msg_prefix=name)
    return axis % ndim


def normalize_axes(axes: Any, ndim: int, *, unique: bool = True) -> tuple[int, ...]:
    if isinstance(axes, (str, bytes)) or not isinstance(axes, Sequence):
        if isinstance(axes, np.ndarray) and axes.ndim == 1:
            axes = axes.tolist()
        else:
            raise TypeError(f"axes: expected a sequence of integers, got {axes!r}")
    result = tuple(normalize_axis(a, ndim, "axes") for a in axes)
    if unique and len(set(result)) != len(result):
        raise ValueError(f"axes: each axis may be transformed once, got {axes!r}")
    return result


def _sequence(s: Any) -> list:
    if isinstance(s, (str, bytes)) or not isinstance(s, (Sequence, np.ndarray)):
        raise TypeError(f"s: expected a sequence of integers, got {s!r}")
    return list(s)


def _default_length(have: int, c2r: bool) -> int:
    """The transform length when n/s leave it out: the input's, or 2*(m-1)
    for c2r. An empty axis gives 0 (an empty result, as jax.numpy.fft)."""
    if have == 0:
        return 0
    return 2 * (have - 1) if c2r else have


def transform_1d(
    shape: tuple[int, ...],
    n: Any,
    axis: Any,
    *,
    c2r: bool = False,
    func: str = "",
    numpy_rules: bool = False,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(axes, lengths) of a 1-D transform. ``lengths`` is the logical length:
    the input length for c2c/r2c, the output length for c2r; 0 only for an
    empty input axis with n left out, except under ``numpy_rules`` (numpy
    2.x, for jfft.numpy), where that is an error as in numpy.fft."""
    if (
        type(axis) is not int
        and isinstance(axis, (Sequence, np.ndarray))
        and not isinstance(axis, str)
    ):
        # ValueError, as jax.numpy.fft raises for a sequence given as axis.
        raise ValueError(
            f"axis: {func or 'a 1-D transform'} takes a single axis, got "
            f"axis={axis!r}; use {func}n for several axes"
        )
    axis = normalize_axis(axis, len(shape))
    if n is None:
        n = _default_length(shape[axis], c2r)
        if n < 1 and (shape[axis] != 0 or numpy_rules):
            raise ValueError(
                f"n: Invalid number of FFT data points ({n}), the default "
                f"length along axis {axis} (input length {shape[axis]}); give "
                "n >= 1"
            )
    else:
        n = _index(n, "n")
        if n < 1:
            raise ValueError(f"n: Invalid number of FFT data points ({n})")
    return (axis,), (n,)


_S_WITHOUT_AXES = (
    "`axes` should not be `None` if `s` is not `None` (deprecated in NumPy "
    "2.0): the last len(s) axes are transformed; pass axes explicitly"
)
_NONE_IN_S = (
    "Passing an array containing `None` values to `s` is deprecated in NumPy "
    "2.0: such an entry means the default length; give that length or -1"
)


def transform_nd(
    shape: tuple[int, ...],
    s: Any,
    axes: Any,
    *,
    c2r: bool = False,
    numpy_rules: bool = False,
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(axes, lengths) of an n-d transform with numpy's rules for s and axes.

    ``numpy_rules`` (jfft.numpy) adds what numpy 2.x does beyond them: an
    axis may be listed more than once (transformed that many times), s
    without axes and None in s (the default length) are allowed with
    numpy's DeprecationWarnings, and an empty transformed axis is an error.
    """
    ndim = len(shape)
    if s is not None:
        s = _sequence(s)
    if axes is None:
        if s is None:
            axes = tuple(range(ndim))
        else:
            if numpy_rules:
                warnings.warn(_S_WITHOUT_AXES, DeprecationWarning, stacklevel=4)
            if len(s) > ndim:
                raise ValueError(
                    f"s: has {len(s)} entries but the array has only {ndim} dimensions"
                )
            axes = tuple(range(ndim - len(s), ndim))
    axes = normalize_axes(axes, ndim, unique=not numpy_rules)
    if s is None:
        lengths = [shape[a] for a in axes]
        if c2r and axes:
            lengths[-1] = _default_length(shape[axes[-1]], c2r=True)
    else:
        if len(s) != len(axes):
            raise ValueError(
                f"s: must have one entry per axis, got s={s!r} for axes {axes}"
            )
        lengths = []
        if numpy_rules and any(size is None for size in s):
            warnings.warn(_NONE_IN_S, DeprecationWarning, stacklevel=4)
        for i, (size, a) in enumerate(zip(s, axes)):
            if size is None and numpy_rules:
                size = _default_length(shape[a], c2r and i == len(axes) - 1)
            size = _index(size, "s")
            if size == -1:
                size = shape[a]
            elif size < 1:
                raise ValueError(
                    f"s: Invalid number of FFT data points ({size}); use a "
                    "positive length or -1 for the full length"
                )
            lengths.append(size)
    for size, a in zip(lengths, axes):
        if size < 1 and (shape[a] != 0 or numpy_rules):
            raise ValueError(
                f"s: Invalid number of FFT data points ({size}), the default "
                f"length along axis {a} (input length {shape[a]}); give s "
                "explicitly"
            )
    return axes, tuple(lengths)


# No machine has more cores than this; capping also keeps the count inside
# the kernels' 64-bit attribute (the native kernels use at most the threads of
# XLA's CPU pool anyway).
MAX_WORKERS = 2**16
_CPU_COUNT = os.cpu_count() or 1  # a system call each time otherwise


def resolve_workers(workers: Any, default: int | None = None) -> int:
    """scipy.fft's convention for ``workers``: None is ``default`` (all cores
    when that is None too), -1 all cores, -k all but k-1."""
    if workers is None:
        return default if default is not None else _CPU_COUNT
    if type(workers) is int and workers > 0:  # the common case, first: per call
        return min(workers, MAX_WORKERS)
    if isinstance(workers, bool):
        raise TypeError(f"workers: expected an integer, got {workers!r}")
    try:
        workers = operator.index(workers)
    except TypeError:
        raise TypeError(f"workers: expected an integer, got {workers!r}") from None
    count = workers if workers > 0 else _CPU_COUNT + 1 + workers
    if workers == 0 or count < 1:
        raise ValueError(f"workers: expected a non-zero thread count, got {workers}")
    return min(count, MAX_WORKERS)


def half_length(length: int) -> int:
    """Length of the half spectrum of a real signal of ``length`` points
    (0 for an empty one)."""
    return length // 2 + 1 if length else 0


def check_size(shape: Sequence[int], what: str) -> None:
    if math.prod(shape) >= MAX_ELEMENTS:
        raise ValueError(
            f"{what}: a result of shape {tuple(shape)} is too large to allocate "
            "or index"
        )


def fit(x: jax.Array, axes: Sequence[int], lengths: Sequence[int]) -> jax.Array:
    """Crops or zero-pads ``x`` at the end of each axis to the given length."""
    shape = list(x.shape)
    for a, n in zip(axes, lengths):
        shape[a] = n
    check_size(shape, "n/s")
    for a, n in zip(axes, lengths):
        have = x.shape[a]
        if n < have:
            x = lax.slice_in_dim(x, 0, n, axis=a)
        elif n > have:
            config = [(0, 0, 0)] * x.ndim
            config[a] = (0, n - have, 0)
            x = lax.pad(x, jnp.zeros((), x.dtype), config)
    return x


PLAN_KINDS = ("c2c", "r2c", "c2r")


def check_plan_kind(kind: Any) -> str:
    """``kind`` of explain_plan: one of PLAN_KINDS, else ValueError."""
    if not isinstance(kind, str) or kind not in PLAN_KINDS:
        raise ValueError(f"kind: must be 'c2c', 'r2c' or 'c2r', got {kind!r}")
    return kind


def positive_length(n: Any, name: str) -> int:
    """A transform length: an integer >= 1, else TypeError/ValueError."""
    n = _index(n, name)
    if n < 1:
        raise ValueError(f"{name}: expected a length >= 1, got {n}")
    return n

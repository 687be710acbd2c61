"""Real-to-real transforms (DCT and DST, types 1-4) with scipy.fft's semantics.

On the CPU the transforms bind the r2r primitive, the engine's native
real-to-real kernels (xla_kernels/engine/r2r.h) with its own transpose
rules; elsewhere, and for short lines, each is an FFT-based algorithm on
jfft's public transforms plus slicing, flips, padding and elementwise
products, so differentiation (both modes, any order), linear transposition
and vmap come from the rules of jfft's primitives. Per axis of length N (all unnormalised, scipy's
definitions):

- DCT-I: ``rfft`` of the even extension, length 2(N-1);
- DCT-II: Makhoul's algorithm, an ``rfft`` of length N of the reordered input
  ``[x[0::2], x[1::2][::-1]]`` and one twiddle;
- DCT-III: the exact inverse of that (an ``irfft`` of length N), i.e. the
  transpose of DCT-II with its first input halved;
- DCT-IV: for even N, a complex ``fft`` of length N/2 between a half-shift
  pre-twiddle and a post-twiddle; for odd N, a zero-padded complex ``fft`` of
  length 2N with the same half-shift twiddles;
- DST-I: ``rfft`` of the odd extension, length 2(N+1);
- DST-II/III/IV: DCT-II/III/IV with sign alternation and reversal.

Complex input is transformed as real and imaginary parts separately, as
scipy does.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from . import _args, _fft
from ._fft import fft, irfft, rfft
from ._primitives import r2r_p

Norm = Literal["backward", "ortho", "forward"] | None

_SQRT2 = math.sqrt(2.0)
# Whether dct/dst and their inverses bind the native r2r primitive on the CPU
# (one kernel per transform) rather than composing jfft's FFT primitives with
# XLA reorderings and twiddles; and the shortest transformed length that
# does, below which per-line overheads decide. Measured under jit, paired
# rounds in one process (benchmarks/r2r_bench.py --rounds 7 --calls 3, then
# its --section jit; 2 shared cores, AVX-512), as FFT-based time / native
# time: over DCT-1..4, DST-2 and DST-4 on (64, 4096), (256, 1000), (4096,
# 64) along the last axis and 512^2, 128^2 over both, float32 and float64: 0.72-1.70
# (median 1.25; native lost 4 of 60, DST-2/-4 on 64-point lines); lines of 16
# points (4096, 16): 0.77-1.36, of 8 points (16384, 8): 0.49-0.83.
NATIVE_R2R = True
NATIVE_R2R_MIN_LENGTH = 32

# Type of the forward transform an inverse transform computes.
_INVERSE_TYPE = {1: 1, 2: 3, 3: 2, 4: 4}


class DCT1LengthError(ValueError, RuntimeError):
    """DCT-I of length 1 is undefined. scipy.fft raises ``RuntimeError`` for
    it; jfft raises this subclass of both ``ValueError`` (jfft's convention
    for bad arguments) and ``RuntimeError`` (scipy's type)."""


# Helpers along one axis ---------------------------------------------------


def _slice(x: jax.Array, start: int, stop: int, axis: int, step: int = 1):
    return lax.slice_in_dim(x, start, stop, step, axis)


def _along(values: np.ndarray, axis: int, ndim: int, dtype: Any) -> np.ndarray:
    """``values`` shaped to broadcast along ``axis`` of an ndim array: a numpy
    constant of an explicit dtype (``dtype``, else the values' own), never
    one canonicalised by some thread's x64 state."""
    shape = [1] * ndim
    shape[axis] = len(values)
    return np.reshape(values, shape).astype(dtype or np.asarray(values).dtype)


def _interleave(even: jax.Array, odd: jax.Array, axis: int) -> jax.Array:
    """``out[0::2] = even, out[1::2] = odd`` along ``axis`` (len(odd) is
    len(even) or len(even) - 1)."""
    n = even.shape[axis] + odd.shape[axis]
    zero = jnp.zeros((), even.dtype)
    config = [(0, 0, 0)] * even.ndim
    config[axis] = (0, n - 2 * even.shape[axis] + 1, 1)
    out = lax.pad(even, zero, config)
    if odd.shape[axis]:
        config[axis] = (1, n - 2 * odd.shape[axis], 1)
        out = out + lax.pad(odd, zero, config)
    return out


def _alternate(x: jax.Array, axis: int) -> jax.Array:
    """``x[k] * (-1)**k`` along ``axis``."""
    signs = np.where(np.arange(x.shape[axis]) % 2 == 0, 1.0, -1.0)
    return x * _along(signs, axis, x.ndim, x.dtype)


# Unnormalised transforms of real x along one axis ---------------------------


def _dct1(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    n = x.shape[axis]
    inner = jnp.flip(_slice(x, 1, n - 1, axis), axis)
    extended = jnp.concatenate([x, inner], axis)  # length 2(n-1)
    return rfft(extended, axis=axis, workers=workers).real


def _dst1(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    n = x.shape[axis]
    shape = list(x.shape)
    shape[axis] = 1
    zero = jnp.zeros(shape, x.dtype)
    odd = jnp.concatenate([zero, x, zero, -jnp.flip(x, axis)], axis)  # 2(n+1)
    spectrum = rfft(odd, axis=axis, workers=workers)
    return -_slice(spectrum, 1, n + 1, axis).imag


def _dct2(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    n = x.shape[axis]
    v = jnp.concatenate(
        [_slice(x, 0, n, axis, 2), jnp.flip(_slice(x, 1, n, axis, 2), axis)], axis
    )
    k = np.arange(n // 2 + 1)
    twiddle = _along(np.exp(-0.5j * np.pi * k / n), axis, x.ndim, None)
    z = rfft(v, axis=axis, workers=workers)
    z = z * twiddle.astype(z.dtype)
    # y[k] = 2 Re z[k] for k <= n//2 and y[n-k] = -2 Im z[k] for 0 < k < n/2.
    upper = jnp.flip(_slice(z, 1, (n - 1) // 2 + 1, axis), axis)
    return jnp.concatenate([2 * z.real, -2 * upper.imag], axis)


def _dct3(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    n = x.shape[axis]
    half = n // 2 + 1
    shape = list(x.shape)
    shape[axis] = 1
    # x[n-k] for k = 0 .. n//2, with x[n] = 0.
    mirrored = jnp.concatenate(
        [jnp.zeros(shape, x.dtype), jnp.flip(_slice(x, n - n // 2, n, axis), axis)],
        axis,
    )
    k = np.arange(half)
    twiddle = _along(np.exp(0.5j * np.pi * k / n), axis, x.ndim, None)
    z = lax.complex(_slice(x, 0, half, axis), -mirrored)
    z = z * twiddle.astype(z.dtype)
    v = irfft(z, n=n, axis=axis, norm="forward", workers=workers)
    even = _slice(v, 0, (n + 1) // 2, axis)
    odd = jnp.flip(_slice(v, (n + 1) // 2, n, axis), axis)
    return _interleave(even, odd, axis)


def _dct4(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    n = x.shape[axis]
    if n % 2:
        # Half-shifted DFT of length 2n: y[k] = 2 Re(e^{-i pi (2k+1)/(4n)}
        # * fft_2n(x[m] e^{-i pi m/(2n)})[k]).
        m = np.arange(n)
        pre = _along(np.exp(-0.5j * np.pi * m / n), axis, x.ndim, None)
        post = _along(np.exp(-0.25j * np.pi * (2 * m + 1) / n), axis, x.ndim, None)
        z = x * pre.astype(_args.complex_dtype(x.dtype))
        spectrum = _slice(fft(z, n=2 * n, axis=axis, workers=workers), 0, n, axis)
        return 2 * (spectrum * post.astype(spectrum.dtype)).real
    # Even n: a complex fft of length n/2 of u[m] = x[2m] + i x[n-1-2m].
    m = np.arange(n // 2)
    pre = _along(np.exp(-0.25j * np.pi * (4 * m + 1) / n), axis, x.ndim, None)
    post = _along(np.exp(-1j * np.pi * m / n), axis, x.ndim, None)
    u = lax.complex(_slice(x, 0, n, axis, 2), jnp.flip(_slice(x, 1, n, axis, 2), axis))
    y = fft(u * pre.astype(u.dtype), axis=axis, workers=workers)
    y = y * post.astype(y.dtype)
    return _interleave(2 * y.real, jnp.flip(-2 * y.imag, axis), axis)


def _dst2(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    return jnp.flip(_dct2(_alternate(x, axis), axis, workers), axis)


def _dst3(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    return _alternate(_dct3(jnp.flip(x, axis), axis, workers), axis)


def _dst4(x: jax.Array, axis: int, workers: Any) -> jax.Array:
    return _alternate(_dct4(jnp.flip(x, axis), axis, workers), axis)


_KERNELS: dict[tuple[str, int], Callable] = {
    ("dct", 1): _dct1,
    ("dct", 2): _dct2,
    ("dct", 3): _dct3,
    ("dct", 4): _dct4,
    ("dst", 1): _dst1,
    ("dst", 2): _dst2,
    ("dst", 3): _dst3,
    ("dst", 4): _dst4,
}


def _ortho_factors(kind: str, type: int) -> tuple[float, float]:
    """(pre, post) end factors of scipy's ``orthogonalize``: the entries whose
    basis functions have a different norm are scaled by sqrt(2) in and out
    (the ends as in :mod:`jfft._primitives`'s r2r)."""
    if kind == "dct" and type == 1:
        return _SQRT2, 1.0 / _SQRT2
    if type == 2:
        return 1.0, 1.0 / _SQRT2
    if type == 3:
        return _SQRT2, 1.0
    return 1.0, 1.0


def _end_weights(kind: str, type: int, n: int, factor: float) -> np.ndarray | None:
    """Ones with ``factor`` at the ends of a (kind, type) transform of length
    n: both ends for DCT-I, index 0 for other DCTs, n-1 for DSTs."""
    if factor == 1.0:
        return None
    weights = np.ones(n)
    if kind == "dct" and type == 1:
        weights[[0, -1]] = factor
    else:
        weights[0 if kind == "dct" else -1] = factor
    return weights


def _logical_length(kind: str, type: int, n: int) -> int:
    """N of the normalisation: 2(N-1) for DCT-I, 2(N+1) for DST-I, else 2N."""
    if type == 1:
        return 2 * (n - 1) if kind == "dct" else 2 * (n + 1)
    return 2 * n


def _transform_axis(
    x: jax.Array, kind: str, type: int, axis: int, pre: float, post: float, workers
) -> jax.Array:
    n = x.shape[axis]
    pre_weights = _end_weights(kind, type, n, pre)
    if pre_weights is not None:
        x = x * _along(pre_weights, axis, x.ndim, x.dtype)
    y = _KERNELS[kind, type](x, axis, workers)
    post_weights = _end_weights(kind, type, n, post)
    if post_weights is not None:
        y = y * _along(post_weights, axis, y.ndim, y.dtype)
    return y


def fft_based_r2r(
    x: jax.Array,
    *,
    kind: str,
    type: int,
    axes: tuple[int, ...],
    pre: float,
    post: float,
    scale: float,
    workers: int,
    backend: str,
) -> jax.Array:
    """The r2r primitive's value by the FFT-based algorithms above, its
    lowering off the CPU: the FFTs inside take ``backend``."""
    token = _fft._backend.set(backend)
    try:
        for a in axes:
            x = _transform_axis(x, kind, type, a, pre, post, workers)
    finally:
        _fft._backend.reset(token)
    return x if scale == 1.0 else x * np.asarray(scale, x.dtype)


def _use_native(kind: str, type: int, lengths: tuple[int, ...], backend: str) -> bool:
    """Whether the transform binds the native r2r primitive (the CPU kernel;
    off the CPU it lowers to the FFT-based algorithms anyway) rather than
    composing the FFT primitives here. Sharded inputs need the FFT
    primitives' partitioning rules, which r2r lacks."""
    if backend != "native" or not lengths or not NATIVE_R2R:
        return False
    if min(lengths) < NATIVE_R2R_MIN_LENGTH:
        return False
    return jax.device_count() == 1


# Argument checks ------------------------------------------------------------


def _check_type(type: Any) -> int:
    if isinstance(type, (bool, np.bool_)) or not isinstance(type, (int, np.integer)):
        raise TypeError(f"type: expected an integer 1, 2, 3 or 4, got {type!r}")
    if type not in (1, 2, 3, 4):
        raise ValueError(f"type: invalid DCT/DST type {type!r}; expected 1, 2, 3 or 4")
    return int(type)


def _check_orthogonalize(orthogonalize: Any, norm: str) -> bool:
    if orthogonalize is None:
        return norm == "ortho"
    if not isinstance(orthogonalize, (bool, np.bool_, int, np.integer)):
        raise TypeError(
            f"orthogonalize: expected a bool or None, got {orthogonalize!r}"
        )
    return bool(orthogonalize)


def _as_sequence(value: Any) -> Any:
    """scipy's dctn/dstn also take a single integer for ``s`` and ``axes``."""
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return (value,)
    return value


class R2RProblem(NamedTuple):
    """A DCT/DST with its arguments resolved: the type computed (an inverse's
    own), the axes and their lengths, scipy's orthogonalize end factors and
    the norm's scale."""

    type: int
    axes: tuple[int, ...]
    lengths: tuple[int, ...]
    orthogonalize: bool
    pre: float
    post: float
    factor: float


def r2r_problem(
    shape: tuple[int, ...],
    kind: str,
    type: Any,
    n_or_s: Any,
    axis_or_axes: Any,
    norm: Any,
    orthogonalize: Any,
    *,
    inverse: bool,
    many: bool,
) -> R2RProblem:
    """The argument rules of the dct/dst family on a shape alone, shared by
    the JAX functions here and jfft.numpy's."""
    type = _check_type(type)
    norm = _args.check_norm(norm)
    orthogonalize = _check_orthogonalize(orthogonalize, norm)
    if len(shape) == 0:
        raise ValueError("x: expected an array with at least one dimension")
    plan = _many(n_or_s, axis_or_axes) if many else _one(n_or_s, axis_or_axes)
    axes, lengths = plan(tuple(shape))
    for a, n in zip(axes, lengths):
        if n == 0:  # an empty axis with n/s left out: scipy.fft raises
            raise ValueError(
                f"x: invalid number of data points (0) along axis {a}; give "
                "n/s >= 1 to zero-pad"
            )
    if kind == "dct" and type == 1:
        for a, n in zip(axes, lengths):
            if n < 2:
                raise DCT1LengthError(
                    f"n: DCT-I needs a length >= 2, got {n} along axis {a} "
                    "(scipy.fft raises RuntimeError: zero-length FFT requested)"
                )
    effective = _INVERSE_TYPE[type] if inverse else type
    sizes = [_logical_length(kind, type, n) for n in lengths]
    factor = _args.scale_factor(norm, sizes, inverse=inverse) if axes else 1.0
    pre, post = _ortho_factors(kind, effective) if orthogonalize else (1.0, 1.0)
    return R2RProblem(
        effective, tuple(axes), tuple(lengths), orthogonalize, pre, post, factor
    )


def _r2r(
    x: Any,
    kind: str,
    type: Any,
    n_or_s: Any,
    axis_or_axes: Any,
    norm: Any,
    orthogonalize: Any,
    workers: Any,
    *,
    inverse: bool,
    many: bool,
) -> jax.Array:
    x = _args.integers_as_default_float(_args.as_array(x, "x"))
    problem = r2r_problem(
        x.shape, kind, type, n_or_s, axis_or_axes, norm, orthogonalize,
        inverse=inverse, many=many,
    )  # fmt: skip
    effective, axes, lengths = problem.type, problem.axes, problem.lengths
    orthogonalize, factor = problem.orthogonalize, problem.factor
    return _compute(
        x,
        kind=kind,
        type=effective,
        axes=axes,
        lengths=lengths,
        orthogonalize=orthogonalize,
        factor=factor,
        **_fft._options(workers),
    )


@functools.partial(
    jax.jit,
    static_argnames=(
        "kind", "type", "axes", "lengths", "orthogonalize", "factor", "workers",
        "backend",
    ),
)  # fmt: skip
def _compute(
    x: jax.Array,
    *,
    kind: str,
    type: int,
    axes: tuple[int, ...],
    lengths: tuple[int, ...],
    orthogonalize: bool,
    factor: float,
    workers: int,
    backend: str,
) -> jax.Array:
    """The checked transform, jitted so that eager calls compile one
    computation instead of dozens of small ops (inside a user's jit it is
    inlined). ``backend`` is jfft's native/XLA choice."""
    real_dtype = np.finfo(_args.complex_dtype(x.dtype)).dtype

    pre, post = _ortho_factors(kind, type) if orthogonalize else (1.0, 1.0)
    native = _use_native(kind, type, lengths, backend)

    def transform(part: jax.Array) -> jax.Array:
        part = _args.fit(part.astype(real_dtype), axes, lengths)
        if native:
            return r2r_p.bind(
                part,
                kind=kind,
                type=type,
                axes=axes,
                pre=pre,
                post=post,
                scale=factor,
                workers=workers,
                backend=backend,
            )
        for a in axes:
            part = _transform_axis(part, kind, type, a, pre, post, workers)
        return part if factor == 1.0 else part * factor

    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        return lax.complex(transform(x.real), transform(x.imag))
    return transform(x)


def _one(n: Any, axis: Any):
    return lambda shape: _args.transform_1d(shape, n, axis)


def _many(s: Any, axes: Any):
    s, axes = _as_sequence(s), _as_sequence(axes)
    return lambda shape: _args.transform_nd(shape, s, axes)


# Public API -----------------------------------------------------------------


def dct(
    x: Any,
    type: int = 2,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """Discrete cosine transform of types 1-4, as :func:`scipy.fft.dct`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    n : int, optional
        Length of the transform: the input is cropped or zero-padded at the end
        of ``axis``. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1).
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the length ``n`` along
        ``axis``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1, or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    idct : The inverse.
    dctn : Over several axes.
    dst : The sine transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.dct` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> import scipy.fft
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> print(np.round(np.asarray(jfft.dct(x)), 4) + 0)
    [ 4.      5.2263 -2.8284 -2.1648]
    >>> all(np.allclose(jfft.dct(x, type=t), scipy.fft.dct(x, type=t), atol=1e-5)
    ...     for t in (1, 2, 3, 4))
    True

    The orthonormal DCT-II's transpose is the orthonormal DCT-III:

    >>> transpose = jax.linear_transpose(lambda v: jfft.dct(v, norm="ortho"), x)
    >>> (back,) = transpose(x)
    >>> np.allclose(back, jfft.dct(x, type=3, norm="ortho"), atol=1e-6)
    True
    """
    return _r2r(
        x, "dct", type, n, axis, norm, orthogonalize, workers,
        inverse=False, many=False,
    )  # fmt: skip


def idct(
    x: Any,
    type: int = 2,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """Inverse discrete cosine transform, as :func:`scipy.fft.idct`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    n : int, optional
        Length of the transform: the input is cropped or zero-padded at the end
        of ``axis``. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1).
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the length ``n`` along
        ``axis``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1, or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    dct : The forward transform.
    idctn : Over several axes.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.idct` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> all(np.allclose(jfft.idct(jfft.dct(x, type=t), type=t), x, atol=1e-5)
    ...     for t in (1, 2, 3, 4))
    True
    """
    return _r2r(
        x, "dct", type, n, axis, norm, orthogonalize, workers,
        inverse=True, many=False,
    )  # fmt: skip


def dst(
    x: Any,
    type: int = 2,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """Discrete sine transform of types 1-4, as :func:`scipy.fft.dst`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    n : int, optional
        Length of the transform: the input is cropped or zero-padded at the end
        of ``axis``. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1).
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the length ``n`` along
        ``axis``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1, or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    idst : The inverse.
    dstn : Over several axes.
    dct : The cosine transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.dst` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> import scipy.fft
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> all(np.allclose(jfft.dst(x, type=t), scipy.fft.dst(x, type=t), atol=1e-5)
    ...     for t in (1, 2, 3, 4))
    True

    Differentiable like every jfft transform (DST-IV is symmetric, so the
    gradient of ``sum(dst(x, 4))`` is ``dst(ones, 4)``):

    >>> g = jax.grad(lambda v: jfft.dst(v, type=4).sum())(x)
    >>> np.allclose(g, jfft.dst(np.ones(4, np.float32), type=4), atol=1e-5)
    True
    """
    return _r2r(
        x, "dst", type, n, axis, norm, orthogonalize, workers,
        inverse=False, many=False,
    )  # fmt: skip


def idst(
    x: Any,
    type: int = 2,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """Inverse discrete sine transform, as :func:`scipy.fft.idst`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    n : int, optional
        Length of the transform: the input is cropped or zero-padded at the end
        of ``axis``. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1).
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the length ``n`` along
        ``axis``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1, or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    dst : The forward transform.
    idstn : Over several axes.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.idst` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> np.allclose(jfft.idst(jfft.dst(x, type=1), type=1), x, atol=1e-5)
    True
    """
    return _r2r(
        x, "dst", type, n, axis, norm, orthogonalize, workers,
        inverse=True, many=False,
    )  # fmt: skip


def dctn(
    x: Any,
    type: int = 2,
    s: int | Sequence[int] | None = None,
    axes: int | Sequence[int] | None = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """N-D discrete cosine transform, as :func:`scipy.fft.dctn`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    s : int or sequence of int, optional
        Lengths along ``axes`` (-1: the input's length); the input is cropped
        or zero-padded at the end. Without ``axes``, the last ``len(s)`` axes.
        An integer means one axis.
    axes : int or sequence of int, optional
        The axes transformed (default: all, or the last ``len(s)``), each at
        most once. An integer means one axis.
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the lengths ``s`` along
        ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1 (other than -1 in ``s``), or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    idctn : The inverse.
    dct : The 1-D transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.dctn` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> import scipy.fft
    >>> x = np.arange(12, dtype=np.float32).reshape(3, 4)
    >>> y = jfft.dctn(x, type=2, norm="ortho")
    >>> np.allclose(y, scipy.fft.dctn(x, type=2, norm="ortho"), atol=1e-4)
    True
    >>> jfft.dctn(x, s=6, axes=1).shape              # integers: one axis
    (3, 6)
    """
    return _r2r(
        x, "dct", type, s, axes, norm, orthogonalize, workers,
        inverse=False, many=True,
    )  # fmt: skip


def idctn(
    x: Any,
    type: int = 2,
    s: int | Sequence[int] | None = None,
    axes: int | Sequence[int] | None = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """N-D inverse discrete cosine transform, as :func:`scipy.fft.idctn`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    s : int or sequence of int, optional
        Lengths along ``axes`` (-1: the input's length); the input is cropped
        or zero-padded at the end. Without ``axes``, the last ``len(s)`` axes.
        An integer means one axis.
    axes : int or sequence of int, optional
        The axes transformed (default: all, or the last ``len(s)``), each at
        most once. An integer means one axis.
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the lengths ``s`` along
        ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1 (other than -1 in ``s``), or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    dctn : The forward transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.idctn` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> x = np.arange(12, dtype=np.float32).reshape(3, 4)
    >>> np.allclose(jfft.idctn(jfft.dctn(x, type=3), type=3), x, atol=1e-4)
    True
    """
    return _r2r(
        x, "dct", type, s, axes, norm, orthogonalize, workers,
        inverse=True, many=True,
    )  # fmt: skip


def dstn(
    x: Any,
    type: int = 2,
    s: int | Sequence[int] | None = None,
    axes: int | Sequence[int] | None = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """N-D discrete sine transform, as :func:`scipy.fft.dstn`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    s : int or sequence of int, optional
        Lengths along ``axes`` (-1: the input's length); the input is cropped
        or zero-padded at the end. Without ``axes``, the last ``len(s)`` axes.
        An integer means one axis.
    axes : int or sequence of int, optional
        The axes transformed (default: all, or the last ``len(s)``), each at
        most once. An integer means one axis.
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the lengths ``s`` along
        ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1 (other than -1 in ``s``), or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    idstn : The inverse.
    dst : The 1-D transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.dstn` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> import scipy.fft
    >>> x = np.arange(12, dtype=np.float32).reshape(3, 4)
    >>> np.allclose(jfft.dstn(x, type=1), scipy.fft.dstn(x, type=1), atol=1e-4)
    True
    """
    return _r2r(
        x, "dst", type, s, axes, norm, orthogonalize, workers,
        inverse=False, many=True,
    )  # fmt: skip


def idstn(
    x: Any,
    type: int = 2,
    s: int | Sequence[int] | None = None,
    axes: int | Sequence[int] | None = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
    orthogonalize: bool | None = None,
) -> jax.Array:
    """N-D inverse discrete sine transform, as :func:`scipy.fft.idstn`.

    Parameters
    ----------
    x : array_like
        Input array. Complex input is transformed as real and imaginary parts
        separately, as scipy does. Bool and integers compute in the default
        float (as scipy.fft, unlike the FFTs), float16 in float32.
    type : {1, 2, 3, 4}, optional
        The DCT/DST type (default 2).
    s : int or sequence of int, optional
        Lengths along ``axes`` (-1: the input's length); the input is cropped
        or zero-padded at the end. Without ``axes``, the last ``len(s)`` axes.
        An integer means one axis.
    axes : int or sequence of int, optional
        The axes transformed (default: all, or the last ``len(s)``), each at
        most once. An integer means one axis.
    norm : {"backward", "ortho", "forward"}, optional
        scipy.fft's normalisation (``None`` means ``"backward"``); the length
        it divides by is the logical one: ``2(N-1)`` for DCT-I, ``2(N+1)`` for
        DST-I, ``2N`` otherwise.
    workers : int, optional
        Keyword-only. Threads of the underlying FFTs, as in :func:`jfft.fft`
        (see :func:`jfft.set_workers`).
    orthogonalize : bool, optional
        Keyword-only. Scale the first (DCT) or last (DST) entries by
        ``sqrt(2)`` as scipy.fft does, so that with ``norm="ortho"`` the
        matrix is orthogonal. Default: ``norm == "ortho"``. Keyword-only so
        that a scipy-style positional ``overwrite_x`` cannot land on it.

    Returns
    -------
    jax.Array
        The transform: the shape of ``x`` with the lengths ``s`` along
        ``axes``.

    Raises
    ------
    TypeError
        If ``x`` is not numeric, ``type`` is not an integer, ``orthogonalize``
        is not a bool or None, or a length or axis is not an integer (or is
        traced under ``jax.jit``).
    ValueError
        If ``type`` is not 1-4, ``norm`` is invalid, ``x`` is 0-d or empty
        along a transformed axis (give a length to zero-pad), a length is
        below 1 (other than -1 in ``s``), or ``workers`` is 0.
    DCT1LengthError
        For a DCT-I of length 1: a subclass of both ``ValueError`` and
        ``RuntimeError`` (the type scipy.fft raises).
    numpy.exceptions.AxisError
        If an axis is out of range.

    See Also
    --------
    dstn : The forward transform.

    Notes
    -----
    Values, shapes, dtypes, ``norm``, ``orthogonalize``, cropping/padding and
    errors follow :func:`scipy.fft.idstn` exactly. On the CPU (lines of at least 32
    points, one device) the transform is one primitive on the engine's
    native real-to-real kernels; elsewhere (GPUs, :func:`xla_fallback`,
    shorter lines, several devices) it is FFT-based on jfft's transforms
    (DCT-I/DST-I through an rfft of the even/odd extension, DCT-II/III
    through Makhoul's length-N rfft/irfft, DCT-IV through a half-length
    complex FFT).

    *Differentiation.* Linear and built from jfft's primitives, so they
    differentiate to any order in both modes, transpose exactly and batch
    under ``jax.vmap``. With ``norm="ortho"`` the DCT-II and DCT-III (and
    DST-II/DST-III) matrices are orthogonal and each other's transposes;
    DCT-I, DCT-IV, DST-I and DST-IV are symmetric, so their own transposes.

    *Dtypes.* Real output of the input's precision (float32 for float32,
    float16 and, without ``jax_enable_x64``, for integers; float64 for float64);
    complex input gives complex output.

    Examples
    --------
    >>> x = np.arange(12, dtype=np.float32).reshape(3, 4)
    >>> np.allclose(jfft.idstn(jfft.dstn(x, type=4), type=4), x, atol=1e-4)
    True
    """
    return _r2r(
        x, "dst", type, s, axes, norm, orthogonalize, workers,
        inverse=True, many=True,
    )  # fmt: skip

"""numpy.fft on jfft's engine: a drop-in for ``numpy.fft`` on numpy arrays.

::

    import jfft.numpy as fft

    y = fft.rfft(x)  # as numpy.fft.rfft(x), computed by jfft's C++ engine

Every function of ``numpy.fft`` is here with numpy 2.x's signature and
semantics: the same result dtypes (float32/float16/complex64 give complex64,
float64, integers and bools complex128), ``out=``, numpy's ``n``/``s``/
``axes`` rules (repeated axes, and its DeprecationWarnings for ``s`` without
``axes`` and for None in ``s``) and numpy's exception types. Inputs of any
strides (negative too) and read-only inputs are read where they are, never
modified; the GIL is released while the engine runs (for the FFTs, from
4096 elements on: a shorter one keeps it, as releasing gained nothing
there), on threads of its persistent pool. Nothing here calls into JAX
per transform.

Beyond numpy.fft, as scipy.fft has them: ``workers=`` (keyword-only;
default :func:`jfft.get_workers`), ``hfft2``/``hfftn``/``ihfft2``/
``ihfftn``, ``next_fast_len``/``prev_fast_len``, and the DCT/DST family
(``dct`` ... ``idstn``, scipy.fft's signatures, on the engine's native
real-to-real transforms, no JAX either).

Deliberate deviations from numpy.fft:

- ``longdouble``/``clongdouble`` inputs are passed to numpy.fft's own
  functions (the engine computes in float and double only).
- ``out=`` is honoured by every function; numpy 2.x ignores it in ``hfft``,
  ``ifft2`` and ``irfft2``. numpy also passes ``out`` to every intermediate
  step of ``fftn``/``rfftn``; here it receives the final result only.
- ``hfft2``/``hfftn``/``ihfft2``/``ihfftn`` (numpy has none) take
  scipy.fft's rules for ``s`` and ``axes`` and do not take longdouble.

Deliberate deviation from scipy.fft: for complex input to the DCT/DST
family, scipy ignores ``orthogonalize`` (its default for ``norm`` applies);
here it is applied to the real and imaginary parts alike.

Examples
--------
>>> import jfft.numpy
>>> x = np.random.default_rng(0).standard_normal((8, 32))
>>> y = jfft.numpy.rfft(x)
>>> np.allclose(y, np.fft.rfft(x))
True
>>> y.dtype, jfft.numpy.rfft(x.astype(np.float32)).dtype
(dtype('complex128'), dtype('complex64'))
>>> np.allclose(jfft.numpy.irfft(y, n=32, workers=2), x)
True
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from numpy.fft import _pocketfft as _numpy_fft
from numpy.fft import fftfreq, fftshift, ifftshift, rfftfreq

from . import _args, _fastlen, _fft, _realtransforms
from ._native import _jfft_cpu

__all__ = [
    "dct", "dctn", "dst", "dstn", "fft", "fft2", "fftfreq", "fftn",
    "fftshift", "get_workers", "hfft", "hfft2", "hfftn", "idct", "idctn",
    "idst", "idstn", "ifft", "ifft2", "ifftn", "ifftshift", "ihfft", "ihfft2",
    "ihfftn", "irfft", "irfft2", "irfftn", "next_fast_len", "prev_fast_len",
    "rfft", "rfft2", "rfftfreq", "rfftn", "set_workers",
]  # fmt: skip

Norm = Literal["backward", "ortho", "forward"] | None

get_workers = _fft.get_workers
set_workers = _fft.set_workers

# The complex dtype each input dtype computes in, as numpy.fft and scipy.fft:
# half and single precision in complex64, the rest in complex128.
_COMPLEX: dict[np.dtype, np.dtype] = {
    np.dtype(t): np.dtype(np.complex64) for t in (np.float16, np.float32, np.complex64)
}
_COMPLEX.update(
    (np.dtype(t), np.dtype(np.complex128))
    for t in (
        np.float64, np.complex128, np.bool_, np.int8, np.int16, np.int32,
        np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
    )
)  # fmt: skip
_REAL: dict[np.dtype, np.dtype] = {
    dtype: np.dtype(ctype.char.lower()) for dtype, ctype in _COMPLEX.items()
}
del _REAL[np.dtype(np.complex64)], _REAL[np.dtype(np.complex128)]
_LONG = frozenset(np.dtype(t) for t in (np.longdouble, np.clongdouble)) - set(_COMPLEX)


def _native_dtype(x: np.ndarray, table: dict, func: str) -> np.dtype:
    """The compute dtype of an input not in ``table`` (the fast lookup):
    non-native byte order takes its native twin's, anything else raises."""
    native = x.dtype.newbyteorder("=") if x.dtype.byteorder not in "=|" else None
    if native is not None and native in table:
        return table[native]
    _args._check_numeric(x.dtype, "a")
    if table is _REAL and x.dtype.kind == "c":
        _args.real_dtype(x.dtype, "a", func)  # raises, naming the function
    raise TypeError(f"{func}: a has dtype {x.dtype}, which jfft does not compute")


def _engine_can_use(x: np.ndarray) -> bool:
    """Whether the engine can work on ``x`` where it is: aligned, strides in
    whole elements, no broadcast (zero-stride) axes."""
    flags = x.flags
    if flags.c_contiguous and flags.aligned:
        return True
    item = x.itemsize
    return flags.aligned and all(
        s % item == 0 and (s != 0 or d <= 1)
        for s, d in zip(x.strides, x.shape, strict=True)
    )


def _engine_ready(x: np.ndarray) -> np.ndarray:
    """``x`` itself when the engine can read it in place, else a copy."""
    return x if _engine_can_use(x) else np.array(x, order="K")


def _fit(
    x: np.ndarray, axes: Sequence[int], lengths: Sequence[int], prototype: np.ndarray
) -> tuple[np.ndarray, bool]:
    """``x`` cropped (a view) or zero-padded (a new array laid out like
    ``prototype``) at the end of each axis to the given length, and whether
    the result is a new array."""
    have = x.shape
    for a, n in zip(axes, lengths, strict=True):
        if have[a] != n:
            break
    else:
        return x, False
    shape = list(have)
    crop = None
    for a, n in zip(axes, lengths, strict=True):
        if n < shape[a]:
            crop = crop or [slice(None)] * x.ndim
            crop[a] = slice(0, n)
        shape[a] = n
    if crop is not None:
        x = x[tuple(crop)]
    if tuple(shape) == x.shape:
        return x, False
    _args.check_size(shape, "n/s")
    padded = np.zeros_like(prototype, dtype=x.dtype, shape=shape)
    padded[tuple(slice(0, d) for d in x.shape)] = x
    return padded, True


def _check_out(out: Any, shape: tuple, dtype: np.dtype, func: str) -> None:
    if not isinstance(out, np.ndarray):
        raise TypeError(
            f"{func}: out must be of ArrayType numpy.ndarray, got {type(out).__name__}"
        )
    if out.shape != shape:
        raise ValueError(
            f"{func}: out has wrong shape {out.shape}; the result has shape {shape}"
        )
    if not np.can_cast(dtype, out.dtype, casting="same_kind"):
        raise TypeError(
            f"{func}: out has dtype {out.dtype}: Cannot cast the {dtype} result "
            "to it under the 'same_kind' rule"
        )
    if not out.flags.writeable:
        raise ValueError(f"{func}: out is read-only")


def _same_view(x: np.ndarray, out: np.ndarray) -> bool:
    return (
        x.dtype == out.dtype
        and x.strides == out.strides
        and x.__array_interface__["data"][0] == out.__array_interface__["data"][0]
    )


def _target(
    out: Any,
    shape: tuple,
    dtype: np.dtype,
    prototype: np.ndarray,
    x: np.ndarray,
    func: str,
    *,
    in_place: bool,
) -> np.ndarray:
    """The array the engine writes: ``out`` where it can (right dtype and
    layout, not overlapping ``x`` unless ``in_place`` allows exactly ``x``'s
    own elements), else a new array laid out like ``prototype``."""
    if out is None:
        if prototype.flags.c_contiguous:  # np.empty: a third of the time
            return np.empty(shape, dtype)
        return np.empty_like(prototype, dtype=dtype, shape=shape)  # its layout
    _check_out(out, shape, dtype, func)
    if (
        out.dtype == dtype
        and out.dtype.isnative
        and _engine_can_use(out)
        and (not np.may_share_memory(x, out) or (in_place and _same_view(x, out)))
    ):
        return out
    return np.empty(shape, dtype)


def _deliver(target: np.ndarray, out: Any) -> np.ndarray:
    if out is None or target is out:
        return target
    np.copyto(out, target, casting="same_kind")
    return out


def _workers(workers: Any) -> int:
    # The default is jfft's: what jfft.set_workers says, else all cores.
    return _fft._resolve_workers(workers)


# The three engine calls, on canonical (axes, lengths).


def _c2c(
    a: np.ndarray,
    axes: tuple[int, ...],
    lengths: tuple[int, ...],
    norm: Any,
    forward: bool,
    out: Any,
    workers: Any,
    func: str,
    overwrite_x: bool = False,
) -> np.ndarray:
    ctype = _COMPLEX.get(a.dtype) or _native_dtype(a, _COMPLEX, func)
    scale = _args.scale_factor(_args.check_norm(norm), lengths, inverse=not forward)
    threads = _workers(workers)
    x = a if a.dtype == ctype else a.astype(ctype)
    owned = x is not a or overwrite_x
    x, padded = _fit(x, axes, lengths, a)
    owned = owned or padded
    if not axes:
        return _deliver(x if owned else x.copy(), out)
    flags = x.flags
    if not (flags.c_contiguous and flags.aligned):
        x = _engine_ready(x)
    if out is None and owned and x.flags.writeable:
        target = x  # a temporary (or overwrite_x): transform in place
    elif out is None and x is a and flags.c_contiguous:
        target = np.empty(x.shape, ctype)
    else:
        target = _target(out, x.shape, ctype, a, x, func, in_place=True)
    if x.size:
        _jfft_cpu.numpy_c2c(x, target, axes, forward, threads, scale)
    return target if out is None else _deliver(target, out)


def _r2c(
    a: np.ndarray,
    axes: tuple[int, ...],
    lengths: tuple[int, ...],
    norm: Any,
    inverse_norm: bool,
    out: Any,
    workers: Any,
    func: str,
) -> np.ndarray:
    rtype = _REAL.get(a.dtype) or _native_dtype(a, _REAL, func)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    scale = _args.scale_factor(_args.check_norm(norm), lengths, inverse=inverse_norm)
    threads = _workers(workers)
    x = a if a.dtype == rtype else a.astype(rtype)
    x, _ = _fit(x, axes, lengths, a)
    flags = x.flags
    if not (flags.c_contiguous and flags.aligned):
        x = _engine_ready(x)
    shape = list(x.shape)
    shape[axes[-1]] = lengths[-1] // 2 + 1
    ctype = _COMPLEX[rtype]
    if out is None and x is a and flags.c_contiguous:
        target = np.empty(tuple(shape), ctype)
    else:
        target = _target(out, tuple(shape), ctype, a, x, func, in_place=False)
    if x.size:
        _jfft_cpu.numpy_r2c(x, target, axes, threads, scale)
    return target if out is None else _deliver(target, out)


def _c2r(
    a: np.ndarray,
    axes: tuple[int, ...],
    lengths: tuple[int, ...],
    norm: Any,
    inverse_norm: bool,
    out: Any,
    workers: Any,
    func: str,
    conjugate: bool = False,
) -> np.ndarray:
    ctype = _COMPLEX.get(a.dtype) or _native_dtype(a, _COMPLEX, func)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    scale = _args.scale_factor(_args.check_norm(norm), lengths, inverse=inverse_norm)
    threads = _workers(workers)
    x = a if a.dtype == ctype else a.astype(ctype)
    owned = x is not a
    half = (*lengths[:-1], lengths[-1] // 2 + 1)
    x, padded = _fit(x, axes, half, a)
    if conjugate:
        x = np.conjugate(x, out=x if owned or padded else None)
    flags = x.flags
    if not (flags.c_contiguous and flags.aligned):
        x = _engine_ready(x)
    shape = list(x.shape)
    shape[axes[-1]] = lengths[-1]
    rtype = np.dtype(ctype.char.lower())
    target = _target(out, tuple(shape), rtype, a, x, func, in_place=False)
    if target.size:
        _jfft_cpu.numpy_c2r(x, target, axes, threads, scale)
    return _deliver(target, out)


def _unique(axes: tuple[int, ...]) -> bool:
    return len(set(axes)) == len(axes)


# The fast path of fft, ifft, rfft and irfft and of fftn, ifftn, rfftn and
# irfftn (and their 2-D forms): an aligned, C-contiguous input of a dtype in
# the tables, no cropping or padding, no repeated axis, and out= left out or
# an array the engine can write as it is. What depends only on the arguments
# and the input's shape and dtype is worked out once per key (_plan_1d,
# _plan_nd), so that a call is a cache lookup, the output's allocation and
# the engine call; the other calls take the general path below. Measured as
# time / scipy.fft's own call: python -m benchmarks --numpy --cases 'small-*'.
# The general path's many small steps also cost most when the interpreter's
# own data are out of cache: a 4-point fftn into out= after a 16 MB sweep of
# other memory took 105 us by it, 26 us by this path (the engine call alone
# 22 us; 8.5 / 2.3 / 1.3 us in cache).

_PLAN_CACHE_SIZE = 1024  # keys: (function, shape, dtype, n, axis, norm, rules)
_C2C, _R2C, _C2R = 0, 1, 2


def _plain(value: Any) -> bool:
    """Whether a per-key cache (_plan_1d; _r2r_problem_cached for the
    DCT/DST) may take ``value`` as it is. The caches are typed, so equal
    values of other types (True == 1 == 1.0, np.int64(1)) have entries of
    their own, each what the general path makes of that value, and no
    exception is cached (a bad value raises at every call); a value the
    cache cannot hash raises TypeError there, and the call takes the general
    path, which says what is wrong with it. But typed sees only a tuple's
    own type, so a tuple is taken only of ints: (4.0,) would find (4,)'s
    entry."""
    return type(value) is not tuple or all(type(v) is int for v in value)


@functools.lru_cache(maxsize=_PLAN_CACHE_SIZE, typed=True)
def _plan_1d(
    func: str,
    shape: tuple[int, ...],
    dtype: np.dtype,
    n: int | None,
    axis: int,
    norm: str | None,
    numpy_rules: bool,
) -> tuple | None:
    """(kind, compute dtype, whether the input is converted to it, axes,
    forward, scale, output shape, output dtype) of a fast-path call, or None
    for the general path. Bad arguments raise as on the general path (the
    cache keeps no exception: they raise at every call). The arguments are
    taken as given (_plain): no tuple is a valid ``n``, ``axis`` or ``norm``
    of a 1-D transform, so none has an entry to be found."""
    c2r = func == "irfft"
    axes, lengths = _args.transform_1d(
        shape, n, axis, c2r=c2r, func=func, numpy_rules=numpy_rules
    )
    (a,), (length,) = axes, lengths
    if func == "rfft":
        compute = _REAL.get(dtype)
        have = length
    else:
        compute = _COMPLEX.get(dtype)
        have = length // 2 + 1 if c2r else length
        if c2r and numpy_rules and dtype == np.float16:
            return None  # numpy's float16 result: the general path
    if compute is None or shape[a] != have or 0 in shape:
        return None
    norm = _args.check_norm(norm)
    out_shape = (*shape[:a], length, *shape[a + 1 :])
    convert = dtype != compute
    if func == "rfft":
        out_shape = (*shape[:a], length // 2 + 1, *shape[a + 1 :])
        scale = _args.scale_factor(norm, lengths, inverse=False)
        return _R2C, compute, convert, axes, True, scale, out_shape, _COMPLEX[compute]
    if c2r:
        scale = _args.scale_factor(norm, lengths, inverse=True)
        real = np.dtype(compute.char.lower())
        return _C2R, compute, convert, axes, False, scale, out_shape, real
    forward = func == "fft"
    scale = _args.scale_factor(norm, lengths, inverse=not forward)
    return _C2C, compute, convert, axes, forward, scale, out_shape, compute


@functools.lru_cache(maxsize=_PLAN_CACHE_SIZE, typed=True)
def _plan_nd(
    func: str,
    shape: tuple[int, ...],
    dtype: np.dtype,
    s: tuple[int, ...] | None,
    axes: tuple[int, ...] | None,
    norm: str | None,
    numpy_rules: bool,
) -> tuple | None:
    """_plan_1d's tuple for fftn, ifftn, rfftn and irfftn and their 2-D
    forms (``func``), or None for the general path: repeated axes, cropping
    or padding, or a dtype outside the tables. Only keys under which
    transform_nd warns of nothing reach it (_fast_nd)."""
    c2r = func in ("irfftn", "irfft2")
    axes, lengths = _args.transform_nd(shape, s, axes, c2r=c2r, numpy_rules=numpy_rules)
    if not axes or not _unique(axes) or 0 in shape:
        return None
    have = list(lengths)
    real = func in ("rfftn", "rfft2")
    if c2r:
        have[-1] = lengths[-1] // 2 + 1
        if numpy_rules and dtype == np.float16:
            return None  # numpy's float16 result: the general path
    compute = (_REAL if real else _COMPLEX).get(dtype)
    if compute is None or any(shape[a] != h for a, h in zip(axes, have)):
        return None
    norm = _args.check_norm(norm)
    out_shape = list(shape)
    convert = dtype != compute
    if real:
        out_shape[axes[-1]] = lengths[-1] // 2 + 1
        scale = _args.scale_factor(norm, lengths, inverse=False)
        kind, forward, out_dtype = _R2C, True, _COMPLEX[compute]
    elif c2r:
        out_shape[axes[-1]] = lengths[-1]
        scale = _args.scale_factor(norm, lengths, inverse=True)
        kind, forward, out_dtype = _C2R, False, np.dtype(compute.char.lower())
    else:
        forward = func in ("fftn", "fft2")
        scale = _args.scale_factor(norm, lengths, inverse=not forward)
        kind, out_dtype = _C2C, compute
    return kind, compute, convert, axes, forward, scale, tuple(out_shape), out_dtype


def _run_plan(
    a: np.ndarray, plan: tuple, out: Any, workers: Any, overwrite_x: bool
) -> np.ndarray | None:
    """The engine call of a fast-path plan on ``a``, into ``out`` where it
    is a C-contiguous, aligned, writeable array of the result's dtype and
    shape that is ``a`` itself (c2c only) or does not overlap it; None for
    the general path (any other ``out``, or an input the engine cannot read
    as it is)."""
    flags = a.flags
    if not (flags.c_contiguous and flags.aligned):
        return None
    kind, compute, convert, axes, forward, scale, out_shape, out_dtype = plan
    if out is not None:
        if not (
            type(out) is np.ndarray
            and out.dtype == out_dtype
            and out.shape == out_shape
        ):
            return None
        out_flags = out.flags
        if not (
            out_flags.c_contiguous
            and out_flags.aligned
            and out_flags.writeable
            and ((kind == _C2C and out is a) or not np.may_share_memory(a, out))
        ):
            return None
    threads = _args.resolve_workers(workers, _fft._workers.get())
    x = a.astype(compute) if convert else a
    if out is not None:
        target = out
    elif kind == _C2C and (convert or (overwrite_x and flags.writeable)):
        target = x  # a temporary (or overwrite_x): transform in place
    else:
        target = np.empty(out_shape, out_dtype)
    if kind == _C2C:
        _jfft_cpu.numpy_c2c(x, target, axes, forward, threads, scale)
    elif kind == _R2C:
        _jfft_cpu.numpy_r2c(x, target, axes, threads, scale)
    else:
        _jfft_cpu.numpy_c2r(x, target, axes, threads, scale)
    return target


def _fast_1d(
    a: np.ndarray,
    n: Any,
    axis: Any,
    norm: Any,
    workers: Any,
    func: str,
    numpy_rules: bool,
    overwrite_x: bool = False,
    out: Any = None,
) -> np.ndarray | None:
    """The result of fft, ifft, rfft or irfft (``func``) on the fast path,
    or None when the call takes the general path."""
    try:
        plan = _plan_1d(func, a.shape, a.dtype, n, axis, norm, numpy_rules)
    except TypeError:
        return None  # unhashable or of a bad type: the general path says which
    if plan is None:
        return None
    return _run_plan(a, plan, out, workers, overwrite_x)


def _fast_nd(
    a: np.ndarray,
    s: Any,
    axes: Any,
    norm: Any,
    out: Any,
    workers: Any,
    func: str,
    numpy_rules: bool,
    overwrite_x: bool = False,
) -> np.ndarray | None:
    """_fast_1d for the n-D and 2-D transforms of _plan_nd."""
    if s is not None and (axes is None or not _plain(s)) or not _plain(axes):
        return None  # s without axes warns (numpy_rules): each call must
    try:
        plan = _plan_nd(func, a.shape, a.dtype, s, axes, norm, numpy_rules)
    except TypeError:
        return None
    if plan is None:
        return None
    return _run_plan(a, plan, out, workers, overwrite_x)


# The transforms by family, with numpy's or scipy's rules for the arguments
# (the scipy.fft backend calls these with numpy_rules=False).


def _fft1(a, n, axis, norm, out, workers, func, overwrite_x=False, numpy_rules=True):
    y = _fast_1d(a, n, axis, norm, workers, func, numpy_rules, overwrite_x, out)
    if y is not None:
        return y
    forward = func == "fft"
    axes, lengths = _args.transform_1d(
        a.shape, n, axis, func=func, numpy_rules=numpy_rules
    )
    return _c2c(a, axes, lengths, norm, forward, out, workers, func, overwrite_x)


def _fftnd(a, s, axes, norm, out, workers, func, overwrite_x=False, numpy_rules=True):
    y = _fast_nd(a, s, axes, norm, out, workers, func, numpy_rules, overwrite_x)
    if y is not None:
        return y
    forward = func in ("fftn", "fft2")
    axes, lengths = _args.transform_nd(a.shape, s, axes, numpy_rules=numpy_rules)
    if _unique(axes):
        return _c2c(a, axes, lengths, norm, forward, out, workers, func, overwrite_x)
    x = a  # numpy 2.x: a repeated axis is transformed again, last axis first
    for i in reversed(range(len(axes))):
        x = _c2c(
            x, axes[i : i + 1], lengths[i : i + 1], norm, forward,
            out if i == 0 else None, workers, func, overwrite_x or x is not a,
        )  # fmt: skip
    return x


def _rfft1(a, n, axis, norm, out, workers, func, numpy_rules=True):
    if func == "rfft":
        y = _fast_1d(a, n, axis, norm, workers, func, numpy_rules, False, out)
        if y is not None:
            return y
    axes, lengths = _args.transform_1d(
        a.shape, n, axis, func=func, numpy_rules=numpy_rules
    )
    if func == "ihfft":
        y = _r2c(a, axes, lengths, norm, True, out, workers, func)
        return np.conjugate(y, out=y)
    return _r2c(a, axes, lengths, norm, False, out, workers, func)


def _rfftnd(a, s, axes, norm, out, workers, func, numpy_rules=True):
    # ihfftn/ihfft2 are scipy.fft's (numpy has none): scipy's rules.
    hermitian = func.startswith("ihfft")
    if not hermitian:
        y = _fast_nd(a, s, axes, norm, out, workers, func, numpy_rules)
        if y is not None:
            return y
    numpy_rules = numpy_rules and not hermitian
    axes, lengths = _args.transform_nd(a.shape, s, axes, numpy_rules=numpy_rules)
    if _unique(axes) or not axes:
        y = _r2c(a, axes, lengths, norm, hermitian, out, workers, func)
        return np.conjugate(y, out=y) if hermitian else y
    # numpy 2.x's order: the halved last axis, then the others
    y = _r2c(a, axes[-1:], lengths[-1:], norm, False, None, workers, func)
    for i in reversed(range(len(axes) - 1)):
        y = _c2c(
            y, axes[i : i + 1], lengths[i : i + 1], norm, True,
            out if i == 0 else None, workers, func, True,
        )  # fmt: skip
    return y


def _half_precision(y: np.ndarray, out: Any, func: str) -> np.ndarray:
    """numpy.fft's real results of float16 input are float16 (computed in
    float32, as here)."""
    if out is None:
        return y.astype(np.float16)
    _check_out(out, y.shape, np.dtype(np.float16), func)
    np.copyto(out, y, casting="unsafe")
    return out


def _irfft1(a, n, axis, norm, out, workers, func, numpy_rules=True):
    if func == "irfft":
        y = _fast_1d(a, n, axis, norm, workers, func, numpy_rules, False, out)
        if y is not None:
            return y
    axes, lengths = _args.transform_1d(
        a.shape, n, axis, c2r=True, func=func, numpy_rules=numpy_rules
    )
    hermitian = func == "hfft"
    if numpy_rules and a.dtype == np.float16:
        y = _c2r(a, axes, lengths, norm, not hermitian, None, workers, func, hermitian)
        return _half_precision(y, out, func)
    return _c2r(a, axes, lengths, norm, not hermitian, out, workers, func, hermitian)


def _irfftnd(a, s, axes, norm, out, workers, func, numpy_rules=True):
    # hfftn/hfft2 are scipy.fft's (numpy has none): scipy's rules.
    hermitian = func.startswith("hfft")
    if not hermitian:
        y = _fast_nd(a, s, axes, norm, out, workers, func, numpy_rules)
        if y is not None:
            return y
    numpy_rules = numpy_rules and not hermitian
    if numpy_rules and a.dtype == np.float16:
        y = _irfftnd(a.astype(np.float32), s, axes, norm, None, workers, func)
        return _half_precision(y, out, func)
    axes, lengths = _args.transform_nd(
        a.shape, s, axes, c2r=True, numpy_rules=numpy_rules
    )
    if _unique(axes) or not axes:
        return _c2r(
            a, axes, lengths, norm, not hermitian, out, workers, func, hermitian
        )
    x = a  # numpy 2.x's order: the axes but the last in order, then the last
    for i in range(len(axes) - 1):
        x = _c2c(
            x, axes[i : i + 1], lengths[i : i + 1], norm, False, None, workers,
            func, x is not a,
        )  # fmt: skip
    return _c2r(x, axes[-1:], lengths[-1:], norm, True, out, workers, func)


def _input(a: Any) -> np.ndarray:
    return a if type(a) is np.ndarray else np.asarray(a)


# Docstrings -------------------------------------------------------------------
# The FFTs share one numpydoc template, filled per function by _fft_doc from
# its kind (c2c, r2c, c2r), rank (1, 2, n) and argument rules (numpy's or, for
# the Hermitian n-D functions numpy lacks, scipy's).

_LENGTHS_1D = """\
n : int, optional
    {n_text}
axis : int, optional
    The axis to transform (default -1, the last)."""

_N_TEXT = {
    "c2c": "Length of the transformed axis of the input: cropped or zero-padded "
    "at its end. Default: the input's length along ``axis``.",
    "r2c": "Length of the transformed axis of the input: cropped or zero-padded "
    "at its end. Default: the input's length along ``axis``. The output has "
    "``n // 2 + 1`` points there.",
    "c2r": "Length of the real output along ``axis``; the input is cropped or "
    "zero-padded at its end to ``n // 2 + 1`` points. Default ``2 * (m - 1)``, "
    "m the input's length along ``axis``.",
}

_LENGTHS_ND = """\
s : sequence of ints, optional
    {s_text} -1 means the input's length. {s_rules}
axes : sequence of ints, optional
    The axes to transform (default {axes_default}). {axes_rules}"""

_S_TEXT = {
    "c2c": "Lengths of the transformed axes of the input, each cropped or "
    "zero-padded at its end. Default: the input's lengths.",
    "r2c": "Lengths of the transformed axes of the input, each cropped or "
    "zero-padded at its end. Default: the input's lengths. The last axis of "
    "``axes`` has ``s[-1] // 2 + 1`` points in the output.",
    "c2r": "Lengths of the real output along the transformed axes; the input "
    "is cropped or zero-padded at the end of each, the last axis of ``axes`` "
    "to ``s[-1] // 2 + 1`` points. Default: the input's lengths, the last "
    "``2 * (m - 1)``.",
}

_RULES = {
    "numpy": (
        (
            "As numpy 2.x: ``s`` without ``axes`` transforms the last ``len(s)`` "
            "axes and None in ``s`` means the default length, both with numpy's "
            "DeprecationWarning."
        ),
        (
            "An axis listed more than once is transformed that many times, as "
            "numpy 2.x does."
        ),
    ),
    "scipy": (
        "As scipy.fft: ``s`` without ``axes`` transforms the last ``len(s)`` axes.",
        "Each axis may be listed once.",
    ),
}

_DTYPES = {
    "c2c": "complex64 for float16, float32 and complex64 input; complex128 for "
    "float64, complex128, bool and integer input",
    "r2c": "complex64 for float16 and float32 input; complex128 for float64, "
    "bool and integer input",
    "c2r": "float32 for float16, float32 and complex64 input; float64 for "
    "float64, complex128, bool and integer input",
}

_SHAPES = {
    "c2c": "The shape of ``a`` with the transformed axes at their lengths",
    "r2c": "The shape of ``a`` with the transformed axes at their lengths, the "
    "last of them halved to ``n // 2 + 1``",
    "c2r": "The shape of ``a`` with the transformed axes at their (output) lengths",
}

_FFT_SECTIONS = """
{intro}

Parameters
----------
a : array_like
    Input array{input_text}.
{lengths}
norm : {{"backward", "ortho", "forward"}}, optional
    Normalization mode (default None, which is "backward"): "backward"
    leaves the forward transform unscaled and divides the inverse by n,
    "forward" does the reverse, "ortho" divides both by sqrt(n); n is the
    product of the transform lengths. This function is {direction}
    transform.
out : numpy.ndarray, optional
    Array for the result: of the result's shape, writeable, and of a
    dtype the result casts to under the 'same_kind' rule. The engine
    writes into it directly when it has the result's dtype, native byte
    order and a usable layout and does not overlap ``a``; else the result
    is copied in. Honoured by every function of jfft.numpy.
workers : int, optional
    Keyword-only. Threads of the engine's pool for this call, scipy.fft's
    convention: -1 is all cores, -k all but k - 1. Default:
    :func:`jfft.get_workers` (all cores unless :func:`jfft.set_workers`
    says otherwise).

Returns
-------
out : numpy.ndarray
    {shape}; {dtypes}.{half}

Raises
------
ValueError
    ``norm`` not one of the modes above; a transform length below 1 (in
    {length_args}, or the default length of an empty axis); {value_more}
    ``out`` of the wrong shape or read-only; ``workers`` 0 or below
    ``-os.cpu_count()``.
numpy.exceptions.AxisError
    An axis out of range (a ValueError and an IndexError).
TypeError
    ``a`` of a non-numeric dtype{type_more}; ``out`` not a numpy.ndarray
    or of a dtype the result does not cast to; ``workers`` not an integer.

See Also
--------
{see_also}

Notes
-----
The numpy path: jfft's C++ engine runs on ``a`` where it lies (any strides,
negative or read-only too, never modified; copied only when it must be
converted to the compute dtype, padded, or is unaligned or broadcast), with
the GIL released (from 4096 elements on, input or output), on the engine's
persistent thread pool; nothing calls into JAX per transform. {notes}

Examples
--------
{examples}
"""

_LONG_NOTE = (
    "longdouble and clongdouble input is passed to :func:`{ref}` itself "
    "(the engine computes in float and double only; ``workers`` is unused)."
)


def _fft_doc(
    ref: str,
    kind: str,
    rank: str,
    inverse: str,
    *,
    rules: str = "numpy",
    direction: str = "a forward",
    notes: str = "",
    examples: str,
):
    """Completes the one-line docstring of a jfft.numpy FFT with the shared
    numpydoc sections."""

    def document(func):
        if rank == "1":
            lengths = _LENGTHS_1D.format(n_text=_N_TEXT[kind])
            length_args = "``n``"
            value_more = "a sequence given as ``axis``;"
        else:
            s_rules, axes_rules = _RULES[rules]
            lengths = _LENGTHS_ND.format(
                s_text=_S_TEXT[kind],
                s_rules=s_rules,
                axes_default="(-2, -1)" if rank == "2" else "all axes",
                axes_rules=axes_rules,
            )
            length_args = "``s``"
            value_more = "``s`` of another length than ``axes``;"
            if rules == "scipy":
                value_more += " an axis listed twice;"
        long_note = (
            _LONG_NOTE.format(ref=ref)
            if rules == "numpy"
            else (
                "longdouble input raises TypeError (numpy.fft has no such function "
                "to pass it to)."
            )
        )
        type_more = ", or complex (use fft)" if kind == "r2c" else ""
        if rules == "scipy":
            type_more += ", or longdouble"
        half = ""
        if kind == "c2r" and rules == "numpy":
            half = " float16 input gives float16, longdouble longdouble, as numpy.fft."
        elif rules == "numpy":
            half = " longdouble input gives clongdouble, as numpy.fft."
        alias = "numpy.fft" if ref.startswith("numpy") else "scipy.fft"
        name = ref.rsplit(".", 1)[1]
        see_also = f"{ref} : {alias}'s function."
        if alias == "numpy.fft":
            see_also += f"\nscipy.fft.{name} : scipy.fft's."
        see_also += (
            f"\n{inverse} : The inverse."
            f"\njfft.{name} : jfft's JAX function (jit, grad, vmap)."
        )
        text = _FFT_SECTIONS.format(
            intro="On numpy arrays, computed by jfft's C++ engine (see Notes).",
            input_text=", real" if kind == "r2c" else "",
            lengths=inspect.cleandoc(lengths),
            direction=direction,
            shape=_SHAPES[kind],
            dtypes=_DTYPES[kind],
            half=half,
            length_args=length_args,
            value_more=value_more,
            type_more=type_more,
            see_also=see_also,
            notes=" ".join(p for p in (long_note, notes) if p),
            examples=inspect.cleandoc(examples),
        )
        func.__doc__ = inspect.cleandoc(func.__doc__) + "\n" + text
        return func

    return document


# 1-D -------------------------------------------------------------------------


@_fft_doc(
    "numpy.fft.fft",
    "c2c",
    "1",
    "ifft",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal(16) + 1j * rng.standard_normal(16)
>>> y = jfft.numpy.fft(x)
>>> np.allclose(y, np.fft.fft(x))
True
>>> jfft.numpy.fft(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def fft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """1-D discrete Fourier transform, as :func:`numpy.fft.fft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.fft(a, n, axis, norm, out)
    return _fft1(a, n, axis, norm, out, workers, "fft")


@_fft_doc(
    "numpy.fft.ifft",
    "c2c",
    "1",
    "fft",
    direction="an inverse",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal(16) + 1j * rng.standard_normal(16)
>>> y = jfft.numpy.ifft(x)
>>> np.allclose(y, np.fft.ifft(x))
True
>>> jfft.numpy.ifft(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def ifft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """1-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.ifft(a, n, axis, norm, out)
    return _fft1(a, n, axis, norm, out, workers, "ifft")


@_fft_doc(
    "numpy.fft.rfft",
    "r2c",
    "1",
    "irfft",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal(16)
>>> y = jfft.numpy.rfft(x)
>>> np.allclose(y, np.fft.rfft(x))
True
>>> jfft.numpy.rfft(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def rfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """1-D transform of real input (n//2+1 outputs), as :func:`numpy.fft.rfft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.rfft(a, n, axis, norm, out)
    return _rfft1(a, n, axis, norm, out, workers, "rfft")


@_fft_doc(
    "numpy.fft.irfft",
    "c2r",
    "1",
    "rfft",
    direction="an inverse",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal(16)
>>> X = np.fft.rfft(x)
>>> y = jfft.numpy.irfft(X)
>>> np.allclose(y, np.fft.irfft(X))
True
>>> jfft.numpy.irfft(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def irfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`rfft` (default output length 2*(m-1)), as
    :func:`numpy.fft.irfft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.irfft(a, n, axis, norm, out)
    return _irfft1(a, n, axis, norm, out, workers, "irfft")


@_fft_doc(
    "numpy.fft.hfft",
    "c2r",
    "1",
    "ihfft",
    notes="``hfft(a, n)`` is ``irfft(conj(a), n)`` with the opposite normalization. numpy 2.x ignores ``out`` here; jfft honours it.",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal(16)
>>> X = np.fft.ihfft(x)
>>> y = jfft.numpy.hfft(X)
>>> np.allclose(y, np.fft.hfft(X))
True
>>> jfft.numpy.hfft(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def hfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Transform of a Hermitian-symmetric signal given by its first half
    (real output, default length 2*(m-1)), as :func:`numpy.fft.hfft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.hfft(a, n, axis, norm, out)
    return _irfft1(a, n, axis, norm, out, workers, "hfft")


@_fft_doc(
    "numpy.fft.ihfft",
    "r2c",
    "1",
    "hfft",
    direction="an inverse",
    notes="``ihfft(a)`` is ``conj(rfft(a))`` with the opposite normalization.",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal(16)
>>> y = jfft.numpy.ihfft(x)
>>> np.allclose(y, np.fft.ihfft(x))
True
>>> jfft.numpy.ihfft(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def ihfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`hfft` for real input, as :func:`numpy.fft.ihfft`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.ihfft(a, n, axis, norm, out)
    return _rfft1(a, n, axis, norm, out, workers, "ihfft")


# n-D and 2-D -----------------------------------------------------------------


@_fft_doc(
    "numpy.fft.fftn",
    "c2c",
    "n",
    "ifftn",
    notes="``out`` receives the final result only (numpy passes it to every intermediate step too).",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal((4, 6)) + 1j * rng.standard_normal((4, 6))
>>> y = jfft.numpy.fftn(x)
>>> np.allclose(y, np.fft.fftn(x))
True
>>> jfft.numpy.fftn(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def fftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """N-D discrete Fourier transform, as :func:`numpy.fft.fftn`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.fftn(a, s, axes, norm, out)
    return _fftnd(a, s, axes, norm, out, workers, "fftn")


@_fft_doc(
    "numpy.fft.ifftn",
    "c2c",
    "n",
    "fftn",
    direction="an inverse",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal((4, 6)) + 1j * rng.standard_normal((4, 6))
>>> y = jfft.numpy.ifftn(x)
>>> np.allclose(y, np.fft.ifftn(x))
True
>>> jfft.numpy.ifftn(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def ifftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """N-D inverse discrete Fourier transform, as :func:`numpy.fft.ifftn`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.ifftn(a, s, axes, norm, out)
    return _fftnd(a, s, axes, norm, out, workers, "ifftn")


@_fft_doc(
    "numpy.fft.rfftn",
    "r2c",
    "n",
    "irfftn",
    notes="``out`` receives the final result only (numpy passes it to every intermediate step too).",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> y = jfft.numpy.rfftn(x)
>>> np.allclose(y, np.fft.rfftn(x))
True
>>> jfft.numpy.rfftn(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def rfftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """N-D transform of real input (the last listed axis is halved), as
    :func:`numpy.fft.rfftn`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.rfftn(a, s, axes, norm, out)
    return _rfftnd(a, s, axes, norm, out, workers, "rfftn")


@_fft_doc(
    "numpy.fft.irfftn",
    "c2r",
    "n",
    "rfftn",
    direction="an inverse",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> X = np.fft.rfftn(x)
>>> y = jfft.numpy.irfftn(X)
>>> np.allclose(y, np.fft.irfftn(X))
True
>>> jfft.numpy.irfftn(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def irfftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`rfftn`, as :func:`numpy.fft.irfftn`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.irfftn(a, s, axes, norm, out)
    return _irfftnd(a, s, axes, norm, out, workers, "irfftn")


@_fft_doc(
    "scipy.fft.hfftn",
    "c2r",
    "n",
    "ihfftn",
    rules="scipy",
    notes="``hfftn(a, s)`` is ``irfftn(conj(a), s)`` with the opposite normalization; numpy.fft has no hfftn.",
    examples="""\
>>> import scipy.fft
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> X = scipy.fft.ihfftn(x)
>>> y = jfft.numpy.hfftn(X)
>>> np.allclose(y, scipy.fft.hfftn(X))
True
>>> jfft.numpy.hfftn(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def hfftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """N-D transform of a Hermitian-symmetric signal, as
    :func:`scipy.fft.hfftn` (``irfftn(conj(a))`` with the opposite norm)."""
    a = _input(a)
    return _irfftnd(a, s, axes, norm, out, workers, "hfftn")


@_fft_doc(
    "scipy.fft.ihfftn",
    "r2c",
    "n",
    "hfftn",
    rules="scipy",
    direction="an inverse",
    notes="``ihfftn(a)`` is ``conj(rfftn(a))`` with the opposite normalization; numpy.fft has no ihfftn.",
    examples="""\
>>> import scipy.fft
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> y = jfft.numpy.ihfftn(x)
>>> np.allclose(y, scipy.fft.ihfftn(x))
True
>>> jfft.numpy.ihfftn(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def ihfftn(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = None,
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`hfftn` for real input, as :func:`scipy.fft.ihfftn`."""
    a = _input(a)
    return _rfftnd(a, s, axes, norm, out, workers, "ihfftn")


@_fft_doc(
    "numpy.fft.fft2",
    "c2c",
    "2",
    "ifft2",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal((4, 6)) + 1j * rng.standard_normal((4, 6))
>>> y = jfft.numpy.fft2(x)
>>> np.allclose(y, np.fft.fft2(x))
True
>>> jfft.numpy.fft2(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def fft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """2-D discrete Fourier transform, as :func:`numpy.fft.fft2`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.fft2(a, s, axes, norm, out)
    return _fftnd(a, s, axes, norm, out, workers, "fft2")


@_fft_doc(
    "numpy.fft.ifft2",
    "c2c",
    "2",
    "fft2",
    direction="an inverse",
    notes="numpy 2.x ignores ``out`` here; jfft honours it.",
    examples="""\
>>> rng = np.random.default_rng(0)
>>> x = rng.standard_normal((4, 6)) + 1j * rng.standard_normal((4, 6))
>>> y = jfft.numpy.ifft2(x)
>>> np.allclose(y, np.fft.ifft2(x))
True
>>> jfft.numpy.ifft2(x.astype(np.complex64)).dtype
dtype('complex64')
""",
)
def ifft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """2-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft2`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.ifft2(a, s, axes, norm, out)
    return _fftnd(a, s, axes, norm, out, workers, "ifft2")


@_fft_doc(
    "numpy.fft.rfft2",
    "r2c",
    "2",
    "irfft2",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> y = jfft.numpy.rfft2(x)
>>> np.allclose(y, np.fft.rfft2(x))
True
>>> jfft.numpy.rfft2(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def rfft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """2-D transform of real input, as :func:`numpy.fft.rfft2`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.rfft2(a, s, axes, norm, out)
    return _rfftnd(a, s, axes, norm, out, workers, "rfft2")


@_fft_doc(
    "numpy.fft.irfft2",
    "c2r",
    "2",
    "rfft2",
    direction="an inverse",
    notes="numpy 2.x ignores ``out`` here; jfft honours it.",
    examples="""\
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> X = np.fft.rfft2(x)
>>> y = jfft.numpy.irfft2(X)
>>> np.allclose(y, np.fft.irfft2(X))
True
>>> jfft.numpy.irfft2(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def irfft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`rfft2`, as :func:`numpy.fft.irfft2`."""
    a = _input(a)
    if a.dtype in _LONG:
        return _numpy_fft.irfft2(a, s, axes, norm, out)
    return _irfftnd(a, s, axes, norm, out, workers, "irfft2")


@_fft_doc(
    "scipy.fft.hfft2",
    "c2r",
    "2",
    "ihfft2",
    rules="scipy",
    notes="numpy.fft has no hfft2.",
    examples="""\
>>> import scipy.fft
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> X = scipy.fft.ihfft2(x)
>>> y = jfft.numpy.hfft2(X)
>>> np.allclose(y, scipy.fft.hfft2(X))
True
>>> jfft.numpy.hfft2(X.astype(np.complex64)).dtype
dtype('float32')
""",
)
def hfft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """2-D Hermitian transform, as :func:`scipy.fft.hfft2`."""
    return _irfftnd(_input(a), s, axes, norm, out, workers, "hfft2")


@_fft_doc(
    "scipy.fft.ihfft2",
    "r2c",
    "2",
    "hfft2",
    rules="scipy",
    direction="an inverse",
    notes="numpy.fft has no ihfft2.",
    examples="""\
>>> import scipy.fft
>>> x = np.random.default_rng(0).standard_normal((4, 6))
>>> y = jfft.numpy.ihfft2(x)
>>> np.allclose(y, scipy.fft.ihfft2(x))
True
>>> jfft.numpy.ihfft2(x.astype(np.float32)).dtype
dtype('complex64')
""",
)
def ihfft2(
    a: Any,
    s: Sequence[int] | None = None,
    axes: Sequence[int] | None = (-2, -1),
    norm: Norm = None,
    out: np.ndarray | None = None,
    *,
    workers: int | None = None,
) -> np.ndarray:
    """Inverse of :func:`hfft2`, as :func:`scipy.fft.ihfft2`."""
    return _rfftnd(_input(a), s, axes, norm, out, workers, "ihfft2")


# Fast lengths ----------------------------------------------------------------

next_fast_len = _fastlen.next_fast_len
prev_fast_len = _fastlen.prev_fast_len


# DCT and DST -----------------------------------------------------------------


# r2r_problem worked out once per key (_plain n/s and axes): the argument
# rules cost more than the engine's transform at small sizes (3.5 of 5.4 us
# for a 64-point DCT).
_r2r_problem_cached = functools.lru_cache(maxsize=_PLAN_CACHE_SIZE, typed=True)(
    _realtransforms.r2r_problem
)


def _r2r_native(name: str):
    """scipy.fft's ``name`` on numpy arrays: the arguments resolved by the JAX
    front end's own rules (_realtransforms.r2r_problem, on the shape alone),
    then the engine's r2r on the array where it lies."""
    kind = "dst" if "dst" in name else "dct"
    inverse = name.startswith("i")
    many = name.endswith("n")

    def transform(
        x: Any,
        type: int = 2,
        n_or_s: Any = None,
        axis_or_axes: Any = None,
        norm: Norm = None,
        overwrite_x: bool = False,
        workers: int | None = None,
        orthogonalize: bool | None = None,
    ) -> np.ndarray:
        x = _input(x)
        if x.dtype.kind in "biu":
            x = x.astype(np.float64)  # scipy computes integers in double
        elif x.dtype == np.float16:
            x = x.astype(np.float32)
        elif x.dtype == np.complex64 or x.dtype == np.complex128:
            args = (type, n_or_s, axis_or_axes, norm, False, workers, orthogonalize)
            real, imag = transform(x.real, *args), transform(x.imag, *args)
            return _complex_from(real, imag)
        elif x.dtype not in (np.float32, np.float64):
            raise TypeError(f"x: expected a numeric array, got dtype {x.dtype}")
        args = (x.shape, kind, type, n_or_s, axis_or_axes, norm, orthogonalize)
        problem = None
        if _plain(n_or_s) and _plain(axis_or_axes):
            try:
                problem = _r2r_problem_cached(*args, inverse=inverse, many=many)
            except TypeError:
                pass  # unhashable or of a bad type: the general path says which
        if problem is None:
            problem = _realtransforms.r2r_problem(*args, inverse=inverse, many=many)
        fitted, _ = _fit(x, problem.axes, problem.lengths, x)
        out = np.empty(fitted.shape, fitted.dtype)
        if not problem.axes:
            np.multiply(fitted, problem.factor, out=out)
            return out
        _jfft_cpu.numpy_r2r(
            fitted, out, problem.axes, kind, problem.type, problem.pre,
            problem.post, _workers(workers), problem.factor,
        )  # fmt: skip
        return out

    return transform


# The docstring of the dct/dst family, one template filled per name.

_R2R_LENGTHS_1D = """\
n : int, optional
    Length of the transform along ``axis``: the input is cropped or
    zero-padded at its end. Default: the input's length.
axis : int, optional
    The axis to transform (default -1, the last)."""

_R2R_LENGTHS_ND = """\
s : int or sequence of ints, optional
    Lengths of the transforms along ``axes``, the input cropped or
    zero-padded at the end of each; -1 means the input's length.
    Default: the input's lengths. Given without ``axes``, the last
    ``len(s)`` axes are transformed.
axes : int or sequence of ints, optional
    The axes to transform (default: all, or the last ``len(s)``); each
    may be listed once."""

_R2R_DOC = """{title}, as :func:`scipy.fft.{name}` on numpy arrays.

Computed by the engine's native real-to-real transforms, as jfft's own
:func:`jfft.{name}` is under jit.

Parameters
----------
x : array_like
    Input array. Bool and integers compute in float64 and float16 in
    float32, as scipy.fft; complex input is transformed as its real and
    imaginary parts separately.
type : {{1, 2, 3, 4}}, optional
    The {kind_upper} type (default 2).{inverse_type}
{lengths}
norm : {{"backward", "ortho", "forward"}}, optional
    Normalization mode (default None, which is "backward"), scipy.fft's:
    "backward" leaves the forward transform unscaled and divides the
    inverse by its logical length (``2 * (n - 1)`` for DCT-I, ``2 * (n +
    1)`` for DST-I, ``2 * n`` otherwise, multiplied over the axes),
    "forward" the reverse, "ortho" divides both by its square root. This
    function is {direction} transform.
overwrite_x : bool, optional
    Accepted for scipy.fft's signature; the input is never modified (the
    result is always a new array), so it has no effect.
workers : int, optional
    Threads of the engine's pool for this call, scipy.fft's convention:
    -1 is all cores, -k all but k - 1. Default: :func:`jfft.get_workers`
    (all cores unless :func:`jfft.set_workers` says otherwise).
orthogonalize : bool, optional
    Whether to apply the factors that make the transform matrix orthogonal
    (with ``norm="ortho"``) for the types that need them; default: True
    for ``norm="ortho"``, else False, as scipy.fft. Applied to complex
    input's real and imaginary parts alike (see Notes).

Returns
-------
out : numpy.ndarray
    The shape of ``x`` with the transformed axes at their lengths; float32
    for float16 and float32 input, float64 for float64, bool and integer
    input, complex64 and complex128 for those complex inputs.

Raises
------
ValueError
    ``type`` not 1, 2, 3 or 4; ``norm`` not one of the modes above; a
    length below 1 (in ``n``/``s``, or an empty axis with no length
    given); {dct1}a 0-d ``x``; {nd_errors}``workers`` 0 or below
    ``-os.cpu_count()``.
numpy.exceptions.AxisError
    An axis out of range (a ValueError and an IndexError).
TypeError
    ``x`` of a dtype the engine does not compute (non-numeric,
    longdouble); ``type`` not an integer; ``orthogonalize`` not a bool or
    None; ``workers`` not an integer.

See Also
--------
scipy.fft.{name} : scipy.fft's function.
{inverse} : The inverse (for the same type, norm and orthogonalize).
jfft.{name} : jfft's JAX function (jit, grad, vmap).

Notes
-----
The numpy path: the engine runs on ``x`` where it lies, with the GIL
released, on the engine's persistent thread pool; nothing calls into JAX
per transform. A deliberate deviation from scipy.fft: for complex input
scipy ignores ``orthogonalize`` (its default for ``norm`` applies), while
jfft applies it to the real and imaginary parts alike. No ``out=``, as
scipy.fft's {name} has none.

Examples
--------
>>> import scipy.fft
>>> x = np.random.default_rng(0).standard_normal({shape})
>>> y = jfft.numpy.{name}(x, type=3, norm="ortho")
>>> np.allclose(y, scipy.fft.{name}(x, type=3, norm="ortho"))
True
>>> np.allclose(jfft.numpy.{inverse}(jfft.numpy.{name}(x)), x)
True
>>> jfft.numpy.{name}(x.astype(np.float32)).dtype
dtype('float32')
"""


def _r2r_doc(name: str, lengths: str) -> str:
    kind = "dst" if "dst" in name else "dct"
    inverse = name[1:] if name.startswith("i") else "i" + name
    title = {"dct": "Discrete cosine transform", "dst": "Discrete sine transform"}
    if name.startswith("i"):
        title = {"dct": "Inverse discrete cosine transform",
                 "dst": "Inverse discrete sine transform"}  # fmt: skip
    if name.endswith("n"):
        title = {k: "N-D " + v[0].lower() + v[1:] for k, v in title.items()}
    inverse_type = (
        f" ``{name}(x, type=k)`` inverts ``{inverse}(x, type=k)``; "
        "computed as type 3 for type 2, type 2 for type 3 (types 1 and 4 "
        "are their own inverses up to scale)."
        if name.startswith("i")
        else ""
    )
    dct1 = "a DCT-I length below 2 (DCT1LengthError, also a RuntimeError as scipy's); "
    return _R2R_DOC.format(
        title=title[kind],
        name=name,
        kind_upper=kind.upper(),
        inverse_type=inverse_type,
        lengths=lengths,
        direction="an inverse" if name.startswith("i") else "a forward",
        dct1=dct1 if kind == "dct" else "",
        nd_errors=(
            "an axis listed twice; ``s`` of another length than ``axes``; "
            if name.endswith("n")
            else "a sequence given as ``axis``; "
        ),
        inverse=inverse,
        shape="(4, 6)" if name.endswith("n") else "16",
    )


def _complex_from(real: np.ndarray, imag: np.ndarray) -> np.ndarray:
    out = np.empty(real.shape, np.result_type(real.dtype, np.complex64))
    out.real, out.imag = real, imag
    return out


def _r2r_1d(name: str):
    run = _r2r_native(name)

    def transform(
        x: Any,
        type: int = 2,
        n: int | None = None,
        axis: int = -1,
        norm: Norm = None,
        overwrite_x: bool = False,
        workers: int | None = None,
        orthogonalize: bool | None = None,
    ) -> np.ndarray:
        return run(x, type, n, axis, norm, overwrite_x, workers, orthogonalize)

    transform.__name__ = transform.__qualname__ = name
    transform.__doc__ = _r2r_doc(name, _R2R_LENGTHS_1D)
    return transform


def _r2r_nd(name: str):
    run = _r2r_native(name)

    def transform(
        x: Any,
        type: int = 2,
        s: Sequence[int] | None = None,
        axes: Sequence[int] | None = None,
        norm: Norm = None,
        overwrite_x: bool = False,
        workers: int | None = None,
        orthogonalize: bool | None = None,
    ) -> np.ndarray:
        return run(x, type, s, axes, norm, overwrite_x, workers, orthogonalize)

    transform.__name__ = transform.__qualname__ = name
    transform.__doc__ = _r2r_doc(name, _R2R_LENGTHS_ND)
    return transform


dct = _r2r_1d("dct")
idct = _r2r_1d("idct")
dst = _r2r_1d("dst")
idst = _r2r_1d("idst")
dctn = _r2r_nd("dctn")
idctn = _r2r_nd("idctn")
dstn = _r2r_nd("dstn")
idstn = _r2r_nd("idstn")

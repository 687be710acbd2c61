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
modified; the GIL is released while the engine runs, on threads of its
persistent pool. Nothing here calls into JAX per transform.

Beyond numpy.fft, as scipy.fft has them: ``workers=`` (keyword-only;
default :func:`jfft.get_workers`), ``hfft2``/``hfftn``/``ihfft2``/
``ihfftn``, ``next_fast_len``/``prev_fast_len``, and the DCT/DST family
(``dct`` ... ``idstn``, scipy.fft's signatures, on the engine's native
real-to-real transforms).

Deliberate deviations from numpy.fft:

- ``longdouble``/``clongdouble`` inputs are passed to numpy.fft's own
  functions (the engine computes in float and double only).
- ``out=`` is honoured by every function; numpy 2.x ignores it in ``hfft``,
  ``ifft2`` and ``irfft2``. numpy also passes ``out`` to every intermediate
  step of ``fftn``/``rfftn``; here it receives the final result only.
- ``dct``/``dst`` of complex input apply ``orthogonalize=`` to both parts;
  scipy.fft ignores it for complex input.

Examples
--------
>>> import jfft.numpy as fft
>>> x = np.random.default_rng(0).standard_normal((4, 1000)).astype(np.float32)
>>> y = fft.rfft(x, workers=2)
>>> y.dtype, y.shape
(dtype('complex64'), (4, 501))
>>> np.allclose(y, np.fft.rfft(x), atol=1e-3)
True
>>> import scipy.fft
>>> z = x.astype(np.float64)
>>> np.allclose(fft.dct(z), scipy.fft.dct(z))
True
"""

from __future__ import annotations

import os
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


_CPU_COUNT = os.cpu_count() or 1


def _workers(workers: Any) -> int:
    # The default is jfft's: all cores, or what jfft.set_workers says.
    if workers is None:
        return _fft._workers.get() or _CPU_COUNT
    return _args.resolve_workers(workers)


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


# The transforms by family, with numpy's or scipy's rules for the arguments
# (the scipy.fft backend calls these with numpy_rules=False).


def _fft1(a, n, axis, norm, out, workers, func, overwrite_x=False, numpy_rules=True):
    forward = func == "fft"
    axes, lengths = _args.transform_1d(
        a.shape, n, axis, func=func, numpy_rules=numpy_rules
    )
    return _c2c(a, axes, lengths, norm, forward, out, workers, func, overwrite_x)


def _fftnd(a, s, axes, norm, out, workers, func, overwrite_x=False, numpy_rules=True):
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


# 1-D -------------------------------------------------------------------------


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
        problem = _realtransforms.r2r_problem(
            x.shape, kind, type, n_or_s, axis_or_axes, norm, orthogonalize,
            inverse=inverse, many=many,
        )  # fmt: skip
        fitted, _ = _fit(x, problem.axes, problem.lengths, x)
        out = np.empty(fitted.shape, fitted.dtype)
        if not problem.axes:
            np.multiply(fitted, problem.factor, out=out)
            return out
        _jfft_cpu.engine_r2r(
            fitted, out, list(problem.axes), kind, problem.type, problem.pre,
            problem.post, _workers(workers), problem.factor,
        )  # fmt: skip
        return out

    return transform


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
    transform.__doc__ = (
        f"As :func:`scipy.fft.{name}` on numpy arrays (the engine's native "
        "r2r, as jfft's own under jit)."
    )
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
    transform.__doc__ = (
        f"As :func:`scipy.fft.{name}` on numpy arrays (the engine's native "
        "r2r, as jfft's own under jit)."
    )
    return transform


dct = _r2r_1d("dct")
idct = _r2r_1d("idct")
dst = _r2r_1d("dst")
idst = _r2r_1d("idst")
dctn = _r2r_nd("dctn")
idctn = _r2r_nd("idctn")
dstn = _r2r_nd("dstn")
idstn = _r2r_nd("idstn")

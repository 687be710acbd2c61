"""jfft's three primitives and their rules.

- ``c2c(x, axes, forward, scale)``: complex DFT over ``axes``, times scale.
- ``r2c(x, axes, scale)``: real-to-half-complex DFT; ``axes[-1]`` halved.
- ``c2r(x, axes, last_length, scale)``: numpy's unnormalised inverse of r2c
  (times scale); only the last listed axis is Hermitian, with output length
  ``last_length``.

All are linear. Transposes (JAX's linear transpose, no conjugation):
the DFT matrix is symmetric, so c2c is its own transpose; r2c and c2r are
each other's transposes up to conjugation and the half-spectrum weights w
(1 at DC and, for even lengths, Nyquist; 2 elsewhere):
``r2c^T(ct) = c2r(conj(ct) / w)`` and ``c2r^T(ct) = w * conj(r2c(ct))``.
Batching only shifts ``axes``; no data moves.

Each also carries ``scale``, a factor applied to its result (a norm's 1/n or
1/sqrt(n)): folded into the native kernels, which scale the output in place
while it is warm instead of XLA multiplying into a fresh array. The rules
carry it unchanged: a scaled map's transpose is the scaled transpose.

Each primitive also carries execution options that do not change its value:
``backend`` ("native" lowers to jfft's FFI kernels on CPU, and on CUDA GPUs
when the CUDA module is built; "xla" to XLA's own FFT, the only path on other
platforms) and ``workers`` (threads the native kernel may use, capped by XLA's
CPU thread pool; ignored on GPUs).

A fourth primitive, ``r2r(x, kind, type, axes, pre, post, scale)``, is a
DCT/DST (scipy's unnormalised type 1-4) over ``axes`` with end factors: per
axis ``Post . T . Pre``, Pre and Post scaling the input and output entries at
the type's ends (both ends of DCT-I; index 0 of DCT-II's output and DCT-III's
input; index N-1 of DST-II's output and DST-III's input); scipy's
``orthogonalize`` is ``pre = sqrt(2)`` / ``post = 1/sqrt(2)``. Its transposes
are maps of the same form: DCT-II^T is DCT-III with its first input doubled,
DCT-III^T is DCT-II with its first output halved (DST-II/III alike at index
N-1), DCT-I^T = D DCT-I D^-1 with D halving the ends, and DST-I, DCT-IV and
DST-IV are symmetric. On CPU it lowers to jfft's native r2r kernel; elsewhere
(and with ``backend="xla"``) to the FFT-based algorithms of
:mod:`jfft._realtransforms` on the other primitives.

Two more, ``stft`` and ``istft`` (see "The STFT pair" below), are the
windowed one-sided STFT of real signals and its overlap-add inverse, each the
other's transpose: on CPU one native kernel each, elsewhere (and with
``backend="xla"``) the composition of framing and the FFT primitives.
"""

from __future__ import annotations

import math
from functools import partial

import jax
import numpy as np
from jax import lax
from jax.extend.core import Primitive
from jax.interpreters import ad, batching, mlir

from . import _jax_compat, _native

BACKENDS = ("native", "xla")


# Abstract evaluation ---------------------------------------------------------


def _c2c_abstract(x, *, axes, forward, **options):
    del axes, forward, options
    if not np.issubdtype(x.dtype, np.complexfloating):
        raise TypeError(f"c2c expects complex input, got {x.dtype}")
    return x.update(shape=x.shape, dtype=x.dtype, weak_type=False)


def _r2c_abstract(x, *, axes, **options):
    del options
    if x.dtype not in (np.float32, np.float64):
        raise TypeError(f"r2c expects float32 or float64 input, got {x.dtype}")
    shape = list(x.shape)
    shape[axes[-1]] = shape[axes[-1]] // 2 + 1
    dtype = np.result_type(x.dtype, np.complex64)
    return x.update(shape=tuple(shape), dtype=dtype, weak_type=False)


def _r2r_abstract(x, *, kind, type, axes, pre, post, **options):
    del axes, options
    if x.dtype not in (np.float32, np.float64):
        raise TypeError(f"r2r expects float32 or float64 input, got {x.dtype}")
    if kind not in R2R_KINDS or type not in (1, 2, 3, 4):
        raise ValueError(f"r2r: no transform {kind}-{type}")
    dct1 = kind == "dct" and type == 1
    if (pre != 1.0 and not (dct1 or type == 3)) or (
        post != 1.0 and not (dct1 or type == 2)
    ):
        raise ValueError(
            f"r2r: {kind}-{type} has no end factors pre={pre}, post={post}"
        )
    return x.update(shape=x.shape, dtype=x.dtype, weak_type=False)


def _c2r_abstract(x, *, axes, last_length, **options):
    del options
    if x.dtype not in (np.complex64, np.complex128):
        raise TypeError(f"c2r expects complex input, got {x.dtype}")
    if x.shape[axes[-1]] != last_length // 2 + 1:
        raise ValueError(
            f"c2r input length {x.shape[axes[-1]]} along axis {axes[-1]} does "
            f"not match last_length={last_length}"
        )
    shape = list(x.shape)
    shape[axes[-1]] = last_length
    dtype = np.finfo(x.dtype).dtype
    return x.update(shape=tuple(shape), dtype=dtype, weak_type=False)


# Lowering --------------------------------------------------------------------


def _last_axes_apply(fn, x, axes):
    """Applies ``fn`` (an XLA FFT over trailing axes) to ``axes`` of x."""
    rank = x.ndim
    dest = tuple(range(rank - len(axes), rank))
    x = jax.numpy.moveaxis(x, axes, dest)
    return jax.numpy.moveaxis(fn(x), dest, axes)


def _scaled(y, factor):
    # The factor in y's own dtype: strict dtype promotion has no complex-real
    # rule (and a numpy constant's dtype does not depend on any x64 state).
    return y if factor == 1 else y * np.asarray(factor, y.dtype)


def _c2c_xla(x, *, axes, forward, scale, **options):
    del options
    lengths = tuple(x.shape[a] for a in axes)
    if forward:
        kind = lax.FftType.FFT
        factor = scale
    else:  # XLA's inverse is normalised; ours is not
        kind = lax.FftType.IFFT
        factor = math.prod(lengths) * scale
    y = _last_axes_apply(lambda t: lax.fft(t, kind, lengths), x, axes)
    return _scaled(y, factor)


def _r2c_xla(x, *, axes, scale, **options):
    del options
    lengths = tuple(x.shape[a] for a in axes)
    y = _last_axes_apply(lambda t: lax.fft(t, lax.FftType.RFFT, lengths), x, axes)
    return _scaled(y, scale)


def _c2r_xla(x, *, axes, last_length, scale, **options):
    del options
    lengths = tuple(x.shape[a] for a in axes[:-1]) + (last_length,)
    y = _last_axes_apply(lambda t: lax.fft(t, lax.FftType.IRFFT, lengths), x, axes)
    return _scaled(y, math.prod(lengths) * scale)


def _r2r_xla(x, **params):
    from . import _realtransforms  # it imports _fft, which imports this module

    return _realtransforms.fft_based_r2r(x, **params)


def _r2r_native_attrs(kind, type, pre, post, scale):
    return {
        "kind": np.int64(R2R_KINDS.index(kind)),
        "type": np.int64(type),
        "pre": np.float64(pre),
        "post": np.float64(post),
        "scale": np.float64(scale),
    }


def _lowerings(prim, xla_impl, native_attrs=None):
    xla_lowering = mlir.lower_fun(xla_impl, multiple_results=False)
    native = jax.ffi.ffi_lowering(f"jfft_{prim.name}")

    def unscaled_then_multiply(x, *, scale, **params):
        return _scaled(prim.bind(x, scale=1.0, **params), scale)

    scaled_lowering = mlir.lower_fun(unscaled_then_multiply, multiple_results=False)

    def call_native(ctx, x, *, axes, workers, backend, last_length=None, **attrs):
        del backend, last_length  # the output shape carries last_length
        if native_attrs is not None:
            attrs = native_attrs(**attrs)
        return native(
            ctx,
            x,
            axes=np.asarray(axes, np.int64),
            workers=np.int64(workers),
            **attrs,
        )

    def native_lowering(ctx, x, **params):
        if params["backend"] == "xla":
            return xla_lowering(ctx, x, **params)
        return call_native(ctx, x, **{**params, "scale": np.float64(params["scale"])})

    def cuda_lowering(ctx, x, **params):
        # The CUDA handlers take no scale: XLA multiplies after them.
        if params["backend"] == "xla":
            return xla_lowering(ctx, x, **params)
        if params["scale"] != 1.0:
            return scaled_lowering(ctx, x, **params)
        del params["scale"]
        return call_native(ctx, x, **params)

    return native_lowering, cuda_lowering, xla_lowering


# Transposes ------------------------------------------------------------------


def _half_spectrum_weights(shape, axis, length, dtype):
    """1 at DC and (even length) Nyquist, 2 elsewhere, shaped to broadcast."""
    m = length // 2 + 1
    weights = np.full(m, 2.0, dtype)
    weights[0] = 1.0
    if length % 2 == 0:
        weights[-1] = 1.0
    bshape = [1] * len(shape)
    bshape[axis] = m
    return weights.reshape(bshape)


def transpose_rule(kind, ct, x, bind, *, axes, **params):
    """The transpose of primitive ``kind`` ("c2c", "r2c" or "c2r") at the
    cotangent ``ct``; ``bind(kind, operand, **params)`` binds the transposed
    transform (the plain primitives here, the sharded wrapper in _sharding)."""
    if kind == "c2c":
        return bind("c2c", ct, axes=axes, **params)
    if kind == "r2c":
        length = x.aval.shape[axes[-1]]
        weights = _half_spectrum_weights(ct.shape, axes[-1], length, ct.dtype)
        z = lax.conj(ct) * np.asarray(1.0 / weights, ct.dtype)
        return bind("c2r", z, axes=axes, last_length=length, **params)
    last_length = params.pop("last_length")
    spectrum = lax.conj(bind("r2c", ct, axes=axes, **params))
    weights = _half_spectrum_weights(ct.shape, axes[-1], last_length, spectrum.dtype)
    return spectrum * np.asarray(weights, spectrum.dtype)


def r2r_transpose_params(kind, type, pre, post):
    """(type, pre, post) of the transpose of the r2r map (kind, type, pre,
    post); see the module docstring."""
    if kind == "dct" and type == 1:
        return 1, 2.0 * post, pre / 2.0
    if type == 2:
        return 3, 2.0 * post, 1.0
    if type == 3:
        return 2, 1.0, pre / 2.0
    return type, pre, post


def _r2r_transpose(ct, x, *, kind, type, pre, post, **params):
    del x
    type, pre, post = r2r_transpose_params(kind, type, pre, post)
    return [r2r_p.bind(ct, kind=kind, type=type, pre=pre, post=post, **params)]


def _bind(kind, operand, **params):
    return PRIMITIVES[kind].bind(operand, **params)


# Batching --------------------------------------------------------------------


def _batch(prim, batched_args, batch_dims, *, axes, **params):
    (x,), (bd,) = batched_args, batch_dims
    shifted = tuple(a + 1 if a >= bd else a for a in axes)
    return prim.bind(x, axes=shifted, **params), bd


# Declarations ----------------------------------------------------------------


# The CUDA lowerings, registered when the CUDA module is built (kept here so
# that tests can lower for CUDA on machines without one).
CUDA_LOWERINGS = {}


def _declare(
    name, abstract, xla_impl, *, transpose=None, native_attrs=None, batch=None
):
    """A primitive lowered to the native target ``jfft_<name>`` on CPU (and
    CUDA, for the FFTs) and to ``xla_impl`` elsewhere. ``transpose`` (default:
    the FFTs' transpose_rule) is its deflinear2 rule; ``native_attrs`` maps
    the primitive's remaining params to the FFI attributes; ``batch``
    (default: shifting ``axes``, the batch dim kept) its batching rule. Only
    the FFTs have CUDA targets; other primitives lower to ``xla_impl``
    there."""
    prim = Primitive(name)
    prim.def_impl(_jax_compat.eager_impl(prim))
    prim.def_abstract_eval(abstract)
    native_lowering, cuda_lowering, xla_lowering = _lowerings(
        prim, xla_impl, native_attrs
    )
    mlir.register_lowering(prim, xla_lowering)
    mlir.register_lowering(prim, native_lowering, platform="cpu")
    if transpose is None:
        CUDA_LOWERINGS[name] = cuda_lowering
        if _native.has_cuda():  # same targets, registered for CUDA
            mlir.register_lowering(prim, cuda_lowering, platform="cuda")

        def transpose(ct, x, **params):
            return [transpose_rule(name, ct, x, _bind, **params)]

    ad.deflinear2(prim, transpose)
    batching.primitive_batchers[prim] = partial(batch or _batch, prim)
    return prim


c2c_p = _declare("c2c", _c2c_abstract, _c2c_xla)
r2c_p = _declare("r2c", _r2c_abstract, _r2c_xla)
c2r_p = _declare("c2r", _c2r_abstract, _c2r_xla)
PRIMITIVES = {"c2c": c2c_p, "r2c": r2c_p, "c2r": c2r_p}
R2R_KINDS = ("dct", "dst")  # the native target's `kind` is the index here
r2r_p = _declare(
    "r2r",
    _r2r_abstract,
    _r2r_xla,
    transpose=_r2r_transpose,
    native_attrs=_r2r_native_attrs,
)

# The STFT pair ----------------------------------------------------------------
#
# ``stft(x, axes=(a, c), hop, window, frames, origin, extension, adjoint,
# scale)``: the one-sided STFT of real x along its axis a: frame t is
# x[t*hop - origin : t*hop - origin + n] (x extended past its ends as
# jnp.pad's ``extension`` mode extends it) times the window (n points),
# transformed by r2c (times scale); the result has the frequencies at axis a
# and the frames at axis c, the other axes in x's order. ``istft(X, axes=(a,
# c), hop, window, signal_length, origin, extension, adjoint, scale)``: the
# overlap-add inverse, window * c2r(X[:, t]) (times scale) added at
# t*hop - origin of a zero signal of signal_length points, what falls past
# its ends folded back through ``extension`` (the transpose of reading
# through it; dropped for "constant"), which replaces axes a and c. Both are
# linear in their operand. The window is a static HostWindow (a traced
# window takes jfft._stft's composition instead).
#
# The transposes weight the spectra as r2c / c2r's do (see above), with
# ``adjoint`` flipped and the extension kept: the transpose of stft is the
# overlap-add of window * c2r(conj(ct) / w), folded, istft(adjoint=True),
# and that of istft is w * conj(r2c(window * frames(ct))) read through the
# extension, stft(adjoint=True).

EXTENSIONS = ("constant", "reflect", "edge", "wrap")  # the kernel's codes


class HostWindow:
    """A window as a static primitive parameter: hashable by its values."""

    def __init__(self, values):
        self.values = np.ascontiguousarray(values, np.float64)
        self.values.setflags(write=False)
        self._key = self.values.tobytes()

    def __hash__(self):
        return hash(self._key)

    def __eq__(self, other):
        return isinstance(other, HostWindow) and self._key == other._key

    def __repr__(self):
        return f"HostWindow({self.values.shape[0]} points)"


def _stft_abstract(x, *, axes, window, frames, extension, **params):
    del params
    if x.dtype not in (np.float32, np.float64):
        raise TypeError(f"stft expects float32 or float64 input, got {x.dtype}")
    if extension not in EXTENSIONS:
        raise ValueError(f"stft: no extension {extension!r}")
    a, c = axes
    n = window.values.shape[0]
    shape = list(x.shape)
    del shape[a]
    shape.insert(a, n // 2 + 1)
    shape.insert(c, frames)
    dtype = np.result_type(x.dtype, np.complex64)
    return x.update(shape=tuple(shape), dtype=dtype, weak_type=False)


def _istft_abstract(x, *, axes, window, signal_length, **params):
    del params
    if x.dtype not in (np.complex64, np.complex128):
        raise TypeError(f"istft expects complex input, got {x.dtype}")
    a, c = axes
    if x.shape[a] != window.values.shape[0] // 2 + 1:
        raise ValueError(
            f"istft: {x.shape[a]} frequencies along axis {a} do not match a "
            f"window of {window.values.shape[0]} points"
        )
    shape = list(x.shape)
    del shape[c]
    shape[a] = signal_length
    dtype = np.finfo(x.dtype).dtype
    return x.update(shape=tuple(shape), dtype=dtype, weak_type=False)


def _extend(x, origin, needed, extension):
    """x [..., length] padded to the frames' positions [0, needed): origin
    points before it, what the frames need after it."""
    right = max(0, needed - origin - x.shape[-1])
    widths = [(0, 0)] * (x.ndim - 1) + [(origin, right)]
    return jax.numpy.pad(x, widths, mode=extension)


def _stft_xla(
    x, *, axes, hop, window, frames, origin, extension, adjoint, scale, **options
):
    from . import _stft  # it imports _fft, which imports this module

    a, c = axes
    w = window.values.astype(x.dtype)
    n = w.shape[0]
    needed = (frames - 1) * hop + n
    x = _extend(jax.numpy.moveaxis(x, a, -1), origin, needed, extension)
    segments = _stft.frames(x, n, hop, frames) * w
    rank = segments.ndim
    # The FFT on the same options: XLA's under xla_fallback, jfft's CUDA
    # kernels on a GPU where they are built.
    y = r2c_p.bind(segments, axes=(rank - 1,), scale=scale, **options)
    if adjoint:
        weights = _half_spectrum_weights(y.shape, rank - 1, n, y.dtype)
        y = lax.conj(y) * np.asarray(weights, y.dtype)
    return jax.numpy.moveaxis(y, (rank - 1, rank - 2), (a, c))


def _istft_xla(
    x, *, axes, hop, window, signal_length, origin, extension, adjoint, scale,
    **options,
):  # fmt: skip
    from . import _stft

    a, c = axes
    rank = x.ndim
    spectra = jax.numpy.moveaxis(x, (a, c), (rank - 1, rank - 2))
    real = np.finfo(x.dtype).dtype
    w = window.values.astype(real)
    n = w.shape[0]
    if adjoint:
        weights = _half_spectrum_weights(spectra.shape, rank - 1, n, real)
        spectra = lax.conj(spectra) * np.asarray(1.0 / weights, spectra.dtype)
    segments = c2r_p.bind(
        spectra, axes=(rank - 1,), last_length=n, scale=scale, **options
    )
    y = _stft.overlap_add(segments * w, hop)
    right = max(0, origin + signal_length - y.shape[-1])
    y = jax.numpy.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, right)])
    if extension == "constant":
        y = lax.slice_in_dim(y, origin, origin + signal_length, axis=-1)
    else:  # the fold: the transpose of reading through the extension
        _, fold = jax.vjp(
            lambda v: _extend(v, origin, y.shape[-1], extension),
            jax.numpy.zeros((*y.shape[:-1], signal_length), y.dtype),
        )
        (y,) = fold(y)
    return jax.numpy.moveaxis(y, -1, a)


def _istft_attrs(hop, window, origin, extension, adjoint, scale,
                 signal_length=None, frames=None):  # fmt: skip
    del signal_length, frames  # the output shape carries them
    return {
        "hop": np.int64(hop),
        "origin": np.int64(origin),
        "extension": np.int64(EXTENSIONS.index(extension)),
        "window": window.values,
        "adjoint": bool(adjoint),
        "scale": np.float64(scale),
    }


# stft_p reads the signal through its extension (the centre padding) and
# istft_p folds what falls past the ends back through the same extension, so
# that each is the other's transpose with no padded copy either way; the
# window weights and the onesided doubling are the kernels' `adjoint`
# (xla_kernels/engine/stft.cc derives them).
_stft_attrs = _istft_attrs


def _stft_transpose(ct, x, *, axes, frames, adjoint, **params):
    del frames
    length = x.aval.shape[axes[0]]
    return [
        istft_p.bind(ct, axes=axes, signal_length=length, adjoint=not adjoint, **params)
    ]


def _istft_transpose(ct, x, *, axes, signal_length, adjoint, **params):
    del signal_length
    frames = x.aval.shape[axes[1]]
    return [stft_p.bind(ct, axes=axes, frames=frames, adjoint=not adjoint, **params)]


def _stft_batch(prim, batched_args, batch_dims, *, axes, **params):
    """The batch dim takes its place among the other axes, in x's order."""
    (x,), (bd,) = batched_args, batch_dims
    a, c = axes
    a_b = a + 1 if bd <= a else a
    index = bd if bd < a_b else bd - 1  # among x's axes other than a
    c_b = c + 1 if index < c else c  # the batch dim goes before the frames
    free = [d for d in range(x.ndim + 1) if d not in (a_b, c_b)]
    return prim.bind(x, axes=(a_b, c_b), **params), free[index]


def _istft_batch(prim, batched_args, batch_dims, *, axes, **params):
    (x,), (bd,) = batched_args, batch_dims
    a, c = axes
    a_b = a + 1 if bd <= a else a
    c_b = c + 1 if bd <= c else c
    return prim.bind(x, axes=(a_b, c_b), **params), bd if bd < c_b else bd - 1


stft_p = _declare(
    "stft",
    _stft_abstract,
    _stft_xla,
    transpose=_stft_transpose,
    native_attrs=_stft_attrs,
    batch=_stft_batch,
)
istft_p = _declare(
    "istft",
    _istft_abstract,
    _istft_xla,
    transpose=_istft_transpose,
    native_attrs=_istft_attrs,
    batch=_istft_batch,
)

_native.register_targets()

"""A scipy.fft backend (uarray protocol) that computes on jfft's kernels.

Code written for scipy.fft on numpy arrays runs on jfft and gets numpy
arrays back, without changing a line of it: select the backend around it.

Every scipy.fft transform that jfft implements is served: ``fft``, ``ifft``,
``rfft``, ``irfft``, ``hfft``, ``ihfft`` and their ``2``/``n`` variants, and
``dct``, ``idct``, ``dst``, ``idst``, ``dctn``, ``idctn``, ``dstn``,
``idstn``. Arguments are bound by scipy's own signature (positional or
keyword, scipy's order) and ``workers`` is passed through (None: jfft's
default, see :func:`jfft.set_workers`).

numpy inputs (and anything numpy turns into an array) take jfft's numpy path
(:mod:`jfft.numpy`): the engine runs on the array where it lies, with the GIL
released (for the FFTs, from 4096 elements on), and nothing calls into JAX; ``overwrite_x=True`` lets a complex
transform write its result over the input when that saves a copy (the input
is left alone otherwise); the DCT/DST family runs the engine's native r2r
there too. JAX arrays take the JAX path (jfft's primitives) and come back as
numpy arrays. One deliberate difference: for complex input, scipy ignores
``orthogonalize=`` (it transforms the real and imaginary parts without it);
jfft applies it to both parts, as it does for real input.

The backend returns ``NotImplemented``, so that scipy falls back to its own
backend (unless the backend was installed with ``only=True``; after
``set_global_backend``, scipy's backend is only tried if it is registered,
as below), for:
functions jfft does not implement (``fht``, ``ifht``; their internal FFTs
still come here), a ``plan`` other than None, inputs that are not numeric
(or that numpy cannot turn into an array), empty inputs (scipy raises for an
empty transformed axis, where jfft returns an empty result), and
``longdouble`` inputs, which JAX cannot represent.

Precision follows scipy, not JAX's default: float64/complex128 (and
integer) inputs are computed in double precision and give complex128/float64
results, while float32/complex64 (and float16) inputs give complex64/float32
results, as scipy.fft does (the JAX path runs inside ``jax.enable_x64(True)``
for that). Results are writable numpy arrays.

Threads: ``workers=`` of each call is honoured. ``scipy.fft.set_workers``
is scipy's own setting and is not seen by jfft; use ``workers=`` or
:func:`jfft.set_workers` (each call reads it, so it applies to the calls
made inside it).

Examples
--------
>>> import scipy.fft
>>> import jfft.scipy_backend
>>> x = np.random.default_rng(0).standard_normal(1024)
>>> with scipy.fft.set_backend(jfft.scipy_backend):
...     y = scipy.fft.rfft(x, workers=2)          # computed by jfft
>>> type(y).__name__, y.dtype
('ndarray', dtype('complex128'))
>>> np.allclose(y, np.fft.rfft(x))
True

Or for good, keeping scipy's backend as the fallback::

    scipy.fft.set_global_backend(jfft.scipy_backend)
    scipy.fft.register_backend("scipy")
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from typing import Any

import jax
import numpy as np

from . import _args, _fft, _realtransforms
from . import numpy as _numpy_path

__all__ = ["__ua_domain__", "__ua_function__"]

__ua_domain__ = "numpy.scipy.fft"

_NAMES_FFT = (
    "fft", "ifft", "rfft", "irfft", "hfft", "ihfft",
    "fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2",
    "fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn",
)  # fmt: skip
_NAMES_R2R = ("dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn")

IMPLEMENTED: dict[str, Callable[..., jax.Array]] = {
    **{name: getattr(_fft, name) for name in _NAMES_FFT},
    **{name: getattr(_realtransforms, name) for name in _NAMES_R2R},
}

# The numpy path's family of each FFT, called with scipy's argument rules.
_NUMPY_FAMILIES: dict[str, Callable[..., np.ndarray]] = {
    **dict.fromkeys(("fft", "ifft"), _numpy_path._fft1),
    **dict.fromkeys(("rfft", "ihfft"), _numpy_path._rfft1),
    **dict.fromkeys(("irfft", "hfft"), _numpy_path._irfft1),
    **dict.fromkeys(("fft2", "ifft2", "fftn", "ifftn"), _numpy_path._fftnd),
    **dict.fromkeys(("rfft2", "ihfft2", "rfftn", "ihfftn"), _numpy_path._rfftnd),
    **dict.fromkeys(("irfft2", "hfft2", "irfftn", "hfftn"), _numpy_path._irfftnd),
}
_COMPLEX_FAMILIES = (_numpy_path._fft1, _numpy_path._fftnd)
_FAST_NAMES = frozenset(("fft", "ifft", "rfft", "irfft"))

# Input dtypes jfft computes (not longdouble/clongdouble, objects, strings).
_DTYPES = frozenset(
    np.dtype(t)
    for t in (
        np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
        np.uint32, np.uint64, np.float16, np.float32, np.float64, np.complex64,
        np.complex128,
    )
)  # fmt: skip


class _Call:
    """One scipy.fft function's parameters, for binding its calls without
    inspect.Signature.bind (which costs as much as a small transform)."""

    def __init__(self, name: str, signature: inspect.Signature) -> None:
        kinds = inspect.Parameter
        parameters = list(signature.parameters.values())
        self.name = name
        self.names = tuple(p.name for p in parameters)
        self.index = {p.name: i for i, p in enumerate(parameters)}
        self.positional = sum(
            p.kind in (kinds.POSITIONAL_ONLY, kinds.POSITIONAL_OR_KEYWORD)
            for p in parameters
        )
        self.defaults = tuple(p.default for p in parameters)
        # scipy.fft's FFTs read (x, n | s, axis | axes, norm, overwrite_x,
        # workers, *, plan): the numpy path takes them in that order.
        layout = ("x", "n|s", "axis|axes", "norm", "overwrite_x", "workers", "plan")
        self.family = _NUMPY_FAMILIES.get(name)
        if self.family is not None and (
            len(self.names) != len(layout)
            or any(n not in w.split("|") for n, w in zip(self.names, layout))
        ):
            self.family = None  # another scipy's layout: the JAX path only
        self.complex = self.family in _COMPLEX_FAMILIES
        # Served by jfft.numpy's fast path when the input allows (_fast_1d).
        self.fast = self.family is not None and name in _FAST_NAMES

    def bind(self, args: tuple, kwargs: dict) -> Sequence | None:
        """The arguments in the signature's order with its defaults, or None
        for a call that scipy's own backend should report."""
        count = len(args)
        if count > self.positional:
            return None
        if not kwargs:  # the common call, e.g. rfft(x): no list to fill in
            return args + self.defaults[count:] if count else None
        values = [*args, *self.defaults[count:]]
        for name, value in kwargs.items():
            i = self.index.get(name)
            if i is None or i < count:
                return None
            values[i] = value
        if values[0] is _EMPTY:
            return None
        return values


_EMPTY = inspect.Parameter.empty
_calls: dict[Callable, _Call | None] = {}
_UNSEEN = object()


def _call_of(method: Callable) -> _Call | None:
    try:
        return _calls[method]
    except KeyError:
        pass
    name = getattr(method, "__name__", "")
    call = None
    if name in IMPLEMENTED:
        try:
            call = _Call(name, inspect.signature(method))
        except (TypeError, ValueError):
            pass
    _calls[method] = call
    return call


def __ua_function__(method: Callable, args: tuple, kwargs: dict) -> Any:
    """The uarray entry point: computes a scipy.fft multimethod with jfft.

    scipy calls this for every scipy.fft function used while the backend is
    selected; users do not call it directly.

    Parameters
    ----------
    method : callable
        The scipy.fft multimethod called (e.g. ``scipy.fft.rfft``).
    args : tuple
        Its positional arguments, bound by the multimethod's signature.
    kwargs : dict
        Its keyword arguments.

    Returns
    -------
    numpy.ndarray or NotImplemented
        The result as a new numpy array, or ``NotImplemented`` so that scipy
        tries its next backend (see the module's description of when).

    Raises
    ------
    TypeError, ValueError
        What the jfft transform raises for bad arguments (named as jfft
        names them).

    Examples
    --------
    >>> import scipy.fft
    >>> import jfft.scipy_backend as backend
    >>> x = np.arange(8.0)
    >>> y = backend.__ua_function__(scipy.fft.dct, (x,), {"norm": "ortho"})
    >>> np.allclose(y, scipy.fft.dct(x, norm="ortho"))
    True
    >>> backend.__ua_function__(scipy.fft.fht, (x, 1.0, 0.0), {})
    NotImplemented
    """
    call = _calls.get(method, _UNSEEN)
    if call is _UNSEEN:
        call = _call_of(method)
    values = call.bind(args, kwargs) if call is not None else None
    if values is None:
        return NotImplemented  # not jfft's, or a bad call for scipy to report
    x = values[0]
    if call.fast and type(x) is np.ndarray and values[6] is None:
        # The common call first: its dtype and size checks are the fast
        # path's (None: the general path below decides).
        _, size, where, norm, overwrite_x, workers, _ = values
        y = _numpy_path._fast_1d(
            x, size, where, norm, workers, call.name, False, bool(overwrite_x)
        )
        if y is not None:
            return y
    on_jax = False
    if type(x) is not np.ndarray:
        on_jax = isinstance(x, jax.Array)
        try:
            x = np.asarray(x)
        except (TypeError, ValueError):
            return NotImplemented
    if x.dtype not in _DTYPES or x.size == 0:
        # Empty arrays too: scipy raises for an empty transformed axis where
        # jfft (as jax.numpy.fft) returns an empty result.
        return NotImplemented
    family = call.family
    if family is None or on_jax:
        arguments = dict(zip(call.names[1:], values[1:], strict=True))
        if arguments.pop("plan", None) is not None:
            return NotImplemented
        if not on_jax:  # the DCT/DST family on the numpy path
            return getattr(_numpy_path, call.name)(x, **arguments)
        return _on_jax(IMPLEMENTED[call.name], x, arguments)
    _, size, where, norm, overwrite_x, workers, plan = values
    if plan is not None:
        return NotImplemented
    if call.complex:
        return family(
            x, size, where, norm, None, workers, call.name, bool(overwrite_x),
            numpy_rules=False,
        )  # fmt: skip
    return family(x, size, where, norm, None, workers, call.name, numpy_rules=False)


def _on_jax(function: Callable, x: np.ndarray, arguments: dict) -> np.ndarray:
    arguments.pop("overwrite_x", None)  # jfft's primitives never write x
    with jax.enable_x64(True):
        # scipy computes every integer in double, unlike jax.numpy.fft.
        x = _args.integers_as_default_float(x)
        return np.array(function(x, **arguments))


class _Backend:
    """What ``import jfft.scipy_backend`` gives: this module's namespace on a
    plain object. uarray looks up attributes a backend lacks
    (``__ua_convert__``, ``__ua_cache__``) on every call, and a module
    answers a missing attribute by raising, an object without: dispatch to a
    trivial backend took 0.31x the time of a whole scipy.fft.rfft(n=64) as a
    module, 0.05x as this object (paired rounds in one process)."""

    def __init__(self, namespace: dict) -> None:
        self.__dict__.update(namespace)

    def __repr__(self) -> str:
        return "<jfft.scipy_backend (scipy.fft backend)>"


sys.modules[__name__] = _Backend(globals())

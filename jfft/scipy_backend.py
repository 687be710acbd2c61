"""A scipy.fft backend (uarray protocol) that computes on jfft's kernels.

Code written for scipy.fft on numpy arrays runs on jfft and gets numpy
arrays back, without changing a line of it: select the backend around it.

Every scipy.fft transform that jfft implements is served: ``fft``, ``ifft``,
``rfft``, ``irfft``, ``hfft``, ``ihfft`` and their ``2``/``n`` variants, and
``dct``, ``idct``, ``dst``, ``idst``, ``dctn``, ``idctn``, ``dstn``,
``idstn``. Arguments are bound by scipy's own signature (positional or
keyword, scipy's order), ``workers`` is passed through and ``overwrite_x`` is
ignored (jfft never writes into its input; scipy treats it as a hint too).

The backend returns ``NotImplemented``, so that scipy falls back to its own
backend (unless the backend was installed with ``only=True``; after
``set_global_backend``, scipy's backend is only tried if it is registered,
as below), for:
functions jfft does not implement (``fht``, ``ifht``; their internal FFTs
still come here), a ``plan`` other than None, inputs that are not numeric
(or that numpy cannot turn into an array), empty inputs (scipy raises for an
empty transformed axis, where jfft returns an empty result), and
``longdouble`` inputs, which JAX cannot represent.

Precision follows scipy, not JAX's default: each call runs inside
``jax.enable_x64(True)``, so float64/complex128 (and integer) inputs are
computed in double precision and give complex128/float64 results, while
float32/complex64 (and float16) inputs give complex64/float32 results, as
scipy.fft does. Results are new, writable numpy arrays.

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
from collections.abc import Callable
from typing import Any

import jax
import numpy as np

from . import _args, _fft, _realtransforms

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

# Input dtypes jfft computes (not longdouble/clongdouble, objects, strings).
_DTYPES = frozenset(
    np.dtype(t)
    for t in (
        np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
        np.uint32, np.uint64, np.float16, np.float32, np.float64, np.complex64,
        np.complex128,
    )
)  # fmt: skip

# Arguments of scipy's signatures that jfft does not take.
_IGNORED = ("overwrite_x",)


def _signature(method: Callable) -> inspect.Signature | None:
    try:
        return inspect.signature(method)
    except (TypeError, ValueError):
        return None


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
    function = IMPLEMENTED.get(getattr(method, "__name__", ""))
    signature = _signature(method)
    if function is None or signature is None:
        return NotImplemented
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError:
        return NotImplemented  # scipy's own backend reports the bad call
    arguments = dict(bound.arguments)
    if arguments.pop("plan", None) is not None:
        return NotImplemented
    for name in _IGNORED:
        arguments.pop(name, None)
    try:
        x = np.asarray(arguments.pop("x"))
    except (TypeError, ValueError):
        return NotImplemented
    if x.dtype not in _DTYPES or x.size == 0:
        # Empty arrays too: scipy raises for an empty transformed axis where
        # jfft (as jax.numpy.fft) returns an empty result.
        return NotImplemented
    with jax.enable_x64(True):
        # scipy computes every integer in double, unlike jax.numpy.fft.
        x = _args.integers_as_default_float(x)
        return np.array(function(x, **arguments))

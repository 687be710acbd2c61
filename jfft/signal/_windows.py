"""Window functions by name, as :func:`scipy.signal.get_window`.

Windows are host constants (float64 numpy arrays): they depend only on
static arguments, and a concrete window lets istft check NOLA up front.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np


def _general_cosine(m: int, coefficients) -> np.ndarray:
    phase = np.linspace(-np.pi, np.pi, m)
    w = np.zeros(m)
    for k, a in enumerate(coefficients):
        w += a * np.cos(k * phase)
    return w


def _cosine_sum(*coefficients: float) -> Callable[[int], np.ndarray]:
    return lambda m: _general_cosine(m, coefficients)


def _general_hamming(m: int, alpha: float) -> np.ndarray:
    return _general_cosine(m, (alpha, 1.0 - alpha))


def _boxcar(m: int) -> np.ndarray:
    return np.ones(m)


def _bartlett(m: int) -> np.ndarray:
    n = np.arange(m)
    half = (m - 1) / 2
    return np.where(n <= half, 2.0 * n / (m - 1), 2.0 - 2.0 * n / (m - 1))


def _triang(m: int) -> np.ndarray:
    n = np.arange(1, (m + 1) // 2 + 1)
    if m % 2 == 0:
        w = (2 * n - 1.0) / m
        return np.concatenate([w, w[::-1]])
    w = 2 * n / (m + 1.0)
    return np.concatenate([w, w[-2::-1]])


def _tukey(m: int, alpha: float = 0.5) -> np.ndarray:
    if alpha <= 0:
        return np.ones(m)
    if alpha >= 1:
        return _general_hamming(m, 0.5)
    n = np.arange(m)
    width = int(np.floor(alpha * (m - 1) / 2.0))
    rise = n[: width + 1]
    fall = n[m - width - 1 :]
    w_rise = 0.5 * (1 + np.cos(np.pi * (-1 + 2.0 * rise / alpha / (m - 1))))
    w_fall = 0.5 * (
        1 + np.cos(np.pi * (-2.0 / alpha + 1 + 2.0 * fall / alpha / (m - 1)))
    )
    return np.concatenate([w_rise, np.ones(m - 2 * width - 2), w_fall])


def _kaiser(m: int, beta: float) -> np.ndarray:
    n = np.arange(m)
    centre = (m - 1) / 2.0
    return np.i0(beta * np.sqrt(1 - ((n - centre) / centre) ** 2)) / np.i0(beta)


def _gaussian(m: int, std: float) -> np.ndarray:
    n = np.arange(m) - (m - 1.0) / 2.0
    return np.exp(-(n**2) / (2 * std * std))


def _general_gaussian(m: int, p: float, sig: float) -> np.ndarray:
    n = np.arange(m) - (m - 1.0) / 2.0
    return np.exp(-0.5 * np.abs(n / sig) ** (2 * p))


def _cosine(m: int) -> np.ndarray:
    return np.sin(np.pi / m * (np.arange(m) + 0.5))


def _exponential(m: int, center: float | None = None, tau: float = 1.0) -> np.ndarray:
    if center is None:
        center = (m - 1) / 2
    return np.exp(-np.abs(np.arange(m) - center) / tau)


def _bohman(m: int) -> np.ndarray:
    frac = np.abs(np.linspace(-1, 1, m)[1:-1])
    w = (1 - frac) * np.cos(np.pi * frac) + 1.0 / np.pi * np.sin(np.pi * frac)
    return np.concatenate([[0.0], w, [0.0]])


def _parzen(m: int) -> np.ndarray:
    n = np.arange(-(m - 1) / 2.0, (m - 1) / 2.0 + 0.5, 1.0)
    outer = n[n < -(m - 1) / 4.0]
    inner = n[np.abs(n) <= (m - 1) / 4.0]
    w_outer = 2 * (1 - np.abs(outer) / (m / 2.0)) ** 3.0
    r = np.abs(inner) / (m / 2.0)
    w_inner = 1 - 6 * r**2.0 + 6 * r**3.0
    return np.concatenate([w_outer, w_inner, w_outer[::-1]])


def _barthann(m: int) -> np.ndarray:
    frac = np.abs(np.arange(m) / (m - 1.0) - 0.5)
    return 0.62 - 0.48 * frac + 0.38 * np.cos(2 * np.pi * frac)


def _lanczos(m: int) -> np.ndarray:
    w = np.sinc(2.0 * np.arange(m) / (m - 1) - 1.0)
    return (w + w[::-1]) / 2  # exactly symmetric


# name -> (function, parameters: False none, True required, None optional)
_WINDOWS: dict[str, tuple[Callable[..., np.ndarray], bool | None]] = {}
for _names, _entry in {
    ("barthann", "brthan", "bth"): (_barthann, False),
    ("bartlett", "bart", "brt"): (_bartlett, False),
    ("blackman", "black", "blk"): (_cosine_sum(0.42, 0.50, 0.08), False),
    ("blackmanharris", "blackharr", "bkh"): (
        _cosine_sum(0.35875, 0.48829, 0.14128, 0.01168),
        False,
    ),
    ("bohman", "bman", "bmn"): (_bohman, False),
    ("boxcar", "box", "ones", "rect", "rectangular"): (_boxcar, False),
    ("cosine", "halfcosine"): (_cosine, False),
    ("exponential", "poisson"): (_exponential, None),
    ("flattop", "flat", "flt"): (
        _cosine_sum(0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368),
        False,
    ),
    ("gaussian", "gauss", "gss"): (_gaussian, True),
    ("general cosine", "general_cosine"): (_general_cosine, True),
    (
        "general gaussian",
        "general_gaussian",
        "general gauss",
        "general_gauss",
        "ggs",
    ): (_general_gaussian, True),
    ("general hamming", "general_hamming"): (_general_hamming, True),
    ("hamming", "hamm", "ham"): (_cosine_sum(0.54, 0.46), False),
    ("hann", "han"): (_cosine_sum(0.5, 0.5), False),
    ("kaiser", "ksr"): (_kaiser, True),
    ("lanczos", "sinc"): (_lanczos, False),
    ("nuttall", "nutl", "nut"): (
        _cosine_sum(0.3635819, 0.4891775, 0.1365995, 0.0106411),
        False,
    ),
    ("parzen", "parz", "par"): (_parzen, False),
    ("triangle", "triang", "tri"): (_triang, False),
    ("tukey", "tuk"): (_tukey, None),
}.items():
    for _name in _names:
        _WINDOWS[_name] = _entry

WINDOW_NAMES: tuple[str, ...] = tuple(sorted(_WINDOWS))


def get_window(window: Any, Nx: int, fftbins: bool = True) -> np.ndarray:
    """A window of ``Nx`` points by name, as :func:`scipy.signal.get_window`.

    Parameters
    ----------
    window : str, tuple or float
        A name (``'hann'``, ``'hamming'``, ``'blackman'``, ``'bartlett'``,
        ``'boxcar'``, ``'tukey'``, ``'triang'``, ``'flattop'``,
        ``'blackmanharris'``, ``'nuttall'``, ``'bohman'``, ``'parzen'``,
        ``'barthann'``, ``'cosine'``, ``'lanczos'``, ``'exponential'`` and
        scipy's aliases), a tuple of a name and its parameters
        (``('kaiser', beta)``, ``('gaussian', std)``, ``('tukey', alpha)``,
        ``('general_gaussian', p, sig)``, ``('general_hamming', alpha)``,
        ``('general_cosine', coefficients)``), or a float: the beta of a
        Kaiser window. A ``'_periodic'`` or ``'_symmetric'`` suffix on the
        name overrides ``fftbins``.
    Nx : int
        Number of points, positive.
    fftbins : bool, optional
        True (default): periodic, for spectral analysis (the first ``Nx`` of a
        symmetric window of ``Nx + 1``); False: symmetric.

    Returns
    -------
    numpy.ndarray
        float64 window of ``Nx`` points.

    Raises
    ------
    ValueError
        ``Nx`` is not a positive integer, ``fftbins`` not a bool, an unknown
        window name, parameters given to a window without any (or missing
        for one that needs them), or ``window`` of an unusable type.

    Examples
    --------
    >>> from jfft import signal
    >>> signal.get_window("hann", 4)
    array([0. , 0.5, 1. , 0.5])
    >>> signal.get_window(("kaiser", 8.0), 3, fftbins=False).round(4)
    array([0.0023, 1.    , 0.0023])
    """
    if isinstance(Nx, bool) or not isinstance(Nx, numbers.Integral) or Nx <= 0:
        raise ValueError(f"Nx: expected a positive integer, got {Nx!r}")
    if not isinstance(fftbins, bool):
        # ValueError, as scipy raises.
        raise ValueError(f"fftbins: expected a bool, got {fftbins!r}")  # noqa: TRY004
    symmetric = not fftbins
    if not isinstance(window, (str, tuple)):
        try:
            beta = float(window)
        except (TypeError, ValueError):
            raise ValueError(
                f"window: must be a name, a tuple (name, parameters...) or a float "
                f"(a Kaiser beta), got {window!r}"
            ) from None
        name, function, args = "kaiser", _kaiser, (beta,)
    else:
        if isinstance(window, tuple) and (not window or not isinstance(window[0], str)):
            raise ValueError(
                f"window: a tuple must start with the window's name, got {window!r}"
            )
        name = window if isinstance(window, str) else window[0]
        args = () if isinstance(window, str) else tuple(window[1:])
        if name.endswith("_symmetric"):
            symmetric, name = True, name[: -len("_symmetric")]
        elif name.endswith("_periodic"):
            symmetric, name = False, name[: -len("_periodic")]
        if name not in _WINDOWS:
            raise ValueError(
                f"window: unknown window name {name!r}; known: {', '.join(WINDOW_NAMES)}"
            )
        function, takes = _WINDOWS[name]
        if args and takes is False:
            raise ValueError(f"window: {name!r} takes no parameters, got {window!r}")
        if not args and takes is True:
            raise ValueError(
                f"window: {name!r} needs parameters; pass a tuple such as "
                f"({name!r}, value), got {window!r}"
            )
        periodic_exponential = name in ("exponential", "poisson") and not symmetric
        if periodic_exponential and args and args[0] is not None:
            raise ValueError(
                "window: a periodic exponential window cannot set its center"
            )
    if Nx == 1:  # scipy's length guard: one point is [1.0] in every window
        return np.ones(1)
    m = Nx + (0 if symmetric else 1)
    w = np.asarray(function(m, *args), dtype=np.float64)
    return w if symmetric else w[:-1]

"""Spectral analysis as scipy.signal's legacy functions: stft, istft,
spectrogram, welch, csd, on jfft's transforms (differentiable in the data)."""

from __future__ import annotations

import warnings
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np

from .. import _args, _stft
from .._fft import fft, ifft, irfft, rfft
from ._windows import get_window

BOUNDARIES = (None, "even", "odd", "constant", "zeros")
# scipy's NOLA threshold in istft.
ISTFT_NOLA_TOLERANCE = 1e-10


def _data(x: Any, name: str) -> jax.Array:
    return _args.integers_as_default_float(_args.as_array(x, name))


def _out_dtype(*arrays: jax.Array) -> np.dtype:
    dtype = jnp.result_type(*[a.dtype for a in arrays], jnp.complex64)
    return np.dtype(dtype)


def _count(value: Any, name: str, func: str, minimum: int = 1) -> int:
    value = _args._index(value, name)
    if value < minimum:
        raise ValueError(f"{func}: {name} must be at least {minimum}, got {value}")
    return value


def _triage(window: Any, nperseg: Any, length: int, func: str):
    """(host window, nperseg) as scipy's _triage_segments."""
    if nperseg is not None:
        nperseg = _count(nperseg, "nperseg", func)
    if isinstance(window, (str, tuple)):
        if nperseg is None:
            nperseg = 256
        if nperseg > length:
            warnings.warn(
                f"nperseg = {nperseg} is greater than input length = {length}, "
                f"using nperseg = {length}",
                stacklevel=3,
            )
            nperseg = length
        return get_window(window, nperseg), nperseg
    win = _stft.concrete(window)
    if win is None:
        raise TypeError(f"{func}: window must be concrete (not traced under jit)")
    if win.ndim != 1:
        raise ValueError(f"{func}: window must be 1-D, got shape {win.shape}")
    if length < win.shape[0]:
        raise ValueError(
            f"{func}: window of {win.shape[0]} points is longer than the input "
            f"signal ({length} points)"
        )
    if nperseg is None:
        nperseg = win.shape[0]
    elif nperseg != win.shape[0]:
        raise ValueError(
            f"{func}: nperseg={nperseg} differs from the window's length {win.shape[0]}"
        )
    return win, nperseg


def _extend(x: jax.Array, n: int, boundary: str) -> jax.Array:
    widths = [(0, 0)] * (x.ndim - 1) + [(n, n)]
    if boundary == "even":
        return jnp.pad(x, widths, mode="reflect")
    if boundary == "odd":
        return jnp.pad(x, widths, mode="reflect", reflect_type="odd")
    if boundary == "constant":
        return jnp.pad(x, widths, mode="edge")
    return jnp.pad(x, widths)


def _detrend_segments(segments: jax.Array, detrend: Any, axis: int, func: str):
    if detrend is False or detrend is None:
        return segments
    if callable(detrend):
        if axis != -1:
            moved = jnp.moveaxis(segments, -1, axis)
            return jnp.moveaxis(jnp.asarray(detrend(moved)), axis, -1)
        return jnp.asarray(detrend(segments))
    if detrend == "constant":
        return segments - segments.mean(axis=-1, keepdims=True)
    if detrend == "linear":
        n = segments.shape[-1]
        t = np.arange(n, dtype=np.float64)
        t = (t - t.mean()) / (np.sqrt(((t - t.mean()) ** 2).sum()) or 1.0)
        t = jnp.asarray(t, segments.real.dtype)
        centred = segments - segments.mean(axis=-1, keepdims=True)
        slope = (centred * t).sum(axis=-1, keepdims=True)
        return centred - slope * t
    raise ValueError(
        f"{func}: detrend must be False, 'constant', 'linear' or a callable, got "
        f"{detrend!r}"
    )


def _spectral(
    x,
    y,
    fs,
    window,
    nperseg,
    noverlap,
    nfft,
    detrend,
    return_onesided,
    scaling,
    axis,
    mode,
    boundary=None,
    padded=False,
    func="",
):
    """(freqs, times, result[..., freq, time] with freq at ``axis``) as
    scipy's _spectral_helper; ``y`` None means the auto-spectrum of x."""
    same = y is None
    x = _data(x, "x")
    if not same:
        y = _data(y, "y")
    outdtype = _out_dtype(x) if same else _out_dtype(x, y)
    axis = _args.normalize_axis(axis, x.ndim)
    if not same:
        y_axis = _args.normalize_axis(axis - x.ndim, y.ndim)
        x_outer = x.shape[:axis] + x.shape[axis + 1 :]
        y_outer = y.shape[:y_axis] + y.shape[y_axis + 1 :]
        try:
            np.broadcast_shapes(x_outer, y_outer)
        except ValueError:
            raise ValueError(
                f"{func}: x and y cannot be broadcast together (shapes {x.shape} "
                f"and {y.shape} along axis {axis})"
            ) from None
        y = jnp.moveaxis(y, y_axis, -1)
    x = jnp.moveaxis(x, axis, -1)
    if x.size == 0 or (not same and y.size == 0):
        raise ValueError(f"{func}: x and y must be non-empty")
    if not same and x.shape[-1] != y.shape[-1]:
        longest = max(x.shape[-1], y.shape[-1])
        x = jnp.pad(x, [(0, 0)] * (x.ndim - 1) + [(0, longest - x.shape[-1])])
        y = jnp.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, longest - y.shape[-1])])
    win, nperseg = _triage(window, nperseg, x.shape[-1], func)
    nfft = nperseg if nfft is None else _count(nfft, "nfft", func)
    if nfft < nperseg:
        raise ValueError(
            f"{func}: nfft={nfft} must be greater than or equal to nperseg={nperseg}"
        )
    noverlap = nperseg // 2 if noverlap is None else _args._index(noverlap, "noverlap")
    if not 0 <= noverlap < nperseg:
        raise ValueError(
            f"{func}: noverlap={noverlap} must be in [0, nperseg={nperseg})"
        )
    step = nperseg - noverlap
    if boundary not in BOUNDARIES:
        raise ValueError(
            f"{func}: boundary must be one of {BOUNDARIES}, got {boundary!r}"
        )
    if boundary is not None:
        x = _extend(x, nperseg // 2, boundary)
        if not same:
            y = _extend(y, nperseg // 2, boundary)
    if padded:
        extra = (-(x.shape[-1] - nperseg) % step) % nperseg
        x = jnp.pad(x, [(0, 0)] * (x.ndim - 1) + [(0, extra)])
        if not same:
            y = jnp.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, extra)])
    complex_data = jnp.issubdtype(x.dtype, jnp.complexfloating) or (
        not same and jnp.issubdtype(y.dtype, jnp.complexfloating)
    )
    onesided = bool(return_onesided)
    if onesided and complex_data:
        warnings.warn(
            "Input data is complex, switching to return_onesided=False", stacklevel=3
        )
        onesided = False
    win = win.astype(np.result_type(win.dtype, outdtype))
    if scaling == "density":
        scale = 1.0 / (fs * (win * win).sum())
    elif scaling == "spectrum":
        scale = 1.0 / win.sum() ** 2
    else:
        raise ValueError(
            f"{func}: scaling must be 'density' or 'spectrum', got {scaling!r}"
        )
    if mode == "stft":
        scale = np.sqrt(scale)
    freqs = np.fft.rfftfreq(nfft, 1 / fs) if onesided else np.fft.fftfreq(nfft, 1 / fs)
    real = np.finfo(outdtype).dtype
    w = jnp.asarray(win.real.astype(real) if not np.iscomplexobj(win) else win)

    def spectra(data):
        count = _stft.num_frames(data.shape[-1], nperseg, step)
        segments = _stft.frames(data, nperseg, step, count)
        segments = _detrend_segments(segments, detrend, axis, func) * w
        if onesided:
            return rfft(segments.real, n=nfft, axis=-1)
        return fft(segments, n=nfft, axis=-1)

    result = spectra(x)
    if not same:
        result = jnp.conj(result) * spectra(y)
    elif mode == "psd":
        result = (result.real**2 + result.imag**2).astype(result.dtype)
    result = result * float(np.real(scale))
    if onesided and mode == "psd":
        doubled = np.ones(result.shape[-1])
        doubled[1 : None if nfft % 2 else -1] = 2
        result = result * jnp.asarray(doubled, real)
    length = x.shape[-1]
    times = np.arange(nperseg / 2, length - nperseg / 2 + 1, step) / float(fs)
    if boundary is not None:
        times -= (nperseg / 2) / fs
    result = result.astype(outdtype)
    if same and mode != "stft":
        result = result.real
    result = jnp.swapaxes(result, -1, -2)  # [..., freq, time]
    target = axis - x.ndim - 1  # a negative axis counting the new time axis
    return freqs, times, jnp.moveaxis(result, -2, target)


def stft(
    x: Any,
    fs: float = 1.0,
    window: Any = "hann",
    nperseg: int = 256,
    noverlap: int | None = None,
    nfft: int | None = None,
    detrend: Any = False,
    return_onesided: bool = True,
    boundary: str | None = "zeros",
    padded: bool = True,
    axis: int = -1,
    scaling: str = "spectrum",
) -> tuple[np.ndarray, np.ndarray, jax.Array]:
    """Short-time Fourier transform, as :func:`scipy.signal.stft`.

    Parameters
    ----------
    x : array_like
        Signal, real or complex.
    fs : float, optional
        Sampling frequency.
    window : str, tuple or array_like, optional
        A :func:`get_window` spec (periodic) or an array of ``nperseg``
        points.
    nperseg : int, optional
        Segment length (shortened to the signal's, with a warning).
    noverlap : int, optional
        Overlap of segments; default ``nperseg // 2``.
    nfft : int, optional
        FFT length (>= nperseg); default nperseg.
    detrend : False, 'constant', 'linear' or callable, optional
        Detrending of each segment.
    return_onesided : bool, optional
        The half spectrum for real data (complex data is always two-sided).
    boundary : {'zeros', 'even', 'odd', 'constant', None}, optional
        Extension by ``nperseg // 2`` points on both ends.
    padded : bool, optional
        Zero-pad the end so that the segments cover the whole signal.
    axis : int, optional
        Axis of the signal.
    scaling : {'spectrum', 'psd'}, optional
        Scale by ``1 / sum(window)`` or ``1 / sqrt(fs * sum(window**2))``.

    Returns
    -------
    f : numpy.ndarray
        Frequencies.
    t : numpy.ndarray
        Segment times.
    Zxx : jax.Array
        The STFT, frequencies at ``axis`` and segments last (complex64 for
        float32 data).

    Raises
    ------
    ValueError
        Bad segment lengths (nperseg < 1, nfft < nperseg, noverlap outside
        [0, nperseg)), a window of the wrong shape or an unknown name, an
        unknown boundary or scaling.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> f, t, Z = signal.stft(np.ones(1000, np.float32), nperseg=128)
    >>> Z.shape, Z.dtype
    ((65, 17), dtype('complex64'))
    """
    if scaling == "psd":
        scaling = "density"
    elif scaling != "spectrum":
        raise ValueError(f"stft: scaling must be 'spectrum' or 'psd', got {scaling!r}")
    return _spectral(
        x,
        None,
        fs,
        window,
        nperseg,
        noverlap,
        nfft,
        detrend,
        return_onesided,
        scaling,
        axis,
        "stft",
        boundary,
        padded,
        "stft",
    )


def istft(
    Zxx: Any,
    fs: float = 1.0,
    window: Any = "hann",
    nperseg: int | None = None,
    noverlap: int | None = None,
    nfft: int | None = None,
    input_onesided: bool = True,
    boundary: bool = True,
    time_axis: int = -1,
    freq_axis: int = -2,
    scaling: str = "spectrum",
) -> tuple[np.ndarray, jax.Array]:
    """Inverse short-time Fourier transform, as :func:`scipy.signal.istft`.

    Where the window's overlap-add envelope is below 1e-10 (NOLA fails)
    scipy warns and leaves those samples undivided; so does this.

    Parameters
    ----------
    Zxx : array_like
        The STFT (at least 2-D).
    fs, window, nperseg, noverlap, nfft, scaling : optional
        As :func:`stft`; ``nperseg`` defaults from the frequency count.
    input_onesided : bool, optional
        ``Zxx`` holds a half spectrum (the result is real).
    boundary : bool, optional
        The STFT was computed with a boundary extension, to be removed.
    time_axis, freq_axis : int, optional
        Axes of segments and frequencies.

    Returns
    -------
    t : numpy.ndarray
        Times of the samples.
    x : jax.Array
        The signal, its time axis where ``time_axis`` was.

    Raises
    ------
    ValueError
        ``Zxx`` below 2-D, equal axes, bad segment lengths, a window of the
        wrong shape, an unknown scaling.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x = np.random.default_rng(0).standard_normal(1000)
    >>> f, t, Z = signal.stft(x, nperseg=64)
    >>> t, y = signal.istft(Z, nperseg=64)
    >>> bool(np.allclose(y[:1000], x, atol=1e-5))  # float32 without x64
    True
    """
    func = "istft"
    Z = _data(Zxx, "Zxx")
    Z = Z.astype(_args.complex_dtype(Z.dtype))
    if Z.ndim < 2:
        raise ValueError(f"{func}: Zxx must be at least 2-D, got shape {Z.shape}")
    freq_axis = _args.normalize_axis(freq_axis, Z.ndim, "freq_axis")
    time_axis = _args.normalize_axis(time_axis, Z.ndim, "time_axis")
    if freq_axis == time_axis:
        raise ValueError(f"{func}: time_axis and freq_axis must differ")
    count = Z.shape[time_axis]
    default = 2 * (Z.shape[freq_axis] - 1) if input_onesided else Z.shape[freq_axis]
    nperseg = default if nperseg is None else _count(nperseg, "nperseg", func)
    if nfft is None:
        nfft = nperseg if input_onesided and nperseg == default + 1 else default
    else:
        nfft = _count(nfft, "nfft", func)
        if nfft < nperseg:
            raise ValueError(
                f"{func}: nfft={nfft} must be greater than or equal to "
                f"nperseg={nperseg}"
            )
    noverlap = nperseg // 2 if noverlap is None else _args._index(noverlap, "noverlap")
    if not 0 <= noverlap < nperseg:
        raise ValueError(f"{func}: noverlap={noverlap} must be in [0, {nperseg})")
    step = nperseg - noverlap
    if count == 0:
        raise ValueError(f"{func}: Zxx has no segments along time_axis")
    outer = [a for a in range(Z.ndim) if a not in (freq_axis, time_axis)]
    Z = jnp.transpose(Z, [*outer, time_axis, freq_axis])  # [..., time, freq]
    if isinstance(window, (str, tuple)):
        win = get_window(window, nperseg)
    else:
        win = _stft.concrete(window)
        if win is None:
            raise TypeError(f"{func}: window must be concrete (not traced under jit)")
        if win.ndim != 1:
            raise ValueError(f"{func}: window must be 1-D, got shape {win.shape}")
        if win.shape[0] != nperseg:
            raise ValueError(
                f"{func}: window must have nperseg={nperseg} points, got {win.shape[0]}"
            )
    if input_onesided:
        segments = irfft(Z, n=nfft, axis=-1)[..., :nperseg]
    else:
        segments = ifft(Z, n=nfft, axis=-1)[..., :nperseg]
    dtype = segments.dtype
    win = win.astype(np.result_type(win.dtype, dtype))
    if scaling == "spectrum":
        factor = win.sum()
    elif scaling == "psd":
        factor = np.sqrt(fs * (win**2).sum())
    else:
        raise ValueError(
            f"{func}: scaling must be 'spectrum' or 'psd', got {scaling!r}"
        )
    w = jnp.asarray(win, dtype)
    x = _stft.overlap_add(segments * (w * float(factor)), step)
    norm = _stft._envelope_host(win, step, count)
    if boundary:
        x = x[..., nperseg // 2 : -(nperseg // 2)]
        norm = norm[nperseg // 2 : -(nperseg // 2)]
    if np.sum(norm > ISTFT_NOLA_TOLERANCE) != len(norm):
        warnings.warn(
            "NOLA condition failed, STFT may not be invertible."
            + (" Possibly due to missing boundary" if not boundary else ""),
            stacklevel=2,
        )
    divisor = np.where(norm > ISTFT_NOLA_TOLERANCE, norm, 1.0)
    x = x / jnp.asarray(divisor.real if input_onesided else divisor, x.dtype)
    if input_onesided:
        x = x.real
    if x.ndim > 1 and time_axis != Z.ndim - 1:
        if freq_axis < time_axis:
            time_axis -= 1
        x = jnp.moveaxis(x, -1, time_axis)
    times = np.arange(x.shape[0]) / float(fs)
    return times, x


def spectrogram(
    x: Any,
    fs: float = 1.0,
    window: Any = ("tukey", 0.25),
    nperseg: int | None = None,
    noverlap: int | None = None,
    nfft: int | None = None,
    detrend: Any = "constant",
    return_onesided: bool = True,
    scaling: str = "density",
    axis: int = -1,
    mode: str = "psd",
) -> tuple[np.ndarray, np.ndarray, jax.Array]:
    """Spectrogram with consecutive Fourier transforms, as
    :func:`scipy.signal.spectrogram`.

    Parameters
    ----------
    x : array_like
        Signal.
    fs, window, nperseg, nfft, detrend, return_onesided, axis : optional
        As :func:`stft` (nperseg defaults to 256 for a named window).
    noverlap : int, optional
        Default ``nperseg // 8``.
    scaling : {'density', 'spectrum'}, optional
        Power spectral density (V**2/Hz) or power spectrum (V**2).
    mode : {'psd', 'complex', 'magnitude', 'angle', 'phase'}, optional
        What to return per segment.

    Returns
    -------
    f : numpy.ndarray
        Frequencies.
    t : numpy.ndarray
        Segment centres.
    Sxx : jax.Array
        Frequencies at ``axis``, segments last.

    Raises
    ------
    ValueError
        An unknown ``mode`` or ``scaling``, and the errors of :func:`stft`.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> f, t, S = signal.spectrogram(np.ones(2048), nperseg=256)
    >>> S.shape
    (129, 9)
    """
    func = "spectrogram"
    modes = ("psd", "complex", "magnitude", "angle", "phase")
    if mode not in modes:
        raise ValueError(f"{func}: mode must be one of {modes}, got {mode!r}")
    data = _data(x, "x")
    length = data.shape[_args.normalize_axis(axis, data.ndim)]
    window, nperseg = _triage(window, nperseg, length, func)
    if noverlap is None:
        noverlap = nperseg // 8
    helper_mode = "psd" if mode == "psd" else "stft"
    freqs, times, result = _spectral(
        data,
        None,
        fs,
        window,
        nperseg,
        noverlap,
        nfft,
        detrend,
        return_onesided,
        scaling,
        axis,
        helper_mode,
        func=func,
    )
    if mode == "magnitude":
        result = jnp.abs(result)
    elif mode in ("angle", "phase"):
        result = jnp.angle(result)
        if mode == "phase":
            freq_axis = _args.normalize_axis(axis, data.ndim)
            freq_axis = freq_axis if axis >= 0 else axis - 1
            result = jnp.unwrap(result, axis=freq_axis)
    return freqs, times, result


def _median_bias(n: int) -> float:
    ii = 2 * np.arange(1, (n - 1) // 2 + 1)
    return 1 + np.sum(1.0 / (ii + 1) - 1.0 / ii)


def csd(
    x: Any,
    y: Any,
    fs: float = 1.0,
    window: Any = "hann",
    nperseg: int | None = None,
    noverlap: int | None = None,
    nfft: int | None = None,
    detrend: Any = "constant",
    return_onesided: bool = True,
    scaling: str = "density",
    axis: int = -1,
    average: str = "mean",
) -> tuple[np.ndarray, jax.Array]:
    """Cross power spectral density by Welch's method, as
    :func:`scipy.signal.csd`.

    Parameters
    ----------
    x, y : array_like
        Signals; the shorter is zero-padded, the other axes broadcast.
    fs, window, nperseg, noverlap, nfft, detrend, return_onesided, axis : optional
        As :func:`welch`.
    scaling : {'density', 'spectrum'}, optional
        V**2/Hz or V**2.
    average : {'mean', 'median'}, optional
        How the segments' periodograms are averaged.

    Returns
    -------
    f : numpy.ndarray
        Frequencies.
    Pxy : jax.Array
        ``conj(X) * Y`` averaged over segments, frequencies at ``axis``.

    Raises
    ------
    ValueError
        Inputs that cannot broadcast, an unknown ``average`` or ``scaling``,
        and the errors of :func:`stft`.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x = np.random.default_rng(0).standard_normal(4096)
    >>> f, P = signal.csd(x, x, nperseg=256)
    >>> P.shape
    (129,)
    """
    return _welch(
        x, y, fs, window, nperseg, noverlap, nfft, detrend, return_onesided,
        scaling, axis, average, "csd",
    )  # fmt: skip


def welch(
    x: Any,
    fs: float = 1.0,
    window: Any = "hann",
    nperseg: int | None = None,
    noverlap: int | None = None,
    nfft: int | None = None,
    detrend: Any = "constant",
    return_onesided: bool = True,
    scaling: str = "density",
    axis: int = -1,
    average: str = "mean",
) -> tuple[np.ndarray, jax.Array]:
    """Power spectral density by Welch's method, as :func:`scipy.signal.welch`.

    Parameters
    ----------
    x : array_like
        Signal.
    fs : float, optional
        Sampling frequency.
    window : str, tuple or array_like, optional
        Window spec or array of ``nperseg`` points.
    nperseg : int, optional
        Segment length; default 256 for a named window.
    noverlap : int, optional
        Default ``nperseg // 2``.
    nfft : int, optional
        FFT length, default nperseg.
    detrend : False, 'constant', 'linear' or callable, optional
        Detrending per segment.
    return_onesided : bool, optional
        Half spectrum for real data.
    scaling : {'density', 'spectrum'}, optional
        V**2/Hz or V**2.
    axis : int, optional
        Axis of the signal.
    average : {'mean', 'median'}, optional
        How the periodograms are averaged.

    Returns
    -------
    f : numpy.ndarray
        Frequencies.
    Pxx : jax.Array
        Real power spectral density, frequencies at ``axis``.

    Raises
    ------
    ValueError
        An unknown ``average`` or ``scaling``, and the errors of :func:`stft`.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import signal
    >>> x = np.random.default_rng(0).standard_normal(4096)
    >>> f, P = signal.welch(x, nperseg=512)
    >>> f.shape, P.shape
    ((257,), (257,))
    """
    return _welch(
        x, None, fs, window, nperseg, noverlap, nfft, detrend, return_onesided,
        scaling, axis, average, "welch",
    )  # fmt: skip


def _welch(
    x, y, fs, window, nperseg, noverlap, nfft, detrend, return_onesided, scaling,
    axis, average, func,
):  # fmt: skip
    if average not in ("mean", "median"):
        raise ValueError(f"{func}: average must be 'mean' or 'median', got {average!r}")
    if scaling not in ("density", "spectrum"):
        raise ValueError(
            f"{func}: scaling must be 'density' or 'spectrum', got {scaling!r}"
        )
    freqs, _, pxy = _spectral(
        x, y, fs, window, nperseg, noverlap, nfft, detrend, return_onesided,
        scaling, axis, "psd", func=func,
    )  # fmt: skip
    if pxy.shape[-1] > 1:
        if average == "median":
            bias = _median_bias(pxy.shape[-1])
            if jnp.issubdtype(pxy.dtype, jnp.complexfloating):
                pxy = jax.lax.complex(
                    jnp.median(pxy.real, axis=-1), jnp.median(pxy.imag, axis=-1)
                )
            else:
                pxy = jnp.median(pxy, axis=-1)
            pxy = pxy / float(bias)
        else:
            pxy = pxy.mean(axis=-1)
    else:
        pxy = pxy.reshape(pxy.shape[:-1])
    return freqs, pxy

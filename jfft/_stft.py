"""Short-time Fourier transforms with torch.stft / torch.istft semantics, and
the framing and overlap-add they share with :mod:`jfft.signal`."""

from __future__ import annotations

import math
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from . import _args, _fft, _primitives
from ._fft import fft, ifft, irfft, rfft

# Frames are cut with strided slices when a frame spans at most this many
# gcd(n_fft, hop)-sized blocks (one slice per block), else with a gather.
# Measured (benchmarks/signal_bench.py --only stft, 2 threads, paired
# rounds, (16, 2**17) float32, n_fft 1024, hop 256, i.e. 4 slices): framing
# times window took 0.90x the gather's time. The bound keeps the number of
# slice ops (and the trace) small; it is not tuned.
MAX_FRAME_SLICES = 64

# torch.istft's NOLA threshold on the window envelope.
NOLA_TOLERANCE = 1e-11

PAD_MODES = {
    "constant": "constant",
    "reflect": "reflect",
    "replicate": "edge",
    "circular": "wrap",
}


def num_frames(length: int, frame_length: int, hop: int) -> int:
    return 1 + (length - frame_length) // hop


def frames(x: jax.Array, frame_length: int, hop: int, count: int) -> jax.Array:
    """``[..., count, frame_length]``: frame t is x[..., t*hop : t*hop +
    frame_length]; ``x`` must hold at least the last frame."""
    needed = (count - 1) * hop + frame_length
    x = lax.slice_in_dim(x, 0, needed, axis=-1)
    block = math.gcd(frame_length, hop)
    per_frame, stride = frame_length // block, hop // block
    if per_frame > MAX_FRAME_SLICES:
        index = np.arange(count)[:, None] * hop + np.arange(frame_length)
        return x[..., index]
    blocks = x.reshape(*x.shape[:-1], needed // block, block)
    parts = [
        lax.slice_in_dim(blocks, j, j + (count - 1) * stride + 1, stride, axis=-2)
        for j in range(per_frame)
    ]
    return jnp.stack(parts, axis=-2).reshape(*x.shape[:-1], count, frame_length)


def overlap_add(y: jax.Array, hop: int) -> jax.Array:
    """The transpose of :func:`frames`: frame t of ``y`` ([..., count,
    frame_length]) added at offset t*hop of a signal of (count - 1) * hop +
    frame_length points."""
    count, frame_length = y.shape[-2:]
    total = (count - 1) * hop + frame_length
    batch = y.shape[:-2]
    block = math.gcd(frame_length, hop)
    per_frame, stride = frame_length // block, hop // block
    if per_frame > MAX_FRAME_SLICES:
        index = np.arange(count)[:, None] * hop + np.arange(frame_length)
        return jnp.zeros((*batch, total), y.dtype).at[..., index].add(y)
    blocks_total = total // block
    parts = y.reshape(*batch, count, per_frame, block)
    zero = jnp.zeros((), y.dtype)
    out = None
    for j in range(per_frame):
        config = [(0, 0, 0)] * len(batch) + [
            (j, blocks_total - j - (count - 1) * stride - 1, stride - 1),
            (0, 0, 0),
        ]
        placed = lax.pad(parts[..., j, :], zero, config)
        out = placed if out is None else out + placed
    return out.reshape(*batch, total)


def concrete(a: Any) -> np.ndarray | None:
    """``a`` as a numpy array, or None when it is traced."""
    try:
        return np.asarray(a)
    except jax.errors.TracerArrayConversionError:
        return None


def _positive(value: Any, name: str, func: str) -> int:
    value = _args._index(value, name)
    if value <= 0:
        raise ValueError(f"{func}: {name} must be positive, got {name}={value}")
    return value


def _lengths(n_fft, hop_length, win_length, func):
    n_fft = _positive(n_fft, "n_fft", func)
    hop = n_fft // 4 if hop_length is None else _args._index(hop_length, "hop_length")
    if hop <= 0:
        raise ValueError(f"{func}: expected hop_length > 0, got hop_length={hop}")
    win = n_fft if win_length is None else _args._index(win_length, "win_length")
    if not 0 < win <= n_fft:
        raise ValueError(
            f"{func}: expected 0 < win_length <= n_fft, got win_length={win}, "
            f"n_fft={n_fft}"
        )
    return n_fft, hop, win


def _window(window, win_length: int, n_fft: int, real: np.dtype, func: str):
    """(window, host copy or None when traced): the window zero-padded
    (centred) to n_fft, in ``real``'s precision (complex windows stay
    complex)."""
    if window is None:
        host = np.ones(win_length, real)
    else:
        host = concrete(window)
        w = host if host is not None else window
        if not isinstance(w, (np.ndarray, jax.Array)):
            w = _args.as_array(w, "window")
        _args._check_numeric(w.dtype, "window")
        if w.ndim != 1 or w.shape[0] != win_length:
            raise ValueError(
                f"{func}: window must be a 1-D array of win_length={win_length} "
                f"points, got shape {w.shape}"
            )
        if jnp.issubdtype(w.dtype, jnp.complexfloating):
            dtype = _args.complex_dtype(real)
        else:
            dtype = real
        if host is not None:
            host = host.astype(dtype)
        else:
            window = w.astype(dtype)
    left = (n_fft - win_length) // 2
    widths = (left, n_fft - win_length - left)
    if host is not None:
        host = np.pad(host, widths)
        return jnp.asarray(host), host
    return jnp.pad(window, widths), None


def stft(
    x: Any,
    n_fft: int,
    hop_length: int | None = None,
    win_length: int | None = None,
    window: Any = None,
    center: bool = True,
    pad_mode: str = "reflect",
    normalized: bool = False,
    onesided: bool | None = None,
    return_complex: bool = True,
) -> jax.Array:
    """Short-time Fourier transform, as :func:`torch.stft`.

    Frame t is ``x[..., t*hop_length : t*hop_length + n_fft]`` (of the padded
    signal when ``center``) times the window, transformed by an FFT of n_fft
    points. Differentiable in ``x`` and ``window`` (any order, both modes),
    and usable under jit (the lengths static) and vmap.

    On the CPU a real ``x`` with a concrete window (a numpy array, a jax array
    outside jit or closed over by a jitted function, or None) is one native
    kernel: blocks of frames are windowed into a buffer that stays in cache
    and transformed there, the centre padding read in place, so that nothing
    but the result is allocated. A traced window (a jit argument, or one
    being differentiated) and complex data take the composition of framing,
    window and :func:`jfft.rfft` / :func:`jfft.fft`, as do other platforms.

    Parameters
    ----------
    x : array_like
        Signal ``[..., length]``, real or complex, any number of batch dims.
    n_fft : int
        Frame (and FFT) length.
    hop_length : int, optional
        Distance between frame starts; default ``n_fft // 4``.
    win_length : int, optional
        Window length, ``0 < win_length <= n_fft``; default ``n_fft``. A
        shorter window is zero-padded on both sides to n_fft (centred).
    window : array_like, optional
        1-D window of ``win_length`` points; default all ones.
    center : bool, optional
        Pad ``n_fft // 2`` points on both sides so that frame t is centred
        at ``t * hop_length``.
    pad_mode : {'reflect', 'constant', 'replicate', 'circular'}, optional
        How ``center`` pads.
    normalized : bool, optional
        Scale by ``n_fft ** -0.5`` (an orthonormal DFT).
    onesided : bool, optional
        Keep the ``n_fft // 2 + 1`` non-negative frequencies; default True
        for real ``x`` and a real window. Must be False otherwise.
    return_complex : bool, optional
        False returns real ``[..., freq, frames, 2]`` (torch's view_as_real).

    Returns
    -------
    jax.Array
        ``[..., freq, frames]`` complex (complex64 for float32 input), with
        ``frames = 1 + (padded_length - n_fft) // hop_length``.

    Raises
    ------
    TypeError
        ``x`` or ``window`` is not numeric, or a length is not an integer.
    ValueError
        ``n_fft`` or ``hop_length`` not positive, ``win_length`` out of
        (0, n_fft], a window of the wrong shape, ``n_fft`` longer than the
        padded signal, an unknown ``pad_mode``, a padding too long for
        'reflect', or ``onesided=True`` with complex data.

    Examples
    --------
    >>> import jax.numpy as jnp, jfft
    >>> x = jnp.sin(jnp.arange(4000.0))
    >>> jfft.stft(x, 512, 128, window=jnp.hanning(512)).shape
    (257, 32)
    """
    func = "stft"
    x = _args.as_array(x, "x")
    if x.ndim < 1:
        raise ValueError(f"{func}: x must have at least one dimension, got a scalar")
    n_fft, hop, win_length = _lengths(n_fft, hop_length, win_length, func)
    x_complex = jnp.issubdtype(x.dtype, jnp.complexfloating)
    cdtype = _args.complex_dtype(x.dtype)
    real = np.finfo(cdtype).dtype
    x = x.astype(cdtype if x_complex else real)
    w, w_host = _window(window, win_length, n_fft, real, func)
    w_complex = jnp.issubdtype(w.dtype, jnp.complexfloating)
    if onesided is None:
        onesided = not (x_complex or w_complex)
    elif onesided and (x_complex or w_complex):
        raise ValueError(
            f"{func}: onesided=True needs a real x and a real window; give "
            "onesided=False for complex data"
        )
    pad = 0
    if center:
        if pad_mode not in PAD_MODES:
            raise ValueError(
                f"{func}: pad_mode must be one of {sorted(PAD_MODES)}, got {pad_mode!r}"
            )
        pad = n_fft // 2
        if pad_mode == "reflect" and pad >= x.shape[-1]:
            raise ValueError(
                f"{func}: pad_mode='reflect' pads n_fft // 2 = {pad} points, which "
                f"must be less than the signal length {x.shape[-1]}"
            )
        if pad_mode in ("replicate", "circular") and x.shape[-1] == 0:
            raise ValueError(f"{func}: pad_mode={pad_mode!r} needs a non-empty x")
    length = x.shape[-1] + 2 * pad
    if n_fft > length:
        raise ValueError(
            f"{func}: n_fft={n_fft} exceeds the (padded) signal length {length}"
        )
    count = num_frames(length, n_fft, hop)
    if onesided and w_host is not None:
        # One native op (jfft's CPU kernel; the composition below elsewhere),
        # which reads the centre padding from x itself: no padded copy.
        spectra = _primitives.stft_p.bind(
            x,
            axes=(x.ndim - 1, x.ndim),
            hop=hop,
            window=_primitives.HostWindow(w_host),
            frames=count,
            origin=pad,
            extension=PAD_MODES[pad_mode] if center else "constant",
            adjoint=False,
            scale=n_fft**-0.5 if normalized else 1.0,
            **_fft._options(None),
        )
        if not return_complex:
            return jnp.stack([spectra.real, spectra.imag], axis=-1)
        return spectra
    if center:
        widths = [(0, 0)] * (x.ndim - 1) + [(pad, pad)]
        x = jnp.pad(x, widths, mode=PAD_MODES[pad_mode])
    segments = frames(x, n_fft, hop, count) * w
    norm = "ortho" if normalized else "backward"
    if onesided:
        spectra = rfft(segments, axis=-1, norm=norm)
    else:
        spectra = fft(segments, axis=-1, norm=norm)
    spectra = jnp.swapaxes(spectra, -1, -2)
    if not return_complex:
        return jnp.stack([spectra.real, spectra.imag], axis=-1)
    return spectra


def istft(
    X: Any,
    n_fft: int,
    hop_length: int | None = None,
    win_length: int | None = None,
    window: Any = None,
    center: bool = True,
    normalized: bool = False,
    onesided: bool | None = None,
    length: int | None = None,
    return_complex: bool = False,
) -> jax.Array:
    """Inverse short-time Fourier transform, as :func:`torch.istft`.

    Each frame is inverse transformed, multiplied by the window and
    overlap-added; the sum is divided by the overlap-add of the squared
    window (the envelope), which must not vanish (NOLA). With a concrete
    window (a numpy array, a jax array outside jit, or None) a vanishing
    envelope raises ValueError; a window traced under jit cannot be checked,
    and there the division gives inf/nan where the envelope is below 1e-11.

    On the CPU a real result with a concrete window is one native kernel
    (the inverse transforms, window and overlap-add of blocks of frames in
    cache, straight into the trimmed signal); a traced window and
    ``return_complex=True`` take the composition of :func:`jfft.irfft` /
    :func:`jfft.ifft` and overlap-add, as do other platforms.

    Parameters
    ----------
    X : array_like
        Complex ``[..., freq, frames]`` as :func:`stft` returns it.
    n_fft, hop_length, win_length, window, center, normalized : optional
        As :func:`stft`; ``0 < hop_length <= win_length`` is required.
    onesided : bool, optional
        Whether ``X`` holds ``n_fft // 2 + 1`` frequencies; default: when
        ``freq != n_fft``.
    length : int, optional
        Output length: trims, or zero-pads past the last frame.
    return_complex : bool, optional
        Return the complex inverse (needs ``onesided=False``); default the
        real inverse.

    Returns
    -------
    jax.Array
        ``[..., length]``; without ``length``, ``n_fft + hop_length *
        (frames - 1)`` points less ``2 * (n_fft // 2)`` when ``center``.

    Raises
    ------
    TypeError
        ``X`` is not complex, or a length is not an integer.
    ValueError
        Bad lengths (as :func:`stft`, plus ``hop_length > win_length``), a
        frequency count that does not match ``n_fft``/``onesided``, no
        frames, ``return_complex=True`` with ``onesided``, a complex window
        with a real result, or a window whose envelope vanishes (NOLA).

    Examples
    --------
    >>> import jax.numpy as jnp, jfft
    >>> x = jnp.cos(jnp.arange(1000.0) / 7)
    >>> w = jnp.hanning(257)[:-1]
    >>> X = jfft.stft(x, 256, 64, window=w)
    >>> bool(jnp.allclose(jfft.istft(X, 256, 64, window=w, length=1000), x,
    ...                   atol=1e-5))
    True
    """
    func = "istft"
    X = _args.as_array(X, "X")
    if not jnp.issubdtype(X.dtype, jnp.complexfloating):
        raise TypeError(
            f"{func}: X must be complex [..., freq, frames], got dtype {X.dtype}"
        )
    if X.ndim < 2:
        raise ValueError(f"{func}: X must be [..., freq, frames], got shape {X.shape}")
    n_fft, hop, win_length = _lengths(n_fft, hop_length, win_length, func)
    if hop > win_length:
        raise ValueError(
            f"{func}: expected 0 < hop_length <= win_length, got hop_length={hop}, "
            f"win_length={win_length}"
        )
    n_freq, count = X.shape[-2:]
    if count == 0:
        raise ValueError(f"{func}: X has no frames (shape {X.shape})")
    if onesided is None:
        onesided = n_freq != n_fft
    if onesided and n_freq != n_fft // 2 + 1:
        raise ValueError(
            f"{func}: a one-sided X must have n_fft // 2 + 1 = {n_fft // 2 + 1} "
            f"frequencies for n_fft={n_fft}, got {n_freq}"
        )
    if not onesided and n_freq != n_fft:
        raise ValueError(
            f"{func}: a two-sided X must have n_fft={n_fft} frequencies, got {n_freq}"
        )
    if return_complex and onesided:
        raise ValueError(f"{func}: return_complex=True needs onesided=False")
    real = np.finfo(X.dtype).dtype
    w, w_host = _window(window, win_length, n_fft, real, func)
    if not return_complex and jnp.issubdtype(w.dtype, jnp.complexfloating):
        raise ValueError(f"{func}: a complex window needs return_complex=True")
    if length is not None:
        length = _args._index(length, "length")
        if length < 0:
            raise ValueError(f"{func}: length must be non-negative, got {length}")
    norm = "ortho" if normalized else "backward"
    expected = (count - 1) * hop + n_fft
    start = n_fft // 2 if center else 0
    if length is not None:
        end = start + length
    elif center:
        end = expected - n_fft // 2
    else:
        end = expected
    if w_host is not None:
        envelope_host = _envelope_host(w_host, hop, count)[start:end]
        if envelope_host.size and np.abs(envelope_host).min() < NOLA_TOLERANCE:
            raise ValueError(
                f"{func}: window: its overlap-add envelope (squared window summed "
                f"at hop_length={hop}) falls to {np.abs(envelope_host).min():.3g} "
                "< 1e-11, so the signal cannot be recovered (NOLA violated)"
            )
    if not return_complex and w_host is not None:
        # One native op (jfft's CPU kernel; the composition below elsewhere)
        # writes the trimmed signal; past the last frame it is zero, and
        # there the divisor is 1.
        y = _primitives.istft_p.bind(
            X if onesided else X[..., : n_fft // 2 + 1, :],
            axes=(X.ndim - 2, X.ndim - 1),
            hop=hop,
            window=_primitives.HostWindow(w_host),
            signal_length=end - start,
            origin=start,
            extension="constant",
            adjoint=False,
            scale=n_fft**-0.5 if normalized else 1.0 / n_fft,
            **_fft._options(None),
        )
        divisor = np.pad(envelope_host, (0, end - start - envelope_host.size),
                         constant_values=1)  # fmt: skip
        return y / jnp.asarray(divisor.astype(w_host.dtype))
    spectra = jnp.swapaxes(X, -1, -2)
    if return_complex:
        segments = ifft(spectra, n=n_fft, axis=-1, norm=norm)
    else:
        if not onesided:
            spectra = spectra[..., : n_fft // 2 + 1]
        segments = irfft(spectra, n=n_fft, axis=-1, norm=norm)
    y = overlap_add(segments * w, hop)
    if w_host is not None:
        envelope = jnp.asarray(envelope_host.astype(w_host.dtype))
    else:
        envelope = overlap_add(jnp.broadcast_to(w * w, (count, n_fft)), hop)
        envelope = envelope[start:end]
    y = y[..., start:end] / envelope
    if end > expected:
        y = jnp.pad(y, [(0, 0)] * (y.ndim - 1) + [(0, end - expected)])
    return y


def _envelope_host(w: np.ndarray, hop: int, count: int) -> np.ndarray:
    n = w.shape[0]
    envelope = np.zeros((count - 1) * hop + n, (w * w).dtype)
    squared = w * w
    if count <= n:
        for t in range(count):
            envelope[t * hop : t * hop + n] += squared
    else:
        for j in range(n):
            envelope[j : j + count * hop : hop] += squared[j]
    return envelope

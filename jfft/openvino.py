"""OpenVINO-style DFT operations: DFT-7, IDFT-7, RDFT-9, IRDFT-9, STFT-15 and
ISTFT-16.

For models exported from (or written for) OpenVINO, whose DFT operations
differ from numpy's in how complex tensors and axes are given.

Complex tensors carry a trailing dimension of 2 holding (real, imaginary)
parts. For a complex tensor of rank r (counting that trailing dimension),
``axes`` count over the first r-1 dimensions: an axis a must lie in
[-(r-1), r-2] and a negative one means r-1+a; the trailing [re, im] axis can
never be transformed. For the real input of :func:`rdft` (rank r, no trailing
2), axes lie in [-r, r-1].

``signal_size`` gives one length per entry of ``axes`` (in the same order):
-1 keeps the input's length, a smaller length trims (the slice 0:size), a
larger one zero-pads at the end; 0 and values below -1 are errors. The
inverse transforms scale by 1/prod(sizes). For the real transforms the last
listed axis is the halved one (n//2+1 entries), as in numpy's rfftn/irfftn.

Every operation runs on jfft's transforms, so it is differentiable (any
order, both modes) and batches under vmap. Outputs have the input's dtype.
Each violated constraint raises ``ValueError`` (``TypeError`` for arguments
of the wrong type) naming it.

Examples
--------
>>> from jfft import openvino as ov
>>> data = np.zeros((2, 10, 10, 2), np.float32)     # complex [..., 2]
>>> data[..., 0] = 1.0
>>> ov.dft(data, axes=[1, 2], signal_size=[20, 5]).shape
(2, 20, 5, 2)
>>> real = np.arange(10, dtype=np.float32)
>>> spectrum = ov.rdft(real, axes=[0])
>>> spectrum.shape
(6, 2)
>>> np.allclose(ov.irdft(spectrum, axes=[0], signal_size=[10]), real, atol=1e-4)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from . import _args, _stft
from ._fft import fftn, ifftn, irfftn, rfftn

__all__ = ["dft", "idft", "irdft", "istft", "rdft", "stft"]

SignalSize = Sequence[int] | None


def _data(data: Any, op: str, *, is_complex: bool) -> jax.Array:
    x = _args.as_array(data, "data")
    if not jnp.issubdtype(x.dtype, jnp.floating):
        raise TypeError(
            f"{op}: data must be a real floating-point tensor, got dtype {x.dtype}"
        )
    if is_complex:
        if x.ndim < 2:
            raise ValueError(
                f"{op}: data must have rank >= 2 (a complex tensor [..., 2]), "
                f"got shape {x.shape}"
            )
        if x.shape[-1] != 2:
            raise ValueError(
                f"{op}: the last dimension of data must be 2 (real, imaginary), "
                f"got shape {x.shape}"
            )
    elif x.ndim < 1:
        raise ValueError(f"{op}: data must have rank >= 1, got a scalar")
    return x


def _axes(axes: Any, rank: int, op: str, *, is_complex: bool) -> tuple[int, ...]:
    """Axes normalised over ``rank`` dimensions (the complex rank r-1 for
    complex data)."""
    if isinstance(axes, (jax.Array, np.ndarray)):
        if np.ndim(axes) != 1:
            raise ValueError(f"{op}: axes must be a 1-D tensor, got {axes!r}")
        axes = np.asarray(axes).tolist()
    if isinstance(axes, (str, bytes)) or not isinstance(axes, Sequence):
        raise TypeError(f"{op}: axes must be a sequence of integers, got {axes!r}")
    if not axes:
        raise ValueError(f"{op}: axes must name at least one axis")
    for a in axes:
        a = _args._index(a, "axes")
        if not -rank <= a < rank:
            where = (
                f"the complex rank {rank} of data (r-1 for data of rank {rank + 1}; "
                "the trailing [re, im] axis cannot be transformed)"
                if is_complex
                else f"the rank {rank} of data"
            )
            raise ValueError(
                f"{op}: axes entry {a} is out of range [{-rank}, {rank - 1}] for "
                f"{where}"
            )
    try:
        return _args.normalize_axes(axes, rank)
    except ValueError as err:  # a repeated axis
        raise ValueError(f"{op}: {err}") from None


def _signal_size(signal_size: Any, axes: tuple[int, ...], op: str) -> list[int] | None:
    """The checked sizes, -1 kept (jfft's ``s`` has the same meaning)."""
    if signal_size is None:
        return None
    if isinstance(signal_size, (jax.Array, np.ndarray)):
        if np.ndim(signal_size) != 1:
            raise ValueError(
                f"{op}: signal_size must be a 1-D tensor, got {signal_size!r}"
            )
        signal_size = np.asarray(signal_size).tolist()
    if isinstance(signal_size, (str, bytes)) or not isinstance(signal_size, Sequence):
        raise TypeError(
            f"{op}: signal_size must be a sequence of integers, got {signal_size!r}"
        )
    if len(signal_size) != len(axes):
        raise ValueError(
            f"{op}: signal_size must have one entry per axis: got "
            f"{len(signal_size)} entries for {len(axes)} axes"
        )
    sizes = [_args._index(v, "signal_size") for v in signal_size]
    for v in sizes:
        if v != -1 and v < 1:
            raise ValueError(
                f"{op}: signal_size entries must be -1 (full length) or positive, "
                f"got {v}"
            )
    return sizes


def _to_complex(x: jax.Array) -> jax.Array:
    real = np.finfo(_args.complex_dtype(x.dtype)).dtype
    x = x.astype(real)
    return lax.complex(x[..., 0], x[..., 1])


def _to_pairs(y: jax.Array, dtype: np.dtype) -> jax.Array:
    return jnp.stack([y.real, y.imag], axis=-1).astype(dtype)


def dft(data: Any, axes: Sequence[int], signal_size: SignalSize = None) -> jax.Array:
    """OpenVINO DFT-7: the forward DFT of a complex tensor ``[..., 2]``.

    Parameters
    ----------
    data : array_like
        Real floating-point tensor of rank >= 2 whose last dimension (of size
        2) holds the real and imaginary parts.
    axes : sequence of int
        The axes transformed, unique, over the complex rank r-1 (a negative
        axis a means r-1+a); a 1-D integer array is accepted.
    signal_size : sequence of int, optional
        One length per entry of ``axes``: -1 keeps the input's length; a
        smaller length trims, a larger one zero-pads at the end.

    Returns
    -------
    jax.Array
        ``[..., 2]`` of the input's dtype, the transformed axes resized to
        ``signal_size``.

    Raises
    ------
    TypeError
        If ``data`` is not a real floating-point tensor, or ``axes`` /
        ``signal_size`` is not a sequence of integers.
    ValueError
        If ``data`` has the wrong rank (or no trailing dimension of 2), ``axes`` is empty, repeats an
        axis or holds one out of range, or ``signal_size`` has the wrong length
        or an entry that is 0 or below -1.

    See Also
    --------
    idft : The inverse.
    jfft.fftn : The same transform on complex arrays.

    Notes
    -----
    Unnormalised, as OpenVINO's DFT. Differentiable in both modes and to any order, batches under
    ``jax.vmap`` and works under ``jax.jit``; the rules are those of the jfft
    transform it runs (:func:`jfft.fftn`).

    Examples
    --------
    >>> from jfft import openvino as ov
    >>> z = np.array([1, 2j, 0, -1], np.complex64)
    >>> pairs = np.stack([z.real, z.imag], axis=-1)           # shape (4, 2)
    >>> y = np.asarray(ov.dft(pairs, axes=[0]))
    >>> np.allclose(y[:, 0] + 1j * y[:, 1], np.fft.fft(z), atol=1e-5)
    True
    """
    x = _data(data, "dft", is_complex=True)
    axes = _axes(axes, x.ndim - 1, "dft", is_complex=True)
    sizes = _signal_size(signal_size, axes, "dft")
    return _to_pairs(fftn(_to_complex(x), s=sizes, axes=axes), x.dtype)


def idft(data: Any, axes: Sequence[int], signal_size: SignalSize = None) -> jax.Array:
    """OpenVINO IDFT-7: the inverse DFT of a complex tensor ``[..., 2]``.

    Parameters
    ----------
    data : array_like
        Real floating-point tensor of rank >= 2 whose last dimension (of size
        2) holds the real and imaginary parts.
    axes : sequence of int
        The axes transformed, unique, over the complex rank r-1 (a negative
        axis a means r-1+a); a 1-D integer array is accepted.
    signal_size : sequence of int, optional
        One length per entry of ``axes``: -1 keeps the input's length; a
        smaller length trims, a larger one zero-pads at the end.

    Returns
    -------
    jax.Array
        ``[..., 2]`` of the input's dtype, scaled by ``1/prod(sizes)``.

    Raises
    ------
    TypeError
        If ``data`` is not a real floating-point tensor, or ``axes`` /
        ``signal_size`` is not a sequence of integers.
    ValueError
        If ``data`` has the wrong rank (or no trailing dimension of 2), ``axes`` is empty, repeats an
        axis or holds one out of range, or ``signal_size`` has the wrong length
        or an entry that is 0 or below -1.

    See Also
    --------
    dft : The forward transform.

    Notes
    -----
    Scaled by 1/prod(sizes). Differentiable in both modes and to any order, batches under
    ``jax.vmap`` and works under ``jax.jit``; the rules are those of the jfft
    transform it runs (:func:`jfft.ifftn`).

    Examples
    --------
    >>> from jfft import openvino as ov
    >>> data = np.random.default_rng(0).standard_normal((4, 6, 2)).astype(np.float32)
    >>> back = ov.idft(ov.dft(data, axes=[0, 1]), axes=[0, 1])
    >>> np.allclose(back, data, atol=1e-5)
    True
    """
    x = _data(data, "idft", is_complex=True)
    axes = _axes(axes, x.ndim - 1, "idft", is_complex=True)
    sizes = _signal_size(signal_size, axes, "idft")
    return _to_pairs(ifftn(_to_complex(x), s=sizes, axes=axes), x.dtype)


def rdft(data: Any, axes: Sequence[int], signal_size: SignalSize = None) -> jax.Array:
    """OpenVINO RDFT-9: the DFT of a real tensor.

    Parameters
    ----------
    data : array_like
        Real floating-point tensor of rank >= 1 (no trailing 2).
    axes : sequence of int
        The axes transformed, unique (a negative axis a means r+a). The last
        listed axis is halved.
    signal_size : sequence of int, optional
        One length per entry of ``axes``: -1 keeps the input's length; a
        smaller length trims, a larger one zero-pads at the end before the transform.

    Returns
    -------
    jax.Array
        ``[..., 2]`` of the input's dtype: the transformed axes resized to
        ``signal_size``, the last listed one to ``size // 2 + 1``.

    Raises
    ------
    TypeError
        If ``data`` is not a real floating-point tensor, or ``axes`` /
        ``signal_size`` is not a sequence of integers.
    ValueError
        If ``data`` has the wrong rank, ``axes`` is empty, repeats an
        axis or holds one out of range, or ``signal_size`` has the wrong length
        or an entry that is 0 or below -1.

    See Also
    --------
    irdft : The inverse.
    jfft.rfftn : The same transform, complex output.

    Notes
    -----
    Unnormalised. Differentiable in both modes and to any order, batches under
    ``jax.vmap`` and works under ``jax.jit``; the rules are those of the jfft
    transform it runs (:func:`jfft.rfftn`).

    Examples
    --------
    >>> from jfft import openvino as ov
    >>> x = np.ones((4, 8), np.float32)
    >>> ov.rdft(x, axes=[0, 1]).shape
    (4, 5, 2)
    """
    x = _data(data, "rdft", is_complex=False)
    axes = _axes(axes, x.ndim, "rdft", is_complex=False)
    sizes = _signal_size(signal_size, axes, "rdft")
    return _to_pairs(rfftn(x, s=sizes, axes=axes), x.dtype)


def irdft(data: Any, axes: Sequence[int], signal_size: SignalSize = None) -> jax.Array:
    """OpenVINO IRDFT-9: the inverse of :func:`rdft`, a real tensor.

    Parameters
    ----------
    data : array_like
        Floating-point tensor ``[..., 2]`` holding the half spectrum along the
        last listed axis.
    axes : sequence of int
        The axes transformed, unique, over the complex rank r-1 (a negative
        axis a means r-1+a); a 1-D integer array is accepted.
    signal_size : sequence of int, optional
        One length per axis. For the last listed axis it is the output length
        (-1: ``2 * (m - 1)`` for an input length m); for the others -1 keeps
        the input's length.

    Returns
    -------
    jax.Array
        The real result, of the input's dtype, scaled by ``1/prod(sizes)``.

    Raises
    ------
    TypeError
        If ``data`` is not a real floating-point tensor, or ``axes`` /
        ``signal_size`` is not a sequence of integers.
    ValueError
        If ``data`` has the wrong rank (or no trailing dimension of 2), ``axes`` is empty, repeats an
        axis or holds one out of range, or ``signal_size`` has the wrong length
        or an entry that is 0 or below -1.

    See Also
    --------
    rdft : The forward transform.

    Notes
    -----
    The Hermitian handling follows numpy's irfftn (only the imaginary parts of
    the DC and, for even lengths, Nyquist terms are ignored). A default output
    length ``2*(m-1)`` below 1 raises ``ValueError``. Differentiable in both modes and to any order, batches under
    ``jax.vmap`` and works under ``jax.jit``; the rules are those of the jfft
    transform it runs (:func:`jfft.irfftn`).

    Examples
    --------
    >>> from jfft import openvino as ov
    >>> x = np.arange(7, dtype=np.float32)
    >>> back = ov.irdft(ov.rdft(x, axes=[0]), axes=[0], signal_size=[7])
    >>> np.allclose(back, x, atol=1e-4)
    True
    """
    x = _data(data, "irdft", is_complex=True)
    axes = _axes(axes, x.ndim - 1, "irdft", is_complex=True)
    sizes = _signal_size(signal_size, axes, "irdft")
    m = x.shape[axes[-1]]
    if sizes is None:
        sizes = [-1] * len(axes)
    if sizes[-1] == -1:
        sizes[-1] = 2 * (m - 1)
        if sizes[-1] < 1:
            raise ValueError(
                f"irdft: the default output length 2*(m-1) along axis {axes[-1]} "
                f"is {sizes[-1]} (input length {m}); give signal_size"
            )
    return irfftn(_to_complex(x), s=sizes, axes=axes).astype(x.dtype)


def _scalar_size(value: Any, name: str, op: str) -> int:
    if isinstance(value, (jax.Array, np.ndarray)):
        if np.ndim(value) != 0:
            raise ValueError(f"{op}: {name} must be a scalar, got shape {value.shape}")
        value = np.asarray(value).item()
    value = _args._index(value, name)
    if value <= 0:
        raise ValueError(f"{op}: {name} must be positive, got {value}")
    return value


def _frame_window(window: Any, frame_size: int, dtype: np.dtype, op: str):
    w = _args.as_array(window, "window")
    if not jnp.issubdtype(w.dtype, jnp.floating):
        raise TypeError(f"{op}: window must be real floating-point, got {w.dtype}")
    if w.ndim != 1:
        raise ValueError(f"{op}: window must be 1-D, got shape {w.shape}")
    if not 0 < w.shape[0] <= frame_size:
        raise ValueError(
            f"{op}: the window length {w.shape[0]} must be in [1, frame_size="
            f"{frame_size}]"
        )
    return w.astype(dtype)


def stft(
    signal: Any,
    window: Any,
    frame_size: int,
    frame_step: int,
    transpose_frames: bool = False,
) -> jax.Array:
    """OpenVINO STFT-15: the short-time Fourier transform of a real signal.

    Frame t is ``signal[..., t*frame_step : t*frame_step + frame_size]``
    times the window (zero-padded on both sides to frame_size when shorter,
    centred), transformed by a real FFT of frame_size points. No padding of
    the signal.

    Parameters
    ----------
    signal : array_like
        Real ``[signal_size]`` or ``[batch, signal_size]``.
    window : array_like
        Real ``[window_length]``, ``window_length <= frame_size``.
    frame_size : int
        Frame and FFT length, ``<= signal_size``.
    frame_step : int
        Distance between frame starts, positive.
    transpose_frames : bool, optional
        False: ``[batch?, frames, frame_size // 2 + 1, 2]``; True:
        ``[batch?, frame_size // 2 + 1, frames, 2]``.

    Returns
    -------
    jax.Array
        Real ``[..., 2]`` (real, imaginary) of the signal's dtype, with
        ``frames = (signal_size - frame_size) // frame_step + 1``.

    Raises
    ------
    TypeError
        Non-floating signal or window, or non-integer sizes.
    ValueError
        A signal not 1-D or 2-D, a window not 1-D or longer than frame_size,
        a non-positive frame_size or frame_step, or frame_size greater than
        signal_size.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import openvino
    >>> openvino.stft(np.zeros((2, 48), np.float32), np.ones(16, np.float32),
    ...               16, 8).shape
    (2, 5, 9, 2)
    """
    op = "stft"
    x = _args.as_array(signal, "signal")
    if not jnp.issubdtype(x.dtype, jnp.floating):
        raise TypeError(f"{op}: signal must be real floating-point, got {x.dtype}")
    if x.ndim not in (1, 2):
        raise ValueError(
            f"{op}: signal must be [signal_size] or [batch, signal_size], got shape "
            f"{x.shape}"
        )
    frame_size = _scalar_size(frame_size, "frame_size", op)
    frame_step = _scalar_size(frame_step, "frame_step", op)
    if frame_size > x.shape[-1]:
        raise ValueError(
            f"{op}: frame_size={frame_size} must not exceed signal_size={x.shape[-1]}"
        )
    w = _frame_window(window, frame_size, x.dtype, op)
    y = _stft.stft(x, frame_size, frame_step, w.shape[0], w, center=False)
    if not transpose_frames:
        y = jnp.swapaxes(y, -1, -2)
    return _to_pairs(y, x.dtype)


def istft(
    data: Any,
    window: Any,
    frame_size: int,
    frame_step: int,
    signal_length: int | None = None,
    center: bool = False,
    normalized: bool = False,
) -> jax.Array:
    """OpenVINO ISTFT-16: the inverse short-time Fourier transform (real
    output).

    Each frame's inverse real FFT is multiplied by the window (centred and
    zero-padded to frame_size) and overlap-added, and the sum divided by the
    overlap-add of the squared window, as torch.istft. A window that leaves
    the envelope at zero somewhere (NOLA violated) raises ValueError when it
    is concrete; a traced one gives inf/nan there.

    Parameters
    ----------
    data : array_like
        ``[fft_results, frames, 2]`` or ``[batch, fft_results, frames, 2]``
        with ``fft_results = frame_size // 2 + 1``.
    window : array_like
        Real ``[window_length]``, ``window_length <= frame_size``.
    frame_size : int
        Frame and FFT length.
    frame_step : int
        Distance between frames, ``0 < frame_step <= window_length``.
    signal_length : int, optional
        Output length: trims, or zero-pads at the end. Default
        ``(frames - 1) * frame_step`` when ``center``, else that plus
        frame_size.
    center : bool, optional
        The STFT's signal was padded by ``frame_size // 2`` on both sides;
        the padding is removed.
    normalized : bool, optional
        The STFT was scaled by ``frame_size ** -0.5``.

    Returns
    -------
    jax.Array
        Real ``[signal_length]`` or ``[batch, signal_length]``, data's dtype.

    Raises
    ------
    TypeError
        Non-floating data or window, non-integer sizes.
    ValueError
        data not 3-D or 4-D or without a trailing 2, fft_results other than
        ``frame_size // 2 + 1``, no frames, a window not 1-D or longer than
        frame_size, frame_step not in (0, window_length], a negative
        signal_length, or a window violating NOLA.

    Examples
    --------
    >>> import numpy as np
    >>> from jfft import openvino
    >>> x = np.random.default_rng(0).standard_normal(64).astype(np.float32)
    >>> w = np.hanning(18)[1:-1].astype(np.float32)
    >>> y = openvino.istft(openvino.stft(x, w, 16, 4, True), w, 16, 4)
    >>> bool(np.allclose(y, x, atol=1e-5))
    True
    """
    op = "istft"
    z = _args.as_array(data, "data")
    if not jnp.issubdtype(z.dtype, jnp.floating):
        raise TypeError(f"{op}: data must be real floating-point, got {z.dtype}")
    if z.ndim not in (3, 4) or z.shape[-1] != 2:
        raise ValueError(
            f"{op}: data must be [fft_results, frames, 2] or [batch, fft_results, "
            f"frames, 2], got shape {z.shape}"
        )
    frame_size = _scalar_size(frame_size, "frame_size", op)
    frame_step = _scalar_size(frame_step, "frame_step", op)
    if z.shape[-3] != frame_size // 2 + 1:
        raise ValueError(
            f"{op}: data has {z.shape[-3]} fft_results, frame_size={frame_size} "
            f"needs frame_size // 2 + 1 = {frame_size // 2 + 1}"
        )
    frames = z.shape[-2]
    if frames == 0:
        raise ValueError(f"{op}: data has no frames (shape {z.shape})")
    w = _frame_window(window, frame_size, z.dtype, op)
    if frame_step > w.shape[0]:
        raise ValueError(
            f"{op}: frame_step={frame_step} must not exceed the window length "
            f"{w.shape[0]}"
        )
    if signal_length is None:
        signal_length = (frames - 1) * frame_step + (0 if center else frame_size)
    else:
        if isinstance(signal_length, (jax.Array, np.ndarray)):
            signal_length = np.asarray(signal_length).item()
        signal_length = _args._index(signal_length, "signal_length")
        if signal_length < 0:
            raise ValueError(
                f"{op}: signal_length must be non-negative, got {signal_length}"
            )
    y = _stft.istft(
        _to_complex(z), frame_size, frame_step, w.shape[0], w, center=center,
        normalized=normalized, onesided=True, length=signal_length,
    )  # fmt: skip
    return y.astype(z.dtype)

"""OpenVINO-style DFT operations: DFT-7, IDFT-7, RDFT-9 and IRDFT-9.

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

from . import _args
from ._fft import fftn, ifftn, irfftn, rfftn

__all__ = ["dft", "idft", "irdft", "rdft"]

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

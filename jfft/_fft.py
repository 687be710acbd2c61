"""The public transforms, with numpy 2.x / scipy.fft semantics."""

from __future__ import annotations

import contextlib
import contextvars
import os
from collections.abc import Iterator, Sequence
from typing import Any, Literal

import jax
import jax.numpy as jnp
from jax import lax

# _sharding.bind replaces prim.bind at the three bind sites below, so that
# sharded inputs are transformed shard by shard (custom_partitioning).
from . import _args, _primitives, _sharding
from ._primitives import c2c_p, c2r_p, r2c_p

Norm = Literal["backward", "ortho", "forward"] | None
Axes = Sequence[int] | None
Shape = Sequence[int] | None


def _backend_from_environment() -> str:
    value = os.environ.get("JFFT_BACKEND", "")
    backend = value.strip().lower() or "native"
    if backend not in _primitives.BACKENDS:
        raise ValueError(
            f"JFFT_BACKEND: expected 'native' or 'xla' (any case), got {value!r}"
        )
    return backend


_DEFAULT_BACKEND = _backend_from_environment()
_backend = contextvars.ContextVar("jfft_backend", default=_DEFAULT_BACKEND)


@contextlib.contextmanager
def xla_fallback(enabled: bool = True) -> Iterator[None]:
    """Context manager under which transforms lower to XLA's own FFT instead of
    jfft's native kernels (an A/B switch for comparisons and debugging).

    Parameters
    ----------
    enabled : bool, optional
        ``True`` (the default) selects XLA's FFT, ``False`` jfft's kernels
        (e.g. inside an outer ``xla_fallback()``).

    Returns
    -------
    contextlib.AbstractContextManager
        Restores the previous choice on exit.

    See Also
    --------
    set_workers : Another trace-time setting (which does not clear caches).

    Notes
    -----
    The path is chosen when a transform is traced, and JAX reuses traces
    across calls; so that the switch always takes effect, entering and leaving
    the context clear JAX's compilation caches (``jax.clear_caches()``), and
    jitted functions are traced again on their next call. Setting the
    environment variable ``JFFT_BACKEND=xla`` before import makes the XLA path
    the default. Results agree to rounding; differentiation and batching rules
    are the same on both paths.

    Not thread-safe: clearing JAX's process-wide caches while other threads
    run jitted code can make those calls fail inside JAX (seen:
    ``RuntimeProgramInputMismatch`` in a thread calling a jitted function while
    another thread toggled x64). JAX has no public way to make a library's
    setting part of its trace keys, so switch before starting threads, or use
    ``JFFT_BACKEND``.

    Examples
    --------
    >>> x = np.arange(8, dtype=np.complex64)
    >>> native = jfft.fft(x)
    >>> with jfft.xla_fallback():
    ...     reference = jfft.fft(x)
    >>> np.allclose(native, reference, atol=1e-5)
    True
    """
    token = _backend.set("xla" if enabled else "native")
    jax.clear_caches()
    try:
        yield
    finally:
        _backend.reset(token)
        jax.clear_caches()


_workers = contextvars.ContextVar("jfft_workers", default=None)

def _resolve_workers(workers: Any) -> int:
    """scipy.fft's convention (_args.resolve_workers), None being the current
    default: what set_workers says, else all cores."""
    return _args.resolve_workers(workers, _workers.get())


def get_workers() -> int:
    """The number of threads a transform uses when ``workers`` is not given.

    Returns
    -------
    int
        The default set by the innermost :func:`set_workers` of the calling
        thread, else ``os.cpu_count()``.

    See Also
    --------
    set_workers : Changes the default.

    Examples
    --------
    >>> with jfft.set_workers(1):
    ...     print(jfft.get_workers())
    1
    """
    return _resolve_workers(None)


@contextlib.contextmanager
def set_workers(workers: int) -> Iterator[None]:
    """Context manager setting the default ``workers`` of the transforms traced
    inside it, as :func:`scipy.fft.set_workers`.

    Parameters
    ----------
    workers : int
        Threads: a positive count, ``-1`` for all cores or ``-k`` for all but
        ``k - 1`` (scipy.fft's convention). Checked on entry.

    Returns
    -------
    contextlib.AbstractContextManager
        Restores the previous default on exit.

    Raises
    ------
    TypeError
        If ``workers`` is not an integer.
    ValueError
        If ``workers`` is 0 or below ``-os.cpu_count()``.

    See Also
    --------
    get_workers : The current default.
    xla_fallback : The other trace-time switch.

    Notes
    -----
    The thread count is read when a transform is **traced**, and becomes part
    of the compiled computation. ``set_workers`` does not clear JAX's caches
    (unlike :func:`xla_fallback`), so a function jitted and called before the
    ``with`` block keeps the thread count it was traced with; trace inside the
    block (or pass ``workers=`` explicitly) for the setting to apply. The
    setting is local to the calling thread (a :class:`contextvars.ContextVar`).
    The native kernels never use more threads than XLA's CPU thread pool has,
    and GPUs ignore it. Results do not depend on the thread count.

    Examples
    --------
    >>> x = np.ones((4, 256), np.complex64)
    >>> with jfft.set_workers(1):
    ...     y = jax.jit(jfft.fft)(x)          # traced here: one thread
    >>> print(np.asarray(y[0, 0]).real)
    256.0
    """
    token = _workers.set(_resolve_workers(workers))
    try:
        yield
    finally:
        _workers.reset(token)


def _options(workers: Any) -> dict:
    return {"backend": _backend.get(), "workers": _resolve_workers(workers)}


# The three transform families, each over a canonical (axes, lengths).


def _c2c(a, axes_lengths_fn, norm, forward: bool, workers) -> jax.Array:
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    axes, lengths = axes_lengths_fn(x.shape)
    x = x.astype(_args.complex_dtype(x.dtype))
    x = _args.fit(x, axes, lengths)
    if not axes or x.size == 0:  # nothing to transform: x is the result
        return x
    scale = _args.scale_factor(norm, lengths, inverse=not forward)
    return _sharding.bind(c2c_p, x, axes=axes, forward=forward, scale=scale, **options)


def _r2c(a, axes_lengths_fn, norm, workers, func: str, *, inverse_norm=False):
    # ihfft (inverse_norm) is conj(rfft(a)) with the opposite norm.
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    x = x.astype(_args.real_dtype(x.dtype, "a", func))
    axes, lengths = axes_lengths_fn(x.shape)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    x = _args.fit(x, axes, lengths)
    if x.size == 0:
        shape = list(x.shape)
        shape[axes[-1]] = _args.half_length(lengths[-1])
        return jnp.zeros(shape, _args.complex_dtype(x.dtype))
    scale = _args.scale_factor(norm, lengths, inverse=inverse_norm)
    return _sharding.bind(r2c_p, x, axes=axes, scale=scale, **options)


def _c2r(a, axes_lengths_fn, norm, workers, func: str, *, conjugate=False):
    x = _args.as_array(a)
    norm = _args.check_norm(norm)
    options = _options(workers)
    axes, lengths = axes_lengths_fn(x.shape)
    if not axes:
        raise ValueError(f"{func}: axes must name at least one axis")
    x = x.astype(_args.complex_dtype(x.dtype))
    if conjugate:
        x = lax.conj(x)
    half = lengths[:-1] + (_args.half_length(lengths[-1]),)
    x = _args.fit(x, axes, half)
    out_shape = list(x.shape)
    out_shape[axes[-1]] = lengths[-1]
    _args.check_size(out_shape, "n/s")
    if x.size == 0:  # the half spectrum is empty exactly when the output is
        return jnp.zeros(out_shape, x.real.dtype)
    # hfft (conjugate) is irfft(conj(a)) with the opposite norm: a
    # forward-direction transform, unscaled under "backward".
    scale = _args.scale_factor(norm, lengths, inverse=not conjugate)
    return _sharding.bind(
        c2r_p, x, axes=axes, last_length=lengths[-1], scale=scale, **options
    )


def _one(n, axis, func, *, c2r=False):
    return lambda shape: _args.transform_1d(shape, n, axis, c2r=c2r, func=func)


def _many(s, axes, *, c2r=False):
    return lambda shape: _args.transform_nd(shape, s, axes, c2r=c2r)


# 1-D -------------------------------------------------------------------------


def fft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D discrete Fourier transform, as :func:`numpy.fft.fft`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    n : int, optional
        Length of the transformed axis: the input is cropped, or zero-padded at
        its end, to ``n`` points. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with ``n`` points along ``axis``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1``, ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ifft : The inverse transform.
    rfft : The transform of real input, half the work.
    fftn : Over several axes.
    jax.numpy.fft.fft : The function this one replaces.

    Notes
    -----
    ``y[k] = sum_j a[j] * exp(-2j * pi * j * k / n)``, times the ``norm``
    factor.

    *Dtypes* (as ``jax.numpy.fft``): complex64 for float32, float16,
    bfloat16, bool and integers of up to 32 bits; complex128 for float64 and
    complex128 input (which exist with ``jax_enable_x64`` on); 64-bit integers
    compute in the default float.

    *Differentiation.* The transform is linear: its JVP is the transform
    itself, and it differentiates to any order in both modes. Its linear
    transpose (what ``jax.vjp`` and ``jax.grad`` apply to a cotangent) is
    ``fft`` again with the same ``norm``, because the DFT matrix is symmetric.
    Its Hermitian adjoint is ``n * ifft`` (exactly :func:`ifft` with
    ``norm="ortho"``).

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> y = jfft.fft(x)
    >>> y.dtype
    dtype('complex64')
    >>> print(np.round(np.asarray(y), 4) + 0)
    [2.+0.j 1.-3.j 0.+0.j 1.+3.j]
    >>> np.allclose(y, np.fft.fft(x), atol=1e-6)
    True

    ``n`` zero-pads (or crops) at the end; under ``jax.jit`` it is static:

    >>> jax.jit(jfft.fft, static_argnames="n")(x, n=8).shape
    (8,)

    Gradients: by Parseval, ``sum |fft(x)|**2 == n * sum x**2``:

    >>> g = jax.grad(lambda x: jnp.sum(jnp.abs(jfft.fft(x)) ** 2))(x)
    >>> np.allclose(g, 2 * 4 * x)
    True
    """
    return _c2c(a, _one(n, axis, "fft"), norm, True, workers)


def ifft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    n : int, optional
        Length of the transformed axis: the input is cropped, or zero-padded at
        its end, to ``n`` points. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with ``n`` points along ``axis``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1``, ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    fft : The forward transform.
    irfft : The inverse with real output.
    ifftn : Over several axes.

    Notes
    -----
    ``y[j] = (1/n) * sum_k a[k] * exp(2j * pi * j * k / n)`` under the default
    ``norm``.

    *Dtypes* (as ``jax.numpy.fft``): complex64 for float32, float16,
    bfloat16, bool and integers of up to 32 bits; complex128 for float64 and
    complex128 input (which exist with ``jax_enable_x64`` on); 64-bit integers
    compute in the default float.

    *Differentiation.* Linear: the JVP is ``ifft`` itself and the linear
    transpose is ``ifft`` with the same ``norm`` (the inverse DFT matrix is
    symmetric too). ``ifft`` is the adjoint of :func:`fft` up to the factor
    ``n``: ``vdot(fft(x), y) == vdot(x, n * ifft(y))``.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> y = np.array([2, 1 - 3j, 0, 1 + 3j], np.complex64)
    >>> print(np.round(np.asarray(jfft.ifft(y)).real, 4) + 0)
    [ 1.  2.  0. -1.]

    The adjoint identity behind the gradient rules:

    >>> rng = np.random.default_rng(0)
    >>> x = rng.standard_normal(6) + 1j * rng.standard_normal(6)
    >>> z = rng.standard_normal(6) + 1j * rng.standard_normal(6)
    >>> x, z = x.astype(np.complex64), z.astype(np.complex64)
    >>> lhs = np.vdot(jfft.fft(x), z)
    >>> rhs = np.vdot(x, 6 * jfft.ifft(z))
    >>> bool(np.isclose(lhs, rhs, rtol=1e-5))
    True
    """
    return _c2c(a, _one(n, axis, "ifft"), norm, False, workers)


def rfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """1-D discrete Fourier transform of real input, as :func:`numpy.fft.rfft`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    n : int, optional
        Length of the transformed axis: the input is cropped, or zero-padded at
        its end, to ``n`` points. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with ``n//2 + 1`` entries along ``axis``
        (the non-negative frequencies: the rest are their conjugates).

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1``, ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    irfft : The inverse.
    fft : The full transform of complex input.
    rfftn : Over several axes.

    Notes
    -----
    The first ``n//2 + 1`` outputs of :func:`fft` of the real input, at about
    half the cost.

    *Dtypes*: complex64 for float32, float16, bfloat16, bool and integers of
    up to 32 bits; complex128 for float64 (with ``jax_enable_x64``); 64-bit
    integers compute in the default float. ``jax.numpy.fft`` refuses float16 and
    bfloat16 here; jfft computes them in float32.

    *Differentiation.* Linear, so the JVP is ``rfft`` itself. It is not
    unitary (the half spectrum counts each interior frequency once for two), so
    its linear transpose is not :func:`irfft`: for a cotangent ``ct`` it is
    ``c2r(conj(ct) / w)``, the unnormalised complex-to-real transform with the
    half-spectrum weights ``w`` (1 at DC and, for even ``n``, at Nyquist, 2
    elsewhere), scaled by the same ``norm`` factor. ``jax.grad`` of a real loss
    of ``rfft(x)`` is therefore exact.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 0.0, -1.0], np.float32)
    >>> print(np.round(np.asarray(jfft.rfft(x)), 4) + 0)
    [2.+0.j 1.-3.j 0.+0.j]
    >>> jfft.rfft(np.ones((3, 10), np.float32), axis=-1).shape
    (3, 6)

    jfft also takes bfloat16 and float16 (computed in float32):

    >>> jfft.rfft(jnp.ones(8, jnp.bfloat16)).dtype
    dtype('complex64')

    The gradient matches a dense-matrix reference:

    >>> m = np.fft.rfft(np.eye(4), axis=0)        # rfft as a 3 x 4 matrix
    >>> loss = lambda x: jnp.sum(jfft.rfft(x).real)
    >>> g = jax.grad(loss)(x)
    >>> np.allclose(g, m.real.sum(axis=0), atol=1e-6)
    True
    """
    return _r2c(a, _one(n, axis, "rfft"), norm, workers, "rfft")


def irfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`rfft`, real output, as :func:`numpy.fft.irfft`.

    Parameters
    ----------
    a : array_like
        The half spectrum along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    n : int, optional
        Length of the real output along ``axis``; the input is cropped or
        zero-padded at its end to ``n//2 + 1`` entries first. Default
        ``2*(m-1)`` for an input length ``m`` (pass ``n`` for odd lengths).
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; the shape of ``a`` with ``n`` points along ``axis``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1`` (or, with ``n`` left out, ``2*(m-1) < 1``), ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    rfft : The forward transform.
    hfft : The transform of a Hermitian signal.
    irfftn : Over several axes.

    Notes
    -----
    The input is taken as the non-negative half of a Hermitian spectrum. As
    numpy does, only the imaginary parts of the DC term and (for even ``n``)
    of the Nyquist term are ignored; every other entry counts once for itself
    and once for its conjugate.

    *Dtypes*: float32 for complex64 (and for float32, float16, bfloat16,
    bool or integer input of up to 32 bits), float64 for complex128/float64
    (with ``jax_enable_x64``).

    *Differentiation.* Linear (JVP: ``irfft`` itself). Its linear transpose
    maps a real cotangent ``ct`` to ``w * conj(r2c(ct))``, the unnormalised
    real-to-complex transform times the half-spectrum weights ``w`` (1 at DC
    and, for even ``n``, at Nyquist, 2 elsewhere), scaled by the ``norm``
    factor: the derivative with respect to an ignored imaginary part is 0.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0, 0.0, -1.0, 3.0], np.float32)
    >>> spectrum = jfft.rfft(x)
    >>> spectrum.shape
    (3,)
    >>> print(np.round(np.asarray(jfft.irfft(spectrum, n=5)), 4) + 0)
    [ 1.  2.  0. -1.  3.]

    Without ``n`` the output length is ``2*(m-1)`` (even):

    >>> jfft.irfft(spectrum).shape
    (4,)
    """
    return _c2r(a, _one(n, axis, "irfft", c2r=True), norm, workers, "irfft")


def hfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Transform of a Hermitian-symmetric signal given by its first half, as
    :func:`numpy.fft.hfft`.

    Parameters
    ----------
    a : array_like
        The first half of the signal along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    n : int, optional
        Length of the real output along ``axis``; the input is cropped or
        zero-padded at its end to ``n//2 + 1`` entries first. Default
        ``2*(m-1)`` for an input length ``m`` (pass ``n`` for odd lengths).
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: ``hfft`` (a
        forward transform) unscaled. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; the shape of ``a`` with ``n`` points along ``axis``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1`` (or, with ``n`` left out, ``2*(m-1) < 1``), ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ihfft : The inverse.
    irfft : The same transform with the inverse's conventions.
    hfftn : Over several axes (scipy.fft's).

    Notes
    -----
    ``hfft(a, n) == irfft(conj(a), n) * n`` under the default norm: the
    (real) spectrum of the signal whose first half is ``a`` and whose other
    half is its conjugate mirror.

    *Dtypes*: float32 for complex64 (and for float32, float16, bfloat16,
    bool or integer input of up to 32 bits), float64 for complex128/float64
    (with ``jax_enable_x64``).

    *Differentiation.* Linear; built from the rules of :func:`irfft` and a
    conjugation (JAX's linear transpose of ``conj`` is ``conj``).

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> signal = np.array([1.0, 2.0, 3.0, 2.0], np.float32)   # Hermitian
    >>> half = signal[:3]
    >>> print(np.round(np.asarray(jfft.hfft(half, n=4)), 4) + 0)
    [ 8. -2.  0. -2.]
    >>> np.allclose(jfft.hfft(half, n=4), np.fft.fft(signal).real, atol=1e-5)
    True
    """
    return _c2r(
        a, _one(n, axis, "hfft", c2r=True), norm, workers, "hfft", conjugate=True
    )


def ihfft(
    a: Any,
    n: int | None = None,
    axis: int = -1,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`hfft` for real input, as :func:`numpy.fft.ihfft`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    n : int, optional
        Length of the transformed axis: the input is cropped, or zero-padded at
        its end, to ``n`` points. Default: the input's length.
    axis : int, optional
        The axis transformed (default -1, the last).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: ``ihfft`` (an
        inverse transform) scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with ``n//2 + 1`` entries along ``axis``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``n``, ``axis`` or ``workers`` is not
        an integer, or if ``n``/``axis`` is a traced value under ``jax.jit``
        (make it static with ``static_argnames``).
    ValueError
        If ``n < 1``, ``norm`` is not one of the above, ``workers`` is 0
        or below ``-os.cpu_count()``, or ``axis`` is a sequence (use the n-D
        function).
    numpy.exceptions.AxisError
        If ``axis`` is out of range (a subclass of ``ValueError``).

    See Also
    --------
    hfft : The forward transform.
    rfft : The same transform with the forward's conventions.

    Notes
    -----
    ``ihfft(a) == conj(rfft(a)) / n`` under the default norm.

    *Dtypes*: complex64 for float32, float16, bfloat16, bool and integers of
    up to 32 bits; complex128 for float64 (with ``jax_enable_x64``); 64-bit
    integers compute in the default float. ``jax.numpy.fft`` refuses float16 and
    bfloat16 here; jfft computes them in float32.

    *Differentiation.* Linear; the rules of :func:`rfft` with a conjugation.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> spectrum = np.array([8.0, -2.0, 0.0, -2.0], np.float32)
    >>> print(np.round(np.asarray(jfft.ihfft(spectrum)), 4) + 0)
    [1.+0.j 2.+0.j 3.+0.j]
    """
    return lax.conj(
        _r2c(a, _one(n, axis, "ihfft"), norm, workers, "ihfft", inverse_norm=True)
    )


# n-D -------------------------------------------------------------------------


def fftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D discrete Fourier transform, as :func:`scipy.fft.fftn`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number, in any order, each at most once.
        Default: all axes (or the last ``len(s)``).
        ``axes=()`` returns the input (as complex).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with the lengths ``s`` along ``axes``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ifftn : The inverse.
    rfftn : For real input.
    fft2 : Over the last two axes.
    jfft.distributed.fftn : For arrays split over devices along the
        transformed axes.

    Notes
    -----
    The 1-D transform of :func:`fft` along each axis in ``axes``. ``s``
    entries of -1 (numpy 2.x) are accepted, which ``jax.numpy.fft`` refuses.

    *Dtypes* (as ``jax.numpy.fft``): complex64 for float32, float16,
    bfloat16, bool and integers of up to 32 bits; complex128 for float64 and
    complex128 input (which exist with ``jax_enable_x64`` on); 64-bit integers
    compute in the default float.

    *Differentiation.* Linear; the JVP is ``fftn`` itself and the linear
    transpose is ``fftn`` with the same ``norm`` and axes (a product of
    symmetric DFT matrices). The Hermitian adjoint is ``N * ifftn`` with ``N``
    the product of the lengths.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    >>> y = jfft.fftn(x, s=(-1, 6), axes=(0, 2))
    >>> y.shape
    (2, 3, 6)
    >>> np.allclose(y, np.fft.fftn(x, s=(2, 6), axes=(0, 2)), atol=1e-4)
    True

    Batched over a leading axis with ``jax.vmap``:

    >>> batch = np.ones((5, 4, 4), np.complex64)
    >>> jax.vmap(jfft.fftn)(batch).shape
    (5, 4, 4)
    """
    return _c2c(a, _many(s, axes), norm, True, workers)


def ifftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D inverse discrete Fourier transform, as :func:`scipy.fft.ifftn`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number, in any order, each at most once.
        Default: all axes (or the last ``len(s)``).
        ``axes=()`` returns the input (as complex).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with the lengths ``s`` along ``axes``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    fftn : The forward transform.
    irfftn : The inverse with real output.

    Notes
    -----
    The 1-D transform of :func:`ifft` along each axis in ``axes``.

    *Dtypes* (as ``jax.numpy.fft``): complex64 for float32, float16,
    bfloat16, bool and integers of up to 32 bits; complex128 for float64 and
    complex128 input (which exist with ``jax_enable_x64`` on); 64-bit integers
    compute in the default float.

    *Differentiation.* Linear; JVP and linear transpose are ``ifftn`` itself
    (same ``norm``). ``ifftn`` is the adjoint of :func:`fftn` up to ``N``.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.arange(12, dtype=np.complex64).reshape(3, 4)
    >>> np.allclose(jfft.ifftn(jfft.fftn(x)), x, atol=1e-5)
    True
    """
    return _c2c(a, _many(s, axes), norm, False, workers)


def rfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D discrete Fourier transform of real input, as :func:`numpy.fft.rfftn`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number (at least one), in any order, each at
        most once; the **last listed** axis is the halved one. Default: all
        axes (or the last ``len(s)``).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with the lengths ``s`` along ``axes``,
        except ``s[-1]//2 + 1`` along the last listed axis.

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    irfftn : The inverse.
    rfft2 : Over the last two axes.
    jfft.distributed.rfftn : For arrays split over devices.

    Notes
    -----
    A real transform of the last listed axis followed by complex transforms
    of the others.

    *Dtypes*: complex64 for float32, float16, bfloat16, bool and integers of
    up to 32 bits; complex128 for float64 (with ``jax_enable_x64``); 64-bit
    integers compute in the default float. ``jax.numpy.fft`` refuses float16 and
    bfloat16 here; jfft computes them in float32.

    *Differentiation.* Linear, not unitary: the linear transpose applies the
    half-spectrum weights along the halved axis, as :func:`rfft` (see there);
    the other axes transpose as :func:`fftn`.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.ones((4, 6), np.float32)
    >>> y = jfft.rfftn(x)
    >>> y.shape
    (4, 4)
    >>> print(np.round(np.asarray(y[0, 0]).real, 4))
    24.0

    The halved axis is the last one listed:

    >>> jfft.rfftn(x, axes=(1, 0)).shape
    (3, 6)
    """
    return _r2c(a, _many(s, axes), norm, workers, "rfftn")


def irfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`rfftn`, real output, as :func:`numpy.fft.irfftn`.

    Parameters
    ----------
    a : array_like
        The half spectrum along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    s : sequence of int, optional
        Output lengths along ``axes`` (``-1``: the input's length); the last
        listed axis holds the half spectrum, so its input is fitted to
        ``s[-1]//2 + 1`` entries. Default: the input's lengths, and ``2*(m-1)``
        along the last axis. Without ``axes``, the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number (at least one), in any order, each at
        most once; the **last listed** axis is the halved one. Default: all
        axes (or the last ``len(s)``).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; the shape of ``a`` with the lengths ``s`` along ``axes``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1 (or a default output length is below 1), an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    rfftn : The forward transform.
    irfft2 : Over the last two axes.

    Notes
    -----
    Complex inverse transforms of all but the last listed axis, then a
    complex-to-real one of that axis; only the imaginary parts of its DC and
    (even length) Nyquist terms are ignored, as numpy does.

    *Dtypes*: float32 for complex64 (and for float32, float16, bfloat16,
    bool or integer input of up to 32 bits), float64 for complex128/float64
    (with ``jax_enable_x64``).

    *Differentiation.* Linear; the transpose carries the half-spectrum weights
    along the last listed axis, as :func:`irfft` (see there).

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.arange(15, dtype=np.float32).reshape(3, 5)
    >>> back = jfft.irfftn(jfft.rfftn(x), s=x.shape)
    >>> np.allclose(back, x, atol=1e-4)
    True
    """
    return _c2r(a, _many(s, axes, c2r=True), norm, workers, "irfftn")


def hfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D transform of a Hermitian-symmetric signal, as :func:`scipy.fft.hfftn`.

    Parameters
    ----------
    a : array_like
        The first half of the signal along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    s : sequence of int, optional
        Output lengths along ``axes`` (``-1``: the input's length); the last
        listed axis holds the half spectrum, so its input is fitted to
        ``s[-1]//2 + 1`` entries. Default: the input's lengths, and ``2*(m-1)``
        along the last axis. Without ``axes``, the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number (at least one), in any order, each at
        most once; the **last listed** axis is the halved one. Default: all
        axes (or the last ``len(s)``).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; the shape of ``a`` with the lengths ``s`` along ``axes``.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1 (or a default output length is below 1), an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ihfftn : The inverse.
    hfft : The 1-D transform.
    scipy.fft.hfftn : The reference semantics.

    Notes
    -----
    ``irfftn(conj(a))`` with the opposite norm (unscaled under
    ``"backward"``). ``jax.numpy.fft`` has no ``hfftn``.

    *Dtypes*: float32 for complex64 (and for float32, float16, bfloat16,
    bool or integer input of up to 32 bits), float64 for complex128/float64
    (with ``jax_enable_x64``).

    *Differentiation.* Linear; the rules of :func:`irfftn` with a
    conjugation.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> signal = np.arange(16, dtype=np.float32).reshape(4, 4)
    >>> half = np.asarray(jfft.ihfftn(signal))
    >>> half.shape
    (4, 3)
    >>> np.allclose(jfft.hfftn(half, s=(4, 4)), signal, atol=1e-4)
    True
    """
    return _c2r(a, _many(s, axes, c2r=True), norm, workers, "hfftn", conjugate=True)


def ihfftn(
    a: Any,
    s: Shape = None,
    axes: Axes = None,
    norm: Norm = None,
    *,
    workers: int | None = None,
) -> jax.Array:
    """N-D inverse of :func:`hfftn` for real input, as :func:`scipy.fft.ihfftn`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, any number (at least one), in any order, each at
        most once; the **last listed** axis is the halved one. Default: all
        axes (or the last ``len(s)``).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; the shape of ``a`` with the lengths ``s`` along ``axes``,
        except ``s[-1]//2 + 1`` along the last listed axis.

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    hfftn : The forward transform.
    scipy.fft.ihfftn : The reference semantics.

    Notes
    -----
    ``conj(rfftn(a))`` with the opposite norm (scaled by ``1/N`` under
    ``"backward"``).

    *Dtypes*: complex64 for float32, float16, bfloat16, bool and integers of
    up to 32 bits; complex128 for float64 (with ``jax_enable_x64``); 64-bit
    integers compute in the default float. ``jax.numpy.fft`` refuses float16 and
    bfloat16 here; jfft computes them in float32.

    *Differentiation.* Linear; the rules of :func:`rfftn` with a
    conjugation.

    Works under ``jax.jit`` (the lengths, axes, ``norm`` and ``workers`` are
    static), ``jax.vmap`` (batching only shifts the axes: no data moves), and
    on sharded arrays: under ``jax.jit`` each device transforms its own block
    when the transformed axes are not split (see :mod:`jfft.distributed` for
    arrays split along them). An input empty along a transformed axis (with
    the length left out) gives an empty result, as ``jax.numpy.fft``.

    Examples
    --------
    >>> x = np.ones((2, 4), np.float32)
    >>> print(np.round(np.asarray(jfft.ihfftn(x)), 4) + 0)
    [[1.+0.j 0.+0.j 0.+0.j]
     [0.+0.j 0.+0.j 0.+0.j]]
    """
    return lax.conj(_r2c(a, _many(s, axes), norm, workers, "ihfftn", inverse_norm=True))


# 2-D -------------------------------------------------------------------------


def fft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D discrete Fourier transform, as :func:`numpy.fft.fft2`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; as :func:`fftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    fftn : The same transform over any axes.

    Notes
    -----
    ``fft2(a, s, axes, norm)`` is ``fftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`fftn`'s.

    Examples
    --------
    >>> x = np.ones((3, 4, 4), np.complex64)
    >>> y = jfft.fft2(x)                         # the last two axes
    >>> print(np.round(np.asarray(y[0]).real, 4) + 0)
    [[16.  0.  0.  0.]
     [ 0.  0.  0.  0.]
     [ 0.  0.  0.  0.]
     [ 0.  0.  0.  0.]]

    Its linear transpose is ``fft2`` itself (so ``jax.grad`` of a real loss
    applies ``fft2`` to the cotangent); its adjoint is ``N * ifft2``:

    >>> t = jax.linear_transpose(jfft.fft2, x)
    >>> ct = np.arange(48, dtype=np.complex64).reshape(3, 4, 4)
    >>> np.allclose(t(ct)[0], jfft.fft2(ct), atol=1e-4)
    True
    """
    return fftn(a, s, axes, norm, workers=workers)


def ifft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D inverse discrete Fourier transform, as :func:`numpy.fft.ifft2`.

    Parameters
    ----------
    a : array_like
        Input: a JAX or numpy array, or anything :func:`numpy.asarray` takes,
        of a numeric or bool dtype.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed, default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; as :func:`ifftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ifftn : The same transform over any axes.

    Notes
    -----
    ``ifft2(a, s, axes, norm)`` is ``ifftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`ifftn`'s.

    Examples
    --------
    >>> x = np.arange(16, dtype=np.complex64).reshape(4, 4)
    >>> np.allclose(jfft.ifft2(jfft.fft2(x)), x, atol=1e-5)
    True
    """
    return ifftn(a, s, axes, norm, workers=workers)


def rfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D discrete Fourier transform of real input, as :func:`numpy.fft.rfft2`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed (the last listed is the halved one), default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; as :func:`rfftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    rfftn : The same transform over any axes.

    Notes
    -----
    ``rfft2(a, s, axes, norm)`` is ``rfftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`rfftn`'s.

    Examples
    --------
    >>> x = np.ones((8, 6), np.float32)
    >>> jfft.rfft2(x).shape
    (8, 4)
    """
    return rfftn(a, s, axes, norm, workers=workers)


def irfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """Inverse of :func:`rfft2`, real output, as :func:`numpy.fft.irfft2`.

    Parameters
    ----------
    a : array_like
        The half spectrum along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    s : sequence of int, optional
        Output lengths along ``axes`` (``-1``: the input's length); the last
        listed axis holds the half spectrum, so its input is fitted to
        ``s[-1]//2 + 1`` entries. Default: the input's lengths, and ``2*(m-1)``
        along the last axis. Without ``axes``, the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed (the last listed is the halved one), default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; as :func:`irfftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1 (or a default output length is below 1), an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    irfftn : The same transform over any axes.

    Notes
    -----
    ``irfft2(a, s, axes, norm)`` is ``irfftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`irfftn`'s.

    Examples
    --------
    >>> x = np.arange(30, dtype=np.float32).reshape(6, 5)
    >>> np.allclose(jfft.irfft2(jfft.rfft2(x), s=x.shape), x, atol=1e-4)
    True
    """
    return irfftn(a, s, axes, norm, workers=workers)


def hfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D transform of a Hermitian-symmetric signal, as :func:`scipy.fft.hfft2`.

    Parameters
    ----------
    a : array_like
        The half spectrum along the transformed (last listed) axis: ``m``
        entries for an output of length ``2*(m-1)`` or ``2*(m-1)+1``. Real
        input is taken as complex.
    s : sequence of int, optional
        Output lengths along ``axes`` (``-1``: the input's length); the last
        listed axis holds the half spectrum, so its input is fitted to
        ``s[-1]//2 + 1`` entries. Default: the input's lengths, and ``2*(m-1)``
        along the last axis. Without ``axes``, the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed (the last listed is the halved one), default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Real; as :func:`hfftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1 (or a default output length is below 1), an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    hfftn : The same transform over any axes.

    Notes
    -----
    ``hfft2(a, s, axes, norm)`` is ``hfftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`hfftn`'s.

    Examples
    --------
    >>> signal = np.arange(16, dtype=np.float32).reshape(4, 4)
    >>> half = jfft.ihfft2(signal)
    >>> np.allclose(jfft.hfft2(half, s=(4, 4)), signal, atol=1e-4)
    True
    """
    return hfftn(a, s, axes, norm, workers=workers)


def ihfft2(
    a: Any,
    s: Shape = None,
    axes: Axes = (-2, -1),
    norm: Norm = None,
    *,
    workers: int | None = None,
):
    """2-D inverse of :func:`hfft2` for real input, as :func:`scipy.fft.ihfft2`.

    Parameters
    ----------
    a : array_like
        Real input (a complex dtype raises ``TypeError``): a JAX or numpy
        array, or anything :func:`numpy.asarray` takes.
    s : sequence of int, optional
        Lengths along ``axes``, one per axis: each axis is cropped or
        zero-padded at its end; ``-1`` keeps the input's length. Without
        ``axes``, ``s`` applies to the last ``len(s)`` axes.
    axes : sequence of int, optional
        The axes transformed (the last listed is the halved one), default ``(-2, -1)``. Any number of
        axes may be given, as in numpy (``jax.numpy.fft`` takes exactly 2).
    norm : {"backward", "ortho", "forward"}, optional
        Normalisation; ``None`` (the default) means ``"backward"``: the forward
        transform unscaled, the inverse scaled by ``1/n``. ``"ortho"`` scales
        both by ``1/sqrt(n)``, ``"forward"`` the forward one by ``1/n``. For
        n-D transforms ``n`` is the product of the transformed lengths.
    workers : int, optional
        Keyword-only. Threads for the native CPU kernel: ``None`` takes the
        default of :func:`jfft.set_workers` (all cores unless set), ``-1`` all
        cores, ``-k`` all but ``k - 1``. Never more than XLA's CPU thread pool
        has; ignored on GPUs and under :func:`jfft.xla_fallback`. It changes the
        speed, not the result, and is fixed when a function is traced.

    Returns
    -------
    jax.Array
        Complex; as :func:`ihfftn`.

    Raises
    ------
    TypeError
        If ``a`` is not numeric or is complex, if ``s`` or ``axes`` is not a sequence
        of integers (or holds a value traced under ``jax.jit``: make them
        static), or if ``workers`` is not an integer.
    ValueError
        If ``s`` and ``axes`` differ in length, ``s`` has more entries than
        ``a`` has dimensions, an entry of ``s`` is below 1 and not -1, an
        axis repeats, ``axes`` is empty, ``norm`` is not one of the above, or ``workers``
        is 0.
    numpy.exceptions.AxisError
        If an axis is out of range (a subclass of ``ValueError``).

    See Also
    --------
    ihfftn : The same transform over any axes.

    Notes
    -----
    ``ihfft2(a, s, axes, norm)`` is ``ihfftn(a, s, axes, norm)`` with
    ``axes=(-2, -1)`` by default: dtypes, the differentiation rules and
    the behaviour under ``jax.jit``, ``jax.vmap`` and sharding are
    :func:`ihfftn`'s.

    Examples
    --------
    >>> jfft.ihfft2(np.ones((4, 4), np.float32)).shape
    (4, 3)
    """
    return ihfftn(a, s, axes, norm, workers=workers)

"""Distributed FFTs of arrays sharded along the transformed axes.

``fftn``, ``ifftn``, ``rfftn`` and ``irfftn`` transform *every* axis of an
array (2-D or more; use ``jax.vmap`` for batches) that is split over the
devices of a mesh, with JAX's own machinery: ``jax.shard_map`` runs jfft's
transforms on the unsharded axes of each block and ``jax.lax.all_to_all``
transposes the blocks between them. Everything is differentiable (the
transpose of an all_to_all is the reverse all_to_all) and composes with
``jax.jit`` and ``jax.vmap``; several processes work through
``jax.distributed.initialize``.

Decompositions, chosen by the number of mesh axes used (``axis_names``,
default: all axes of ``mesh``):

- slab, one mesh axis ``a``: axis 0 is split over ``a``;
- pencil, two mesh axes ``(a, b)``: axis 0 is split over ``a`` and axis 1
  over ``b`` (arrays of 3 or more dimensions).

Layouts. The result is always the same global array as ``jfft.fftn(x)``, in
the same axis order; a layout only says how it is split over the devices:

- ``"natural"``: the decomposition above (the input's layout, restored);
- ``"transposed"``: where the transform leaves the data, which saves the
  all_to_alls that restore the natural layout. Complex transforms: slab
  ``P(None, a)``, pencil ``P(None, a, b)``. Real transforms keep the halved
  last axis whole, so their pencil layout is ``P(None, (a, b))``.

:func:`partition_spec` gives these specs; :func:`fftfreqn` and
:func:`rfftfreqn` give frequency grids split the same way, so that
elementwise work on a spectrum stays local.

Constraints (checked; violations raise ``ValueError`` naming the argument):
every length must be divisible by the mesh axes that split it on the way,
and for rfftn/irfftn the halved axis is the last one and is never split:
with two axes on a slab (the only one left to split), its length
``n // 2 + 1`` must be divisible by the mesh axis size.

For arrays split only along axes that are *not* transformed (a batch), the
ordinary :func:`jfft.fftn` and friends already keep the sharding. To try
this module on one machine, simulate devices before importing JAX:
``XLA_FLAGS=--xla_force_host_platform_device_count=8``.

Examples
--------
A slab decomposition over every device there is (one works too):

>>> from jax.sharding import NamedSharding
>>> from jfft import distributed as jd
>>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
>>> x = np.random.default_rng(0).standard_normal((8, 16)).astype(np.float32)
>>> x = jax.device_put(x, NamedSharding(mesh, jd.partition_spec(mesh, 2)))
>>> y = jd.fftn(x, mesh)
>>> np.allclose(y, np.fft.fftn(np.asarray(x)), atol=1e-4)
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

import jax
from jax import lax
from jax.sharding import AxisType, Mesh, NamedSharding, PartitionSpec

from . import _args, _fft, _helpers

Layout = Literal["natural", "transposed"]
LAYOUTS = ("natural", "transposed")

# A layout is one tuple of mesh axis names per array axis (() = unsplit,
# names major to minor). A plan is the forward path from the natural to the
# transposed layout: ("fft", axes) transforms local axes; ("move", names,
# src, dst) is an all_to_all that moves the minor names ``names`` of axis
# ``src`` to axis ``dst`` (``src`` becomes whole there, ``dst`` split).


def _plan(ndim: int, names: tuple[str, ...], real: bool) -> list[tuple]:
    if len(names) == 1:  # slab
        (a,) = names
        return [("fft", tuple(range(1, ndim))), ("move", (a,), 0, 1), ("fft", (0,))]
    a, b = names  # pencil
    if real:  # the halved last axis stays whole: b joins a on axis 0
        return [
            ("fft", tuple(range(2, ndim))),
            ("move", (b,), 1, 0),
            ("fft", (1,)),
            ("move", (a, b), 0, 1),
            ("fft", (0,)),
        ]
    return [
        ("fft", tuple(range(2, ndim))),
        ("move", (b,), 1, 2),
        ("fft", (1,)),
        ("move", (a,), 0, 1),
        ("fft", (0,)),
    ]


def _natural(ndim: int, names: tuple[str, ...]) -> list[tuple[str, ...]]:
    return [(n,) for n in names] + [()] * (ndim - len(names))


def _apply_move(layout: list, step: tuple, reverse: bool = False) -> list:
    _, names, src, dst = step
    if reverse:
        src, dst = dst, src
    layout = list(layout)
    assert layout[src][len(layout[src]) - len(names) :] == names
    layout[src] = layout[src][: len(layout[src]) - len(names)]
    layout[dst] = layout[dst] + names
    return layout


def _layouts(ndim: int, names: tuple[str, ...], real: bool) -> list[list]:
    """Every layout along the forward path, natural first, transposed last."""
    layouts = [_natural(ndim, names)]
    for step in _plan(ndim, names, real):
        if step[0] == "move":
            layouts.append(_apply_move(layouts[-1], step))
    return layouts


def _spec(layout: Sequence[tuple[str, ...]]) -> PartitionSpec:
    entries = [n[0] if len(n) == 1 else (n or None) for n in layout]
    return PartitionSpec(*entries)


# Argument checks ---------------------------------------------------------------


def _axis_names(mesh: Any, axis_names: Any) -> tuple[str, ...]:
    if not isinstance(mesh, Mesh):
        raise TypeError(f"mesh: expected a jax.sharding.Mesh, got {type(mesh)!r}")
    names = mesh.axis_names if axis_names is None else axis_names
    if isinstance(names, str):
        names = (names,)
    names = tuple(names)
    if len(names) not in (1, 2) or len(set(names)) != len(names):
        raise ValueError(
            "axis_names: expected one mesh axis (slab) or two distinct ones "
            f"(pencil), got {names!r}"
        )
    for n in names:
        if n not in mesh.axis_names:
            raise ValueError(
                f"axis_names: {n!r} is not an axis of the mesh {mesh.axis_names}"
            )
    return names


def _check_layout(layout: Any, name: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"{name}: expected 'natural' or 'transposed', got {layout!r}")
    return layout


def _check_ndim(ndim: int, names: tuple[str, ...], name: str = "x") -> None:
    need = len(names) + 1
    kind = "slab" if len(names) == 1 else "pencil"
    if ndim < need:
        raise ValueError(
            f"{name}: a {kind} decomposition over {names} transforms arrays of "
            f"{need} or more dimensions, got {ndim}"
        )


def _check_divisible(
    shape: Sequence[int], layouts: list, mesh: Mesh, name: str, what: str
) -> None:
    sizes = dict(zip(mesh.axis_names, mesh.axis_sizes))
    for layout in layouts:
        for axis, (length, names) in enumerate(zip(shape, layout)):
            parts = math.prod(sizes[n] for n in names)
            if length % parts:
                raise ValueError(
                    f"{name}: {what} of shape {tuple(shape)} cannot be split: "
                    f"axis {axis} (length {length}) is not divisible by mesh "
                    f"axes {names} ({parts} devices), which split it on the way"
                )


# The transforms ----------------------------------------------------------------


def _walk(plan: list, backwards: bool, transforms: bool) -> list[tuple]:
    """The plan's steps as local operations, ("fft", axes) or ("all_to_all",
    names, split_axis, concat_axis); backwards from the transposed layout to
    the natural one if asked, without the transforms if asked."""
    ops = []
    for step in reversed(plan) if backwards else plan:
        if step[0] == "fft":
            if transforms and step[1]:
                ops.append(step)
        else:
            _, names, src, dst = step
            split, concat = (src, dst) if backwards else (dst, src)
            ops.append(("all_to_all", names, split, concat))
    return ops


def _run(x, mesh, in_layout, out_layout, ops, transform) -> jax.Array:
    """Runs ``ops`` on each block with ``jax.shard_map``; ``transform(block,
    axes)`` is the local transform."""

    def body(block):
        for op in ops:
            if op[0] == "fft":
                block = transform(block, op[1])
            else:
                _, names, split, concat = op
                block = lax.all_to_all(
                    block,
                    names[0] if len(names) == 1 else names,
                    split_axis=split,
                    concat_axis=concat,
                    tiled=True,
                )
        return block

    in_spec, out_spec = _spec(in_layout), _spec(out_layout)
    explicit = AxisType.Explicit in mesh.axis_types
    if explicit:  # with Explicit mesh axes, shard_map does not move data
        x = jax.sharding.reshard(x, NamedSharding(mesh, in_spec))
    y = jax.shard_map(body, mesh=mesh, in_specs=in_spec, out_specs=out_spec)(x)
    if explicit:  # a no-op whose transpose places the cotangent for shard_map
        y = jax.sharding.reshard(y, NamedSharding(mesh, out_spec))
    return y


def _complex(x, mesh, in_layout, out_layout, norm, axis_names, workers, forward):
    x = _args.as_array(x, "x")
    names = _axis_names(mesh, axis_names)
    _check_ndim(x.ndim, names)
    in_layout = _check_layout(in_layout, "in_layout")
    out_layout = _check_layout(out_layout, "out_layout")
    _args.check_norm(norm)
    layouts = _layouts(x.ndim, names, real=False)
    _check_divisible(x.shape, layouts, mesh, "x", "an array")
    plan = _plan(x.ndim, names, real=False)
    from_natural = in_layout == "natural"
    ops = _walk(plan, backwards=not from_natural, transforms=True)
    if in_layout == out_layout:  # back to where it started, moves only
        ops += _walk(plan, backwards=from_natural, transforms=False)
    fn = _fft.fftn if forward else _fft.ifftn

    def transform(block, axes):
        return fn(block, axes=axes, norm=norm, workers=workers)

    layout = {"natural": layouts[0], "transposed": layouts[-1]}
    return _run(x, mesh, layout[in_layout], layout[out_layout], ops, transform)


def fftn(
    x: Any,
    mesh: Mesh,
    *,
    in_layout: Layout = "natural",
    out_layout: Layout = "natural",
    norm: _fft.Norm = None,
    axis_names: Sequence[str] | None = None,
    workers: int | None = None,
) -> jax.Array:
    """N-D FFT over every axis of ``x``, split over ``mesh`` (slab or pencil).

    Parameters
    ----------
    x : array_like
        The array, 2-D or more, ideally already placed in ``in_layout`` (see
        :func:`partition_spec`).
    mesh : jax.sharding.Mesh
        The devices. One mesh axis (of those used) gives a slab decomposition,
        two a pencil one.
    in_layout : {"natural", "transposed"}, optional
        Keyword-only. Where ``x`` is expected (an array placed otherwise is
        moved there by XLA first); default ``"natural"``.
    out_layout : {"natural", "transposed"}, optional
        Keyword-only. Where the result is left; ``"transposed"`` saves one
        ``all_to_all`` per mesh axis. Default ``"natural"``.
    norm : {"backward", "ortho", "forward"}, optional
        Keyword-only. As :func:`jfft.fftn`.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, one (slab) or two distinct ones
        (pencil); default: all axes of ``mesh``.
    workers : int, optional
        Keyword-only. Threads of each device's local transforms, as
        :func:`jfft.fftn`.

    Returns
    -------
    jax.Array
        Complex, the shape of ``x``, split as ``out_layout``.

    Raises
    ------
    TypeError
        If ``mesh`` is not a ``jax.sharding.Mesh`` or ``x`` is not numeric.
    ValueError
        If ``axis_names`` does not name one or two distinct axes of ``mesh``,
        ``x`` has too few dimensions (2 for a slab, 3 for a pencil), a length
        is not divisible by the mesh axes that split it on the way, a layout is
        not ``"natural"``/``"transposed"``, or ``norm`` is invalid.

    See Also
    --------
    ifftn : The inverse.
    rfftn : For real input.
    partition_spec : Where to place ``x``.

    Notes
    -----
    Equal to ``jfft.fftn(x, norm=norm)`` (same values, same axis order): the layout only says
    how the result is split. Communication is the minimum for the
    decomposition: one ``all_to_all`` per mesh axis between the local
    transforms (and as many again to restore the natural layout).

    *Differentiation.* Linear, and built from jfft's transforms and
    ``all_to_all`` (whose transpose is the reverse ``all_to_all``), so JVPs,
    VJPs, ``jax.linear_transpose`` and ``jax.vmap`` work, with the rules of
    ``jfft.fftn``.

    Examples
    --------
    >>> from jax.sharding import NamedSharding
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> x = np.random.default_rng(0).standard_normal((8, 8, 16)).astype(np.float32)
    >>> x = jax.device_put(x, NamedSharding(mesh, jd.partition_spec(mesh, 3)))
    >>> y = jd.fftn(x, mesh, out_layout="transposed")
    >>> y.sharding.spec == jd.partition_spec(mesh, 3, "transposed")
    True
    >>> np.allclose(y, np.fft.fftn(np.asarray(x)), atol=1e-4)
    True
    """
    return _complex(x, mesh, in_layout, out_layout, norm, axis_names, workers, True)


def ifftn(
    x: Any,
    mesh: Mesh,
    *,
    in_layout: Layout = "natural",
    out_layout: Layout = "natural",
    norm: _fft.Norm = None,
    axis_names: Sequence[str] | None = None,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`fftn`, over every axis of ``x`` split over ``mesh``.

    Parameters
    ----------
    x : array_like
        The array, 2-D or more, ideally already placed in ``in_layout`` (see
        :func:`partition_spec`).
    mesh : jax.sharding.Mesh
        The devices. One mesh axis (of those used) gives a slab decomposition,
        two a pencil one.
    in_layout : {"natural", "transposed"}, optional
        Keyword-only. Where ``x`` is expected (an array placed otherwise is
        moved there by XLA first); default ``"natural"``.
    out_layout : {"natural", "transposed"}, optional
        Keyword-only. Where the result is left; ``"transposed"`` saves one
        ``all_to_all`` per mesh axis. Default ``"natural"``.
    norm : {"backward", "ortho", "forward"}, optional
        Keyword-only. As :func:`jfft.fftn`.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, one (slab) or two distinct ones
        (pencil); default: all axes of ``mesh``.
    workers : int, optional
        Keyword-only. Threads of each device's local transforms, as
        :func:`jfft.fftn`.

    Returns
    -------
    jax.Array
        Complex, the shape of ``x``, split as ``out_layout``.

    Raises
    ------
    TypeError
        If ``mesh`` is not a ``jax.sharding.Mesh`` or ``x`` is not numeric.
    ValueError
        If ``axis_names`` does not name one or two distinct axes of ``mesh``,
        ``x`` has too few dimensions (2 for a slab, 3 for a pencil), a length
        is not divisible by the mesh axes that split it on the way, a layout is
        not ``"natural"``/``"transposed"``, or ``norm`` is invalid.

    See Also
    --------
    fftn : The forward transform.

    Notes
    -----
    Equal to ``jfft.ifftn(x, norm=norm)`` (same values, same axis order): the layout only says
    how the result is split. Communication is the minimum for the
    decomposition: one ``all_to_all`` per mesh axis between the local
    transforms (and as many again to restore the natural layout).

    *Differentiation.* Linear, and built from jfft's transforms and
    ``all_to_all`` (whose transpose is the reverse ``all_to_all``), so JVPs,
    VJPs, ``jax.linear_transpose`` and ``jax.vmap`` work, with the rules of
    ``jfft.ifftn``.

    ``ifftn(fftn(x, mesh, out_layout="transposed"), mesh,
    in_layout="transposed")`` makes a round trip with the fewest all_to_alls.

    Examples
    --------
    >>> from jax.sharding import NamedSharding
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> x = np.random.default_rng(0).standard_normal((8, 8, 16)).astype(np.float32)
    >>> x = jax.device_put(x, NamedSharding(mesh, jd.partition_spec(mesh, 3)))
    >>> spectrum = jd.fftn(x, mesh, out_layout="transposed")
    >>> back = jd.ifftn(spectrum, mesh, in_layout="transposed")
    >>> np.allclose(back, x, atol=1e-5)
    True
    """
    return _complex(x, mesh, in_layout, out_layout, norm, axis_names, workers, False)


def rfftn(
    x: Any,
    mesh: Mesh,
    *,
    out_layout: Layout = "natural",
    norm: _fft.Norm = None,
    axis_names: Sequence[str] | None = None,
    workers: int | None = None,
) -> jax.Array:
    """N-D FFT of real ``x`` over every axis, the last one halved, split over ``mesh``.

    Parameters
    ----------
    x : array_like
        The real array, 2-D or more, ideally placed in the natural layout.
    mesh : jax.sharding.Mesh
        The devices. One mesh axis (of those used) gives a slab decomposition,
        two a pencil one.
    out_layout : {"natural", "transposed"}, optional
        Keyword-only. Where the result is left; ``"transposed"`` saves one
        ``all_to_all`` per mesh axis. Default ``"natural"``.
    norm : {"backward", "ortho", "forward"}, optional
        Keyword-only. As :func:`jfft.fftn`.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, one (slab) or two distinct ones
        (pencil); default: all axes of ``mesh``.
    workers : int, optional
        Keyword-only. Threads of each device's local transforms, as
        :func:`jfft.fftn`.

    Returns
    -------
    jax.Array
        Complex, ``x.shape[:-1] + (x.shape[-1] // 2 + 1,)``, split as ``out_layout``.

    Raises
    ------
    TypeError
        If ``mesh`` is not a ``jax.sharding.Mesh`` or ``x`` is not numeric or is complex.
    ValueError
        If ``axis_names`` does not name one or two distinct axes of ``mesh``,
        ``x`` has too few dimensions (2 for a slab, 3 for a pencil), a length
        is not divisible by the mesh axes that split it on the way, a layout is
        not ``"natural"``/``"transposed"``, or ``norm`` is invalid.

    See Also
    --------
    irfftn : The inverse.
    rfftfreqn : The matching frequency grid.

    Notes
    -----
    Equal to ``jfft.rfftn(x, norm=norm)`` (same values, same axis order): the layout only says
    how the result is split. Communication is the minimum for the
    decomposition: one ``all_to_all`` per mesh axis between the local
    transforms (and as many again to restore the natural layout).

    *Differentiation.* Linear, and built from jfft's transforms and
    ``all_to_all`` (whose transpose is the reverse ``all_to_all``), so JVPs,
    VJPs, ``jax.linear_transpose`` and ``jax.vmap`` work, with the rules of
    ``jfft.rfftn``.

    The halved last axis is never split; on a 2-D slab its length
    ``n // 2 + 1`` must be divisible by the mesh axis size.

    Examples
    --------
    >>> from jax.sharding import NamedSharding
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> x = np.random.default_rng(0).standard_normal((8, 8, 16)).astype(np.float32)
    >>> x = jax.device_put(x, NamedSharding(mesh, jd.partition_spec(mesh, 3)))
    >>> y = jd.rfftn(x, mesh)
    >>> y.shape
    (8, 8, 9)
    >>> np.allclose(y, np.fft.rfftn(np.asarray(x)), atol=1e-4)
    True
    """
    x = _args.as_array(x, "x")
    names = _axis_names(mesh, axis_names)
    _check_ndim(x.ndim, names)
    out_layout = _check_layout(out_layout, "out_layout")
    _args.check_norm(norm)
    half = x.shape[:-1] + (x.shape[-1] // 2 + 1,)
    layouts = _layouts(x.ndim, names, real=True)
    _check_divisible(x.shape, layouts[:1], mesh, "x", "an array")
    _check_divisible(half, layouts, mesh, "x", "the spectrum")
    plan = _plan(x.ndim, names, real=True)
    ops = _walk(plan, backwards=False, transforms=True)
    if out_layout == "natural":
        ops += _walk(plan, backwards=True, transforms=False)
    last = x.ndim - 1

    def transform(block, axes):
        fn = _fft.rfftn if last in axes else _fft.fftn
        return fn(block, axes=axes, norm=norm, workers=workers)

    out = layouts[0] if out_layout == "natural" else layouts[-1]
    return _run(x, mesh, layouts[0], out, ops, transform)


def irfftn(
    x: Any,
    mesh: Mesh,
    *,
    last_length: int | None = None,
    in_layout: Layout = "natural",
    norm: _fft.Norm = None,
    axis_names: Sequence[str] | None = None,
    workers: int | None = None,
) -> jax.Array:
    """Inverse of :func:`rfftn`: a real array in the natural layout.

    Parameters
    ----------
    x : array_like
        The half spectrum (the last axis holds ``m`` entries), placed in
        ``in_layout``.
    mesh : jax.sharding.Mesh
        The devices. One mesh axis (of those used) gives a slab decomposition,
        two a pencil one.
    last_length : int, optional
        Keyword-only. The output length of the last axis; default
        ``2 * (m - 1)``.
    in_layout : {"natural", "transposed"}, optional
        Keyword-only. Where ``x`` is expected (an array placed otherwise is
        moved there by XLA first); default ``"natural"``.
    norm : {"backward", "ortho", "forward"}, optional
        Keyword-only. As :func:`jfft.fftn`.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, one (slab) or two distinct ones
        (pencil); default: all axes of ``mesh``.
    workers : int, optional
        Keyword-only. Threads of each device's local transforms, as
        :func:`jfft.fftn`.

    Returns
    -------
    jax.Array
        Real, the shape of ``x`` with ``last_length`` along the last axis, split
        in the natural layout.

    Raises
    ------
    TypeError
        If ``mesh`` is not a ``jax.sharding.Mesh`` or ``x`` is not numeric.
    ValueError
        If ``axis_names`` does not name one or two distinct axes of ``mesh``,
        ``x`` has too few dimensions (2 for a slab, 3 for a pencil), a length
        is not divisible by the mesh axes that split it on the way, a layout is
        not ``"natural"``/``"transposed"``, or ``last_length`` is below 1, or ``norm`` is invalid.

    See Also
    --------
    rfftn : The forward transform.

    Notes
    -----
    Equal to ``jfft.irfftn(x, s, norm=norm)`` (same values, same axis order): the layout only says
    how the result is split. Communication is the minimum for the
    decomposition: one ``all_to_all`` per mesh axis between the local
    transforms (and as many again to restore the natural layout).

    *Differentiation.* Linear, and built from jfft's transforms and
    ``all_to_all`` (whose transpose is the reverse ``all_to_all``), so JVPs,
    VJPs, ``jax.linear_transpose`` and ``jax.vmap`` work, with the rules of
    ``jfft.irfftn``. Here ``s`` is the shape of ``x`` with
    ``last_length`` for the last axis.

    Examples
    --------
    >>> from jax.sharding import NamedSharding
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> x = np.random.default_rng(0).standard_normal((8, 8, 16)).astype(np.float32)
    >>> x = jax.device_put(x, NamedSharding(mesh, jd.partition_spec(mesh, 3)))
    >>> half = jd.rfftn(x, mesh, out_layout="transposed")
    >>> back = jd.irfftn(half, mesh, in_layout="transposed", last_length=16)
    >>> np.allclose(back, x, atol=1e-5)
    True
    """
    x = _args.as_array(x, "x")
    names = _axis_names(mesh, axis_names)
    _check_ndim(x.ndim, names)
    in_layout = _check_layout(in_layout, "in_layout")
    _args.check_norm(norm)
    if last_length is None:
        last_length = 2 * (x.shape[-1] - 1)
    last_length = _args._index(last_length, "last_length")
    if last_length < 1:
        raise ValueError(f"last_length: expected a length >= 1, got {last_length}")
    layouts = _layouts(x.ndim, names, real=True)
    _check_divisible(x.shape, layouts, mesh, "x", "the spectrum")
    plan = _plan(x.ndim, names, real=True)
    ops = []
    if in_layout == "natural":
        ops += _walk(plan, backwards=False, transforms=False)
    ops += _walk(plan, backwards=True, transforms=True)
    last = x.ndim - 1

    def transform(block, axes):
        if last not in axes:
            return _fft.ifftn(block, axes=axes, norm=norm, workers=workers)
        s = [block.shape[a] for a in axes[:-1]] + [last_length]
        return _fft.irfftn(block, s=s, axes=axes, norm=norm, workers=workers)

    start = layouts[0] if in_layout == "natural" else layouts[-1]
    return _run(x, mesh, start, layouts[0], ops, transform)


# Layouts and frequencies -------------------------------------------------------


def partition_spec(
    mesh: Mesh,
    ndim: int,
    layout: Layout = "natural",
    *,
    real: bool = False,
    axis_names: Sequence[str] | None = None,
) -> PartitionSpec:
    """The ``PartitionSpec`` of a layout, e.g. to place an input.

    Parameters
    ----------
    mesh : jax.sharding.Mesh
        The devices.
    ndim : int
        The number of dimensions of the arrays.
    layout : {"natural", "transposed"}, optional
        Which layout (default ``"natural"``).
    real : bool, optional
        Keyword-only. The spectra of :func:`rfftn` (whose halved last axis is
        never split) rather than complex transforms.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, as in :func:`fftn`.

    Returns
    -------
    jax.sharding.PartitionSpec
        One entry per axis, e.g. ``P("a", None)`` (slab, natural) or
        ``P(None, "a")`` (slab, transposed) for 2-D arrays.

    Raises
    ------
    TypeError
        If ``mesh`` is not a ``Mesh``.
    ValueError
        If ``axis_names`` is invalid, ``ndim`` is too small for the
        decomposition, or ``layout`` is unknown.

    See Also
    --------
    fftn : The transform these layouts describe.

    Examples
    --------
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> tuple(jd.partition_spec(mesh, 3))
    ('a', None, None)
    >>> tuple(jd.partition_spec(mesh, 3, "transposed"))
    (None, 'a', None)
    """
    names = _axis_names(mesh, axis_names)
    _check_ndim(ndim, names, "ndim")
    layout = _check_layout(layout, "layout")
    layouts = _layouts(ndim, names, real)
    return _spec(layouts[0] if layout == "natural" else layouts[-1])


def _frequencies(shape, mesh, d, layout, axis_names, dtype, real):
    shape = tuple(_args._index(n, "shape") for n in shape)
    spec = partition_spec(mesh, len(shape), layout, real=real, axis_names=axis_names)
    lengths = shape[:-1] + (shape[-1] // 2 + 1,) if real else shape
    layouts = _layouts(len(shape), _axis_names(mesh, axis_names), real)
    chosen = layouts[0] if layout == "natural" else layouts[-1]
    _check_divisible(lengths, [chosen], mesh, "shape", "a spectrum")
    spacings = list(d) if isinstance(d, (list, tuple)) else [d] * len(shape)
    if len(spacings) != len(shape):
        raise ValueError(f"d: expected one spacing per axis of {shape}, got {d!r}")
    grids = []
    for axis, (n, step) in enumerate(zip(shape, spacings)):
        if real and axis == len(shape) - 1:
            k = _helpers.rfftfreq(n, step, dtype=dtype)
        else:
            k = _helpers.fftfreq(n, step, dtype=dtype)
        bshape = [1] * len(shape)
        bshape[axis] = k.shape[0]
        entries = [None] * len(shape)
        entries[axis] = spec[axis]
        sharding = NamedSharding(mesh, PartitionSpec(*entries))
        grids.append(jax.device_put(k.reshape(bshape), sharding))
    return tuple(grids)


def fftfreqn(
    shape: Sequence[int],
    mesh: Mesh,
    *,
    d: float | Sequence[float] = 1.0,
    layout: Layout = "natural",
    axis_names: Sequence[str] | None = None,
    dtype: Any = None,
) -> tuple[jax.Array, ...]:
    """Sample frequencies of :func:`fftn`, one grid per axis, split like the
    spectrum.

    Parameters
    ----------
    shape : sequence of int
        The shape of the (real-space) array transformed.
    mesh : jax.sharding.Mesh
        The devices.
    d : float or sequence of float, optional
        Keyword-only. The sample spacing, one for all axes or one per axis
        (default 1.0).
    layout : {"natural", "transposed"}, optional
        Keyword-only. The layout of the spectrum the grids go with.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, as in :func:`fftn`.
    dtype : dtype, optional
        Keyword-only. As :func:`jfft.fftfreq`.

    Returns
    -------
    tuple of jax.Array
        One array per axis, shaped to broadcast (``n`` along its axis, 1
        elsewhere) and split like the spectrum in ``layout``, so that
        ``sum(k**2 for k in ks)`` and the like are computed where the spectrum
        lives.

    Raises
    ------
    ValueError
        If ``d`` has the wrong number of entries, a length is not divisible by
        the mesh axes that split it, or a layout or axis name is invalid.

    See Also
    --------
    rfftfreqn : For :func:`rfftn`.
    jfft.fftfreq : The 1-D frequencies.

    Examples
    --------
    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> ky, kx = jd.fftfreqn((8, 16), mesh)
    >>> ky.shape, kx.shape
    ((8, 1), (1, 16))
    >>> np.allclose(kx[0], np.fft.fftfreq(16))
    True
    """
    return _frequencies(shape, mesh, d, layout, axis_names, dtype, real=False)


def rfftfreqn(
    shape: Sequence[int],
    mesh: Mesh,
    *,
    d: float | Sequence[float] = 1.0,
    layout: Layout = "natural",
    axis_names: Sequence[str] | None = None,
    dtype: Any = None,
) -> tuple[jax.Array, ...]:
    """Sample frequencies of :func:`rfftn`, one grid per axis, split like the
    spectrum.

    Parameters
    ----------
    shape : sequence of int
        The shape of the (real-space) array transformed.
    mesh : jax.sharding.Mesh
        The devices.
    d : float or sequence of float, optional
        Keyword-only. The sample spacing, one for all axes or one per axis
        (default 1.0).
    layout : {"natural", "transposed"}, optional
        Keyword-only. The layout of the spectrum the grids go with.
    axis_names : sequence of str, optional
        Keyword-only. The mesh axes used, as in :func:`fftn`.
    dtype : dtype, optional
        Keyword-only. As :func:`jfft.fftfreq`.

    Returns
    -------
    tuple of jax.Array
        As :func:`fftfreqn`, but the last axis has ``shape[-1] // 2 + 1``
        frequencies (from :func:`jfft.rfftfreq`).

    Raises
    ------
    ValueError
        If ``d`` has the wrong number of entries, a length is not divisible by
        the mesh axes that split it, or a layout or axis name is invalid.

    See Also
    --------
    fftfreqn : For :func:`fftn`.

    Examples
    --------
    The squared wavenumber of a Poisson solve, computed where the spectrum
    lives:

    >>> from jfft import distributed as jd
    >>> mesh = jax.make_mesh((len(jax.devices()),), ("a",))
    >>> ks = jd.rfftfreqn((8, 8, 16), mesh, layout="transposed")
    >>> k2 = sum(k**2 for k in ks)
    >>> k2.shape
    (8, 8, 9)
    """
    return _frequencies(shape, mesh, d, layout, axis_names, dtype, real=True)

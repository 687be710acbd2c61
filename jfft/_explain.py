"""The engine's plan description: what a transform will run (public API).

The driver decides in a dry run, with the same code as the transform itself
(xla_kernels/engine/driver.cc), and reports instead of computing; this
module handles the arguments and formats the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from . import _args
from ._fft import _resolve_workers
from ._native import _jfft_cpu

__all__ = ["PlanExplanation", "explain_plan", "plan_constants"]


class PlanExplanation(dict):
    """What the engine runs for one transform (:func:`explain_plan`): a dict
    whose ``str`` reads as an indented outline."""

    def __str__(self) -> str:
        head = (
            f"{self['kind']} {self['dtype']} {tuple(self['shape'])} axes "
            f"{tuple(self['axes'])}, {self['threads']} thread(s), "
            f"{self['isa']} kernels ({self['lanes']} lanes)"
        )
        lines = [head]
        for step in self["steps"]:
            lines += _describe_step(step, "  ")
        return "\n".join(lines)


def _describe_step(step: dict, indent: str) -> list[str]:
    if step["strategy"] == "trailing_planes":
        head = (
            f"{indent}{step['transform']} axes {step['axis']}, {step['axis'] + 1}: "
            f"{step['lines']} planes of {step['length']} points, plane by plane "
            f"in cache, {step['threads']} thread(s), from the {step['source']}"
        )
        lines = [head]
        for plane in step["planes"]:
            lines += _describe_step(plane, indent + "  ")
        return lines
    how = (
        f"{step['lane_width']} lines side by side in lanes"
        if step["strategy"] == "lanes"
        else "one line at a time"
    )
    direction = (
        ""
        if step["transform"] != "c2c"
        else (" forward" if step["forward"] else " backward")
    )
    head = (
        f"{indent}{step['transform']}{direction} axis {step['axis']}: "
        f"{step['lines']} lines of {step['length']}, {how}, "
        f"{step['threads']} thread(s), from the {step['source']}"
    )
    return [head] + _describe_algorithm(step["algorithm"], indent + "  ")


def _describe_algorithm(algorithm: dict, indent: str) -> list[str]:
    name, n = algorithm["name"], algorithm["length"]
    if name == "stockham":
        radices = " x ".join(map(str, algorithm["radices"])) or "none"
        text = f"Stockham passes of radix {radices} (length {n})"
        if algorithm["generic_radices"]:
            generic = ", ".join(map(str, algorithm["generic_radices"]))
            text += f" ({generic} by the generic odd-radix pass)"
        convolutions = iter(algorithm["inner"])
        for radix in algorithm["radices"]:
            if radix in algorithm["bluestein_radices"]:
                padded = next(convolutions)["length"]
                text += f" ({radix} by a Bluestein pass padded to {padded})"
            elif radix in algorithm["rader_radices"]:
                text += f" ({radix} by a Rader pass)"
                next(convolutions)
        if algorithm["lane_width"]:
            text += (
                f", {algorithm['lane_width']} lines side by side, "
                f"{algorithm['threads']} thread(s)"
            )
    elif name == "codelet":
        radices = " x ".join(map(str, algorithm["radices"]))
        text = f"codelet of radix {radices} (length {n}), whole in registers"
    elif name == "bluestein":
        text = f"Bluestein, length {n} padded to {algorithm['padded_length']}"
    elif name == "rader":
        text = f"Rader, length {n} as a convolution of {n - 1}"
    elif name == "four_step":
        text = f"four-step {algorithm['n1']} x {algorithm['n2']} (length {n})"
    elif name == "real_even":
        text = f"real length {n}: split of a complex transform of {n // 2}"
    else:
        text = f"real length {n}: a complex transform of {n}"
    lines = [indent + text]
    for inner in algorithm["inner"]:
        lines += _describe_algorithm(inner, indent + "  ")
    return lines


def explain_plan(
    x: Any,
    axes: Sequence[int] | None = None,
    kind: str = "c2c",
    workers: int | None = None,
    *,
    forward: bool = True,
    n: int | None = None,
) -> PlanExplanation:
    """What jfft's CPU engine will run to transform ``x``.

    The engine's driver decides in a dry run, with the same code that runs
    the transform, and reports its decisions instead of computing: per step
    the strategy (lanes, one line at a time, trailing planes), the 1-D
    algorithm and the threads. Nothing is transformed and ``x`` is not read.

    Parameters
    ----------
    x : array_like or object with ``shape`` and ``dtype``
        The array to be transformed (for ``kind="c2r"``, the half spectrum).
        Integer and real inputs of ``"c2c"`` are promoted as :func:`fftn`
        promotes them.
    axes : sequence of int, optional
        The transformed axes, in the transforms' order; all by default.
    kind : {"c2c", "r2c", "c2r"}, optional
        ``"c2c"`` as :func:`fftn`, ``"r2c"`` as :func:`rfftn` (``x`` real;
        the last of ``axes`` is halved), ``"c2r"`` as :func:`irfftn`.
    workers : int, optional
        Threads, as the transforms' ``workers`` (default: :func:`set_workers`'s
        setting). The XLA thread pool may cap it further at run time.
    forward : bool, optional
        The direction of a ``"c2c"`` transform.
    n : int, optional
        For ``"c2r"``: the real output's length along the last axis,
        ``2 * (m - 1)`` by default for ``m`` values there.

    Returns
    -------
    PlanExplanation
        A dict with ``kind``, ``dtype``, ``shape``, ``axes``, ``threads``,
        ``isa``, ``lanes`` and ``steps``: one dict per step in the order they
        run, with ``transform`` ("c2c", "r2c", "c2r"), ``axis``, ``length``,
        ``lines``, ``strategy`` ("lanes", "one_by_one", "trailing_planes"),
        ``lane_width``, ``threads``, ``source`` and ``algorithm`` (``name``:
        "stockham" with its ``radices``, the ``generic_radices`` among
        them run by the generic odd-radix pass and the ``bluestein_radices``
        and ``rader_radices`` run by a Bluestein or Rader pass (a large prime
        factor's butterflies as convolutions: ``inner`` holds the transforms
        of their lengths, padded or p - 1, in pass order), "codelet" (a short length
        transformed whole in registers, many lines side by side in vectors,
        its ``radices`` one or two butterflies; for "r2c" and "c2r" the
        complex codelet of the real length on the real lines), "bluestein" with its
        ``padded_length``, "rader" (a prime length p as a convolution of
        p - 1), "four_step" with ``n1`` x ``n2``, "real_even" or
        "real_odd"; ``inner``: its inner transforms). Its ``str()`` reads as
        an outline.

    Raises
    ------
    ValueError
        For an unknown ``kind``, bad ``axes``, ``workers`` or ``n``, a real
        transform without axes, or an ``n`` that does not match ``x``.
    TypeError
        For a non-numeric ``x``, or a complex ``x`` with ``kind="r2c"``.

    See Also
    --------
    plan_constants : The thresholds these decisions follow.

    Notes
    -----
    The description is of contiguous arrays, as XLA hands them to the
    engine. It is the CPU engine's: on a GPU, or under :func:`xla_fallback`,
    other code runs.

    Examples
    --------
    >>> plan = jfft.explain_plan(np.zeros((8, 4099), np.complex64), axes=[1])
    >>> algorithm = plan["steps"][0]["algorithm"]
    >>> algorithm["name"], algorithm["padded_length"]
    ('bluestein', 8640)
    >>> jfft.explain_plan(np.zeros((16, 343), np.complex64))["steps"][-1][
    ...     "algorithm"]["radices"]
    [7, 7, 7]
    """
    kind = _args.check_plan_kind(kind)
    shape = tuple(int(d) for d in getattr(x, "shape", ()))
    dtype = getattr(x, "dtype", None)
    if dtype is None:
        x = _args.as_array(x, "x")
        shape, dtype = tuple(x.shape), x.dtype
    _args._check_numeric(dtype, "x")
    ndim = len(shape)
    axes = tuple(range(ndim)) if axes is None else _args.normalize_axes(axes, ndim)
    if kind == "r2c":
        dtype = _args.real_dtype(dtype, "x", "explain_plan")
    else:
        dtype = _args.complex_dtype(dtype)
    if kind != "c2c" and not axes:
        raise ValueError(f"axes: a {kind} transform needs at least one axis")
    last_length = 0
    if kind == "c2r":
        half = shape[axes[-1]]
        last_length = 2 * (half - 1) if n is None else _args.positive_length(n, "n")
        if last_length < 1:
            raise ValueError(
                f"n: the default 2 * (m - 1) is {last_length} for m = {half}; "
                "give n explicitly"
            )
        if last_length // 2 + 1 != half:
            raise ValueError(
                f"n: {last_length} needs {last_length // 2 + 1} values along "
                f"axis {axes[-1]}, x has {half}"
            )
    elif n is not None:
        raise ValueError(f"n: only for kind='c2r', got n={n!r} with kind={kind!r}")
    threads = _resolve_workers(workers)
    double = np.dtype(dtype) in (np.float64, np.complex128)
    described = _jfft_cpu.describe_plan(
        kind, double, list(shape), list(axes), bool(forward), threads, last_length
    )
    return PlanExplanation(
        kind=kind,
        dtype=np.dtype(dtype).name,
        shape=shape,
        axes=axes,
        threads=threads,
        isa=described["isa"],
        lanes=described["lanes"],
        steps=described["steps"],
    )


def plan_constants() -> dict[str, float]:
    """The thresholds of the engine's cost model, by name.

    Returns
    -------
    dict of str to float
        Each named constant of ``xla_kernels/engine/cost_model.h`` that
        :func:`explain_plan`'s decisions follow (``lane_group_bytes``,
        ``four_step_min_length``, ``bluestein_min_prime``,
        ``min_elements_per_thread``, ...), the longest length with a codelet
        (``codelet_max_length``; every length 2..16 has one, and past 16
        the composite lengths of ``kCodelets`` in ``kernel_api.h``, some in
        one precision only: :func:`explain_plan` says which), and
        the lane widths of the kernels in use (``lanes_float``,
        ``lanes_double``, and the codelets' ``codelet_width_float``,
        ``codelet_width_double``).

    See Also
    --------
    explain_plan : What the engine runs for one transform.

    Examples
    --------
    >>> constants = jfft.plan_constants()
    >>> constants["bluestein_min_prime"]
    32.0
    >>> constants["lanes_float"] in (1.0, 4.0, 8.0, 16.0)
    True
    """
    return dict(_jfft_cpu.plan_constants())

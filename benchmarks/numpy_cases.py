"""The numpy section's cases (``python -m benchmarks --numpy``): one
transform of one fixed numpy array each, called as ``numpy.fft``/
``scipy.fft`` are, at small sizes (where per-call overhead decides) and
large, for c2c, r2c, c2r and DCT."""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass

import numpy as np

from .cases import random_input

KINDS = ("c2c", "r2c", "c2r", "dct")
GROUPS = ("small", "large", "dct")
_FUNCTION = {"c2c": "fft", "r2c": "rfft", "c2r": "irfft", "dct": "dct"}


@dataclass(frozen=True)
class NumpyCase:
    """A transform over ``axes`` of a numpy array of ``shape``.

    ``shape`` is the signal's: for "c2r" the real output's, the input being
    its half spectrum. ``dtype`` is the real precision ("float32" or
    "float64"); c2c and c2r inputs are its complex counterpart.
    ``dct_type``: the DCT's type (kind "dct").
    """

    name: str
    group: str
    kind: str
    shape: tuple[int, ...]
    axes: tuple[int, ...]
    dtype: str
    dct_type: int = 2
    quick: bool = False

    is_grad = False  # for harness.run_case

    @property
    def title(self) -> str:
        func = _FUNCTION[self.kind] + ("" if len(self.axes) == 1 else "n")
        extra = f" type {self.dct_type}" if self.kind == "dct" else ""
        return f"{func}{extra} {'x'.join(map(str, self.shape))} {self.dtype}"

    @property
    def lengths(self) -> tuple[int, ...]:
        return tuple(self.shape[a] for a in self.axes)

    @property
    def real_dtype(self) -> np.dtype:
        return np.dtype(self.dtype)

    @property
    def complex_dtype(self) -> np.dtype:
        return np.result_type(self.real_dtype, np.complex64)

    @property
    def half_shape(self) -> tuple[int, ...]:
        shape = list(self.shape)
        shape[self.axes[-1]] = shape[self.axes[-1]] // 2 + 1
        return tuple(shape)

    @property
    def size(self) -> int:
        """Points of the signal (the real side for r2c/c2r)."""
        return math.prod(self.shape)

    def make_input(self, seed: int = 0) -> np.ndarray:
        """The C-contiguous array every contestant transforms."""
        return random_input(
            self.shape,
            self.axes,
            self.complex_dtype,
            real=self.kind in ("r2c", "dct"),
            half_spectrum=self.kind == "c2r",
            seed=seed,
        )

    def reference(self, x: np.ndarray) -> np.ndarray:
        """The transform of ``x`` in higher precision: float64 for float32
        cases, longdouble for float64 (numpy.fft, scipy.fft for the DCT)."""
        wide_real = np.float64 if self.real_dtype == np.float32 else np.longdouble
        wide = np.result_type(wide_real, np.complex64)
        if self.kind == "c2c":
            return np.fft.fftn(x.astype(wide), axes=self.axes)
        if self.kind == "r2c":
            return np.fft.rfftn(x.astype(wide_real), axes=self.axes)
        if self.kind == "c2r":
            return np.fft.irfftn(x.astype(wide), s=self.lengths, axes=self.axes)
        import scipy.fft

        return scipy.fft.dctn(x.astype(wide_real), type=self.dct_type, axes=self.axes)


def _cases() -> tuple[NumpyCase, ...]:
    out = []
    short = {"float32": "f32", "float64": "f64"}
    for dtype in ("float32", "float64"):
        d = short[dtype]
        for n in (64, 1024):  # per-call overhead: the goal sizes
            for kind in ("r2c", "c2c", "c2r"):
                out.append(
                    NumpyCase(
                        f"small-{_FUNCTION[kind]}-{n}-{d}", "small", kind, (n,),
                        (-1,), dtype, quick=n == 64 and kind != "c2r" and d == "f32",
                    )
                )  # fmt: skip
        large = [
            ("c2c", (65536,), (-1,), True),
            ("c2c", (2**20,), (-1,), False),
            ("c2c", (64, 4096), (-1,), False),
            ("c2c", (512, 512), (0, 1), True),
            ("c2c", (2048, 2048), (0, 1), False),
            ("r2c", (65536,), (-1,), False),
            ("r2c", (2**20,), (-1,), False),
            ("r2c", (512, 512), (0, 1), False),
            ("r2c", (2048, 2048), (0, 1), False),
            ("c2r", (65536,), (-1,), False),
            ("c2r", (512, 512), (0, 1), False),
        ]
        for kind, shape, axes, quick in large:
            dims = "x".join(map(str, shape))
            nd = "" if len(axes) == 1 else "n"
            name = f"large-{_FUNCTION[kind]}{nd}-{dims}-{d}"
            out.append(
                NumpyCase(
                    name, "large", kind, shape, axes, dtype, quick=quick and d == "f32"
                )
            )
        for t in (1, 2, 3, 4):
            out.append(
                NumpyCase(
                    f"dct{t}-64x4096-{d}", "dct", "dct", (64, 4096), (-1,), dtype,
                    dct_type=t, quick=t == 2 and d == "f32",
                )
            )  # fmt: skip
        out.append(
            NumpyCase(f"dctn2-512x512-{d}", "dct", "dct", (512, 512), (0, 1), dtype)
        )
    return tuple(out)


NUMPY_SUITE: tuple[NumpyCase, ...] = _cases()


def select(patterns: list[str] | None, quick: bool) -> list[NumpyCase]:
    """Cases whose name matches any of ``patterns`` (shell globs), or the
    quick subset, or all."""
    if patterns:
        unknown = [
            p
            for p in patterns
            if not any(fnmatch.fnmatch(c.name, p) for c in NUMPY_SUITE)
        ]
        if unknown:
            names = ", ".join(c.name for c in NUMPY_SUITE)
            raise SystemExit(f"unknown numpy case(s) {unknown}; the cases are: {names}")
        return [
            c for c in NUMPY_SUITE if any(fnmatch.fnmatch(c.name, p) for p in patterns)
        ]
    return [c for c in NUMPY_SUITE if c.quick] if quick else list(NUMPY_SUITE)

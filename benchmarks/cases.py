"""The benchmark cases: one transform of one fixed input each."""

from __future__ import annotations

import fnmatch
import math
from dataclasses import dataclass

import numpy as np

KINDS = ("c2c", "r2c", "c2r", "grad-c2c", "grad-r2c")


@dataclass(frozen=True)
class Case:
    """A transform over ``axes`` of an array of ``shape``.

    ``shape`` is the shape of the signal: for "c2r" (irfftn) it is the real
    output's shape and the input is its half spectrum. ``dtype`` is the complex
    dtype computed in; r2c/c2r use its real counterpart on the real side.
    "grad-*" cases time ``jax.grad`` through fft2/rfft2 against the forward.
    """

    name: str
    title: str
    kind: str
    shape: tuple[int, ...]
    axes: tuple[int, ...]
    dtype: str = "complex64"
    quick: bool = False  # part of the --quick smoke run
    memory: bool = False  # peak-memory probe

    @property
    def lengths(self) -> tuple[int, ...]:
        return tuple(self.shape[a] for a in self.axes)

    @property
    def batch(self) -> int:
        return math.prod(self.shape) // math.prod(self.lengths)

    @property
    def is_grad(self) -> bool:
        return self.kind.startswith("grad")

    @property
    def is_real(self) -> bool:
        return self.kind in ("r2c", "c2r", "grad-r2c")

    @property
    def real_dtype(self) -> np.dtype:
        return np.finfo(np.dtype(self.dtype)).dtype

    @property
    def half_shape(self) -> tuple[int, ...]:
        """The half-spectrum shape of a real transform."""
        shape = list(self.shape)
        shape[self.axes[-1]] = shape[self.axes[-1]] // 2 + 1
        return tuple(shape)

    @property
    def flops(self) -> float:
        """benchFFT's nominal count: 5 B n log2 n (complex), half for real."""
        n = math.prod(self.lengths)
        f = 5.0 * self.batch * n * math.log2(n)
        return f / 2 if self.is_real else f

    def make_input(self, seed: int = 0) -> np.ndarray:
        """The input every backend transforms (C-contiguous)."""
        return random_input(
            self.shape,
            self.axes,
            self.dtype,
            real=self.kind in ("r2c", "grad-r2c"),
            half_spectrum=self.kind == "c2r",
            seed=seed,
        )

    def reference(self, x: np.ndarray) -> np.ndarray:
        """numpy's transform of ``x`` in higher precision than the case's:
        complex128 for single precision, clongdouble for double."""
        single = self.real_dtype == np.float32
        wide = np.complex128 if single else np.clongdouble
        wide_real = np.float64 if single else np.longdouble
        if self.kind == "c2c":
            return np.fft.fftn(x.astype(wide), axes=self.axes)
        if self.kind == "r2c":
            return np.fft.rfftn(x.astype(wide_real), axes=self.axes)
        if self.kind == "c2r":
            return np.fft.irfftn(x.astype(wide), s=self.lengths, axes=self.axes)
        raise ValueError(f"no reference for {self.kind}")


def random_input(
    shape: tuple[int, ...],
    axes: tuple[int, ...],
    complex_dtype: np.dtype,
    *,
    real: bool,
    half_spectrum: bool,
    seed: int,
) -> np.ndarray:
    """A seeded C-contiguous input: real normal samples (``real``), a genuine
    half spectrum (the rfftn over ``axes`` of real data, for c2r; ``shape`` is
    then the real signal's), or complex normal samples."""
    rng = np.random.default_rng(seed)
    real_dtype = np.finfo(complex_dtype).dtype
    if real:
        return rng.standard_normal(shape, dtype=real_dtype)
    if half_spectrum:
        signal = rng.standard_normal(shape)
        lengths = [shape[a] for a in axes]
        spec = np.fft.rfftn(signal, axes=axes) / math.sqrt(math.prod(lengths))
        return np.ascontiguousarray(spec.astype(complex_dtype))
    x = np.empty(shape, complex_dtype)
    x.real = rng.standard_normal(shape, dtype=real_dtype)
    x.imag = rng.standard_normal(shape, dtype=real_dtype)
    return x


def _c(name, title, shape, axes, **kw) -> Case:
    return Case(name, title, "c2c", tuple(shape), tuple(axes), **kw)


SUITE: tuple[Case, ...] = (
    _c("c1d-1024x1024", "c2c 1-D 1024 x n=1024", (1024, 1024), (-1,), quick=True),
    _c("c1d-64x16384", "c2c 1-D 64 x n=16384", (64, 16384), (-1,)),
    _c("c1d-1x1M", "c2c 1-D 1 x n=2^20", (1, 2**20), (-1,)),
    _c("c1d-4x65536", "c2c 1-D 4 x n=2^16", (4, 2**16), (-1,)),
    _c("c1d-256x1000", "c2c 1-D 256 x n=1000", (256, 1000), (-1,)),
    _c("c1d-256x1009", "c2c 1-D 256 x n=1009 (prime)", (256, 1009), (-1,), quick=True),
    _c("c1d-1x65537", "c2c 1-D 1 x n=65537 (prime)", (1, 65537), (-1,)),
    _c("c1d-16x10007", "c2c 1-D 16 x n=10007 (prime)", (16, 10007), (-1,)),
    _c("c1d-axis0-4096x256", "c2c 1-D axis 0 of (4096, 256)", (4096, 256), (0,)),
    _c(
        "c1d-1024x1024-f64",
        "c2c 1-D 1024 x n=1024 complex128",
        (1024, 1024),
        (-1,),
        dtype="complex128",
    ),
    _c("c2d-512", "c2c 2-D 512^2", (512, 512), (-2, -1), quick=True),
    _c("c2d-16x256", "c2c 2-D 16 x 256^2", (16, 256, 256), (-2, -1)),
    _c("c2d-2048", "c2c 2-D 2048^2", (2048, 2048), (-2, -1), memory=True),
    _c("c3d-128", "c2c 3-D 128^3", (128,) * 3, (-3, -2, -1)),
    _c("c3d-256", "c2c 3-D 256^3", (256,) * 3, (-3, -2, -1), memory=True),
    Case("r2c2d-1024", "rfftn 2-D 1024^2 float32", "r2c", (1024, 1024), (-2, -1),
         quick=True),
    Case("c2r2d-1024", "irfftn 2-D 1024^2 float32", "c2r", (1024, 1024), (-2, -1)),
    Case("grad-fft2-512", "grad of fft2, 512^2 complex64", "grad-c2c", (512, 512),
         (-2, -1), quick=True),
    Case("grad-rfft2-512", "grad of rfft2, 512^2 float32", "grad-r2c", (512, 512),
         (-2, -1)),
)  # fmt: skip


def select(patterns: list[str] | None, quick: bool) -> list[Case]:
    """Cases whose name matches any of ``patterns`` (shell globs), or the
    quick subset, or the whole suite."""
    if patterns:
        chosen = [c for c in SUITE if any(fnmatch.fnmatch(c.name, p) for p in patterns)]
        unknown = [
            p for p in patterns if not any(fnmatch.fnmatch(c.name, p) for c in SUITE)
        ]
        if unknown:
            names = ", ".join(c.name for c in SUITE)
            raise SystemExit(f"unknown case(s) {unknown}; the cases are: {names}")
        return chosen
    return [c for c in SUITE if c.quick] if quick else list(SUITE)

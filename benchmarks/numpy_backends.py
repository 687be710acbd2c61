"""The numpy section's contestants: libraries called on numpy arrays as
user code calls them, each returning a new array per call (no plan kept by
the benchmark, no preallocated output), with ``--threads`` threads.

- ``jfft.numpy`` and ``scipy.fft`` with jfft's backend
  (``scipy.fft.set_backend(jfft.scipy_backend, only=True)``, entered once
  around each measurement's calls, as code selects it around its work);
- ``scipy.fft`` and ``numpy.fft`` (single-threaded: it takes no thread
  count; no DCT);
- ``ducc0.fft`` (``c2c``/``r2c``/``c2r``/``dct``, ``nthreads``);
- pyFFTW's ``pyfftw.interfaces.scipy_fft`` (``workers``), with its plan
  cache on (kept 5 minutes, so that the other contestants' turns do not
  evict it) and its default planner effort (FFTW_ESTIMATE);
- ``mkl_fft`` (its numpy-style functions; MKL's thread count is process
  state, set by ``activate``; no DCT).

Each call passes only what differs from the function's defaults (a 1-D
transform of the last axis is ``f(x, workers=t)``), so that small sizes time
the call as it is usually written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .backends import Backend, MklFft, _version
from .harness import WithContext
from .numpy_cases import NumpyCase

Runner = Callable[[], Any]

JFFT_NUMPY = "jfft.numpy"
JFFT_SCIPY = "scipy.fft+jfft"
SCIPY = "scipy.fft"
NUMPY = "numpy.fft"
JFFT_NAMES = (JFFT_NUMPY, JFFT_SCIPY)

# pyFFTW's interfaces drop a cached plan unused for this long (default 0.1 s).
PYFFTW_CACHE_KEEPALIVE_S = 300.0


def numpy_style_call(
    module: Any, case: NumpyCase, x: np.ndarray, extra: dict[str, Any]
) -> Runner:
    """A call of ``case``'s function of a module with numpy.fft's (or
    scipy.fft's) functions and signatures, with ``extra`` keywords."""
    (last,) = case.axes[-1:]
    if len(case.axes) == 1:
        axis = {} if last == -1 else {"axis": last}
        if case.kind == "dct":
            f, t = module.dct, case.dct_type
            kw = {"type": t, **axis, **extra} if t != 2 else {**axis, **extra}
            return lambda: f(x, **kw)
        f = getattr(module, {"c2c": "fft", "r2c": "rfft", "c2r": "irfft"}[case.kind])
        kw = {**axis, **extra}
        if case.kind == "c2r" and case.lengths[0] != 2 * (x.shape[last] - 1):
            kw["n"] = case.lengths[0]
        return lambda: f(x, **kw)
    kw = {"axes": case.axes, **extra}
    if case.kind == "dct":
        f = module.dctn
        kw["type"] = case.dct_type
        return lambda: f(x, **kw)
    f = getattr(module, {"c2c": "fftn", "r2c": "rfftn", "c2r": "irfftn"}[case.kind])
    if case.kind == "c2r":
        kw["s"] = case.lengths
    return lambda: f(x, **kw)


class NumpyPeer(Backend):
    """A module with numpy.fft-style functions."""

    workers_keyword: str | None = "workers"
    has_dct = True

    def module(self) -> Any:
        raise NotImplementedError

    def supports(self, case: NumpyCase) -> bool:
        return self.has_dct or case.kind != "dct"

    def prepare(self, case: NumpyCase, x: np.ndarray) -> Runner:
        extra = {self.workers_keyword: self.threads} if self.workers_keyword else {}
        return numpy_style_call(self.module(), case, x, extra)


class JfftNumpy(NumpyPeer):
    name = JFFT_NUMPY
    dist = "jfft"

    def load(self) -> str:
        import jfft

        return jfft.__version__

    def module(self) -> Any:
        import jfft.numpy

        return jfft.numpy


class Scipy(NumpyPeer):
    name = SCIPY
    dist = "scipy"

    def load(self) -> str:
        import scipy.fft  # noqa: F401

        return _version(self.dist)

    def module(self) -> Any:
        import scipy.fft

        return scipy.fft


class ScipyJfftBackend(Scipy):
    name = JFFT_SCIPY

    def load(self) -> str:
        import jfft.scipy_backend  # noqa: F401

        return super().load() + " with jfft.scipy_backend"

    def prepare(self, case: NumpyCase, x: np.ndarray) -> Runner:
        import scipy.fft

        import jfft.scipy_backend

        run = super().prepare(case, x)
        return WithContext(
            run, lambda: scipy.fft.set_backend(jfft.scipy_backend, only=True)
        )


class Numpy(NumpyPeer):
    name = NUMPY
    dist = "numpy"
    workers_keyword = None
    has_dct = False

    def load(self) -> str:
        return np.__version__

    def module(self) -> Any:
        return np.fft


class Ducc0(NumpyPeer):
    name = "ducc0"
    dist = "ducc0"

    def load(self) -> str:
        import ducc0

        return ducc0.__version__

    def prepare(self, case: NumpyCase, x: np.ndarray) -> Runner:
        import ducc0.fft as df

        t, axes = self.threads, case.axes
        if case.kind == "c2c":
            return lambda: df.c2c(x, axes=axes, forward=True, nthreads=t)
        if case.kind == "r2c":
            return lambda: df.r2c(x, axes=axes, forward=True, nthreads=t)
        if case.kind == "c2r":
            last = case.lengths[-1]
            return lambda: df.c2r(
                x, axes=axes, lastsize=last, forward=False, inorm=2, nthreads=t
            )
        k = case.dct_type
        return lambda: df.dct(x, type=k, axes=axes, nthreads=t)


class PyFFTWInterfaces(NumpyPeer):
    name = "pyFFTW interfaces"
    dist = "pyFFTW"

    def load(self) -> str:
        import pyfftw
        import pyfftw.interfaces.cache

        pyfftw.interfaces.cache.enable()
        pyfftw.interfaces.cache.set_keepalive_time(PYFFTW_CACHE_KEEPALIVE_S)
        return f"{pyfftw.__version__} (planner {pyfftw.config.PLANNER_EFFORT})"

    def module(self) -> Any:
        import pyfftw.interfaces.scipy_fft

        return pyfftw.interfaces.scipy_fft


class MklFftNumpy(MklFft, NumpyPeer):
    """mkl_fft's numpy-style functions; the thread count is MKL's (see
    backends.MklFft)."""

    workers_keyword = None
    has_dct = False

    def module(self) -> Any:
        import mkl_fft

        return mkl_fft

    def prepare(self, case: NumpyCase, x: np.ndarray) -> Runner:
        return NumpyPeer.prepare(self, case, x)


ALL = (JfftNumpy, ScipyJfftBackend, Scipy, Numpy, Ducc0, PyFFTWInterfaces, MklFftNumpy)


def load_all(
    threads: list[int],
) -> tuple[dict[int, list[NumpyPeer]], dict[str, str], list[str]]:
    """Per thread count, every installed contestant; name -> version; notes
    on the ones skipped."""
    loaded: dict[int, list[NumpyPeer]] = {t: [] for t in threads}
    versions, notes = {}, []
    for cls in ALL:
        try:
            made = [cls(t) for t in threads]
            for backend in made:
                versions[cls.name] = backend.load()
        except ImportError as err:
            if cls in (JfftNumpy, ScipyJfftBackend, Scipy):
                raise
            notes.append(f"{cls.name} skipped: not installed ({err})")
            continue
        for t, backend in zip(threads, made, strict=True):
            loaded[t].append(backend)
    return loaded, versions, notes

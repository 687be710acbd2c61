"""Timing, accuracy and memory measurements of one case (methodology: see
the package docstring)."""

from __future__ import annotations

import gc
import json
import math
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .backends import JFFT, JNP, Backend
from .cases import Case

# A result whose relative RMS error exceeds this many ulps of its precision is
# flagged as wrong (a correct FFT stays within a few ulps times log2 n).
WRONG_ULPS = 1e4


@dataclass
class Timing:
    """How long to time: at least ``min_rounds`` and at most ``rounds`` rounds,
    fewer than ``rounds`` when they would exceed ``budget`` seconds; each
    measurement repeats calls until it lasts ``min_time`` seconds, a count
    chosen from the fastest of ``estimate_calls`` untimed calls (fewer when
    they pass a second) made after ``warmup_calls`` calls (0 when the caller
    has called each runner already). With ``budget_beyond_min`` the budget is
    for the rounds beyond ``min_rounds``."""

    rounds: int
    budget: float
    min_time: float
    min_rounds: int = 3
    seed: int = 0
    estimate_calls: int = 3
    warmup_calls: int = 1
    budget_beyond_min: bool = False  # budget: for rounds after min_rounds


@dataclass
class CaseResult:
    case: Case
    rounds: int = 0
    inner: dict[str, int] = field(default_factory=dict)
    times: dict[str, list[float]] = field(default_factory=dict)  # per round
    busy: dict[str, list[float]] = field(default_factory=dict)  # CPU s / wall s
    errors: dict[str, float] = field(default_factory=dict)
    memory: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0  # wall time spent on the case

    def median(self, label: str) -> float:
        return statistics.median(self.times[label])

    def ratio(self, num: str, den: str) -> float:
        """Median over rounds of the paired per-round ratio num/den."""
        if num not in self.times or den not in self.times:
            return math.nan
        pairs = zip(self.times[num], self.times[den], strict=True)
        return statistics.median(a / b for a, b in pairs)

    def gflops(self, label: str) -> float:
        return self.case.flops / self.median(label) / 1e9

    @property
    def peers(self) -> list[str]:
        return [lb for lb in self.times if lb not in (JFFT, JNP)]

    @property
    def best_peer(self) -> str | None:
        return min(self.peers, key=self.median, default=None)

    def to_json(self) -> dict[str, Any]:
        c = self.case
        out: dict[str, Any] = {
            "name": c.name,
            "title": c.title,
            "kind": c.kind,
            "shape": c.shape,
            "axes": c.axes,
            "dtype": c.dtype,
            "flops": c.flops,
            "rounds": self.rounds,
            "inner": self.inner,
            "times_s": self.times,
            "median_s": {lb: self.median(lb) for lb in self.times},
            "cores_busy": {lb: statistics.median(v) for lb, v in self.busy.items()},
            "errors": self.errors,
            "memory": self.memory,
            "notes": self.notes,
            "seconds": self.seconds,
        }
        if not c.is_grad:
            out["gflops"] = {lb: self.gflops(lb) for lb in self.times}
            out["jfft_over_jnp"] = self.ratio(JFFT, JNP)
            out["best_peer"] = self.best_peer
            if self.best_peer:
                out["jfft_over_best_peer"] = self.ratio(JFFT, self.best_peer)
        return out


@dataclass(frozen=True)
class WithContext:
    """A runner whose calls need ``context()`` entered around them. A
    measurement enters it once around its calls, as code enters e.g.
    ``scipy.fft.set_backend`` around its work, not around every call; a
    direct call enters it for that call."""

    run: Callable[[], Any]
    context: Callable[[], AbstractContextManager]

    def __call__(self) -> Any:
        with self.context():
            return self.run()


def _calls(run: Callable[[], Any], n: int) -> None:
    """``n`` calls of ``run`` (inside its context, once, for a WithContext)."""
    if isinstance(run, WithContext):
        with run.context():
            _calls(run.run, n)
        return
    for _ in range(n):
        run()


# A call already made that took this many times ``min_time`` stands in for the
# estimate: a measurement of such a runner is one call whatever the estimate.
KNOWN_SLOW_FACTOR = 20


def time_runners(
    runners: dict[str, Callable[[], Any]],
    timing: Timing,
    result: CaseResult,
    first_call_s: dict[str, float] | None = None,
) -> None:
    """Interleaved, paired timing of ``runners`` into ``result``.
    ``first_call_s``: the seconds of a call the caller made of some runners
    (slow ones then skip the estimate)."""
    estimate = {}
    known = first_call_s or {}
    for label, run in list(runners.items()):
        if known.get(label, 0.0) >= KNOWN_SLOW_FACTOR * timing.min_time:
            estimate[label] = known[label]
            continue
        try:
            for _ in range(timing.warmup_calls):
                run()  # first-call allocations, lazy plans
        except Exception as err:  # noqa: BLE001 - report, go on
            result.notes.append(f"{label} failed: {type(err).__name__}: {err}")
            del runners[label]
            continue
        samples, start = [], time.perf_counter()
        while (
            len(samples) < timing.estimate_calls and time.perf_counter() - start < 1.0
        ):
            t0 = time.perf_counter()
            run()
            samples.append(time.perf_counter() - t0)
        estimate[label] = min(samples)
    if not runners:
        return
    inner = {lb: max(1, math.ceil(timing.min_time / t)) for lb, t in estimate.items()}
    per_round = sum(inner[lb] * estimate[lb] for lb in runners)
    floor = min(timing.min_rounds, timing.rounds)
    if timing.budget_beyond_min:
        rounds = min(timing.rounds, floor + int(timing.budget / per_round))
    else:
        rounds = max(floor, min(timing.rounds, int(timing.budget / per_round)))
    rng = random.Random(timing.seed)
    times: dict[str, list[float]] = {lb: [] for lb in runners}
    busy: dict[str, list[float]] = {lb: [] for lb in runners}
    for _ in range(rounds):
        order = list(runners)
        rng.shuffle(order)
        gc.collect()
        gc.disable()
        try:
            for label in order:
                run, n = runners[label], inner[label]
                c0, t0 = time.process_time(), time.perf_counter()
                _calls(run, n)
                wall = time.perf_counter() - t0
                times[label].append(wall / n)
                busy[label].append((time.process_time() - c0) / wall)
        finally:
            gc.enable()
    result.rounds, result.inner, result.times = rounds, inner, times
    result.busy = busy


def rel_rms(y: np.ndarray, ref: np.ndarray) -> float:
    """||y - ref|| / ||ref|| (2-norms), computed in ref's precision."""
    if y.shape != ref.shape:
        raise ValueError(f"output shape {y.shape}, expected {ref.shape}")
    diff = y.astype(ref.dtype) - ref
    num = np.sum(np.abs(diff) ** 2)
    den = np.sum(np.abs(ref) ** 2)
    return float(np.sqrt(num / den))


def run_case(
    case: Case, backends: list[Backend], timing: Timing, accuracy: bool = True
) -> CaseResult:
    """Prepares every backend on the case's input, checks accuracy, times."""
    result = CaseResult(case)
    start = time.perf_counter()
    x = case.make_input()
    runners: dict[str, Callable[[], Any]] = {}
    if case.is_grad:
        for b in backends:
            if not b.is_jax:
                continue
            short = "jfft" if b.name == JFFT else "jnp"
            try:
                grad_runners = b.grad_runners(case, x)
            except Exception as err:  # noqa: BLE001 - report, go on
                result.notes.append(f"{b.name} failed: {type(err).__name__}: {err}")
                continue
            for label, run in grad_runners.items():
                runners[f"{short} {label}"] = run
    else:
        ref = case.reference(x) if accuracy else None
        eps = float(np.finfo(case.real_dtype).eps)
        for b in backends:
            try:
                run = b.prepare(case, x)
                if ref is not None:
                    y = np.asarray(run()) * b.output_scale(case)
                    err = rel_rms(y, ref)
                    result.errors[b.name] = err
                    if not err < WRONG_ULPS * eps:  # also catches NaN
                        result.notes.append(
                            f"{b.name}: WRONG RESULT (relative RMS error {err:.2e})"
                        )
                    del y
            except Exception as err:  # noqa: BLE001 - report, go on
                result.notes.append(f"{b.name} failed: {type(err).__name__}: {err}")
                continue
            runners[b.name] = run
        del ref
    if runners:
        time_runners(runners, timing, result)
    runners.clear()
    gc.collect()
    result.seconds = time.perf_counter() - start
    return result


# Memory ----------------------------------------------------------------------


def memory_probe(case: Case, backend: str, threads: int) -> dict[str, Any]:
    """Runs ``python -m benchmarks.memprobe`` in a fresh process (so earlier
    cases leave no allocator state behind) and returns what it measured."""
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.memprobe",
        case.name,
        backend,
        "--threads",
        str(threads),
    ]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    proc = subprocess.run(
        cmd, capture_output=True, text=True, cwd=root, timeout=600, check=False
    )
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:]
        return {"error": f"probe exited {proc.returncode}: {' '.join(tail)}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])

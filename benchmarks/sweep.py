"""The length sweep: ``python -m benchmarks --sweep [--quick]``.

jfft's engine (``jfft.numpy.fftn``, ``workers=`` the thread count, into an
output allocated once, as ducc0 and pyFFTW write theirs) against the CPU
libraries (ducc0, pyFFTW and, when installed, scipy.fft, mkl_fft and
torch.fft, each given the same thread count) over every length 2..4096 and a
fixed, seeded set of 200 random lengths in 4097..2^20 (log-uniform), complex64
and complex128, 1 thread and 2. Each length is a batch of about 2^17 points
(``max(1, 2^17 // n)`` lines of ``n``), the same input for every library.

Per length and thread count the harness (``harness.time_runners``) does what
it does for the suite: a warm-up call per library, an untimed estimate, then
interleaved rounds in a fresh random order with paired per-round ratios
(median over rounds). The ratios are jfft / each peer and jfft / the fastest
peer (the peer with the lowest median time on that length). Accuracy: the
relative RMS error of every library's output against numpy's FFT in higher
precision (complex128 for complex64, clongdouble for complex128) over the
first ``ACCURACY_POINTS`` points' lines of the batch.

The run is budgeted: ``--sweep-budget`` seconds (22 min for the full sweep, so
that it ends within 25 with start-up and the report; 150 s for ``--quick``).
Lengths run in a seeded random order, so the cost measured so far predicts
the rest (``Budget``): every length gets at least ``MIN_ROUNDS`` rounds
(``LOWEST_MIN_ROUNDS`` for the rest of the run if, once calibrated, the
remaining lengths would not fit at three), and the time left over those
minima is shared out as extra rounds in proportion to each batch's points, up
to ``--repeats`` rounds. The output says how many rounds the lengths got. pyFFTW plans with FFTW_MEASURE under a planning time limit
(``--fftw-plan-limit``): unlimited FFTW_MEASURE takes hours over 8000 plans.
"""

from __future__ import annotations

import gc
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .backends import Backend
from .cases import Case
from .harness import WRONG_ULPS, CaseResult, Timing, rel_rms, time_runners

SHORT_MAX = 4096
LONG_MAX = 2**20
LONG_COUNT = 200
LONG_SEED = 12  # issue 12 asked for the sweep
BATCH_POINTS = 2**17
# The accuracy reference covers this many points' worth of lines: numpy's
# clongdouble FFT of a whole 1009 x 129 batch took 97 ms here, of 16 lines
# 7 ms, and 8000 lengths are checked.
ACCURACY_POINTS = 2**14
DTYPES = ("complex64", "complex128")
THREADS = (1, 2)
MIN_ROUNDS = 3
# Budget: the minimum rounds when the sweep falls behind, decided after this
# many cells (enough lengths, in random order, to predict the rest).
LOWEST_MIN_ROUNDS = 2
CALIBRATION_CELLS = 40
# The progress lines say the run is over budget past this fraction of it.
OVER_BUDGET_WARNING = 1.05
MAX_ROUNDS = 15
# A measurement is one call (no call count to estimate): a batch of 2^17
# points took at least 0.11 ms per call for every library in a --quick run
# here, far above the timer's resolution.
MIN_TIME_S = 0.0
# The error of jfft and ducc0 is measured over ACCURACY_POINTS; the other
# peers' outputs are checked on their first line only, to catch a wrong result
# (checking them all took 20 ms of the 310 ms per cell in a profile here).
ACCURACY_PEERS = ("jfft", "ducc0")
FULL_BUDGET_S = 22 * 60.0
QUICK_BUDGET_S = 150.0
# FFTW_MEASURE took 0.1-0.7 s per plan for batches of 2^17 points (n = 96 to
# 17775) on this 2-core machine and 10-20 s for n = 300007: unlimited, the
# sweep's 17000 plans would take hours. The price: for complex64 batches of
# n = 97, 210, 1000 (1 thread) plans made under this limit ran 1.14x, 1.42x and
# 0.95x the time of unlimited FFTW_MEASURE plans (one run each, a loaded
# machine); --fftw-plan-limit trades sweep time for FFTW's plans.
FFTW_PLAN_LIMIT_S = 0.01
# What the cells left for the collector is frozen out of its sight every so
# many lengths, as what the imports made is at the start.
REFREEZE_EVERY = 256

QUICK_SHORT = (
    2, 3, 4, 5, 7, 8, 11, 13, 16, 17, 30, 31, 49, 64, 96, 97, 100, 121, 127,
    128, 169, 210, 243, 256, 343, 480, 500, 512, 625, 896, 1000, 1009, 1024,
    1331, 2048, 2187, 2197, 3000, 4095, 4096,
)  # fmt: skip
QUICK_LONG_STEP = 10  # every 10th of the sorted random lengths: 20 of them


def long_lengths() -> list[int]:
    """The fixed random lengths: LONG_COUNT distinct integers in
    (SHORT_MAX, LONG_MAX], log-uniform, from LONG_SEED; sorted."""
    rng = np.random.default_rng(LONG_SEED)
    chosen: set[int] = set()
    lo, hi = math.log2(SHORT_MAX), math.log2(LONG_MAX)
    while len(chosen) < LONG_COUNT:
        n = round(2.0 ** rng.uniform(lo, hi))
        if SHORT_MAX < n <= LONG_MAX:
            chosen.add(n)
    return sorted(chosen)


def quick_lengths() -> list[int]:
    return list(QUICK_SHORT) + long_lengths()[QUICK_LONG_STEP // 2 :: QUICK_LONG_STEP]


def parse_lengths(spec: str) -> list[int]:
    """Comma-separated ``N``, ``A-B`` (inclusive), ``short`` (2..4096),
    ``long`` (the random lengths) and ``quick`` (the --quick subset)."""
    out: set[int] = set()
    for token in spec.split(","):
        token = token.strip().lower()
        if token == "short":
            out.update(range(2, SHORT_MAX + 1))
        elif token == "long":
            out.update(long_lengths())
        elif token == "quick":
            out.update(quick_lengths())
        elif "-" in token:
            a, _, b = token.partition("-")
            lo, hi = _length(a, spec), _length(b, spec)
            if lo > hi:
                raise ValueError(f"--lengths: empty range {token!r} in {spec!r}")
            out.update(range(lo, hi + 1))
        else:
            out.add(_length(token, spec))
    return sorted(out)


def _length(text: str, spec: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise ValueError(f"--lengths: {text!r} in {spec!r} is not a length") from None
    if not 1 <= n <= LONG_MAX:
        raise ValueError(f"--lengths: {n} in {spec!r} is outside 1..{LONG_MAX}")
    return n


def lines_for(n: int) -> int:
    return max(1, BATCH_POINTS // n)


def case_for(n: int, dtype: str) -> Case:
    lines = lines_for(n)
    return Case(f"n={n}", f"c2c {lines} x n={n} {dtype}", "c2c", (lines, n), (-1,),
                dtype=dtype)  # fmt: skip


@dataclass
class Cell:
    """One length, dtype and thread count."""

    n: int
    dtype: str
    threads: int
    result: CaseResult
    seconds: float = 0.0
    rounds_budget: float = 0.0  # allotted to rounds beyond the minimum

    @property
    def lines(self) -> int:
        return self.result.case.shape[0]

    def ratio(self, peer: str) -> float:
        return self.result.ratio("jfft", peer)

    @property
    def best_peer(self) -> str | None:
        return self.result.best_peer

    def to_json(self) -> dict[str, Any]:
        r = self.result
        best = r.best_peer
        return {
            "n": self.n,
            "dtype": self.dtype,
            "threads": self.threads,
            "lines": self.lines,
            "rounds": r.rounds,
            "median_s": {lb: r.median(lb) for lb in r.times},
            "jfft_over": {p: self.ratio(p) for p in r.peers},
            "best_peer": best,
            "jfft_over_best_peer": self.ratio(best) if best else math.nan,
            "errors": r.errors,
            **({"notes": r.notes} if r.notes else {}),
            "seconds": self.seconds,
            "rounds_budget_s": self.rounds_budget,
        }


class Budget:
    """Shares ``total`` seconds over the cells. A cell costs its setup
    (compiling, planning, the accuracy check) plus its rounds; both are
    predicted from the cells done so far (their order is random), the rounds
    per unit of ``weight``. Every cell gets ``min_rounds`` rounds; after
    CALIBRATION_CELLS cells, the time the remaining cells leave over at that
    minimum is shared out as extra rounds in proportion to ``weight``. When
    the remaining cells would not fit at MIN_ROUNDS, the minimum drops to
    LOWEST_MIN_ROUNDS for the rest of the run (said in the report)."""

    def __init__(self, total: float, weights: list[float], min_rounds: int) -> None:
        self.total = total
        self.start = time.perf_counter()
        self.weight_left = float(sum(weights))
        self.cells_left = len(weights)
        self.min_rounds = min_rounds
        self.lowered_after: int | None = None  # cells done when it dropped
        self.setup_s = 0.0
        self.round_s = 0.0
        self.weight_done = 0.0
        self.cells_done = 0

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def _predicted_rest(self, rounds: int) -> float:
        setup = self.setup_s / self.cells_done
        per_weight = self.round_s / self.weight_done
        return self.cells_left * setup + rounds * per_weight * self.weight_left

    def allot(self, weight: float) -> float:
        """Seconds of rounds beyond ``min_rounds`` for the next cell."""
        if self.cells_done < CALIBRATION_CELLS:
            return 0.0  # too few cells yet to predict the rest
        remaining = self.total - self.elapsed()
        if (
            self.min_rounds > LOWEST_MIN_ROUNDS
            and self._predicted_rest(self.min_rounds) > remaining
        ):
            self.min_rounds = LOWEST_MIN_ROUNDS
            self.lowered_after = self.cells_done
        spare = remaining - self._predicted_rest(self.min_rounds)
        return max(0.0, spare * weight / self.weight_left)

    def done(
        self, weight: float, seconds: float, rounds: int, round_seconds: float
    ) -> None:
        """A cell took ``seconds``, of which ``rounds`` of ``round_seconds``."""
        self.weight_left -= weight
        self.cells_left -= 1
        self.weight_done += weight
        self.cells_done += 1
        self.round_s += round_seconds
        self.setup_s += seconds - rounds * round_seconds

    def predicted_total(self) -> float:
        """The whole run at the current minimum rounds, from the cells so far."""
        if not self.cells_done:
            return math.nan
        return self.elapsed() + self._predicted_rest(self.min_rounds)


def _rounds_seconds(result: CaseResult) -> float:
    """Wall time of one round of every runner (the mean over rounds)."""
    if not result.rounds:
        return 0.0
    total = sum(sum(ts) * result.inner[lb] for lb, ts in result.times.items() if ts)
    return total / result.rounds


def measure_cell(
    case: Case,
    x: np.ndarray,
    k_lines: int,
    ref: np.ndarray,
    backends: list[Backend],
    timing: Timing,
) -> CaseResult:
    """Prepares each backend on ``x``, checks its first ``k_lines`` lines
    against ``ref`` and times them all (the harness's paired rounds)."""
    result = CaseResult(case)
    start = time.perf_counter()
    eps = float(np.finfo(case.real_dtype).eps)
    for b in backends:
        b.activate()
    runners: dict[str, Callable[[], Any]] = {}
    first_call_s: dict[str, float] = {}
    for b in backends:
        try:
            run = b.prepare(case, x)
            t0 = time.perf_counter()
            y = run()
            first_call_s[b.name] = time.perf_counter() - t0
            k = k_lines if b.name in ACCURACY_PEERS else 1
            y = np.asarray(y)[:k] * b.output_scale(case)
            err = rel_rms(y, ref[:k])
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
    if runners:
        time_runners(runners, timing, result, first_call_s)
    runners.clear()
    result.seconds = time.perf_counter() - start
    return result


def run_sweep(
    lengths: list[int],
    dtypes: list[str],
    threads: list[int],
    backends: dict[int, list[Backend]],
    budget_s: float,
    max_rounds: int,
    progress: Callable[[str], None] = print,
) -> tuple[list[Cell], dict[str, Any]]:
    """Measures every (length, dtype, thread count); returns the cells (in
    length, dtype, thread order) and how the budget went."""
    # The harness collects garbage before every round; with jax and torch
    # loaded a full collection took 0.3-0.5 s here, unless what the imports
    # made is frozen out of the collector's sight first.
    gc.collect()
    gc.freeze()
    jobs = [(n, dt) for dt in dtypes for n in lengths]
    random.Random(LONG_SEED).shuffle(jobs)
    weights = {(n, dt): float(lines_for(n) * n) for n, dt in jobs}
    budget = Budget(
        budget_s,
        [weights[j] for j in jobs for _ in threads],
        min(MIN_ROUNDS, max_rounds),
    )
    cells: list[Cell] = []
    report_every = max(1, len(jobs) // 20)
    for index, (n, dtype) in enumerate(jobs):
        case = case_for(n, dtype)
        job_start = time.perf_counter()
        x = case.make_input(seed=n)  # the same input whatever the subset
        k_lines = min(case.shape[0], max(1, ACCURACY_POINTS // n))
        ref = case.reference(x[:k_lines])
        for t in threads:
            cell_start = time.perf_counter()
            allotted = budget.allot(weights[(n, dtype)])
            timing = Timing(
                rounds=max_rounds,
                budget=allotted,
                min_time=MIN_TIME_S,
                min_rounds=min(budget.min_rounds, max_rounds),
                seed=n,
                warmup_calls=0,  # measure_cell's accuracy check was the warm-up
                budget_beyond_min=True,
            )
            result = measure_cell(case, x, k_lines, ref, backends[t], timing)
            now = time.perf_counter()
            # The reference is shared by the job's cells: its cost goes to
            # the first.
            seconds = now - (job_start if t == threads[0] else cell_start)
            round_seconds = _rounds_seconds(result)
            cell = Cell(n, dtype, t, result, seconds, allotted)
            budget.done(weights[(n, dtype)], seconds, result.rounds, round_seconds)
            cells.append(cell)
        del x, ref
        if (index + 1) % REFREEZE_EVERY == 0:
            gc.collect()
            gc.freeze()
        if (index + 1) % report_every == 0 or index + 1 == len(jobs):
            progress(
                f"  {index + 1}/{len(jobs)} lengths x dtypes, "
                f"{budget.elapsed():.0f} s; at {budget.min_rounds} rounds a length "
                f"the sweep would end at {budget.predicted_total():.0f} s of its "
                f"{budget_s:.0f} s budget"
                + (
                    " (over it: --peers, --lengths or --threads shorten the run)"
                    if budget.predicted_total() > budget_s * OVER_BUDGET_WARNING
                    else ""
                )
            )
    cells.sort(key=lambda c: (c.n, DTYPES.index(c.dtype), c.threads))
    rounds = [c.result.rounds for c in cells if c.result.rounds]
    info = {
        "budget_s": budget_s,
        "sweep_s": budget.elapsed(),
        "cells": len(cells),
        "rounds_min": min(rounds, default=0),
        "rounds_median": float(np.median(rounds)) if rounds else 0.0,
        "rounds_max": max(rounds, default=0),
        "max_rounds": max_rounds,
        "min_rounds": min(MIN_ROUNDS, max_rounds),
        "min_rounds_lowered_after": budget.lowered_after,
        "lowest_min_rounds": budget.min_rounds,
    }
    return cells, info

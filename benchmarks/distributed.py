"""``python -m benchmarks.distributed [--n N] [--repeats R] [--out DIR]
[--update-results]``:
a 3-D complex FFT split over 1, 2, 4 and 8 simulated CPU devices.

The devices are simulated (``--xla_force_host_platform_device_count=8``) and
share the machine's cores, so the times measure the communication pattern
and its overheads, not a real speed-up. For each configuration it reports
the median time of ``jfft.distributed.fftn`` (natural and transposed output
layouts), and the bytes its collectives move per transform, read from the
compiled HLO, next to the minimum for the decomposition: a slab over P
devices must move a fraction (P - 1) / P of the array once per transpose, a
pencil over a x b devices (b - 1) / b and then (a - 1) / a. For comparison,
``jax.numpy.fft.fftn`` and ``jfft.fftn`` on the same slab-sharded input
(both gather the split axis). Prints a table and writes ``DISTRIBUTED.md``
into a fresh folder under ``benchmarks/out/`` (or ``--out``), and into
``benchmarks/`` (the committed one) only with ``--update-results``.
"""

from __future__ import annotations

import os

os.environ["XLA_FLAGS"] = (
    os.environ.get("XLA_FLAGS", "") + " --xla_force_host_platform_device_count=8"
).strip()

import argparse
import datetime
import math
import platform
import re
import statistics
import time
from collections.abc import Callable

import jax
import jax.numpy as jnp
import numpy as np
from jax.sharding import AxisType, Mesh, NamedSharding

import jfft
from jfft import distributed

from . import outputs

BYTES = {"c64": 8, "c128": 16, "f32": 4, "f64": 8}
_SHAPE = re.compile(r"\b(c64|c128|f32|f64)\[([\d,]*)\]")


def _shape_bytes(text: str) -> int:
    """Bytes of every array shape in ``text`` (an HLO result type)."""
    total = 0
    for dtype, dims in _SHAPE.findall(text):
        total += BYTES[dtype] * math.prod(int(d) for d in dims.split(",") if d)
    return total


def _group_size(line: str) -> int:
    m = re.search(r"replica_groups=\{\{([\d,]+)\}", line)
    if m:
        return len(m.group(1).split(","))
    m = re.search(r"replica_groups=mesh\[([^\]]*)\] \{([^}]*)\}", line)
    if m:
        sizes = dict(re.findall(r"'(\w+)'=(\d+)", m.group(1)))
        return math.prod(int(sizes[n]) for n in re.findall(r"'(\w+)'", m.group(2)))
    m = re.search(r"replica_groups=\[(\d+),(\d+)\]", line)
    if m:
        return int(m.group(2))
    raise ValueError(f"cannot read the replica groups of: {line[:200]}")


def bytes_moved(hlo: str, devices: int) -> tuple[int, dict[str, int]]:
    """Bytes that leave (or reach) a device, summed over devices, for every
    collective in compiled HLO text; and how many collectives of each kind.

    all-to-all: each device keeps 1/g of its buffer, sends the rest;
    all-gather: each device receives all but its own 1/g of the result.
    """
    total, counts = 0, {}
    for line in hlo.splitlines():
        m = re.search(r"=\s*(.*?)\s(all-to-all|all-gather|all-reduce)\(", line)
        if not m:
            continue
        kind = m.group(2)
        counts[kind] = counts.get(kind, 0) + 1
        g = _group_size(line)
        total += _shape_bytes(m.group(1)) * (g - 1) // g * devices
    return total, counts


def minimum_bytes(nbytes: int, mesh_shape: tuple[int, ...], transposes: int) -> int:
    """The least a slab (one mesh axis) or pencil (two) decomposition moves:
    each all_to_all over g devices moves (g - 1) / g of the array;
    ``transposes`` is 1 for the transposed output layout, 2 for natural."""
    per_pass = sum(nbytes * (g - 1) // g for g in mesh_shape)
    return per_pass * transposes


def median_ms(fn: Callable, x, repeats: int) -> float:
    fn(x).block_until_ready()  # compile and warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(x).block_until_ready()
        times.append(time.perf_counter() - start)
    return 1e3 * statistics.median(times)


def configurations() -> list[tuple[str, tuple[int, ...]]]:
    return [
        ("single device", (1,)),
        ("slab", (2,)),
        ("slab", (4,)),
        ("slab", (8,)),
        ("pencil", (2, 2)),
        ("pencil", (2, 4)),
    ]


def run(n: int, repeats: int) -> list[dict]:
    rows = []
    x_host = (
        np.random.default_rng(0).standard_normal((n, n, n), np.float32) + 0j
    ).astype(np.complex64)
    nbytes = x_host.nbytes
    for name, mesh_shape in configurations():
        count = math.prod(mesh_shape)
        devices = np.array(jax.devices()[:count]).reshape(mesh_shape)
        names = ("a", "b")[: len(mesh_shape)]
        mesh = Mesh(devices, names, axis_types=(AxisType.Auto,) * len(names))
        spec = distributed.partition_spec(mesh, 3)
        x = jax.device_put(x_host, NamedSharding(mesh, spec))
        candidates = {
            "distributed.fftn natural": (
                lambda t, m=mesh: distributed.fftn(t, m),
                2,
            ),
            "distributed.fftn transposed": (
                lambda t, m=mesh: distributed.fftn(t, m, out_layout="transposed"),
                1,
            ),
        }
        if name == "slab" and count == 8:
            candidates["jax.numpy.fft.fftn (gathers)"] = (jnp.fft.fftn, None)
            candidates["jfft.fftn (gathers)"] = (jfft.fftn, None)
        for label, (fn, transposes) in candidates.items():
            jitted = jax.jit(fn)
            moved, counts = bytes_moved(jitted.lower(x).compile().as_text(), count)
            least = (
                None
                if transposes is None
                else minimum_bytes(nbytes, mesh_shape if count > 1 else (), transposes)
            )
            rows.append(
                {
                    "decomposition": name,
                    "mesh": "x".join(map(str, mesh_shape)),
                    "function": label,
                    "ms": median_ms(jitted, x, repeats),
                    "collectives": ", ".join(f"{v} {k}" for k, v in counts.items())
                    or "none",
                    "moved_mib": moved / 2**20,
                    "minimum_mib": None if least is None else least / 2**20,
                }
            )
            print(_row(rows[-1]), flush=True)
    return rows


HEADER = (
    "| decomposition | mesh | function | median ms | collectives "
    "| moved MiB | minimum MiB |\n|---|---|---|---:|---|---:|---:|"
)


def _row(r: dict) -> str:
    least = "-" if r["minimum_mib"] is None else f"{r['minimum_mib']:.1f}"
    return (
        f"| {r['decomposition']} | {r['mesh']} | {r['function']} | {r['ms']:.1f} "
        f"| {r['collectives']} | {r['moved_mib']:.1f} | {least} |"
    )


def write_report(rows: list[dict], n: int, repeats: int, path: str) -> None:
    table = "\n".join([HEADER] + [_row(r) for r in rows])
    text = f"""# Distributed FFT benchmark

`python -m benchmarks.distributed --n {n} --repeats {repeats}`, run on
{datetime.date.today().isoformat()}: a {n}^3 complex64 FFT
({n**3 * 8 / 2**20:.0f} MiB) split over simulated CPU devices
(`--xla_force_host_platform_device_count=8`) on a machine with
{os.cpu_count()} cores ({platform.processor() or platform.machine()}), jax
{jax.__version__}.

**The devices are simulated and share those cores.** The times measure the
communication pattern and its overheads (XLA's in-process all-to-all copies,
one FFT launch per device and stage), not a speed-up: on real devices each
would bring its own cores and memory. The byte counts are what carries over:
they are read from the compiled HLO (every all-to-all or all-gather, the
part of its buffer that leaves each device, summed over devices) and compared
with the least the decomposition must move, (g - 1) / g of the array for each
transpose over a group of g devices (slab: one transpose, pencil a x b: one
over b and one over a; the natural output layout transposes back, twice the
data).

{table}

Reading it:

- `distributed.fftn` moves exactly the minimum: each transpose is one
  `all_to_all` per mesh axis, and nothing else is communicated. Leaving the
  result in the transposed layout halves the traffic.
- A pencil moves more than a slab on the same device count (two partial
  transposes instead of one), but works on up to n^2 devices instead of n,
  and each all_to_all stays within a row or column of the mesh.
- `jax.numpy.fft.fftn` and plain `jfft.fftn` on a slab-split array gather
  the split axis on every device (each device receives the whole array).
"""
    with open(path, "w") as f:
        f.write(text)


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m benchmarks.distributed")
    p.add_argument("--n", type=int, default=128, help="edge of the n^3 array")
    p.add_argument("--repeats", type=int, default=11, help="timed runs per case")
    p.add_argument(
        "--out",
        metavar="DIR",
        help="where DISTRIBUTED.md goes (default: a fresh benchmarks/out/<date>-"
        "<time>/)",
    )
    p.add_argument(
        "--update-results",
        action="store_true",
        help="also rewrite the committed benchmarks/DISTRIBUTED.md",
    )
    args = p.parse_args(argv)
    if args.n % 8:
        p.error(f"--n: must be divisible by 8 (the device count), got {args.n}")
    assert jax.device_count() >= 8, "XLA_FLAGS was set too late"
    print(HEADER, flush=True)
    rows = run(args.n, args.repeats)
    written = []
    folders = [outputs.resolve_out(args.out)]
    if args.update_results:
        folders.append(outputs.PACKAGE_DIR)
    for folder in folders:
        path = os.path.join(folder, "DISTRIBUTED.md")
        write_report(rows, args.n, args.repeats, path)
        written.append(path)
    outputs.print_written(written)


if __name__ == "__main__":
    main()

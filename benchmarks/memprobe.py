"""Peak memory of one warmed-up transform, in a fresh process:
``python -m benchmarks.memprobe CASE BACKEND [--threads T]`` prints one line
of JSON. Used by the harness for the cases marked ``memory``.

The peak is VmHWM - VmRSS around one call, after resetting the high-water mark
through /proc/self/clear_refs; it includes the output array. glibc is told to
mmap every block over 64 KiB (and so to unmap it when freed), so that a freed
earlier output cannot be silently reused and hide the call's footprint.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import re

_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def _status_kib(field: str) -> int:
    with open("/proc/self/status") as f:
        return int(re.search(rf"{field}:\s+(\d+) kB", f.read()).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memprobe")
    parser.add_argument("case")
    parser.add_argument("backend")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    libc = ctypes.CDLL("libc.so.6")
    libc.mallopt(_M_MMAP_THRESHOLD, 64 * 1024)
    libc.mallopt(_M_TRIM_THRESHOLD, 128 * 1024)
    os.environ["MKL_NUM_THREADS"] = os.environ["OMP_NUM_THREADS"] = str(args.threads)

    import jax

    jax.config.update("jax_enable_x64", True)

    from . import backends
    from .cases import SUITE

    case = next(c for c in SUITE if c.name == args.case)
    backend = next(b(args.threads) for b in backends.ALL if b.name == args.backend)
    backend.load()
    x = case.make_input()
    run = backend.prepare(case, x)
    y = run()  # warm-up
    out = {
        "output_bytes": int(y.nbytes),
        "preallocated_output": backend.preallocated_output,
    }
    del y
    gc.collect()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    base = _status_kib("VmRSS")
    y = run()
    peak = _status_kib("VmHWM")
    del y
    out["peak_extra_rss_bytes"] = (peak - base) * 1024
    if backend.name == "jfft":
        import jfft

        out["kept_scratch_bytes"] = jfft.plan_cache_info()["scratch_bytes"]
    if backend.is_jax:
        stats = backend.jitted.lower(backend.arg).compile().memory_analysis()
        if stats is not None:
            out["xla_temp_bytes"] = int(stats.temp_size_in_bytes)
            out["xla_output_bytes"] = int(stats.output_size_in_bytes)
    print(json.dumps(out))


if __name__ == "__main__":
    main()

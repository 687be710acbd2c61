"""Hostile input through every public function: each call either returns or
raises a Python exception of the documented kinds (ValueError, TypeError and
their subclasses), and never aborts the process. Each family of functions
runs in its own subprocess, which prints every call before making it, so a
process that dies names the call that killed it."""

import pytest
from conftest import run_python

CHILD = r"""
import sys, itertools, warnings
import numpy as np
import jax
import jfft
from jfft import openvino

warnings.simplefilter("ignore")
family = sys.argv[1]
good_c = np.ones((4, 6), np.complex64)
good_r = np.ones((4, 6), np.float32)
BAD_ARRAYS = [None, "abc", {"a": 1}, [[1], [1, 2]], np.array(["a", "b"]),
              np.array([object()]), np.array(3.0), np.ones((2, 3), ">f8")]
BAD_LENGTHS = [2**58, 2**62, 2**63, 2**64, -(2**63), -1, 0, 1.5, True, "8",
               np.int64(2**62), [4]]
BAD_AXES = [100, -100, 2**63, "0", 1.5, [0, 0], [100]]
BAD_NORMS = ["bad", 1, b"ortho", "ORTHO"]
BAD_WORKERS = [0, -(2**63), 2**64, "2", 1.5, None]
BAD_S = [[2**62, 2**62], [-5, 3], "ab", 5, [2**31, 2**31, 2**31], [0, 3]]
BAD_AXES_ND = [[0, 0], [100], "01", [0.5], 7, [2**63]]

def calls():
    one = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft"]
    nd = ["fftn", "ifftn", "rfftn", "irfftn", "hfftn", "ihfftn",
          "fft2", "ifft2", "rfft2", "irfft2", "hfft2", "ihfft2"]
    r2r = ["dct", "idct", "dst", "idst", "dctn", "idctn", "dstn", "idstn"]
    if family == "1d":
        for name in one:
            f = getattr(jfft, name)
            good = good_r if name in ("rfft", "ihfft") else good_c
            for a in BAD_ARRAYS:
                yield f"{name}(a={a!r:.40})", lambda f=f, a=a: f(a)
            for n in BAD_LENGTHS:
                yield f"{name}(n={n!r})", lambda f=f, n=n, g=good: f(g, n=n)
            for axis in BAD_AXES:
                yield f"{name}(axis={axis!r})", lambda f=f, v=axis, g=good: f(g, axis=v)
            for norm in BAD_NORMS:
                yield f"{name}(norm={norm!r})", lambda f=f, v=norm, g=good: f(g, norm=v)
            for w in BAD_WORKERS:
                yield f"{name}(workers={w!r})", lambda f=f, v=w, g=good: f(g, workers=v)
    elif family == "nd":
        for name in nd:
            f = getattr(jfft, name)
            good = good_r if name.startswith(("rfft", "ihfft")) else good_c
            for a in BAD_ARRAYS:
                yield f"{name}(a={a!r:.40})", lambda f=f, a=a: f(a)
            for s in BAD_S:
                yield f"{name}(s={s!r})", lambda f=f, s=s, g=good: f(g, s=s)
            for axes in BAD_AXES_ND:
                yield f"{name}(axes={axes!r})", lambda f=f, v=axes, g=good: f(g, axes=v)
            yield f"{name}(s,axes mismatch)", lambda f=f, g=good: f(g, s=[3], axes=[0, 1])
    elif family == "r2r":
        for name in r2r:
            f = getattr(jfft, name)
            for a in BAD_ARRAYS:
                yield f"{name}(x={a!r:.40})", lambda f=f, a=a: f(a)
            for t in [0, 5, "2", 2.0, None, True]:
                yield f"{name}(type={t!r})", lambda f=f, t=t: f(good_r, type=t)
            key = "n" if not name.endswith("n") else "s"
            for v in (BAD_LENGTHS if key == "n" else BAD_S):
                yield f"{name}({key}={v!r})", lambda f=f, k=key, v=v: f(good_r, **{k: v})
            for norm in BAD_NORMS:
                yield f"{name}(norm={norm!r})", lambda f=f, v=norm: f(good_r, norm=v)
            for o in ["yes", 2]:
                yield f"{name}(orthogonalize={o!r})", lambda f=f, o=o: f(good_r, orthogonalize=o)
    elif family == "helpers":
        for name in ["fftfreq", "rfftfreq"]:
            f = getattr(jfft, name)
            for n in BAD_LENGTHS:
                yield f"{name}(n={n!r})", lambda f=f, n=n: f(n)
            for d in [[1, 2], "x", None, 0.0]:
                yield f"{name}(d={d!r})", lambda f=f, d=d: f(8, d=d)
            for dt in [np.str_, "bogus", object]:
                yield f"{name}(dtype={dt!r})", lambda f=f, dt=dt: f(8, dtype=dt)
        for name in ["fftshift", "ifftshift"]:
            f = getattr(jfft, name)
            for a in BAD_ARRAYS:
                yield f"{name}(x={a!r:.40})", lambda f=f, a=a: f(a)
            for axes in BAD_AXES + [[2**63]]:
                yield f"{name}(axes={axes!r})", lambda f=f, v=axes: f(good_r, axes=v)
        for w in [0, -(2**63), 2**64, "2", 1.5]:
            yield f"set_workers({w!r})", lambda w=w: jfft.set_workers(w).__enter__()
        for c in [-1, 2**64, 1.5, "3", True]:
            yield f"set_plan_cache_capacity({c!r})", lambda c=c: jfft.set_plan_cache_capacity(c)
        pairs = np.ones((4, 6, 2), np.float32)
        for name in ["dft", "idft", "rdft", "irdft"]:
            f = getattr(openvino, name)
            for axes in [[5], [2], [0, 0], "0", [2**63], None]:
                yield f"openvino.{name}(axes={axes!r})", lambda f=f, v=axes: f(pairs, v)
            for size in [[2**62], [0], [-5], "x", [1, 2, 3]]:
                yield f"openvino.{name}(signal_size={size!r})", lambda f=f, v=size: f(pairs, [0], v)
            for a in BAD_ARRAYS:
                yield f"openvino.{name}(data={a!r:.40})", lambda f=f, a=a: f(a, [0])

for label, call in calls():
    print("CALL", label.replace("\n", " "), flush=True)
    try:
        out = call()
        jax.block_until_ready(out)
        print("OK", flush=True)
    except Exception as err:
        kind = "EXPECTED" if isinstance(err, (ValueError, TypeError)) else "OTHER"
        print(kind, type(err).__name__, str(err)[:160].replace("\n", " "), flush=True)
print("DONE", flush=True)
"""


@pytest.mark.parametrize("family", ["1d", "nd", "r2r", "helpers"])
def test_hostile_inputs_never_crash(family, tmp_path):
    proc = run_python(CHILD, family, cwd=tmp_path, timeout=600)
    lines = proc.stdout.splitlines()
    calls = [ln for ln in lines if ln.startswith("CALL ")]
    last = calls[-1] if calls else "(before the first call)"
    assert proc.returncode == 0 and lines and lines[-1] == "DONE", (
        f"process died ({proc.returncode}) at {last}:\n{proc.stderr[-2000:]}"
    )
    assert len(calls) > 20
    results = [
        (line, lines[i + 1]) for i, line in enumerate(lines) if line.startswith("CALL ")
    ]
    other = [f"{call} -> {result}" for call, result in results if "OTHER" in result]
    assert not other, "\n".join(other)

"""The benchmark command line: the length sweep and the numpy section write
their files into the folder they are given and leave the committed results
alone; RESULTS.md's suite, numpy and sweep parts are rewritten
independently."""

import hashlib
import importlib.util
import json
import os
import subprocess
import sys

import numpy as np
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "benchmarks")
COMMITTED = (
    "RESULTS.md",
    "results.json",
    "results.png",
    "sweep.json",
    "sweep.png",
    "numpy.json",
)
SWEEP_LENGTHS = (3, 16, 97)

sys.path.insert(0, ROOT)
from benchmarks import outputs, sweep


def _digests() -> dict[str, str | None]:
    out = {}
    for name in COMMITTED:
        path = os.path.join(BENCH, name)
        try:
            with open(path, "rb") as f:
                out[name] = hashlib.sha256(f.read()).hexdigest()
        except FileNotFoundError:
            out[name] = None
    return out


def _run_dirs() -> set[str]:
    try:
        return set(os.listdir(outputs.RUNS_DIR))
    except FileNotFoundError:
        return set()


# python -m benchmarks, with the repository root after site-packages on
# sys.path: from the root itself, its jfft/ (no built module) would shadow an
# installed, non-editable jfft.
RUN_BENCHMARKS = (
    f"import runpy, sys; sys.path.append({ROOT!r}); "
    "runpy.run_module('benchmarks', run_name='__main__', alter_sys=True)"
)


def test_sweep_writes_into_out_and_leaves_committed_results(tmp_path):
    peers = [
        name
        for name, module in (("ducc0", "ducc0"), ("scipy.fft", "scipy"))
        if importlib.util.find_spec(module)
    ]
    before, runs_before = _digests(), _run_dirs()
    out = tmp_path / "run"
    cmd = [sys.executable, "-c", RUN_BENCHMARKS, "--sweep"]
    cmd += ["--lengths", ",".join(map(str, SWEEP_LENGTHS)), "--dtypes", "complex64"]
    cmd += ["--threads", "1", "--sweep-budget", "1", "--repeats", "3"]
    cmd += ["--peers", *peers, "--out", str(out)]
    proc = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]

    expected = ["sweep.json", "SWEEP.md"]
    if importlib.util.find_spec("matplotlib"):
        expected.append("sweep.png")
    for name in expected:
        path = out / name
        assert path.stat().st_size > 0, name
        shown = (path, path.relative_to(tmp_path))  # relative to the cwd
        assert any(f"wrote {p}" in proc.stdout for p in shown), name
    assert _digests() == before
    assert _run_dirs() == runs_before  # --out: no default run folder

    data = json.loads((out / "sweep.json").read_text())
    cells = data["cells"]
    assert sorted(c["n"] for c in cells) == list(SWEEP_LENGTHS)
    for c in cells:
        assert c["lines"] == max(1, 2**17 // c["n"])
        assert c["rounds"] >= 3
        assert set(c["median_s"]) == {"jfft", *peers}
        assert all(t > 0 for t in c["median_s"].values())
        # against numpy's complex128 FFT of the same input
        assert c["errors"]["jfft"] < 10 * np.finfo(np.float32).eps
    assert "## Length sweep" in (out / "SWEEP.md").read_text()


def test_numpy_section_writes_into_out_and_leaves_committed_results(tmp_path):
    before, runs_before = _digests(), _run_dirs()
    out = tmp_path / "run"
    cmd = [sys.executable, "-c", RUN_BENCHMARKS, "--numpy"]
    cmd += ["--cases", "small-rfft-64-f32", "small-irfft-64-f64", "--threads", "1"]
    cmd += ["--repeats", "3", "--budget", "0.1", "--out", str(out)]
    proc = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    for name in ("numpy.json", "NUMPY.md"):
        path = out / name
        assert path.stat().st_size > 0, name
        shown = (path, path.relative_to(tmp_path))  # relative to the cwd
        assert any(f"wrote {p}" in proc.stdout for p in shown), name
    assert _digests() == before
    assert _run_dirs() == runs_before

    data = json.loads((out / "numpy.json").read_text())
    cells = data["cases"]
    assert [(c["name"], c["threads"]) for c in cells] == [
        ("small-rfft-64-f32", 1),
        ("small-irfft-64-f64", 1),
    ]
    for c in cells:
        assert c["rounds"] >= 3
        timed = set(c["median_s"])
        assert {"jfft.numpy", "scipy.fft+jfft", "scipy.fft", "numpy.fft"} <= timed
        assert all(t > 0 for t in c["median_s"].values())
        eps = np.finfo(c["dtype"]).eps
        # against numpy's transform of the input in higher precision
        assert c["errors"]["jfft.numpy"] < 10 * eps
        assert c["errors"]["scipy.fft+jfft"] < 10 * eps
        assert c["jfft_numpy_over_scipy"] > 0
    text = (out / "NUMPY.md").read_text()
    assert "## numpy arrays" in text and "small-irfft-64-f64" in text


def test_results_md_keeps_each_part(tmp_path):
    results = tmp_path / "RESULTS.md"
    path = str(results)
    outputs.write_suite_markdown(path, "# suite v1\n\nsuite table 1\n")
    outputs.write_sweep_section(path, "## Length sweep\n\nsweep table 1\n")
    outputs.write_suite_markdown(path, "# suite v2\n\nsuite table 2\n")
    text = results.read_text()
    assert "suite v1" not in text
    assert text.index("suite table 2") < text.index("sweep table 1")
    outputs.write_sweep_section(path, "## Length sweep\n\nsweep table 2\n")
    text = results.read_text()
    assert "sweep table 1" not in text
    assert text.count(outputs.SWEEP_BEGIN) == 1
    assert text.count(outputs.SWEEP_END) == 1
    assert text == (
        "# suite v2\n\nsuite table 2\n\n"
        f"{outputs.SWEEP_BEGIN}\n\n## Length sweep\n\nsweep table 2\n\n"
        f"{outputs.SWEEP_END}\n"
    )


def test_results_md_keeps_the_numpy_and_sweep_sections(tmp_path):
    path = str(tmp_path / "RESULTS.md")
    outputs.write_sweep_section(path, "## Length sweep\n\nsweep 1\n")
    outputs.write_section(path, "numpy", "## numpy arrays\n\nnumpy 1\n")
    outputs.write_suite_markdown(path, "# suite\n\nsuite 1\n")
    outputs.write_section(path, "numpy", "## numpy arrays\n\nnumpy 2\n")
    text = (tmp_path / "RESULTS.md").read_text()
    assert "numpy 1" not in text
    assert (
        text.index("suite 1")
        < text.index(outputs.NUMPY_BEGIN)
        < text.index("numpy 2")
        < text.index(outputs.NUMPY_END)
        < text.index(outputs.SWEEP_BEGIN)
        < text.index("sweep 1")
    )
    assert text.count(outputs.NUMPY_BEGIN) == 1 and text.count(outputs.SWEEP_END) == 1


def test_fresh_run_dirs_are_distinct(tmp_path):
    a = outputs.fresh_run_dir(str(tmp_path))
    b = outputs.fresh_run_dir(str(tmp_path))
    assert a != b
    assert os.listdir(a) == [] and os.listdir(b) == []


def test_sweep_lengths():
    long = sweep.long_lengths()
    assert long == sweep.long_lengths()  # seeded
    assert len(set(long)) == 200
    assert all(4096 < n <= 2**20 for n in long)
    assert sweep.parse_lengths("2-5,9,5") == [2, 3, 4, 5, 9]
    assert sweep.parse_lengths("short") == list(range(2, 4097))
    assert sweep.parse_lengths("long") == long
    quick = sweep.parse_lengths("quick")
    assert len(quick) == 60 and set(quick) <= set(range(2, 4097)) | set(long)


@pytest.mark.parametrize(
    "spec, word", [("2-x", "'x'"), ("9-3", "'9-3'"), ("0", "0"), ("2097152", "2097152")]
)
def test_bad_lengths_name_the_value(spec, word):
    with pytest.raises(ValueError, match="--lengths") as info:
        sweep.parse_lengths(spec)
    assert word in str(info.value)


@pytest.mark.parametrize(
    "argv, flag",
    [
        (["--threads", "1", "2"], "--threads"),
        (["--lengths", "8"], "--lengths"),
        (["--sweep", "--cases", "c2d-512"], "--cases"),
        (["--sweep", "--lengths", "8-2"], "--lengths"),
        (["--sweep", "--threads", "0"], "--threads"),
        (["--sweep", "--sweep-budget", "0"], "--sweep-budget"),
        (["--sweep", "--repeats", "0"], "--repeats"),
        (["--sweep", "--fftw-plan-limit", "-1"], "--fftw-plan-limit"),
        (["--numpy", "--sweep"], "--numpy"),
        (["--numpy", "--cases", "no-such-case"], "--cases"),
        (["--numpy", "--lengths", "8"], "--lengths"),
        (["--numpy", "--budget", "0"], "--budget"),
    ],
)
def test_bad_command_lines_are_refused(argv, flag, capsys):
    from benchmarks.__main__ import parse_args

    with pytest.raises(SystemExit) as info:
        parse_args(argv)
    assert info.value.code == 2
    assert flag in capsys.readouterr().err

"""Each example in examples/ runs as a user runs it (a fresh interpreter) and
passes its own accuracy checks: each compares jfft with an independent
reference (numpy/scipy, an exact solution, a closed-form gradient) and
prints PASS only when they agree.

New examples are picked up by their file name; each must accept ``--plot``.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


@pytest.mark.parametrize("script", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_passes(script, tmp_path):
    pytest.importorskip("matplotlib")
    plot = tmp_path / f"{script.stem}.png"
    env = dict(os.environ)
    env.pop("XLA_FLAGS", None)  # each example sets up the devices it needs
    env.pop("JAX_ENABLE_X64", None)
    result = subprocess.run(
        [sys.executable, str(script), "--plot", str(plot)],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    lines = result.stdout.strip().splitlines()
    assert lines and lines[-1] == "PASS", output
    assert plot.stat().st_size > 10_000, "no plot written"

"""Every python code block of README.md runs as written, each in a fresh
interpreter outside the source tree (as a user pastes it into a file).

A block that sets up simulated devices with
``--xla_force_host_platform_device_count`` gets that flag in ``XLA_FLAGS``
too, so it also holds when the block is run with the flag set outside.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
DEVICE_FLAG = re.compile(r"--xla_force_host_platform_device_count=\d+")


def python_blocks(text):
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


BLOCKS = python_blocks(README.read_text())


def test_readme_has_snippets():
    assert len(BLOCKS) >= 3


def test_readme_keeps_the_two_commands():
    text = README.read_text()
    assert 'pip install ".[test]" && python examples/deconvolve.py' in text
    assert re.search(r"^pytest\s", text, flags=re.MULTILINE)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_runs(code, tmp_path):
    env = dict(os.environ)
    env.pop("JAX_ENABLE_X64", None)
    env.pop("XLA_FLAGS", None)
    flag = DEVICE_FLAG.search(code)
    if flag:
        env["XLA_FLAGS"] = flag.group()
    script = tmp_path / "snippet.py"
    script.write_text(code)
    result = subprocess.run(
        [sys.executable, str(script)],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, f"{code}\n---\n{result.stdout}{result.stderr}"


def test_readme_links_exist():
    text = README.read_text()
    links = re.findall(r"\]\(([^)#]+)\)", text)
    targets = [link for link in links if "://" not in link]
    assert targets
    missing = [t for t in targets if not (README.parent / t).exists()]
    assert not missing, f"README links to missing files: {missing}"

"""The docstrings: every public name has a numpydoc docstring with the
sections a user needs, and every example in them runs as a doctest.

Public names are found, not listed: each module's ``__all__`` (else the
functions it defines that do not start with ``_``), and the public
submodules ``jfft.__all__`` names, so a name added later is checked too.
"""

import doctest
import inspect
import os
import re
import subprocess
import sys
import types
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jfft

# Every example may assume these, as numpy's and scipy's docs do.
GLOBS = {"np": np, "jax": jax, "jnp": jnp, "jfft": jfft}

REQUIRED = ("Parameters", "Returns", "Examples")


def public_modules():
    modules = [jfft]
    for name in jfft.__all__:
        value = getattr(jfft, name)
        # jfft.scipy_backend is a module's namespace on a plain object (see
        # its _Backend), with the module's __name__, __doc__ and __all__.
        if isinstance(value, types.ModuleType) or hasattr(value, "__ua_domain__"):
            modules.append(value)
    return modules


def public_names(module):
    if hasattr(module, "__all__"):
        names = list(module.__all__)
    else:
        names = [
            name
            for name, value in vars(module).items()
            if not name.startswith("_")
            and inspect.isfunction(value)
            and value.__module__ == module.__name__
        ]
    return [n for n in names if callable(getattr(module, n))
            and not isinstance(getattr(module, n), types.ModuleType)]  # fmt: skip


PUBLIC = [
    (f"{module.__name__}.{name}", getattr(module, name))
    for module in public_modules()
    for name in public_names(module)
]


def sections(doc):
    """The numpydoc section titles of ``doc`` (a title underlined by dashes)."""
    lines = inspect.cleandoc(doc).splitlines()
    return {
        lines[i].strip()
        for i in range(len(lines) - 1)
        if lines[i].strip()
        and set(lines[i + 1].strip()) == {"-"}
        and len(lines[i + 1].strip()) == len(lines[i].strip())
    }


def takes_arguments(obj):
    try:
        return bool(inspect.signature(obj).parameters)
    except (TypeError, ValueError):
        return True


def test_public_names_found():
    names = {name for name, _ in PUBLIC}
    for expected in ("jfft.fft", "jfft.dctn", "jfft.openvino.rdft",
                     "jfft.distributed.rfftn", "jfft.scipy_backend.__ua_function__"):  # fmt: skip
        assert expected in names


@pytest.mark.parametrize("module", public_modules(), ids=lambda m: m.__name__)
def test_module_docstring(module):
    doc = module.__doc__ or ""
    assert len(doc.split()) > 30, f"{module.__name__}: no real module docstring"
    assert "Examples" in sections(doc), f"{module.__name__}: no Examples section"


@pytest.mark.parametrize("name,obj", PUBLIC, ids=[n for n, _ in PUBLIC])
def test_numpydoc_sections(name, obj):
    doc = inspect.getdoc(obj)
    assert doc, f"{name} has no docstring"
    found = sections(doc)
    required = [s for s in REQUIRED if s != "Parameters" or takes_arguments(obj)]
    missing = [s for s in required if s not in found]
    assert not missing, f"{name}: missing numpydoc sections {missing}"
    if takes_arguments(obj):
        documented = "\n".join(doc.split("Parameters\n----------", 1)[1:])
        for parameter in inspect.signature(obj).parameters:
            assert f"{parameter} :" in documented or f"{parameter}," in documented, (
                f"{name}: parameter {parameter!r} is not documented"
            )


def _doctests():
    finder = doctest.DocTestFinder(recurse=False)
    tests = {}
    for module in public_modules():
        for test in finder.find(module, module.__name__, globs={}):
            tests[test.name] = test
    for name, obj in PUBLIC:
        for test in finder.find(obj, name, globs={}):
            tests[test.name] = test
    return [t for _, t in sorted(tests.items()) if t.examples]


DOCS = Path(__file__).resolve().parents[1] / "docs"
GENERATED = ("_build", "api", "gallery")


def _page_doctests():
    """The ``>>>`` examples of the hand-written docs pages (rst and md)."""
    parser = doctest.DocTestParser()
    tests = []
    for page in sorted(DOCS.rglob("*")):
        relative = page.relative_to(DOCS)
        if page.suffix not in (".rst", ".md") or relative.parts[0] in GENERATED:
            continue
        test = parser.get_doctest(
            page.read_text(), {}, f"docs/{relative}", str(page), 0
        )
        if test.examples:
            tests.append(test)
    return tests


DOCTESTS = _doctests() + _page_doctests()


@pytest.mark.parametrize("test", DOCTESTS, ids=[t.name for t in DOCTESTS])
def test_docstring_examples(test):
    test.globs = dict(GLOBS)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    # As a new user runs them: JAX's default 32-bit mode (the suite's
    # conftest turns x64 on).
    with jax.enable_x64(False):
        runner.run(test, out=_report.append)
    failures = "".join(_report)
    _report.clear()
    assert runner.failures == 0, failures


_report: list[str] = []


def _page_python_blocks():
    """The ```python blocks of the markdown pages: whole programs (some set
    up simulated devices before importing JAX), each run on its own."""
    blocks = []
    for page in sorted(DOCS.rglob("*.md")):
        relative = page.relative_to(DOCS)
        if relative.parts[0] in GENERATED:
            continue
        for i, code in enumerate(
            re.findall(
                r"^```python\n(.*?)^```", page.read_text(), re.DOTALL | re.MULTILINE
            )
        ):
            blocks.append(pytest.param(code, id=f"docs/{relative}#{i}"))
    return blocks


@pytest.mark.parametrize("code", _page_python_blocks())
def test_docs_page_program_runs(code, tmp_path):
    env = dict(os.environ)
    env.pop("JAX_ENABLE_X64", None)
    env.pop("XLA_FLAGS", None)
    flag = re.search(r"--xla_force_host_platform_device_count=\d+", code)
    if flag:
        env["XLA_FLAGS"] = flag.group()
    elif "jax.make_mesh((8," in code:  # a page that says to set the flag
        env["XLA_FLAGS"] = "--xla_force_host_platform_device_count=8"
    if "set_global_backend" in code:
        code += "\nscipy.fft.set_global_backend('scipy')\n"
    script = tmp_path / "program.py"
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

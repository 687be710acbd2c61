"""Sphinx configuration for jfft's documentation.

Two kinds of page are written here at build time, from the code, so that
they cannot go stale:

- ``api/<module>.rst``: one page per public module (``jfft`` and the
  submodules ``jfft.__all__`` names), documented from its docstrings;
- ``gallery/<example>.rst``: each ``examples/*.py`` is run (with ``--plot``
  into ``gallery/``), and its page shows its docstring, what it printed, its
  plot and its source. An example that fails (no ``PASS``) fails the build.

``JFFT_DOCS_SKIP_GALLERY=1`` reuses the gallery pages of an earlier build (for
quick edits of the other pages); CI always runs the examples.

jfft is imported as installed (``pip install -e ".[docs]"``): the source tree
is not put on ``sys.path``, since its ``jfft/`` has no built module.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import types
from pathlib import Path

import jfft

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

project = "jfft"
author = "The jfft developers"
copyright = "The jfft developers"
release = version = jfft.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "numpydoc",
    "myst_parser",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_typehints = "none"  # numpydoc's Parameters say the types
autodoc_default_options = {"members": True, "member-order": "bysource"}
numpydoc_show_class_members = False
numpydoc_xref_param_type = False
default_role = "code"

html_theme = "pydata_sphinx_theme"
html_title = f"jfft {release}"
html_theme_options = {
    "navigation_with_keys": False,
    "show_toc_level": 2,
}


def public_modules() -> list[types.ModuleType]:
    """jfft and the submodules it lists in ``__all__`` (the test suite's
    tests/test_docs.py finds public names the same way)."""
    modules = [jfft]
    for name in jfft.__all__:
        value = getattr(jfft, name)
        if _is_module(value):
            modules.append(value)
    return modules


def _is_module(value) -> bool:
    # jfft.scipy_backend is its module's namespace on a plain object (see its
    # _Backend), with the module's __name__, __doc__ and __all__.
    return isinstance(value, types.ModuleType) or hasattr(value, "__ua_domain__")


def _write(path: Path, text: str) -> None:
    """Writes only when the text changed, so that Sphinx rebuilds only what
    changed."""
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def write_api_pages() -> None:
    folder = DOCS / "api"
    folder.mkdir(exist_ok=True)
    entries = []
    for module in public_modules():
        name = module.__name__
        title = f"``{name}``"
        page = [title, "=" * len(title), "", f".. automodule:: {name}"]
        if name == "jfft.scipy_backend":
            # Not a module object for autodoc: its docstring, then its entry.
            page = [title, "=" * len(title), "", inspect.cleandoc(module.__doc__)]
            page += ["", ".. autofunction:: jfft.scipy_backend.__ua_function__", ""]
        elif name == "jfft":
            # The package's own functions (its submodules have their pages).
            functions = [
                n for n in jfft.__all__ if not _is_module(getattr(jfft, n))
            ]  # fmt: skip
            page += ["   :no-members:", ""]
            for n in functions:
                page += [f".. autofunction:: jfft.{n}", ""]
        else:
            page += [""]
        _write(folder / f"{name}.rst", "\n".join(page) + "\n")
        entries.append(f"   api/{name}")
    _write(
        DOCS / "api_modules.inc",
        ".. toctree::\n   :maxdepth: 1\n\n" + "\n".join(entries) + "\n",
    )


def _title_and_intro(source: str) -> tuple[str, str]:
    """The example's docstring: its first paragraph and the rest."""
    doc = ast.get_docstring(ast.parse(source)) or ""
    title, _, rest = doc.partition("\n\n")
    return title.strip().rstrip("."), rest


def write_gallery() -> None:
    folder = DOCS / "gallery"
    folder.mkdir(exist_ok=True)
    examples = sorted((ROOT / "examples").glob("*.py"))
    # The main example first, then alphabetical.
    examples.sort(key=lambda p: (p.stem != "deconvolve", p.stem))
    env = {k: v for k, v in os.environ.items() if k != "XLA_FLAGS"}
    toc = []
    # JFFT_DOCS_RUN_EXAMPLES=0 (CI, where tests/test_examples.py has just run
    # every example): the pages without their output and plot.
    run_examples = os.environ.get("JFFT_DOCS_RUN_EXAMPLES", "1") != "0"
    for script in examples:
        plot = folder / f"{script.stem}.png"
        title, intro = _title_and_intro(script.read_text())
        output = []
        if run_examples:
            run = subprocess.run(
                [sys.executable, str(script), "--plot", str(plot)],
                check=False,
                capture_output=True,
                text=True,
                cwd=folder,
                env=env,
                timeout=600,
            )
            lines = run.stdout.strip().splitlines()
            if run.returncode != 0 or not lines or lines[-1] != "PASS":
                raise RuntimeError(
                    f"{script.name} failed while building the gallery:\n"
                    f"{run.stdout}\n{run.stderr}"
                )
            # Machine-specific paths printed by the example.
            printed = run.stdout.replace(str(plot), f"{script.stem}.png")
            output = [
                "Output",
                "------",
                "",
                ".. code-block:: text",
                "",
                *("   " + line for line in printed.rstrip().splitlines()),
                "",
                f".. image:: {script.stem}.png",
                f"   :alt: the plot of {script.name}",
                "",
            ]
        page = [
            title,
            "=" * len(title),
            "",
            f"``examples/{script.name}``: run it with "
            + f"``python examples/{script.name}``.",
            "",
            intro,
            "",
            *output,
            "Source",
            "------",
            "",
            f".. literalinclude:: ../../examples/{script.name}",
            "   :language: python",
            "",
        ]
        _write(folder / f"{script.stem}.rst", "\n".join(page))
        toc.append(f"   gallery/{script.stem}")
    _write(
        DOCS / "gallery_toc.inc",
        ".. toctree::\n   :maxdepth: 1\n\n" + "\n".join(toc) + "\n",
    )


write_api_pages()
if (
    os.environ.get("JFFT_DOCS_SKIP_GALLERY") != "1"
    or not (DOCS / "gallery_toc.inc").exists()
):
    write_gallery()

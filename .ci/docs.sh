#!/usr/bin/env bash
# Builds the documentation with warnings as errors and runs its examples:
#
#  1. the docstring and docs-page examples as doctests (tests/test_docs.py);
#  2. sphinx-build -W: the API pages come from the docstrings, and the
#     gallery runs every script in examples/ (a failing example fails it).
#
# Needs jfft installed with the docs extra: pip install -e ".[docs]".
# About 2-3 minutes on 2 cores, most of it the gallery's examples.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/_build/html}"
# JFFT_DOCS_DOCTESTS=0 skips them where the suite has just run them (CI).
if [ "${JFFT_DOCS_DOCTESTS:-1}" != 0 ]; then
  python -P -m pytest -q tests/test_docs.py -k "not program_runs"  # those run in the suite
fi
# -W --keep-going: report every warning, then fail. -P: `python -m` would
# put this directory (the source tree, whose jfft/ has no built module) first
# on sys.path, shadowing a non-editable install (CI's wheel).
python -P -m sphinx -W --keep-going -b html docs "$out"
echo "docs built in $out"

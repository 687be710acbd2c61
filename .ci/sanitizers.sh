#!/usr/bin/env bash
# The CPU module built with AddressSanitizer and UndefinedBehaviorSanitizer
# in its own build directory (build/sanitizers), run under the engine's own
# tests and the parity tests. Needs an environment where jfft's test extra is
# installed (as .ci/run makes) plus nanobind and cmake for the build; the
# installed jfft is not touched: a staged copy of the package with the
# sanitized module goes first on PYTHONPATH.
#
#   .ci/sanitizers.sh [pytest args...]
#
# Python itself is not instrumented, so libasan is preloaded; leak checking
# is off (the interpreter and jaxlib keep memory to exit by design). Any
# sanitizer report fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install nanobind >/dev/null
cmake --version >/dev/null 2>&1 || python -m pip install cmake >/dev/null
ninja --version >/dev/null 2>&1 || python -m pip install ninja >/dev/null

build=build/sanitizers
# -O1 -g1 (line tables, enough for the reports' stacks) everywhere, the
# engine included (JFFT_ENGINE_OPTIMIZATION): at -O3 with -g the instrumented
# kernels took 13 times as long to compile (CMakeLists.txt).
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJFFT_CUDA=OFF \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DJFFT_ENGINE_OPTIMIZATION=-O1 \
  -DPython_EXECUTABLE="$(command -v python)" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
  >/dev/null
cmake --build "$build" --target _jfft_cpu -j "$(nproc)"

stage="$build/stage"
rm -rf "$stage"
mkdir -p "$stage"
cp -r jfft "$stage/jfft"
cp "$build"/_jfft_cpu*.so "$stage/jfft/"

libasan="$(g++ -print-file-name=libasan.so)"
libubsan="$(g++ -print-file-name=libubsan.so)"
export LD_PRELOAD="$libasan:$libubsan"
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Without site (-S), an editable install's import hook cannot send `jfft` to
# the installed module; site-packages comes back through PYTHONPATH, after
# the staged package.
site_packages="$(python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
export PYTHONPATH="$PWD/$stage:$site_packages${PYTHONPATH:+:$PYTHONPATH}"
python -S -P -c "import jfft._jfft_cpu as m, sys; sys.exit('$stage' not in m.__file__)"
# -n 0: in this process only; xdist's workers would start without -S, and an
# editable install's hook would then give them the uninstrumented module.
python -S -P -m pytest -q -n 0 -p no:cacheprovider tests/test_engine.py \
  tests/test_parity.py tests/test_plan_cache.py \
  tests/test_nonfinite.py::test_several_axes tests/test_nonfinite.py::test_in_place \
  tests/test_nonfinite.py::test_nan_lines_stay_nan "$@"

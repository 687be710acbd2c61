# The optional CUDA module jfft._jfft_cuda: XLA FFI handlers on cuFFT.
#
# JFFT_CUDA=AUTO (the default) builds it only when cuFFT's headers and nvcc
# are both found, and otherwise skips it with a note, so that the CPU-only
# build is never slowed down or broken by the CUDA part; ON makes a missing
# piece an error; OFF skips it. cuFFT comes from the nvidia-cufft wheel of
# the build's Python (CUDA 13: site-packages/nvidia/cu13), from
# JFFT_CUFFT_ROOT, or from a CUDA toolkit. The CUDA runtime is linked
# statically, and cuFFT is found at run time next to jax's own CUDA wheels.

string(TOUPPER "${JFFT_CUDA}" _jfft_cuda_mode)
if(_jfft_cuda_mode MATCHES "^(OFF|NO|FALSE|0)$")
  return()
endif()
if(NOT _jfft_cuda_mode MATCHES "^(ON|YES|TRUE|1|AUTO)$")
  message(FATAL_ERROR "JFFT_CUDA must be AUTO, ON or OFF, got '${JFFT_CUDA}'")
endif()

# Under AUTO a missing piece skips the module (return() from a macro leaves
# this file); under ON it is an error.
macro(_jfft_cuda_unavailable reason)
  if(_jfft_cuda_mode STREQUAL "AUTO")
    message(STATUS "jfft: not building the CUDA module (${reason})")
    return()
  endif()
  message(FATAL_ERROR "jfft: JFFT_CUDA=${JFFT_CUDA} but ${reason}")
endmacro()

# cuFFT first: it is the cheap check, and without it nvcc is never probed.
set(JFFT_CUFFT_ROOT "" CACHE PATH
    "A directory with include/cufft.h and lib/libcufft.so (optional)")
execute_process(
  COMMAND "${Python_EXECUTABLE}" -c [=[
import importlib.util, os
spec = importlib.util.find_spec("nvidia")
for base in (spec.submodule_search_locations if spec else []):
    for sub in ("cu13", "cufft"):
        root = os.path.join(base, sub)
        if os.path.isfile(os.path.join(root, "include", "cufft.h")):
            print(root)
            raise SystemExit
]=]
  OUTPUT_VARIABLE _jfft_cufft_wheel
  OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET)
set(_jfft_cufft_roots ${JFFT_CUFFT_ROOT} ${_jfft_cufft_wheel})
foreach(_root IN ITEMS "$ENV{CUDAToolkit_ROOT}" "$ENV{CUDA_PATH}"
                       "$ENV{CUDA_HOME}" /usr/local/cuda)
  if(_root)
    list(APPEND _jfft_cufft_roots "${_root}" "${_root}/targets/x86_64-linux"
         "${_root}/targets/sbsa-linux")
  endif()
endforeach()
find_path(JFFT_CUFFT_INCLUDE_DIR cufft.h
  HINTS ${_jfft_cufft_roots} PATH_SUFFIXES include NO_DEFAULT_PATH)
if(NOT JFFT_CUFFT_INCLUDE_DIR)
  _jfft_cuda_unavailable("cufft.h was not found: pip install nvidia-cufft (CUDA 13), or set JFFT_CUFFT_ROOT")
endif()
get_filename_component(_jfft_cufft_root "${JFFT_CUFFT_INCLUDE_DIR}" DIRECTORY)
# The wheel ships only the versioned library (libcufft.so.12 for CUDA 13).
find_library(JFFT_CUFFT_LIBRARY NAMES cufft libcufft.so.12
  HINTS "${_jfft_cufft_root}" PATH_SUFFIXES lib lib64 NO_DEFAULT_PATH)
if(NOT JFFT_CUFFT_LIBRARY)
  _jfft_cuda_unavailable("libcufft was not found next to ${JFFT_CUFFT_INCLUDE_DIR}")
endif()

include(CheckLanguage)
check_language(CUDA)
if(NOT CMAKE_CUDA_COMPILER)
  _jfft_cuda_unavailable("no working CUDA compiler (nvcc) was found")
endif()
# Machine code for every major architecture nvcc supports (a GPU runs the
# code of its major version, e.g. sm_86 runs sm_80) plus PTX for newer ones.
# The kernels are tiny; cuFFT brings its own code for every GPU.
if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.23)
    set(CMAKE_CUDA_ARCHITECTURES all-major)
  else()
    set(CMAKE_CUDA_ARCHITECTURES 75-real 80-real 90-real 90-virtual)
  endif()
endif()
enable_language(CUDA)
# The nvidia-cufft wheel under nvidia/cu13 is CUDA 13's cuFFT: its library
# and the runtime of an older toolkit do not go together.
if(JFFT_CUFFT_INCLUDE_DIR MATCHES "/cu13/" AND
   CMAKE_CUDA_COMPILER_VERSION VERSION_LESS 13)
  _jfft_cuda_unavailable("cuFFT is CUDA 13's but nvcc is ${CMAKE_CUDA_COMPILER_VERSION}")
endif()
set(CMAKE_CUDA_STANDARD 17)
set(CMAKE_CUDA_STANDARD_REQUIRED ON)
find_package(CUDAToolkit)
if(NOT TARGET CUDA::cudart_static)
  _jfft_cuda_unavailable("the CUDA runtime (cudart_static) was not found")
endif()
message(STATUS "jfft: building the CUDA module (cuFFT: ${JFFT_CUFFT_LIBRARY}, "
               "nvcc ${CMAKE_CUDA_COMPILER_VERSION})")

add_library(jfft_cuda_kernels STATIC
  xla_kernels/cuda/kernels.cu
  xla_kernels/cuda/passes.cc
  xla_kernels/cuda/plan_cache.cc
  xla_kernels/cuda/ffi_handlers.cc)
target_include_directories(jfft_cuda_kernels
  PUBLIC xla_kernels/cuda)
# SYSTEM: the warnings of XLA's and cuFFT's headers are not ours to fix.
target_include_directories(jfft_cuda_kernels SYSTEM
  PUBLIC "${XLA_FFI_INCLUDE_DIR}" "${JFFT_CUFFT_INCLUDE_DIR}")
target_link_libraries(jfft_cuda_kernels
  PUBLIC CUDA::cudart_static "${JFFT_CUFFT_LIBRARY}")
set_target_properties(jfft_cuda_kernels PROPERTIES
  POSITION_INDEPENDENT_CODE ON
  CUDA_RUNTIME_LIBRARY None)  # cudart_static is linked explicitly above
target_compile_options(jfft_cuda_kernels PRIVATE
  $<$<COMPILE_LANGUAGE:CXX>:-O3 -Wall -Wextra>
  $<$<COMPILE_LANGUAGE:CUDA>:-O3 -Xcompiler=-Wall,-Wextra>)

nanobind_add_module(_jfft_cuda NB_STATIC xla_kernels/cuda_module.cc)
target_include_directories(_jfft_cuda PRIVATE xla_kernels)
target_link_libraries(_jfft_cuda PRIVATE jfft_cuda_kernels)
target_compile_definitions(_jfft_cuda PRIVATE
  JFFT_FFI_JAXLIB_VERSION="${JFFT_FFI_JAXLIB_VERSION}")
# At run time libcufft.so.12 comes from the nvidia-cufft wheel beside jfft
# in site-packages (jax[cuda13] installs it), or from the toolkit it was
# built against.
set(_jfft_cuda_rpath "\$ORIGIN/../nvidia/cu13/lib")
get_filename_component(_jfft_cufft_libdir "${JFFT_CUFFT_LIBRARY}" DIRECTORY)
if(NOT _jfft_cufft_wheel OR NOT _jfft_cufft_libdir MATCHES "^${_jfft_cufft_wheel}")
  list(APPEND _jfft_cuda_rpath "${_jfft_cufft_libdir}")
endif()
set_target_properties(_jfft_cuda PROPERTIES
  INSTALL_RPATH "${_jfft_cuda_rpath}"
  BUILD_RPATH "${_jfft_cufft_libdir}")
install(TARGETS _jfft_cuda LIBRARY DESTINATION jfft)

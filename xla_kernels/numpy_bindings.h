// The engine's entry points on numpy arrays (jfft.numpy, the scipy.fft
// backend): any strides, read-only inputs, no copies, the GIL released (from
// a size on), and threads from the engine's persistent pool.
#ifndef JFFT_NUMPY_BINDINGS_H_
#define JFFT_NUMPY_BINDINGS_H_

#include <nanobind/nanobind.h>

namespace jfft {

void register_numpy_bindings(nanobind::module_& m);

}  // namespace jfft

#endif  // JFFT_NUMPY_BINDINGS_H_

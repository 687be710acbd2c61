// XLA FFI handlers for jfft's CUDA custom calls (registered for platform
// "CUDA" under the same target names as the CPU ones).
#ifndef JFFT_CUDA_FFI_HANDLERS_H_
#define JFFT_CUDA_FFI_HANDLERS_H_

#include "xla/ffi/api/ffi.h"

namespace jfft::cuda {

XLA_FFI_DECLARE_HANDLER_SYMBOL(CudaC2CHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(CudaR2CHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(CudaC2RHandler);

}  // namespace jfft::cuda

#endif  // JFFT_CUDA_FFI_HANDLERS_H_

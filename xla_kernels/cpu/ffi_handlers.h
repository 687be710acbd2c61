// XLA FFI handlers for jfft's CPU custom calls.
#ifndef JFFT_CPU_FFI_HANDLERS_H_
#define JFFT_CPU_FFI_HANDLERS_H_

#include "xla/ffi/api/ffi.h"

namespace jfft::cpu {

XLA_FFI_DECLARE_HANDLER_SYMBOL(C2CHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(R2CHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(C2RHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(R2RHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(StftHandler);
XLA_FFI_DECLARE_HANDLER_SYMBOL(IstftHandler);

}  // namespace jfft::cpu

#endif  // JFFT_CPU_FFI_HANDLERS_H_

// CUDA and cuFFT status codes as ffi::Error. Every runtime and cuFFT call in
// the CUDA path goes through these: native code never aborts, and running
// out of device memory is RESOURCE_EXHAUSTED like on the CPU.
#ifndef JFFT_CUDA_STATUS_H_
#define JFFT_CUDA_STATUS_H_

#include <cuda_runtime_api.h>
#include <cufft.h>

#include <string>

#include "xla/ffi/api/ffi.h"

namespace jfft::cuda {

inline const char* CufftResultName(cufftResult result) {
  switch (result) {
    case CUFFT_SUCCESS:
      return "CUFFT_SUCCESS";
    case CUFFT_INVALID_PLAN:
      return "CUFFT_INVALID_PLAN";
    case CUFFT_ALLOC_FAILED:
      return "CUFFT_ALLOC_FAILED";
    case CUFFT_INVALID_TYPE:
      return "CUFFT_INVALID_TYPE";
    case CUFFT_INVALID_VALUE:
      return "CUFFT_INVALID_VALUE";
    case CUFFT_INTERNAL_ERROR:
      return "CUFFT_INTERNAL_ERROR";
    case CUFFT_EXEC_FAILED:
      return "CUFFT_EXEC_FAILED";
    case CUFFT_SETUP_FAILED:
      return "CUFFT_SETUP_FAILED";
    case CUFFT_INVALID_SIZE:
      return "CUFFT_INVALID_SIZE";
    case CUFFT_UNALIGNED_DATA:
      return "CUFFT_UNALIGNED_DATA";
    case CUFFT_INVALID_DEVICE:
      return "CUFFT_INVALID_DEVICE";
    case CUFFT_NO_WORKSPACE:
      return "CUFFT_NO_WORKSPACE";
    case CUFFT_NOT_IMPLEMENTED:
      return "CUFFT_NOT_IMPLEMENTED";
    case CUFFT_NOT_SUPPORTED:
      return "CUFFT_NOT_SUPPORTED";
    default:
      return "cuFFT error";
  }
}

inline xla::ffi::Error CufftError(cufftResult result, const char* what) {
  const std::string message = std::string(what) +
                              " failed: " + CufftResultName(result) + " (" +
                              std::to_string(static_cast<int>(result)) + ")";
  if (result == CUFFT_ALLOC_FAILED) {
    return xla::ffi::Error(xla::ffi::ErrorCode::kResourceExhausted,
                           message + ": out of memory");
  }
  return xla::ffi::Error::Internal(message);
}

inline xla::ffi::Error CudaError(cudaError_t error, const char* what) {
  const std::string message = std::string(what) +
                              " failed: " + cudaGetErrorName(error) + ": " +
                              cudaGetErrorString(error);
  if (error == cudaErrorMemoryAllocation) {
    return xla::ffi::Error(xla::ffi::ErrorCode::kResourceExhausted, message);
  }
  return xla::ffi::Error::Internal(message);
}

}  // namespace jfft::cuda

// Return an ffi::Error from the enclosing function when a call fails.
#define JFFT_CUFFT_RETURN_IF_ERROR(expr)                    \
  do {                                                      \
    const cufftResult jfft_result_ = (expr);                \
    if (jfft_result_ != CUFFT_SUCCESS) {                    \
      return ::jfft::cuda::CufftError(jfft_result_, #expr); \
    }                                                       \
  } while (0)

#define JFFT_CUDA_RETURN_IF_ERROR(expr)                   \
  do {                                                    \
    const cudaError_t jfft_error_ = (expr);               \
    if (jfft_error_ != cudaSuccess) {                     \
      return ::jfft::cuda::CudaError(jfft_error_, #expr); \
    }                                                     \
  } while (0)

#endif  // JFFT_CUDA_STATUS_H_

// The few element-wise steps of jfft's GPU transforms that cuFFT does not do:
// launchers for small CUDA kernels, each enqueued on the caller's stream and
// returning the launch status (never synchronising).
#ifndef JFFT_CUDA_KERNELS_H_
#define JFFT_CUDA_KERNELS_H_

#include <cuda_runtime_api.h>

#include <cstdint>

namespace jfft::cuda {

// data is a complex array [outer, length, inner] (T = float or double, with
// interleaved real and imaginary parts); sets Im to 0 at index 0 of the
// middle axis and, if zero_last, at index length - 1.
template <typename T>
cudaError_t ZeroImag(T* data, int64_t outer, int64_t length, int64_t inner,
                     bool zero_last, cudaStream_t stream);

// out[i] = complex(in[i], 0) for i < count.
template <typename T>
cudaError_t RealToComplex(const T* in, T* out, int64_t count,
                          cudaStream_t stream);

// out[i] = real(in[i]) for i < count.
template <typename T>
cudaError_t RealPart(const T* in, T* out, int64_t count, cudaStream_t stream);

}  // namespace jfft::cuda

#endif  // JFFT_CUDA_KERNELS_H_

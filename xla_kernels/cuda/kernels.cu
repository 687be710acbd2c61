#include <cuda_runtime.h>

#include <algorithm>
#include <cstdint>

#include "kernels.h"

namespace jfft::cuda {
namespace {

constexpr int kThreads = 256;
// Grid-stride loops: enough blocks to fill any current GPU, and a bound that
// keeps the grid size legal for any element count.
constexpr int64_t kMaxBlocks = 65535;

dim3 GridFor(int64_t work) {
  return dim3(static_cast<unsigned>(
      std::min<int64_t>((work + kThreads - 1) / kThreads, kMaxBlocks)));
}

template <typename T>
__global__ void ZeroImagKernel(T* data, int64_t outer, int64_t length,
                               int64_t inner, int64_t work) {
  const int64_t plane = outer * inner;
  for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
       i < work; i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
    const int64_t k = i < plane ? 0 : length - 1;  // DC, then Nyquist
    const int64_t r = i < plane ? i : i - plane;
    const int64_t o = r / inner, s = r - o * inner;
    data[2 * ((o * length + k) * inner + s) + 1] = T(0);
  }
}

template <typename T>
__global__ void RealToComplexKernel(const T* in, T* out, int64_t count) {
  for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
       i < count; i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
    out[2 * i] = in[i];
    out[2 * i + 1] = T(0);
  }
}

template <typename T>
__global__ void RealPartKernel(const T* in, T* out, int64_t count) {
  for (int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
       i < count; i += static_cast<int64_t>(gridDim.x) * blockDim.x) {
    out[i] = in[2 * i];
  }
}

}  // namespace

// cudaLaunchKernel (rather than <<<...>>> and cudaGetLastError) returns the
// status of this launch only, not an earlier error left by someone else.
template <typename T>
cudaError_t ZeroImag(T* data, int64_t outer, int64_t length, int64_t inner,
                     bool zero_last, cudaStream_t stream) {
  int64_t work = outer * inner * (zero_last ? 2 : 1);
  if (work == 0) return cudaSuccess;
  void* args[] = {&data, &outer, &length, &inner, &work};
  return cudaLaunchKernel(ZeroImagKernel<T>, GridFor(work), dim3(kThreads),
                          args, 0, stream);
}

template <typename T>
cudaError_t RealToComplex(const T* in, T* out, int64_t count,
                          cudaStream_t stream) {
  if (count == 0) return cudaSuccess;
  void* args[] = {&in, &out, &count};
  return cudaLaunchKernel(RealToComplexKernel<T>, GridFor(count),
                          dim3(kThreads), args, 0, stream);
}

template <typename T>
cudaError_t RealPart(const T* in, T* out, int64_t count, cudaStream_t stream) {
  if (count == 0) return cudaSuccess;
  void* args[] = {&in, &out, &count};
  return cudaLaunchKernel(RealPartKernel<T>, GridFor(count), dim3(kThreads),
                          args, 0, stream);
}

template cudaError_t ZeroImag<float>(float*, int64_t, int64_t, int64_t, bool,
                                     cudaStream_t);
template cudaError_t ZeroImag<double>(double*, int64_t, int64_t, int64_t, bool,
                                      cudaStream_t);
template cudaError_t RealToComplex<float>(const float*, float*, int64_t,
                                          cudaStream_t);
template cudaError_t RealToComplex<double>(const double*, double*, int64_t,
                                           cudaStream_t);
template cudaError_t RealPart<float>(const float*, float*, int64_t,
                                     cudaStream_t);
template cudaError_t RealPart<double>(const double*, double*, int64_t,
                                      cudaStream_t);

}  // namespace jfft::cuda

// How one jfft primitive call on the GPU is split into cuFFT plans and small
// kernels of ours. Plain C++ (no CUDA types), so that the decomposition can be
// checked on machines without a GPU.
//
// cuFFT plans transform at most 3 axes, and a plan describes its data with
// one stride, nested embeddings and a single batch distance (the "advanced
// layout"). A row-major array with a transform over a block of consecutive
// axes has exactly that shape, with the untransformed axes before the block
// (outer) and after it (inner) as two batch dimensions: one becomes the
// plan's batch, the other a loop of executions at pointer offsets (the
// smaller of the two, so the loop stays short). Axes that are not consecutive
// go in separate passes; no data is ever transposed.
#ifndef JFFT_CUDA_PASSES_H_
#define JFFT_CUDA_PASSES_H_

#include <cstdint>
#include <vector>

namespace jfft::cuda {

enum class Kind { kC2C, kR2C, kC2R };

// The buffers a pass reads and writes. kScratch is a complex array shaped
// like the c2r input, in XLA scratch memory.
enum class Buffer { kInput, kOutput, kScratch };

enum class Op {
  kCopy,           // dst = src, `count` complex elements
  kRealToComplex,  // dst = complex(src, 0), `count` elements
  kRealPart,       // dst = real(src), `count` elements
  kZeroImag,       // Im = 0 at index 0 (and m-1 if zero_last) of an axis
  kFft,            // one cuFFT plan, executed `loops` times
};

// One cuFFT plan (cufftMakePlanMany64 arguments) and how it is executed:
// `loops` times, with the input at src + k * in_step and the output at
// dst + k * out_step (in elements of the respective arrays), k < loops.
struct FftGeometry {
  Kind kind = Kind::kC2C;
  bool forward = true;  // kC2C only
  int rank = 0;         // 1 to 3
  int64_t n[3] = {0, 0, 0};
  int64_t inembed[3] = {0, 0, 0};
  int64_t onembed[3] = {0, 0, 0};
  int64_t istride = 1, idist = 1;
  int64_t ostride = 1, odist = 1;
  int64_t batch = 1;
  int64_t loops = 1;
  int64_t in_step = 0, out_step = 0;
};

struct Pass {
  Op op = Op::kFft;
  Buffer src = Buffer::kInput;
  Buffer dst = Buffer::kOutput;
  // kCopy, kRealToComplex, kRealPart: number of elements.
  int64_t count = 0;
  // kZeroImag: the array is [outer, length, inner] (complex elements).
  int64_t outer = 0, length = 0, inner = 0;
  bool zero_last = false;
  // kFft.
  FftGeometry fft;
};

struct Problem {
  Kind kind = Kind::kC2C;
  std::vector<int64_t> in_dims;   // row-major shape of the input
  std::vector<int64_t> out_dims;  // row-major shape of the output
  std::vector<int64_t> axes;      // as the primitive got them, last = halved
  bool forward = true;            // kC2C only
};

struct Schedule {
  std::vector<Pass> passes;  // in execution order, on one stream
  // Complex elements of scratch needed (besides cuFFT work areas).
  int64_t scratch_elements = 0;
};

// Checks the problem (throws std::invalid_argument with a message naming
// what is wrong) and returns the passes that compute it. An empty schedule
// means there is nothing to do (an empty array).
Schedule MakeSchedule(const Problem& problem);

}  // namespace jfft::cuda

#endif  // JFFT_CUDA_PASSES_H_

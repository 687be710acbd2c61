// The CUDA handlers: decode buffers and attributes, split the transform into
// passes (passes.h), and enqueue cuFFT plans and our small kernels on XLA's
// stream. They never synchronise the stream, never write their input, take
// all device memory from XLA's scratch allocator, and turn every CUDA/cuFFT
// failure into an ffi::Error.
#include "ffi_handlers.h"

#include <cuda_runtime_api.h>
#include <cufft.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels.h"
#include "passes.h"
#include "plan_cache.h"
#include "status.h"

namespace ffi = xla::ffi;

namespace jfft::cuda {
namespace {

// Work areas and scratch arrays: cuFFT wants its work area aligned, and 256
// bytes suits every data type and XLA's allocator alike.
constexpr size_t kScratchAlignment = 256;

template <typename T>
struct Cufft;

template <>
struct Cufft<float> {
  using Real = cufftReal;
  using Complex = cufftComplex;
  static constexpr cufftType kC2C = CUFFT_C2C;
  static constexpr cufftType kR2C = CUFFT_R2C;
  static constexpr cufftType kC2R = CUFFT_C2R;
  static cufftResult C2C(cufftHandle plan, void* in, void* out, int sign) {
    return cufftExecC2C(plan, static_cast<Complex*>(in),
                        static_cast<Complex*>(out), sign);
  }
  static cufftResult R2C(cufftHandle plan, void* in, void* out) {
    return cufftExecR2C(plan, static_cast<Real*>(in),
                        static_cast<Complex*>(out));
  }
  static cufftResult C2R(cufftHandle plan, void* in, void* out) {
    return cufftExecC2R(plan, static_cast<Complex*>(in),
                        static_cast<Real*>(out));
  }
};

template <>
struct Cufft<double> {
  using Real = cufftDoubleReal;
  using Complex = cufftDoubleComplex;
  static constexpr cufftType kC2C = CUFFT_Z2Z;
  static constexpr cufftType kR2C = CUFFT_D2Z;
  static constexpr cufftType kC2R = CUFFT_Z2D;
  static cufftResult C2C(cufftHandle plan, void* in, void* out, int sign) {
    return cufftExecZ2Z(plan, static_cast<Complex*>(in),
                        static_cast<Complex*>(out), sign);
  }
  static cufftResult R2C(cufftHandle plan, void* in, void* out) {
    return cufftExecD2Z(plan, static_cast<Real*>(in),
                        static_cast<Complex*>(out));
  }
  static cufftResult C2R(cufftHandle plan, void* in, void* out) {
    return cufftExecZ2D(plan, static_cast<Complex*>(in),
                        static_cast<Real*>(out));
  }
};

template <typename T>
cufftType TypeOf(Kind kind) {
  switch (kind) {
    case Kind::kR2C:
      return Cufft<T>::kR2C;
    case Kind::kC2R:
      return Cufft<T>::kC2R;
    case Kind::kC2C:
    default:
      return Cufft<T>::kC2C;
  }
}

// Runs one plan `g.loops` times at its pointer offsets. The plan's mutex is
// held while its stream and work area are set and its kernels enqueued, so
// that concurrent calls sharing the plan cannot mix them up; the kernels
// themselves run later, in stream order.
template <typename T>
ffi::Error ExecuteFft(Plan& plan, const FftGeometry& g, const void* src,
                      void* dst, void* work_area, cudaStream_t stream) {
  using Real = typename Cufft<T>::Real;
  using Complex = typename Cufft<T>::Complex;
  // cuFFT's exec functions take non-const input. Out of place, its C2C and
  // R2C leave their input as it is; its C2R may overwrite it, which is why
  // C2R only ever reads our scratch copy (passes.cc).
  char* in = static_cast<char*>(const_cast<void*>(src));
  char* out = static_cast<char*>(dst);
  const int64_t in_bytes = static_cast<int64_t>(
      g.kind == Kind::kR2C ? sizeof(Real) : sizeof(Complex));
  const int64_t out_bytes = static_cast<int64_t>(
      g.kind == Kind::kC2R ? sizeof(Real) : sizeof(Complex));
  std::lock_guard<std::mutex> lock(plan.mutex());
  JFFT_CUFFT_RETURN_IF_ERROR(cufftSetStream(plan.handle(), stream));
  if (plan.work_size() > 0) {
    JFFT_CUFFT_RETURN_IF_ERROR(cufftSetWorkArea(plan.handle(), work_area));
  }
  for (int64_t k = 0; k < g.loops; ++k) {
    void* i = in + k * g.in_step * in_bytes;
    void* o = out + k * g.out_step * out_bytes;
    switch (g.kind) {
      case Kind::kC2C:
        JFFT_CUFFT_RETURN_IF_ERROR(Cufft<T>::C2C(
            plan.handle(), i, o, g.forward ? CUFFT_FORWARD : CUFFT_INVERSE));
        break;
      case Kind::kR2C:
        JFFT_CUFFT_RETURN_IF_ERROR(Cufft<T>::R2C(plan.handle(), i, o));
        break;
      case Kind::kC2R:
        JFFT_CUFFT_RETURN_IF_ERROR(Cufft<T>::C2R(plan.handle(), i, o));
        break;
    }
  }
  return ffi::Error::Success();
}

ffi::Error OutOfMemory(const std::string& name, size_t bytes,
                       const char* what) {
  return ffi::Error(ffi::ErrorCode::kResourceExhausted,
                    name + ": out of memory: could not allocate " +
                        std::to_string(bytes) + " bytes of GPU scratch for " +
                        what);
}

// Computes `problem` from x into y (device pointers) on `stream`.
template <typename T>
ffi::Error Run(const std::string& name, cudaStream_t stream,
               ffi::ScratchAllocator& scratch, const Problem& problem,
               const void* x, void* y) {
  using Complex = typename Cufft<T>::Complex;
  Schedule schedule;
  try {
    schedule = MakeSchedule(problem);
  } catch (const std::invalid_argument& e) {
    return ffi::Error::InvalidArgument(name + ": " + e.what());
  }
  if (schedule.passes.empty()) return ffi::Error::Success();

  // Plans first, so that a failure leaves nothing half enqueued, and so that
  // one work area (the largest) serves every pass: they run one after the
  // other on the same stream.
  int device = 0;
  JFFT_CUDA_RETURN_IF_ERROR(cudaGetDevice(&device));
  std::vector<std::shared_ptr<Plan>> plans(schedule.passes.size());
  size_t work_size = 0;
  for (size_t p = 0; p < schedule.passes.size(); ++p) {
    const Pass& pass = schedule.passes[p];
    if (pass.op != Op::kFft) continue;
    const PlanKey key = KeyOf(device, TypeOf<T>(pass.fft.kind), pass.fft);
    ffi::Error error = PlanCache::Global().Get(key, &plans[p]);
    if (error.failure()) {
      return ffi::Error(*error.errc(), name + ": " + error.message());
    }
    work_size = std::max(work_size, plans[p]->work_size());
  }

  void* work_area = nullptr;
  if (work_size > 0) {
    std::optional<void*> area = scratch.Allocate(work_size, kScratchAlignment);
    if (!area.has_value()) {
      return OutOfMemory(name, work_size, "the cuFFT work area");
    }
    work_area = *area;
  }
  void* scratch_array = nullptr;
  if (schedule.scratch_elements > 0) {
    const size_t bytes =
        static_cast<size_t>(schedule.scratch_elements) * sizeof(Complex);
    std::optional<void*> buffer = scratch.Allocate(bytes, kScratchAlignment);
    if (!buffer.has_value()) {
      return OutOfMemory(name, bytes, "a copy of the input");
    }
    scratch_array = *buffer;
  }

  auto pointer = [&](Buffer buffer) -> void* {
    switch (buffer) {
      case Buffer::kInput:
        return const_cast<void*>(x);  // read only: see ExecuteFft
      case Buffer::kScratch:
        return scratch_array;
      case Buffer::kOutput:
      default:
        return y;
    }
  };
  for (size_t p = 0; p < schedule.passes.size(); ++p) {
    const Pass& pass = schedule.passes[p];
    void* src = pointer(pass.src);
    void* dst = pointer(pass.dst);
    switch (pass.op) {
      case Op::kCopy:
        JFFT_CUDA_RETURN_IF_ERROR(cudaMemcpyAsync(
            dst, src, static_cast<size_t>(pass.count) * sizeof(Complex),
            cudaMemcpyDeviceToDevice, stream));
        break;
      case Op::kRealToComplex:
        JFFT_CUDA_RETURN_IF_ERROR(RealToComplex<T>(static_cast<const T*>(src),
                                                   static_cast<T*>(dst),
                                                   pass.count, stream));
        break;
      case Op::kRealPart:
        JFFT_CUDA_RETURN_IF_ERROR(RealPart<T>(static_cast<const T*>(src),
                                              static_cast<T*>(dst), pass.count,
                                              stream));
        break;
      case Op::kZeroImag:
        JFFT_CUDA_RETURN_IF_ERROR(ZeroImag<T>(static_cast<T*>(dst), pass.outer,
                                              pass.length, pass.inner,
                                              pass.zero_last, stream));
        break;
      case Op::kFft: {
        ffi::Error error =
            ExecuteFft<T>(*plans[p], pass.fft, src, dst, work_area, stream);
        if (error.failure()) {
          return ffi::Error(*error.errc(), name + ": " + error.message());
        }
        break;
      }
    }
  }
  return ffi::Error::Success();
}

// No exception leaves a handler: allocation failures are out-of-memory
// errors, anything else an internal error.
template <typename Fn>
ffi::Error Guarded(const std::string& name, Fn&& fn) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return ffi::Error(ffi::ErrorCode::kResourceExhausted,
                      name + ": out of host memory");
  } catch (const std::exception& e) {
    return ffi::Error::Internal(name + ": " + e.what());
  }
}

std::vector<int64_t> ToVector(ffi::Span<const int64_t> values) {
  return std::vector<int64_t>(values.begin(), values.end());
}

Problem ProblemOf(Kind kind, const ffi::AnyBuffer& x, ffi::AnyBuffer& y,
                  ffi::Span<const int64_t> axes, bool forward) {
  Problem problem;
  problem.kind = kind;
  problem.in_dims = ToVector(x.dimensions());
  problem.out_dims = ToVector(y.dimensions());
  problem.axes = ToVector(axes);
  problem.forward = forward;
  return problem;
}

ffi::Error WrongTypes(const std::string& name) {
  return ffi::Error::InvalidArgument(name + ": unsupported element types");
}

// `workers` is the CPU kernels' thread count: meaningless on a GPU, accepted
// so that both platforms lower the primitives the same way.
ffi::Error C2CImpl(cudaStream_t stream, ffi::ScratchAllocator scratch,
                   ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
                   ffi::Span<const int64_t> axes, bool forward,
                   int64_t workers) {
  static_cast<void>(workers);
  const std::string name = "jfft_c2c";
  return Guarded(name, [&]() -> ffi::Error {
    const auto type = x.element_type();
    if (type != y->element_type()) return WrongTypes(name);
    const Problem problem = ProblemOf(Kind::kC2C, x, *y, axes, forward);
    if (type == ffi::DataType::C64) {
      return Run<float>(name, stream, scratch, problem, x.untyped_data(),
                        y->untyped_data());
    }
    if (type == ffi::DataType::C128) {
      return Run<double>(name, stream, scratch, problem, x.untyped_data(),
                         y->untyped_data());
    }
    return WrongTypes(name);
  });
}

ffi::Error R2CImpl(cudaStream_t stream, ffi::ScratchAllocator scratch,
                   ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
                   ffi::Span<const int64_t> axes, int64_t workers) {
  static_cast<void>(workers);
  const std::string name = "jfft_r2c";
  return Guarded(name, [&]() -> ffi::Error {
    const auto in = x.element_type(), out = y->element_type();
    const Problem problem = ProblemOf(Kind::kR2C, x, *y, axes, true);
    if (in == ffi::DataType::F32 && out == ffi::DataType::C64) {
      return Run<float>(name, stream, scratch, problem, x.untyped_data(),
                        y->untyped_data());
    }
    if (in == ffi::DataType::F64 && out == ffi::DataType::C128) {
      return Run<double>(name, stream, scratch, problem, x.untyped_data(),
                         y->untyped_data());
    }
    return WrongTypes(name);
  });
}

ffi::Error C2RImpl(cudaStream_t stream, ffi::ScratchAllocator scratch,
                   ffi::AnyBuffer x, ffi::Result<ffi::AnyBuffer> y,
                   ffi::Span<const int64_t> axes, int64_t workers) {
  static_cast<void>(workers);
  const std::string name = "jfft_c2r";
  return Guarded(name, [&]() -> ffi::Error {
    const auto in = x.element_type(), out = y->element_type();
    const Problem problem = ProblemOf(Kind::kC2R, x, *y, axes, false);
    if (in == ffi::DataType::C64 && out == ffi::DataType::F32) {
      return Run<float>(name, stream, scratch, problem, x.untyped_data(),
                        y->untyped_data());
    }
    if (in == ffi::DataType::C128 && out == ffi::DataType::F64) {
      return Run<double>(name, stream, scratch, problem, x.untyped_data(),
                         y->untyped_data());
    }
    return WrongTypes(name);
  });
}

}  // namespace

XLA_FFI_DEFINE_HANDLER_SYMBOL(CudaC2CHandler, C2CImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::PlatformStream<cudaStream_t>>()
                                  .Ctx<ffi::ScratchAllocator>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<bool>("forward")
                                  .Attr<int64_t>("workers"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(CudaR2CHandler, R2CImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::PlatformStream<cudaStream_t>>()
                                  .Ctx<ffi::ScratchAllocator>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("workers"));

XLA_FFI_DEFINE_HANDLER_SYMBOL(CudaC2RHandler, C2RImpl,
                              ffi::Ffi::Bind()
                                  .Ctx<ffi::PlatformStream<cudaStream_t>>()
                                  .Ctx<ffi::ScratchAllocator>()
                                  .Arg<ffi::AnyBuffer>()
                                  .Ret<ffi::AnyBuffer>()
                                  .Attr<ffi::Span<const int64_t>>("axes")
                                  .Attr<int64_t>("workers"));

}  // namespace jfft::cuda

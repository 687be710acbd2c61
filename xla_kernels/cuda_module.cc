// The `jfft._jfft_cuda` extension: the CUDA FFI handler capsules for
// registration, cuFFT plan cache controls, and a test-only view of how a
// transform is split into passes (checked on machines without a GPU).
#include <nanobind/nanobind.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "cuda/ffi_handlers.h"
#include "cuda/passes.h"
#include "cuda/plan_cache.h"

namespace nb = nanobind;
namespace jc = jfft::cuda;

namespace {

template <typename T>
nb::capsule capsule_of(T* fn) {
  static_assert(std::is_invocable_r_v<XLA_FFI_Error*, T, XLA_FFI_CallFrame*>,
                "an XLA FFI handler");
  return nb::capsule(reinterpret_cast<void*>(fn));
}

const char* name_of(jc::Kind kind) {
  switch (kind) {
    case jc::Kind::kR2C:
      return "r2c";
    case jc::Kind::kC2R:
      return "c2r";
    case jc::Kind::kC2C:
    default:
      return "c2c";
  }
}

const char* name_of(jc::Buffer buffer) {
  switch (buffer) {
    case jc::Buffer::kInput:
      return "input";
    case jc::Buffer::kScratch:
      return "scratch";
    case jc::Buffer::kOutput:
    default:
      return "output";
  }
}

const char* name_of(jc::Op op) {
  switch (op) {
    case jc::Op::kCopy:
      return "copy";
    case jc::Op::kRealToComplex:
      return "real_to_complex";
    case jc::Op::kRealPart:
      return "real_part";
    case jc::Op::kZeroImag:
      return "zero_imag";
    case jc::Op::kFft:
    default:
      return "fft";
  }
}

nb::list first(const int64_t* values, int count) {
  nb::list list;
  for (int j = 0; j < count; ++j) list.append(values[j]);
  return list;
}

// Test-only: the passes of a transform, as dicts.
nb::dict schedule(const std::string& kind, std::vector<int64_t> in_shape,
                  std::vector<int64_t> out_shape, std::vector<int64_t> axes,
                  bool forward) {
  jc::Problem problem;
  if (kind == "c2c") {
    problem.kind = jc::Kind::kC2C;
  } else if (kind == "r2c") {
    problem.kind = jc::Kind::kR2C;
  } else if (kind == "c2r") {
    problem.kind = jc::Kind::kC2R;
  } else {
    throw std::invalid_argument("kind must be 'c2c', 'r2c' or 'c2r'");
  }
  problem.in_dims = std::move(in_shape);
  problem.out_dims = std::move(out_shape);
  problem.axes = std::move(axes);
  problem.forward = forward;
  const jc::Schedule s = jc::MakeSchedule(problem);

  nb::list passes;
  for (const jc::Pass& pass : s.passes) {
    nb::dict d;
    d["op"] = name_of(pass.op);
    d["src"] = name_of(pass.src);
    d["dst"] = name_of(pass.dst);
    d["count"] = pass.count;
    d["outer"] = pass.outer;
    d["length"] = pass.length;
    d["inner"] = pass.inner;
    d["zero_last"] = pass.zero_last;
    if (pass.op == jc::Op::kFft) {
      const jc::FftGeometry& g = pass.fft;
      d["kind"] = name_of(g.kind);
      d["forward"] = g.forward;
      d["n"] = first(g.n, g.rank);
      d["inembed"] = first(g.inembed, g.rank);
      d["onembed"] = first(g.onembed, g.rank);
      d["istride"] = g.istride;
      d["idist"] = g.idist;
      d["ostride"] = g.ostride;
      d["odist"] = g.odist;
      d["batch"] = g.batch;
      d["loops"] = g.loops;
      d["in_step"] = g.in_step;
      d["out_step"] = g.out_step;
    }
    passes.append(d);
  }
  nb::dict result;
  result["passes"] = passes;
  result["scratch_elements"] = s.scratch_elements;
  return result;
}

}  // namespace

NB_MODULE(_jfft_cuda, m) {
  m.doc() = "jfft's CUDA kernels (XLA FFI handlers on cuFFT) and plan cache";

  m.def("registrations", []() {
    nb::dict targets;
    targets["jfft_c2c"] = capsule_of(jc::CudaC2CHandler);
    targets["jfft_r2c"] = capsule_of(jc::CudaR2CHandler);
    targets["jfft_c2r"] = capsule_of(jc::CudaC2RHandler);
    return targets;
  });

  // What the handlers were built against (see _jfft_cpu.build_info).
  m.def("build_info", []() {
    nb::dict info;
    info["ffi_jaxlib"] = JFFT_FFI_JAXLIB_VERSION;
    info["ffi_api"] = nb::make_tuple(XLA_FFI_API_MAJOR, XLA_FFI_API_MINOR);
    return info;
  });

  m.def("plan_cache_info", []() {
    const jc::PlanCacheInfo info = jc::PlanCache::Global().Info();
    nb::dict result;
    result["entries"] = info.entries;
    result["capacity"] = info.capacity;
    return result;
  });
  m.def(
      "set_plan_cache_capacity",
      [](int64_t capacity) {
        if (capacity < 0) throw std::invalid_argument("capacity must be >= 0");
        nb::gil_scoped_release release;  // may wait for the device
        jc::PlanCache::Global().SetCapacity(capacity);
      },
      nb::arg("capacity"));
  m.def("clear_plan_cache", []() {
    nb::gil_scoped_release release;
    jc::PlanCache::Global().Clear();
  });

  m.def("_schedule", &schedule, nb::arg("kind"), nb::arg("in_shape"),
        nb::arg("out_shape"), nb::arg("axes"), nb::arg("forward") = true);
}

// The `jfft._jfft_cpu` extension: FFI handler capsules for registration, plan
// cache controls, and test-only bindings of the engine's FFTs on numpy arrays.
#include <nanobind/nanobind.h>
#include <nanobind/ndarray.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/vector.h>

#include <complex>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "cpu/ffi_handlers.h"
#include "engine/fft_engine.h"
#include "engine/plans.h"
#include "numpy_bindings.h"

namespace nb = nanobind;
using jfft::engine::ArrayView;

namespace {

using InArray = nb::ndarray<nb::ro, nb::numpy, nb::device::cpu>;
using OutArray = nb::ndarray<nb::numpy, nb::device::cpu>;

template <typename T>
nb::capsule capsule_of(T* fn) {
  static_assert(std::is_invocable_r_v<XLA_FFI_Error*, T, XLA_FFI_CallFrame*>,
                "an XLA FFI handler");
  return nb::capsule(reinterpret_cast<void*>(fn));
}

template <typename T, typename Array>
ArrayView<T> view_of(const Array& a) {
  ArrayView<T> view{
      static_cast<T*>(const_cast<void*>(static_cast<const void*>(a.data()))),
      {},
      {}};
  for (size_t d = 0; d < a.ndim(); ++d) {
    view.shape.push_back(static_cast<int64_t>(a.shape(d)));
    view.strides.push_back(static_cast<int64_t>(a.stride(d)));
  }
  return view;
}

void engine_c2c(InArray x, OutArray out, std::vector<int64_t> axes,
                bool forward, int threads, double scale) {
  const jfft::engine::Parallelism parallelism{threads, {}};
  nb::gil_scoped_release release;
  if (x.dtype() == nb::dtype<std::complex<float>>() &&
      out.dtype() == nb::dtype<std::complex<float>>()) {
    jfft::engine::c2c<float>(view_of<const std::complex<float>>(x),
                             view_of<std::complex<float>>(out), axes, forward,
                             parallelism, scale);
  } else if (x.dtype() == nb::dtype<std::complex<double>>() &&
             out.dtype() == nb::dtype<std::complex<double>>()) {
    jfft::engine::c2c<double>(view_of<const std::complex<double>>(x),
                              view_of<std::complex<double>>(out), axes, forward,
                              parallelism, scale);
  } else {
    throw std::invalid_argument(
        "engine_c2c: x and out must both be complex64 "
        "or both complex128");
  }
}

void engine_r2c(InArray x, OutArray out, std::vector<int64_t> axes, int threads,
                double scale) {
  const jfft::engine::Parallelism parallelism{threads, {}};
  nb::gil_scoped_release release;
  if (x.dtype() == nb::dtype<float>() &&
      out.dtype() == nb::dtype<std::complex<float>>()) {
    jfft::engine::r2c<float>(view_of<const float>(x),
                             view_of<std::complex<float>>(out), axes,
                             parallelism, scale);
  } else if (x.dtype() == nb::dtype<double>() &&
             out.dtype() == nb::dtype<std::complex<double>>()) {
    jfft::engine::r2c<double>(view_of<const double>(x),
                              view_of<std::complex<double>>(out), axes,
                              parallelism, scale);
  } else {
    throw std::invalid_argument(
        "engine_r2c: x must be float32 with complex64 out, or float64 with "
        "complex128 out");
  }
}

void engine_c2r(InArray x, OutArray out, std::vector<int64_t> axes, int threads,
                double scale) {
  const jfft::engine::Parallelism parallelism{threads, {}};
  nb::gil_scoped_release release;
  if (x.dtype() == nb::dtype<std::complex<float>>() &&
      out.dtype() == nb::dtype<float>()) {
    jfft::engine::c2r<float>(view_of<const std::complex<float>>(x),
                             view_of<float>(out), axes, parallelism, scale);
  } else if (x.dtype() == nb::dtype<std::complex<double>>() &&
             out.dtype() == nb::dtype<double>()) {
    jfft::engine::c2r<double>(view_of<const std::complex<double>>(x),
                              view_of<double>(out), axes, parallelism, scale);
  } else {
    throw std::invalid_argument(
        "engine_c2r: x must be complex64 with float32 out, or complex128 "
        "with float64 out");
  }
}

nb::dict algorithm_dict(const jfft::engine::AlgorithmPlan& algorithm) {
  nb::dict result;
  result["name"] = algorithm.name;
  result["length"] = algorithm.length;
  result["radices"] = algorithm.radices;
  result["generic_radices"] = algorithm.generic_radices;
  result["bluestein_radices"] = algorithm.bluestein_radices;
  result["rader_radices"] = algorithm.rader_radices;
  result["padded_length"] = algorithm.padded_length;
  result["n1"] = algorithm.n1;
  result["n2"] = algorithm.n2;
  result["threads"] = algorithm.threads;
  result["lane_width"] = algorithm.lane_width;
  nb::list inner;
  for (const auto& child : algorithm.inner) inner.append(algorithm_dict(child));
  result["inner"] = inner;
  return result;
}

nb::dict step_dict(const jfft::engine::StepPlan& step) {
  nb::dict result;
  result["transform"] = step.transform;
  result["forward"] = step.forward;
  result["axis"] = step.axis;
  result["length"] = step.length;
  result["lines"] = step.lines;
  result["strategy"] = step.strategy;
  result["lane_width"] = step.lane_width;
  result["threads"] = step.threads;
  result["source"] = step.source;
  result["algorithm"] = algorithm_dict(step.algorithm);
  nb::list planes;
  for (const auto& plane : step.planes) planes.append(step_dict(plane));
  result["planes"] = planes;
  return result;
}

template <typename T>
jfft::engine::PlanDescription describe(const std::string& kind,
                                       std::vector<int64_t> in_shape,
                                       const std::vector<int64_t>& axes,
                                       bool forward, int64_t last_length,
                                       const jfft::engine::Parallelism& p) {
  using C = std::complex<T>;
  using jfft::engine::row_major_strides;
  std::vector<int64_t> out_shape = in_shape;
  if (kind == "c2c") {
    return jfft::engine::describe_c2c<T>(
        {nullptr, in_shape, row_major_strides(in_shape)},
        {nullptr, out_shape, row_major_strides(out_shape)}, axes, forward, p);
  }
  if (axes.empty()) throw std::invalid_argument(kind + ": no axes");
  int64_t last = axes.back();
  if (last < 0) last += static_cast<int64_t>(in_shape.size());
  if (last < 0 || last >= static_cast<int64_t>(in_shape.size())) {
    throw std::invalid_argument("axis " + std::to_string(axes.back()) +
                                " out of range");
  }
  if (kind == "r2c") {
    out_shape[last] = in_shape[last] / 2 + 1;
    return jfft::engine::describe_r2c<T>(
        {nullptr, in_shape, row_major_strides(in_shape)},
        {nullptr, out_shape, row_major_strides(out_shape)}, axes, p);
  }
  if (kind == "c2r") {
    out_shape[last] = last_length;
    return jfft::engine::describe_c2r<T>(
        {nullptr, in_shape, row_major_strides(in_shape)},
        {nullptr, out_shape, row_major_strides(out_shape)}, axes, p);
  }
  throw std::invalid_argument("kind must be 'c2c', 'r2c' or 'c2r', got '" +
                              kind + "'");
}

// What the FFI handlers run for contiguous arrays (as XLA hands them):
// `shape` is the input's, `last_length` the c2r output's along the last axis.
nb::dict describe_plan(const std::string& kind, bool double_precision,
                       std::vector<int64_t> shape, std::vector<int64_t> axes,
                       bool forward, int threads, int64_t last_length) {
  const jfft::engine::Parallelism parallelism{threads, {}};
  const jfft::engine::PlanDescription description =
      double_precision ? describe<double>(kind, shape, axes, forward,
                                          last_length, parallelism)
                       : describe<float>(kind, shape, axes, forward,
                                         last_length, parallelism);
  nb::dict result;
  result["isa"] = description.isa;
  result["lanes"] = description.lanes;
  nb::list steps;
  for (const auto& step : description.steps) steps.append(step_dict(step));
  result["steps"] = steps;
  return result;
}

}  // namespace

NB_MODULE(_jfft_cpu, m) {
  m.doc() = "jfft's native CPU kernels (XLA FFI handlers) and engine controls";

  m.def("registrations", []() {
    nb::dict targets;
    targets["jfft_c2c"] = capsule_of(jfft::cpu::C2CHandler);
    targets["jfft_r2c"] = capsule_of(jfft::cpu::R2CHandler);
    targets["jfft_c2r"] = capsule_of(jfft::cpu::C2RHandler);
    targets["jfft_r2r"] = capsule_of(jfft::cpu::R2RHandler);
    targets["jfft_stft"] = capsule_of(jfft::cpu::StftHandler);
    targets["jfft_istft"] = capsule_of(jfft::cpu::IstftHandler);
    return targets;
  });

  // What the handlers were built against: XLA accepts handlers built with
  // FFI headers as old as or older than its own, so the import checks this.
  m.def("build_info", []() {
    nb::dict info;
    info["ffi_jaxlib"] = JFFT_FFI_JAXLIB_VERSION;
    info["ffi_api"] = nb::make_tuple(XLA_FFI_API_MAJOR, XLA_FFI_API_MINOR);
    return info;
  });

  m.def("plan_cache_info", []() {
    const auto info = jfft::engine::plan_cache_info();
    nb::dict result;
    result["entries"] = info.entries;
    result["capacity"] = info.capacity;
    result["bytes"] = info.bytes;
    result["max_bytes"] = info.max_bytes;
    result["scratch_bytes"] = info.scratch_bytes;
    return result;
  });
  m.def("set_plan_cache_capacity", &jfft::engine::set_plan_cache_capacity,
        nb::arg("capacity"));
  m.def("set_plan_cache_max_bytes", &jfft::engine::set_plan_cache_max_bytes,
        nb::arg("max_bytes"));
  m.def("clear_plan_cache", &jfft::engine::clear_plan_cache);

  // Test-only: the engine on numpy arrays of any strides, unnormalised.
  m.def("engine_c2c", &engine_c2c, nb::arg("x"), nb::arg("out"),
        nb::arg("axes"), nb::arg("forward"), nb::arg("threads") = 1,
        nb::arg("scale") = 1.0);
  m.def("engine_r2c", &engine_r2c, nb::arg("x"), nb::arg("out"),
        nb::arg("axes"), nb::arg("threads") = 1, nb::arg("scale") = 1.0);
  m.def("engine_c2r", &engine_c2r, nb::arg("x"), nb::arg("out"),
        nb::arg("axes"), nb::arg("threads") = 1, nb::arg("scale") = 1.0);

  m.def(
      "butterfly_radices",
      []() {
        return std::vector<int64_t>(std::begin(jfft::engine::kButterflyRadices),
                                    std::end(jfft::engine::kButterflyRadices));
      },
      "The radices with a butterfly of their own in the engine's kernels");
  m.def("describe_plan", &describe_plan, nb::arg("kind"),
        nb::arg("double_precision"), nb::arg("shape"), nb::arg("axes"),
        nb::arg("forward") = true, nb::arg("threads") = 1,
        nb::arg("last_length") = 0,
        "What the engine runs for a transform of a contiguous array, as "
        "decided by the driver's own code in a dry run.");
  m.def(
      "plan_constants",
      []() {
        nb::dict result;
        for (const auto& [name, value] : jfft::engine::plan_constants()) {
          result[name.c_str()] = value;
        }
        return result;
      },
      "The cost model's thresholds and the kernels' lane widths.");

  jfft::register_numpy_bindings(m);

  // Engine controls.
  m.def("isa", &jfft::engine::isa,
        "The kernels' instruction set: 'avx512', 'avx2' or 'baseline'.");
  m.def(
      "set_isa",
      [](const std::string& name) { jfft::engine::set_isa(name.c_str()); },
      nb::arg("name"),
      "Forces 'baseline', 'avx2' or 'avx512' kernels, or 'auto' for the best "
      "available.");
}

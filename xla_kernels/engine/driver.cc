// The strided multi-dimensional driver: a transform is a sequence of axes
// (axis.cc), the first reading the input and later ones working in place on
// the output, so no axis is ever moved; then the norm's scale.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "axis.h"
#include "cost_model.h"
#include "fft_engine.h"
#include "isa.h"
#include "kernel_api.h"
#include "lines.h"
#include "nonfinite.h"
#include "parallel.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine {

std::vector<int64_t> row_major_strides(const std::vector<int64_t>& shape) {
  std::vector<int64_t> strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

namespace {

void check_layout(const std::vector<int64_t>& shape,
                  const std::vector<int64_t>& strides, const char* name) {
  if (strides.size() != shape.size()) {
    throw std::invalid_argument(std::string(name) +
                                ": strides and shape differ in rank");
  }
  for (int64_t d : shape) {
    if (d < 0) throw std::invalid_argument(std::string(name) + ": bad shape");
  }
}

// Normalised, validated axes (each in [0, rank), no repeats).
std::vector<int64_t> check_axes(const std::vector<int64_t>& axes, size_t rank) {
  std::vector<int64_t> result;
  for (int64_t axis : axes) {
    const int64_t a = axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
    if (a < 0 || a >= static_cast<int64_t>(rank)) {
      throw std::invalid_argument("axis " + std::to_string(axis) +
                                  " out of range for rank " +
                                  std::to_string(rank));
    }
    if (std::find(result.begin(), result.end(), a) != result.end()) {
      throw std::invalid_argument("axis " + std::to_string(axis) + " repeated");
    }
    result.push_back(a);
  }
  return result;
}

bool is_empty(const std::vector<int64_t>& shape) {
  return std::any_of(shape.begin(), shape.end(),
                     [](int64_t d) { return d == 0; });
}

// What the steps appended to a trace since `first` read.
void mark_source(Trace* trace, size_t first, const char* source) {
  if (!trace) return;
  for (size_t i = first; i < trace->steps.size(); ++i) {
    trace->steps[i].source = source;
  }
}

// When the last two axes are both transformed and one plane of them fits in
// cache (kTrailingPlaneBytes), each thread takes whole planes through both
// transforms while the plane is in cache: the array goes through memory
// once for the two axes instead of twice. Returns false (having done
// nothing) otherwise.
template <typename T>
bool c2c_trailing_planes(const ArrayView<const std::complex<T>>& in,
                         const ArrayView<std::complex<T>>& out,
                         const std::vector<int64_t>& axes, bool forward,
                         const Parallelism& parallelism, Trace* trace) {
  const int64_t rank = static_cast<int64_t>(in.shape.size());
  if (rank < 3) return false;
  const auto has = [&](int64_t axis) {
    return std::find(axes.begin(), axes.end(), axis) != axes.end();
  };
  if (!has(rank - 1) || !has(rank - 2)) return false;
  const std::vector<int64_t> plane_shape = {in.shape[rank - 2],
                                            in.shape[rank - 1]};
  const int64_t plane_size = plane_shape[0] * plane_shape[1];
  if (plane_size * static_cast<int64_t>(sizeof(std::complex<T>)) >
      static_cast<int64_t>(kTrailingPlaneBytes)) {
    return false;
  }
  const LineSet planes =
      leading_dims(in.shape, in.strides, out.strides, rank - 2);
  if (planes.count < 2) return false;
  const std::vector<int64_t> in_plane_strides = {in.strides[rank - 2],
                                                 in.strides[rank - 1]};
  const std::vector<int64_t> out_plane_strides = {out.strides[rank - 2],
                                                  out.strides[rank - 1]};
  const Parallelism serial;
  if (trace) {
    StepPlan step;
    step.transform = "c2c";
    step.forward = forward;
    step.axis = rank - 2;
    step.length = plane_size;
    step.lines = planes.count;
    step.strategy = "trailing_planes";
    step.threads =
        threads_for(planes.count, 1, planes.count * plane_size, parallelism);
    Trace plane;
    c2c_axis<T>(nullptr, in_plane_strides, nullptr, out_plane_strides,
                plane_shape, 1, forward, serial, &plane);
    c2c_axis<T>(nullptr, out_plane_strides, nullptr, out_plane_strides,
                plane_shape, 0, forward, serial, &plane);
    plane.steps[0].axis = rank - 1;
    plane.steps[0].source = "input";
    plane.steps[1].axis = rank - 2;
    plane.steps[1].source = "output";
    step.planes = plane.steps;
    trace->steps.push_back(step);
    return true;
  }
  parallel_for(
      planes.count, 1, planes.count * plane_size, parallelism,
      [&](int64_t begin, int64_t end) {
        for (int64_t p = begin; p < end; ++p) {
          int64_t in_offset, out_offset;
          line_start(planes, p, &in_offset, &out_offset);
          std::complex<T>* plane_out = out.data + out_offset;
          c2c_axis<T>(in.data + in_offset, in_plane_strides, plane_out,
                      out_plane_strides, plane_shape, 1, forward, serial);
          c2c_axis<T>(plane_out, out_plane_strides, plane_out,
                      out_plane_strides, plane_shape, 0, forward, serial);
        }
      });
  return true;
}

// The work of scaling `count` values of T, in parallel_for's units: a
// thread per kScaleMinBytesPerThread bytes.
template <typename T>
int64_t scale_work(int64_t count) {
  return work_of(count * int64_t{sizeof(T)}, kScaleMinBytesPerThread);
}

// Multiplies every element of a strided array by `scale` (the norm of an
// inverse or "ortho" transform), in place and in parallel, while the output
// is still warm in cache: cheaper than the separate XLA multiply into a fresh
// array it replaces (irfft2 1024^2: 2.9 -> 1.8 ms).
template <typename T>
void scale_array(T* data, const std::vector<int64_t>& shape,
                 const std::vector<int64_t>& strides, double scale,
                 const Parallelism& parallelism) {
  if (scale == 1.0 || is_empty(shape)) return;
  const T factor = static_cast<T>(scale);
  if (strides == row_major_strides(shape)) {
    int64_t count = 1;
    for (int64_t d : shape) count *= d;
    parallel_for(count, kScaleChunkElements, scale_work<T>(count), parallelism,
                 [&](int64_t begin, int64_t end) {
                   for (int64_t i = begin; i < end; ++i) data[i] *= factor;
                 });
    return;
  }
  if (shape.empty()) {
    data[0] *= factor;
    return;
  }
  const int64_t last = static_cast<int64_t>(shape.size()) - 1;
  const LineSet lines = lines_along(shape, strides, strides, last);
  const int64_t n = shape[last], stride = strides[last];
  parallel_for(lines.count, 1, scale_work<T>(lines.count * n), parallelism,
               [&](int64_t begin, int64_t end) {
                 for (int64_t line = begin; line < end; ++line) {
                   int64_t offset, unused;
                   line_start(lines, line, &offset, &unused);
                   for (int64_t j = 0; j < n; ++j) {
                     data[offset + j * stride] *= factor;
                   }
                 }
               });
}

// The same for a complex array, as a real one with a trailing axis of 2.
template <typename T>
void scale_complex(const ArrayView<std::complex<T>>& array, double scale,
                   const Parallelism& parallelism) {
  std::vector<int64_t> shape = array.shape, strides = array.strides;
  for (int64_t& stride : strides) stride *= 2;
  shape.push_back(2);
  strides.push_back(1);
  scale_array(reinterpret_cast<T*>(array.data), shape, strides, scale,
              parallelism);
}

template <typename T>
void c2c_unscaled(ArrayView<const std::complex<T>> in,
                  ArrayView<std::complex<T>> out,
                  const std::vector<int64_t>& axes, bool forward,
                  const Parallelism& parallelism, Trace* trace,
                  ZeroFrequencies* zero_frequencies = nullptr) {
  check_layout(in.shape, in.strides, "c2c input");
  check_layout(out.shape, out.strides, "c2c output");
  if (in.shape != out.shape) {
    throw std::invalid_argument("c2c: input and output shapes differ");
  }
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (is_empty(in.shape)) return;
  if (checked.empty()) {
    // Nothing to transform: a strided copy, as a transform of length 1.
    std::vector<int64_t> shape = in.shape, in_strides = in.strides,
                         out_strides = out.strides;
    shape.push_back(1);
    in_strides.push_back(1);
    out_strides.push_back(1);
    const size_t first = trace ? trace->steps.size() : 0;
    c2c_axis<T>(in.data, in_strides, out.data, out_strides, shape,
                static_cast<int64_t>(shape.size()) - 1, forward, parallelism,
                trace);
    mark_source(trace, first, "input");
    return;
  }
  std::vector<int64_t> remaining = checked;
  bool read_input = true;
  if (c2c_trailing_planes<T>(in, out, checked, forward, parallelism, trace)) {
    mark_source(trace, trace ? trace->steps.size() - 1 : 0, "input");
    const int64_t rank = static_cast<int64_t>(in.shape.size());
    remaining.erase(std::remove_if(remaining.begin(), remaining.end(),
                                   [&](int64_t a) { return a >= rank - 2; }),
                    remaining.end());
    read_input = false;
  }
  // One axis: its lines' zero frequencies are the ones the driver checks.
  if (checked.size() != 1 || remaining.size() != 1) zero_frequencies = nullptr;
  for (int64_t axis : remaining) {
    const std::complex<T>* src = read_input ? in.data : out.data;
    const std::vector<int64_t>& src_strides =
        read_input ? in.strides : out.strides;
    const size_t first = trace ? trace->steps.size() : 0;
    c2c_axis<T>(src, src_strides, out.data, out.strides, in.shape, axis,
                forward, parallelism, trace, zero_frequencies);
    mark_source(trace, first, read_input ? "input" : "output");
    read_input = false;
  }
}

template <typename T>
void r2c_unscaled(ArrayView<const T> in, ArrayView<std::complex<T>> out,
                  const std::vector<int64_t>& axes,
                  const Parallelism& parallelism, Trace* trace,
                  ZeroFrequencies* zero_frequencies = nullptr) {
  check_layout(in.shape, in.strides, "r2c input");
  check_layout(out.shape, out.strides, "r2c output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty()) throw std::invalid_argument("r2c: no axes");
  const int64_t last = checked.back();
  std::vector<int64_t> expected = in.shape;
  expected[last] = in.shape[last] / 2 + 1;
  if (out.shape != expected) {
    throw std::invalid_argument("r2c: output shape does not match input");
  }
  if (in.shape[last] == 0) {
    throw std::invalid_argument("r2c: zero-length transformed axis");
  }
  if (is_empty(in.shape)) return;

  const auto plan = get_real_plan<T>(in.shape[last]);
  size_t first = trace ? trace->steps.size() : 0;
  // One axis: its lines' zero frequencies are the ones the driver checks.
  r2c_axis(*plan, in.data, lines_along(in.shape, in.strides, out.strides, last),
           out.data, last, parallelism, trace,
           checked.size() == 1 ? zero_frequencies : nullptr);
  mark_source(trace, first, "input");
  for (size_t a = 0; a + 1 < checked.size(); ++a) {
    first = trace ? trace->steps.size() : 0;
    c2c_axis<T>(out.data, out.strides, out.data, out.strides, out.shape,
                checked[a], true, parallelism, trace);
    mark_source(trace, first, "output");
  }
}

template <typename T>
void c2r_unscaled(ArrayView<const std::complex<T>> in, ArrayView<T> out,
                  const std::vector<int64_t>& axes,
                  const Parallelism& parallelism, Trace* trace) {
  check_layout(in.shape, in.strides, "c2r input");
  check_layout(out.shape, out.strides, "c2r output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty()) throw std::invalid_argument("c2r: no axes");
  const int64_t last = checked.back();
  const int64_t n = out.shape[last];
  std::vector<int64_t> expected = out.shape;
  expected[last] = n / 2 + 1;
  if (in.shape != expected) {
    throw std::invalid_argument("c2r: input shape does not match output");
  }
  if (n == 0) throw std::invalid_argument("c2r: zero output length");
  if (is_empty(in.shape)) return;

  const auto plan = get_real_plan<T>(n);
  const std::vector<int64_t> others(checked.begin(), checked.end() - 1);

  // The other axes first. For even n with a unit-stride output the spectrum
  // fits in the output itself: n/2 complex values per line, with Re(Nyquist)
  // (all that c2r reads of it) packed into Im(DC). Then the c2r runs in place
  // and scratch is one column, not a copy of the whole input.
  bool even_strides = out.strides[last] == 1 && n % 2 == 0;
  for (size_t d = 0; d < out.shape.size(); ++d) {
    if (static_cast<int64_t>(d) != last)
      even_strides &= out.strides[d] % 2 == 0;
  }
  if (!others.empty() && even_strides) {
    const int64_t half = n / 2;
    std::vector<int64_t> half_shape = in.shape, half_strides = out.strides;
    half_shape[last] = half;
    for (size_t d = 0; d < half_strides.size(); ++d) {
      if (static_cast<int64_t>(d) != last) half_strides[d] /= 2;
    }
    std::complex<T>* packed = reinterpret_cast<std::complex<T>*>(out.data);
    c2c_unscaled<T>({in.data, half_shape, in.strides},
                    {packed, half_shape, half_strides}, others, false,
                    parallelism, trace);
    std::vector<int64_t> column_shape = in.shape;
    column_shape[last] = 1;
    const std::vector<int64_t> column_strides = row_major_strides(column_shape);
    const LineSet column =
        lines_along(column_shape, column_strides, half_strides, last);
    size_t first = trace ? trace->steps.size() : 0;
    if (trace) {
      c2c_unscaled<T>({nullptr, column_shape, in.strides},
                      {nullptr, column_shape, column_strides}, others, false,
                      parallelism, trace);
      mark_source(trace, first, "nyquist");
    } else {
      ScratchArray<std::complex<T>> nyquist(column.count);
      c2c_unscaled<T>(
          {in.data + half * in.strides[last], column_shape, in.strides},
          {nyquist.get(), column_shape, column_strides}, others, false,
          parallelism, nullptr);
      for (int64_t line = 0; line < column.count; ++line) {
        int64_t from, to;
        line_start(column, line, &from, &to);
        packed[to] =
            std::complex<T>(packed[to].real(), nyquist.get()[from].real());
      }
    }
    const LineSet lines =
        lines_along(in.shape, half_strides, out.strides, last);
    first = trace ? trace->steps.size() : 0;
    c2r_axis(*plan, packed, lines, true, out.data, last, parallelism, trace);
    mark_source(trace, first, "packed");
    return;
  }

  // Otherwise the other axes go into a contiguous copy (the input stays
  // intact), then the c2r reads it.
  const std::complex<T>* src = in.data;
  std::vector<int64_t> src_strides = in.strides;
  std::unique_ptr<ScratchArray<std::complex<T>>> spectrum;
  if (!others.empty()) {
    size_t total = 1;
    for (int64_t d : in.shape) total *= static_cast<size_t>(d);
    if (!trace) {
      spectrum = std::make_unique<ScratchArray<std::complex<T>>>(total);
    }
    const std::vector<int64_t> strides = row_major_strides(in.shape);
    std::complex<T>* copy = spectrum ? spectrum->get() : nullptr;
    c2c_unscaled<T>(in, {copy, in.shape, strides}, others, false, parallelism,
                    trace);
    src = copy;
    src_strides = strides;
  }
  const LineSet lines = lines_along(in.shape, src_strides, out.strides, last);
  const size_t first = trace ? trace->steps.size() : 0;
  c2r_axis(*plan, src, lines, false, out.data, last, parallelism, trace);
  mark_source(trace, first, others.empty() ? "input" : "spectrum");
}

PlanDescription description_of(Trace&& trace, int lanes) {
  PlanDescription description;
  description.isa = isa();
  description.lanes = lanes;
  description.steps = std::move(trace.steps);
  return description;
}

// The usual transform of one line, for the finite part of a line that holds
// infinities (nonfinite.h).
void double_line_transform(std::complex<double>* line, int64_t n,
                           bool forward) {
  const std::vector<int64_t> shape{n}, strides{1};
  c2c_unscaled<double>({line, shape, strides}, {line, shape, strides}, {0},
                       forward, {}, nullptr);
}

}  // namespace

template <typename T>
void c2c(ArrayView<const std::complex<T>> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes, bool forward,
         const Parallelism& parallelism, double scale) {
  // Infinities (nonfinite.h): the zero-frequency outputs tell after the
  // fact, unless the output has overwritten the input.
  if (in.data == out.data) {
    check_layout(in.shape, in.strides, "c2c input");
    if (in.shape == out.shape && in.strides == out.strides &&
        any_nonfinite(in.data, in.shape, in.strides)) {
      c2c_nonfinite(in.data, in.strides, out.data, out.strides, in.shape,
                    check_axes(axes, in.shape.size()), forward,
                    double_line_transform);
      scale_complex(out, scale, parallelism);
      return;
    }
    c2c_unscaled<T>(in, out, axes, forward, parallelism, nullptr);
  } else {
    ZeroFrequencies zero = ZeroFrequencies::kUnchecked;
    c2c_unscaled<T>(in, out, axes, forward, parallelism, nullptr, &zero);
    const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
    if (zero == ZeroFrequencies::kUnchecked
            ? zero_frequency_nonfinite<T>(out.data, out.shape, out.strides,
                                          checked)
            : zero == ZeroFrequencies::kNonfinite) {
      c2c_nonfinite(in.data, in.strides, out.data, out.strides, in.shape,
                    checked, forward, double_line_transform);
    }
  }
  scale_complex(out, scale, parallelism);
}

template <typename T>
void r2c(ArrayView<const T> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes, const Parallelism& parallelism,
         double scale) {
  ZeroFrequencies zero = ZeroFrequencies::kUnchecked;
  r2c_unscaled<T>(in, out, axes, parallelism, nullptr, &zero);
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (zero == ZeroFrequencies::kUnchecked
          ? zero_frequency_nonfinite<T>(out.data, out.shape, out.strides,
                                        checked)
          : zero == ZeroFrequencies::kNonfinite) {
    r2c_nonfinite(in.data, in.shape, in.strides, out.data, out.strides, checked,
                  double_line_transform);
  }
  scale_complex(out, scale, parallelism);
}

template <typename T>
void c2r(ArrayView<const std::complex<T>> in, ArrayView<T> out,
         const std::vector<int64_t>& axes, const Parallelism& parallelism,
         double scale) {
  c2r_unscaled<T>(in, out, axes, parallelism, nullptr);
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (first_samples_nonfinite(out.data, out.shape, out.strides,
                              checked.back())) {
    c2r_nonfinite(in.data, in.shape, in.strides, out.data, out.shape,
                  out.strides, checked, double_line_transform);
  }
  scale_array(out.data, out.shape, out.strides, scale, parallelism);
}

template <typename T>
PlanDescription describe_c2c(ArrayView<const std::complex<T>> in,
                             ArrayView<std::complex<T>> out,
                             const std::vector<int64_t>& axes, bool forward,
                             const Parallelism& parallelism) {
  Trace trace;
  c2c_unscaled<T>(in, out, axes, forward, parallelism, &trace);
  return description_of(std::move(trace), kernels<T>().lanes);
}

template <typename T>
PlanDescription describe_r2c(ArrayView<const T> in,
                             ArrayView<std::complex<T>> out,
                             const std::vector<int64_t>& axes,
                             const Parallelism& parallelism) {
  Trace trace;
  r2c_unscaled<T>(in, out, axes, parallelism, &trace);
  return description_of(std::move(trace), kernels<T>().lanes);
}

template <typename T>
PlanDescription describe_c2r(ArrayView<const std::complex<T>> in,
                             ArrayView<T> out, const std::vector<int64_t>& axes,
                             const Parallelism& parallelism) {
  Trace trace;
  c2r_unscaled<T>(in, out, axes, parallelism, &trace);
  return description_of(std::move(trace), kernels<T>().lanes);
}

std::vector<std::pair<std::string, double>> plan_constants() {
  return {
      {"bluestein_min_prime", kBluesteinMinPrime},
      {"bluestein_point_cost", kBluesteinPointCost},
      {"bluestein_transform_cost", kBluesteinTransformCost},
      {"bluestein_pass_transform_cost", kBluesteinPassTransformCost},
      {"bluestein_pass_point_cost", kBluesteinPassPointCost},
      {"bluestein_pass_padded_slack_percent", kBluesteinPassPaddedSlackPercent},
      {"bluestein_pass_padded_pass_cost", kBluesteinPassPaddedPassCost},
      {"rader_min_prime", kRaderMinPrime},
      {"rader_largest_inner_prime", kRaderLargestInnerPrime},
      {"rader_transform_cost", kRaderTransformCost},
      {"rader_point_cost", kRaderPointCost},
      {"generic_radix_cost_factor", kGenericRadixCostFactor},
      {"largest_fixed_radix", kLargestFixedRadix},
      {"lane_bluestein_max_length", kLaneBluesteinMaxLength},
      {"power_of_two_slack_percent", kPowerOfTwoSlackPercent},
      {"whole_lanes_slack_percent", kWholeLanesSlackPercent},
      {"four_step_min_length", kFourStepMinLength},
      {"four_step_min_factor", kFourStepMinFactor},
      {"four_step_largest_prime", kFourStepLargestPrime},
      {"four_step_whole_lanes_imbalance", kFourStepWholeLanesImbalance},
      {"four_step_powers_of_eight_max_length", kFourStepPowersOfEightMaxLength},
      {"post_twiddle_block", kPostTwiddleBlock},
      {"lane_group_bytes", kLaneGroupBytes},
      {"narrowest_lane_group_element_bytes", kNarrowestLaneGroupElementBytes},
      {"l1_ways", kL1Ways},
      {"l1_set_bytes", kL1SetBytes},
      {"largest_radix", preferred_largest_radix()},
      {"min_elements_per_thread", kMinElementsPerThread},
      {"short_codelet_max_length", kShortCodeletMaxLength},
      {"min_short_codelet_elements_per_thread",
       kMinShortCodeletElementsPerThread},
      {"trailing_plane_bytes", kTrailingPlaneBytes},
      {"scale_chunk_elements", kScaleChunkElements},
      {"scale_min_bytes_per_thread", kScaleMinBytesPerThread},
      {"chunks_per_thread", kChunksPerThread},
      {"lanes_float", kernels<float>().lanes},
      {"lanes_double", kernels<double>().lanes},
      {"codelet_max_length", kCodeletMaxLength},
      {"codelet_width_float", kernels<float>().codelet_width},
      {"codelet_width_double", kernels<double>().codelet_width},
  };
}

template void c2c<float>(ArrayView<const std::complex<float>>,
                         ArrayView<std::complex<float>>,
                         const std::vector<int64_t>&, bool, const Parallelism&,
                         double);
template void c2c<double>(ArrayView<const std::complex<double>>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t>&, bool, const Parallelism&,
                          double);
template void r2c<float>(ArrayView<const float>, ArrayView<std::complex<float>>,
                         const std::vector<int64_t>&, const Parallelism&,
                         double);
template void r2c<double>(ArrayView<const double>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t>&, const Parallelism&,
                          double);
template void c2r<float>(ArrayView<const std::complex<float>>, ArrayView<float>,
                         const std::vector<int64_t>&, const Parallelism&,
                         double);
template void c2r<double>(ArrayView<const std::complex<double>>,
                          ArrayView<double>, const std::vector<int64_t>&,
                          const Parallelism&, double);
template PlanDescription describe_c2c<float>(
    ArrayView<const std::complex<float>>, ArrayView<std::complex<float>>,
    const std::vector<int64_t>&, bool, const Parallelism&);
template PlanDescription describe_c2c<double>(
    ArrayView<const std::complex<double>>, ArrayView<std::complex<double>>,
    const std::vector<int64_t>&, bool, const Parallelism&);
template PlanDescription describe_r2c<float>(ArrayView<const float>,
                                             ArrayView<std::complex<float>>,
                                             const std::vector<int64_t>&,
                                             const Parallelism&);
template PlanDescription describe_r2c<double>(ArrayView<const double>,
                                              ArrayView<std::complex<double>>,
                                              const std::vector<int64_t>&,
                                              const Parallelism&);
template PlanDescription describe_c2r<float>(
    ArrayView<const std::complex<float>>, ArrayView<float>,
    const std::vector<int64_t>&, const Parallelism&);
template PlanDescription describe_c2r<double>(
    ArrayView<const std::complex<double>>, ArrayView<double>,
    const std::vector<int64_t>&, const Parallelism&);

}  // namespace jfft::engine

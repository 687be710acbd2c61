#include "axis.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <type_traits>

#include "cost_model.h"
#include "four_step_columns.h"
#include "isa.h"
#include "kernel_api.h"
#include "parallel.h"
#include "scratch.h"

namespace jfft::engine {
namespace {

// The one-line algorithms shared with the kernels, here on scalar Cx<T>
// for one long line whose inner transform is four-step.
#include "cx.inc"
// (Written on cx.inc's Cx, so after it.)
#include "bluestein.inc"
#include "real_line.inc"

template <typename T>
Cx<T>* as_cx(std::complex<T>* data) {
  return reinterpret_cast<Cx<T>*>(data);
}
template <typename T>
std::complex<T>* as_complex(Cx<T>* data) {
  return reinterpret_cast<std::complex<T>*>(data);
}

// The one rule for lanes or one by one, for lines whose complex transform
// has `length` (c2c lines, and the complex transform inside real lines) and
// `plan` (null for a length with a four-step split, whose large direct plan
// is then never built). Returns the length to split four-step when the lines
// go one by one (the line's own, or its Bluestein padded length), 0 when
// they run side by side in lanes.
//
// One by one when they are too few to fill the lanes, too long for a lane
// group (kLaneGroupBytes), or of a Bluestein plan too long ever to run in
// lanes (C2CPlan::bluestein), and a four-step split exists; otherwise a lone
// long line would run on scalar code. But strided lines of a length with a
// split (any axis but the last) stay in lanes however long: a lane group
// reads whole cache lines of adjacent lines, which beats splitting each
// strided line 2-4x (axis 0 of 4096 x 256 up to 65536 x 32).
template <typename T>
int64_t one_by_one_length(int64_t length, const C2CPlan<T>* plan,
                          const LineSet& lines, int64_t lanes) {
  const bool splits = FourStepPlan<T>::split(length) > 0;
  const int64_t four_step_length =
      splits ? length : (plan ? plan->bluestein_length() : 0);
  if (four_step_length == 0 || FourStepPlan<T>::split(four_step_length) == 0) {
    return 0;
  }
  if (plan && plan->bluestein_length() > 0 && !plan->bluestein()) {
    return four_step_length;
  }
  // A length with a split whose direct plan would be a Bluestein
  // convolution (one with large prime factors) splits however its lines lie.
  if (splits &&
      (plan ? plan->bluestein_length() > 0 : plans_as_bluestein(length))) {
    return four_step_length;
  }
  if (lines.count < lanes) return four_step_length;
  // A lane group's buffer: the lines and the plan's scratch, per lane (a
  // direct plan's scratch is about one more line).
  const size_t lane_values =
      plan ? static_cast<size_t>(length) + plan->scratch_size()
           : 2 * static_cast<size_t>(length);
  const bool too_long =
      lane_group_too_big(lane_values, lanes * sizeof(std::complex<T>));
  return too_long && (lines.in_stride == 1 || !splits) ? four_step_length : 0;
}

// The lines of a four-step transform of n = n1 * n2 (see FourStepPlan) of a
// line with strides in_stride and out_stride: its n2 columns of length n1,
// read from the line into the matrix a[j1, j2] = x[j1 * n2 + j2]
// (row-major), and its n1 rows of length n2, written to x[k1 + n1 * k2].
LineSet four_step_columns(int64_t n2, int64_t in_stride) {
  LineSet columns;
  columns.dims = {n2};
  columns.in_strides = {in_stride};
  columns.out_strides = {1};
  columns.count = n2;
  columns.in_stride = in_stride * n2;
  columns.out_stride = n2;
  return columns;
}
LineSet four_step_rows(int64_t n1, int64_t n2, int64_t out_stride) {
  LineSet rows;
  rows.dims = {n1};
  rows.in_strides = {n2};
  rows.out_strides = {out_stride};
  rows.count = n1;
  rows.in_stride = 1;
  rows.out_stride = out_stride * n1;
  return rows;
}

// The description of a direct plan (as the kernels run it in lanes).
template <typename T>
AlgorithmPlan describe_direct(const C2CPlan<T>& plan) {
  AlgorithmPlan algorithm;
  algorithm.length = plan.length();
  if (plan.bluestein_length() > 0) {
    algorithm.name = "bluestein";
    algorithm.padded_length = plan.bluestein_length();
    if (plan.bluestein()) {
      algorithm.inner.push_back(describe_direct(*plan.bluestein()));
    }
    return algorithm;
  }
  if (plan.rader_plan()) {
    algorithm.name = "rader";
    algorithm.inner.push_back(describe_direct(*plan.rader_plan()));
    return algorithm;
  }
  algorithm.name = "stockham";
  for (const auto& pass : plan.passes()) {
    algorithm.radices.push_back(pass.radix);
    if (pass.convolution >= 0) {
      const auto& convolution = plan.convolution(pass);
      (convolution.is_rader() ? algorithm.rader_radices
                              : algorithm.bluestein_radices)
          .push_back(pass.radix);
      algorithm.inner.push_back(describe_direct(*convolution.plan));
    } else if (!has_butterfly(pass.radix)) {
      algorithm.generic_radices.push_back(pass.radix);
    }
  }
  return algorithm;
}

// The description of a four-step line with these strides, with the lanes
// and threads c2c_four_step's passes run on.
template <typename T>
AlgorithmPlan describe_four_step(const FourStepPlan<T>& plan, int64_t in_stride,
                                 int64_t out_stride,
                                 const Parallelism& parallelism) {
  const KernelTable<T>& k = kernels<T>();
  const int64_t n = plan.length(), n1 = plan.n1(), n2 = plan.n2();
  AlgorithmPlan algorithm;
  algorithm.name = "four_step";
  algorithm.length = n;
  algorithm.n1 = n1;
  algorithm.n2 = n2;
  AlgorithmPlan columns = describe_direct(plan.columns());
  columns.lane_width = k.c2c_lane_width(four_step_columns(n2, in_stride));
  columns.threads = threads_for(n2,
                                four_step_columns_in_blocks<T>(n2, in_stride)
                                    ? kFourStepColumnBlock
                                    : k.lanes,
                                n, parallelism);
  AlgorithmPlan rows = describe_direct(plan.rows());
  rows.lane_width = k.c2c_lane_width(four_step_rows(n1, n2, out_stride));
  rows.threads = threads_for(n1, k.lanes, n, parallelism);
  algorithm.lane_width = std::max(columns.lane_width, rows.lane_width);
  algorithm.threads = std::max(columns.threads, rows.threads);
  algorithm.inner = {columns, rows};
  return algorithm;
}

// The description of a codelet (kCodelets, kernel_api.h).
AlgorithmPlan describe_codelet(const CodeletShape& shape) {
  AlgorithmPlan algorithm;
  algorithm.name = "codelet";
  algorithm.length = shape.length;
  // The butterflies' radices, a composite factor's own (18: 2 x 3 x 3).
  auto add = [&](auto&& self, int64_t factor) -> void {
    if (has_butterfly(factor)) {
      algorithm.radices.push_back(factor);
    } else {
      const CodeletShape* inner = codelet_shape(factor);
      self(self, inner->first);
      self(self, inner->second);
    }
  };
  add(add, shape.first);
  if (shape.second > 1) add(add, shape.second);
  return algorithm;
}

StepPlan step_of(const char* transform, bool forward, int64_t axis,
                 int64_t length, const LineSet& lines) {
  StepPlan step;
  step.transform = transform;
  step.forward = forward;
  step.axis = axis;
  step.length = length;
  step.lines = lines.count;
  return step;
}

// The work of `elements` values of T (complex, or real for r2c/c2r lines)
// in lanes, in the units of parallel_for's `work` (kMinElementsPerThread):
// elements of double precision, so that a thread gets as many bytes in
// either precision. Counted as elements, two threads ran 2^16-point batches
// of complex64 lines of 64 .. 4096 points 0.49-1.00x as fast as one
// (AVX-512, the engine's numpy entry, best of 20% of 150 paired rounds); at
// 2^17 points 0.69-1.62x. A real line of n counts as n values: counted as
// its inner complex transform of n / 2, float64 batches of 2^16 points
// against ducc0 with two threads each went from 0.84-0.93x to 0.93-1.14x its
// time (lengths 64 .. 4096, measured as above).
template <typename T>
int64_t lanes_work(int64_t elements) {
  return elements * int64_t{sizeof(T)} / int64_t{sizeof(double)};
}

// The work of codelet lines of `elements` points of n, in lanes_work's
// units: short lines need kMinShortCodeletElementsPerThread elements a
// thread (measured in either precision), longer ones count as other lanes.
template <typename T>
int64_t codelet_work(int64_t n, int64_t elements) {
  if (n > kShortCodeletMaxLength) return lanes_work<T>(elements);
  return work_of(elements, kMinShortCodeletElementsPerThread);
}

// The lines of a length with a codelet (codelet_of), c2c, r2c or c2r:
// recorded in a dry run, else run by run_lines(begin, end) on the threads,
// which returns whether a zero frequency came out Inf or NaN (reported in
// *zero_frequencies where given).
template <typename T, typename RunLines>
void codelet_axis(const CodeletShape& codelet, const char* transform,
                  bool forward, int64_t axis, const LineSet& lines,
                  const Parallelism& parallelism, Trace* trace,
                  ZeroFrequencies* zero_frequencies, RunLines&& run_lines) {
  const KernelTable<T>& k = kernels<T>();
  const int64_t n = codelet.length;
  if (trace) {
    StepPlan step = step_of(transform, forward, axis, n, lines);
    step.strategy = "lanes";
    step.lane_width = k.codelet_width;
    step.threads = threads_for(
        lines.count, k.lanes, codelet_work<T>(n, lines.count * n), parallelism);
    step.algorithm = describe_codelet(codelet);
    trace->steps.push_back(step);
    return;
  }
  std::atomic<bool> nonfinite{false};
  parallel_for(lines.count, k.lanes, codelet_work<T>(n, lines.count * n),
               parallelism, [&](int64_t begin, int64_t end) {
                 if (run_lines(begin, end)) {
                   nonfinite.store(true, std::memory_order_relaxed);
                 }
               });
  if (zero_frequencies) {
    *zero_frequencies = nonfinite.load() ? ZeroFrequencies::kNonfinite
                                         : ZeroFrequencies::kFinite;
  }
}

// One long line by the four-step method: `in` and `out` point at the line's
// first element, with strides along it.
template <typename T>
void c2c_four_step(const FourStepPlan<T>& plan, const std::complex<T>* in,
                   int64_t in_stride, std::complex<T>* out, int64_t out_stride,
                   bool forward, const Parallelism& parallelism) {
  const int64_t n1 = plan.n1(), n2 = plan.n2(), n = n1 * n2;
  const KernelTable<T>& k = kernels<T>();
  ScratchArray<std::complex<T>> matrix(n);
  // The columns' results are twiddled, a[k1, j2] *= w^(+-j2 k1), on their
  // way out; where rows crowd the cache sets, a block of columns at a time
  // (four_step_columns.h).
  if (four_step_columns_in_blocks<T>(n2, in_stride)) {
    parallel_for(
        n2, kFourStepColumnBlock, n, parallelism,
        [&](int64_t begin, int64_t end) {
          ScratchArray<std::complex<T>> block(kFourStepColumnBlock * n1);
          for (int64_t first = begin; first < end;
               first += kFourStepColumnBlock) {
            const int64_t at = post_twiddle_index(0, first, n1);
            four_step_column_block(k, plan.columns(), in, in_stride, n2, first,
                                   std::min(kFourStepColumnBlock, end - first),
                                   block.get(), matrix.get(), forward,
                                   PostTwiddles<T>{plan.twiddle_re() + at,
                                                   plan.twiddle_im() + at});
          }
        });
  } else {
    const LineSet columns = four_step_columns(n2, in_stride);
    const PostTwiddles<T> twiddles{plan.twiddle_re(), plan.twiddle_im()};
    parallel_for(n2, k.lanes, n, parallelism, [&](int64_t begin, int64_t end) {
      k.c2c(plan.columns(), in, matrix.get(), columns, begin, end, forward,
            twiddles);
    });
  }
  const LineSet rows = four_step_rows(n1, n2, out_stride);
  parallel_for(n1, k.lanes, n, parallelism, [&](int64_t begin, int64_t end) {
    k.c2c(plan.rows(), matrix.get(), out, rows, begin, end, forward, {});
  });
}

// One line of a length with a Bluestein plan whose padded convolution length
// m has a four-step split: Bluestein (bluestein.inc) with its two transforms
// of m run four-step (SIMD lanes and threads for a single line) rather than
// inside one lane.
template <typename T, typename Load, typename Store>
void bluestein_four_step(const C2CPlan<T>& plan, const FourStepPlan<T>& padded,
                         bool forward, Load&& load, Store&& store,
                         const Parallelism& parallelism) {
  using C = std::complex<T>;
  const int64_t m = padded.length();
  ScratchArray<C> a(m);
  const auto transform = [&](Cx<T>* data, bool inner_forward) {
    C* line = as_complex(data);
    c2c_four_step(padded, line, 1, line, 1, inner_forward, parallelism);
    return data;
  };
  if (forward) {
    bluestein<true>(plan, m, load, store, as_cx(a.get()), transform);
  } else {
    bluestein<false>(plan, m, load, store, as_cx(a.get()), transform);
  }
}

template <typename T>
void c2c_bluestein_four_step(const C2CPlan<T>& plan,
                             const FourStepPlan<T>& padded,
                             const std::complex<T>* in, int64_t in_stride,
                             std::complex<T>* out, int64_t out_stride,
                             bool forward, const Parallelism& parallelism) {
  using C = std::complex<T>;
  // Contiguous lines get loops without strides, which the compiler
  // vectorises (4 lines of 4099 points ran 10% slower without).
  if (in_stride == 1 && out_stride == 1) {
    bluestein_four_step(
        plan, padded, forward,
        [&](int64_t k) { return Cx<T>{in[k].real(), in[k].imag()}; },
        [&](int64_t k, Cx<T> y) { out[k] = C(y.re, y.im); }, parallelism);
    return;
  }
  bluestein_four_step(
      plan, padded, forward,
      [&](int64_t k) {
        const C v = in[k * in_stride];
        return Cx<T>{v.real(), v.imag()};
      },
      [&](int64_t k, Cx<T> y) { out[k * out_stride] = C(y.re, y.im); },
      parallelism);
}

// Lines transformed one at a time by line_fn(in_offset, out_offset, inner)
// rather than side by side in lanes: threads take whole lines, or, for a
// lone line, `inner` lets its transform use them.
const Parallelism& inner_parallelism(const LineSet& lines,
                                     const Parallelism& parallelism) {
  static const Parallelism serial;
  return lines.count > 1 ? serial : parallelism;
}

template <typename LineFn>
void lines_one_by_one(const LineSet& lines, int64_t n,
                      const Parallelism& parallelism, LineFn&& line_fn) {
  const Parallelism& inner = inner_parallelism(lines, parallelism);
  parallel_for(lines.count, 1, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 for (int64_t line = begin; line < end; ++line) {
                   int64_t in_offset, out_offset;
                   line_start(lines, line, &in_offset, &out_offset);
                   line_fn(in_offset, out_offset, inner);
                 }
               });
}

// One contiguous complex line of length n, in place, through c2c_axis (so a
// long one gets the four-step split and the threads).
template <typename T>
void c2c_line(std::complex<T>* data, int64_t n, bool forward,
              const Parallelism& parallelism, Trace* trace = nullptr) {
  const std::vector<int64_t> shape = {1, n}, strides = {n, 1};
  c2c_axis<T>(data, strides, data, strides, shape, 1, forward, parallelism,
              trace);
}

// The algorithm of one real line run one by one: the real split or merge
// (real_line.inc) on c2c_line, as c2c_line's own dry run describes it.
template <typename T>
AlgorithmPlan describe_real_line(const RealPlan<T>& plan, bool forward,
                                 const Parallelism& parallelism) {
  AlgorithmPlan algorithm;
  algorithm.name = plan.length() % 2 == 0 ? "real_even" : "real_odd";
  algorithm.length = plan.length();
  Trace inner;
  c2c_line<T>(nullptr, plan.complex_plan().length(), forward, parallelism,
              &inner);
  algorithm.inner.push_back(inner.steps.at(0).algorithm);
  return algorithm;
}

template <typename T>
AlgorithmPlan describe_real_lanes(const RealPlan<T>& plan) {
  AlgorithmPlan algorithm;
  algorithm.name = plan.length() % 2 == 0 ? "real_even" : "real_odd";
  algorithm.length = plan.length();
  algorithm.inner.push_back(describe_direct(plan.complex_plan()));
  return algorithm;
}

// The split or merge of one even real line (real_line.inc) on the threads,
// by ranges of its pairs: pair(first, last) runs those of [first, last).
// Its work is counted as the inner complex transform's n / 2 points, so that
// the two take threads together: counted as n, the merge of a 65536-point
// c2r ran on two threads and the transform after it on one, over data the
// other core had written (float64, two workers over one, numpy entry:
// 1.2-1.3x the time, 1.21-1.36x ducc0's).
template <typename PairFn>
void real_pairs(int64_t n, const Parallelism& parallelism, PairFn&& pair) {
  parallel_for(n / 4 + 1, kRealPairsAlign, n / 2, parallelism, pair);
}

// The split (r2c_split) and merge (c2r_merge) of a contiguous even line,
// pairs [first, last) with first >= 1, a block of kRealPairsBlock pairs at
// a time: the block's values are read into arrays of real and imaginary
// parts before any is written, so that the arithmetic, free of aliasing
// (the output is the input), vectorises, and on AVX2 and AVX-512 in the
// clones below (axis.cc is otherwise built for the baseline ISA, where
// real_line.inc's loops ran scalar). Engine alone, one thread, CPU time per
// call (10th percentile of 1500, 3 alternating runs): r2c 65536 float32
// 109-111 -> 101-103 us, float64 179-181 -> 174-182, c2r level. Both values
// of the pair 2k = h are written, equal.
template <typename T, bool kSplit>
[[gnu::always_inline]] inline void real_pairs_body(const Cx<T>* in, Cx<T>* out,
                                                   const std::complex<T>* w,
                                                   int64_t half, int64_t first,
                                                   int64_t last) {
  constexpr int64_t kB = kRealPairsBlock;
  T ar[kB], ai[kB], br[kB], bi[kB], wr[kB], wi[kB], vr[kB], vi[kB], xr[kB],
      xi[kB], yr[kB], yi[kB];
  for (int64_t k0 = first; k0 < last; k0 += kB) {
    const int64_t count = std::min(kB, last - k0);
    const Cx<T>* back = in + (half - k0);
    for (int64_t i = 0; i < count; ++i) {
      ar[i] = in[k0 + i].re;
      ai[i] = in[k0 + i].im;
      br[i] = back[-i].re;
      bi[i] = back[-i].im;
      wr[i] = w[k0 + i].real();
      wi[i] = w[k0 + i].imag();
    }
    if constexpr (kSplit) {
      // a = y[k], b = conj(y[h - k]): even (a + b) / 2, odd (a - b) / 2i.
      for (int64_t i = 0; i < count; ++i) {
        const T er = T(0.5) * (ar[i] + br[i]), ei = T(0.5) * (ai[i] - bi[i]);
        const T orr = T(0.5) * (ai[i] + bi[i]), oi = T(-0.5) * (ar[i] - br[i]);
        const T rr = orr * wr[i] - oi * wi[i], ri = orr * wi[i] + oi * wr[i];
        xr[i] = er + rr;
        xi[i] = ei + ri;
        yr[i] = er - rr;
        yi[i] = ri - ei;
      }
    } else {
      for (int64_t i = 0; i < count; ++i) {
        vr[i] = w[half - k0 - i].real();
        vi[i] = w[half - k0 - i].imag();
      }
      // z[k] = a + conj(b) + i (a - conj(b)) conj(w^k), z[h - k] the same of
      // (b, a) with w^(h-k).
      for (int64_t i = 0; i < count; ++i) {
        const T dr = ar[i] - br[i], di = ai[i] + bi[i];
        xr[i] = ar[i] + br[i] - di * wr[i] + dr * wi[i];
        xi[i] = ai[i] - bi[i] + dr * wr[i] + di * wi[i];
        const T er = br[i] - ar[i], ei = bi[i] + ai[i];
        yr[i] = br[i] + ar[i] - ei * vr[i] + er * vi[i];
        yi[i] = bi[i] - ai[i] + er * vr[i] + ei * vi[i];
      }
    }
    Cx<T>* out_back = out + (half - k0);
    for (int64_t i = 0; i < count; ++i) out_back[-i] = Cx<T>{yr[i], yi[i]};
    for (int64_t i = 0; i < count; ++i) out[k0 + i] = Cx<T>{xr[i], xi[i]};
  }
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define JFFT_REAL_PAIRS_CLONES \
  [[gnu::target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")]]
#else
#define JFFT_REAL_PAIRS_CLONES
#endif
#define JFFT_REAL_PAIRS(NAME, T, SPLIT)                                    \
  JFFT_REAL_PAIRS_CLONES void NAME(const Cx<T>* in, Cx<T>* out,            \
                                   const std::complex<T>* w, int64_t half, \
                                   int64_t first, int64_t last) {          \
    real_pairs_body<T, SPLIT>(in, out, w, half, first, last);              \
  }
JFFT_REAL_PAIRS(split_pairs_f, float, true)
JFFT_REAL_PAIRS(split_pairs_d, double, true)
JFFT_REAL_PAIRS(merge_pairs_f, float, false)
JFFT_REAL_PAIRS(merge_pairs_d, double, false)
#undef JFFT_REAL_PAIRS
#undef JFFT_REAL_PAIRS_CLONES

template <typename T>
void contiguous_pairs(bool split, const Cx<T>* in, Cx<T>* out,
                      const std::complex<T>* w, int64_t half, int64_t first,
                      int64_t last) {
  if constexpr (std::is_same_v<T, float>) {
    (split ? split_pairs_f : merge_pairs_f)(in, out, w, half, first, last);
  } else {
    (split ? split_pairs_d : merge_pairs_d)(in, out, w, half, first, last);
  }
}

// r2c of one line (real_line.inc, the complex transform by c2c_line).
// Even and contiguous, its values z_j = x_2j + i x_2j+1 are the input
// itself read as complex, and the spectrum's first n/2 values the
// transform's: the transform goes from the input into the output and the
// split runs there in place, with no copy of the line in scratch (a copy
// in, one out, and a third line's worth of cache beside the four-step's
// own matrix; with the 2^15 split of cost_model.h, engine alone, one
// thread, CPU time: r2c 65536 float64 204-210 -> 176-181 us).
template <typename T>
void r2c_one_line(const RealPlan<T>& plan, const T* in, int64_t in_stride,
                  std::complex<T>* out, int64_t out_stride,
                  const Parallelism& parallelism) {
  using C = std::complex<T>;
  const int64_t length = plan.complex_plan().length();
  if (plan.length() % 2 == 0 && in_stride == 1 && out_stride == 1) {
    const std::vector<int64_t> shape = {1, length}, strides = {length, 1};
    c2c_axis<T>(reinterpret_cast<const C*>(in), strides, out, strides, shape, 1,
                true, parallelism, nullptr);
    // Loads and stores through one type: the split stores over what it
    // reads.
    Cx<T>* y = as_cx(out);
    const int64_t half = plan.length() / 2;
    real_pairs(plan.length(), parallelism, [&](int64_t first, int64_t last) {
      if (first == 0) {
        r2c_split(plan, y, [&](int64_t k, Cx<T> v) { y[k] = v; }, 0, 1);
        first = 1;
      }
      contiguous_pairs<T>(true, y, y, plan.twiddles(), half, first, last);
    });
    return;
  }
  ScratchArray<C> z(length);
  r2c_line(
      plan, [&](int64_t j) { return in[j * in_stride]; },
      [&](int64_t k, Cx<T> y) { out[k * out_stride] = C(y.re, y.im); },
      as_cx(z.get()),
      [&](Cx<T>* data, bool forward) {
        c2c_line(as_complex(data), length, forward, parallelism);
        return data;
      });
}

// c2r of one line (real_line.inc, the complex transform by c2c_line). A
// packed line (even n) holds n/2 values with Re(Nyquist) in Im(DC). Even
// with a contiguous output, the merge writes its n/2 complex values over
// the output (n reals) and the inverse transform runs there in place: its
// result is the output, interleaved (the input may be the output itself,
// packed: the merge reads each pair before writing it).
template <typename T>
void c2r_one_line(const RealPlan<T>& plan, const std::complex<T>* in,
                  int64_t in_stride, bool packed, T* out, int64_t out_stride,
                  const Parallelism& parallelism) {
  using C = std::complex<T>;
  const int64_t length = plan.complex_plan().length();
  const int64_t half = plan.length() / 2;
  if (plan.length() % 2 == 0 && out_stride == 1) {
    // One type for loads and stores, which may overlap (packed).
    const Cx<T>* source = reinterpret_cast<const Cx<T>*>(in);
    Cx<T>* z = reinterpret_cast<Cx<T>*>(out);
    real_pairs(plan.length(), parallelism, [&](int64_t first, int64_t last) {
      const auto load = [&](int64_t k) {
        if (packed && k == half) return Cx<T>{source[0].im, T(0)};
        return source[k * in_stride];
      };
      if (in_stride != 1) {
        c2r_merge(plan, load, z, first, last);
        return;
      }
      if (first == 0) {
        c2r_merge(plan, load, z, 0, 1);
        first = 1;
      }
      contiguous_pairs<T>(false, source, z, plan.twiddles(), half, first, last);
    });
    c2c_line(as_complex(z), length, false, parallelism);
    return;
  }
  ScratchArray<C> z(length);
  c2r_line(
      plan,
      [&](int64_t k) {
        if (packed && k == half) return Cx<T>{in[0].imag(), T(0)};
        const C v = in[k * in_stride];
        return Cx<T>{v.real(), v.imag()};
      },
      [&](int64_t j, T value) { out[j * out_stride] = value; }, as_cx(z.get()),
      [&](Cx<T>* data, bool forward) {
        c2c_line(as_complex(data), length, forward, parallelism);
        return data;
      });
}

}  // namespace

template <typename T>
void c2c_axis(const std::complex<T>* in, const std::vector<int64_t>& in_strides,
              std::complex<T>* out, const std::vector<int64_t>& out_strides,
              const std::vector<int64_t>& shape, int64_t axis, bool forward,
              const Parallelism& parallelism, Trace* trace,
              ZeroFrequencies* zero_frequencies) {
  const LineSet lines = lines_along(shape, in_strides, out_strides, axis);
  const KernelTable<T>& k = kernels<T>();
  const int64_t n = shape[axis];
  // Short lengths with a codelet run it on lines side by side in vectors,
  // without a plan.
  if (const CodeletShape* codelet = codelet_of<T>(n)) {
    codelet_axis<T>(*codelet, "c2c", forward, axis, lines, parallelism, trace,
                    zero_frequencies, [&](int64_t begin, int64_t end) {
                      return k.c2c_codelet(n, in, out, lines, begin, end,
                                           forward);
                    });
    return;
  }
  // A length with a split never needs Bluestein, so its (large) direct plan
  // is not built.
  const bool splits = FourStepPlan<T>::split(n) > 0;
  std::shared_ptr<const C2CPlan<T>> plan;
  if (!splits) plan = get_c2c_plan<T>(n);
  const int64_t four_step_length =
      one_by_one_length<T>(n, plan.get(), lines, k.lanes);
  if (four_step_length > 0) {
    const auto four_step = get_four_step_plan<T>(four_step_length);
    if (trace) {
      StepPlan step = step_of("c2c", forward, axis, n, lines);
      step.strategy = "one_by_one";
      step.threads = threads_for(lines.count, 1, lines.count * n, parallelism);
      const Parallelism& inner = inner_parallelism(lines, parallelism);
      if (splits) {
        step.algorithm = describe_four_step(*four_step, lines.in_stride,
                                            lines.out_stride, inner);
      } else {
        step.algorithm.name = "bluestein";
        step.algorithm.length = n;
        step.algorithm.padded_length = four_step_length;
        step.algorithm.inner = {describe_four_step(*four_step, 1, 1, inner)};
      }
      trace->steps.push_back(step);
      return;
    }
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism& inner) {
                       if (!splits) {
                         c2c_bluestein_four_step(
                             *plan, *four_step, in + from, lines.in_stride,
                             out + to, lines.out_stride, forward, inner);
                       } else {
                         c2c_four_step(*four_step, in + from, lines.in_stride,
                                       out + to, lines.out_stride, forward,
                                       inner);
                       }
                     });
    return;
  }
  if (!plan) plan = get_c2c_plan<T>(n);
  if (plan->bluestein_length() > 0 && !plan->bluestein()) {
    throw std::logic_error("c2c: a Bluestein plan without lanes in lanes");
  }
  if (trace) {
    StepPlan step = step_of("c2c", forward, axis, n, lines);
    step.strategy = "lanes";
    step.lane_width = k.c2c_lane_width(lines);
    step.threads = threads_for(lines.count, k.lanes,
                               lanes_work<T>(lines.count * n), parallelism);
    step.algorithm = describe_direct(*plan);
    trace->steps.push_back(step);
    return;
  }
  parallel_for(lines.count, k.lanes, lanes_work<T>(lines.count * n),
               parallelism, [&](int64_t begin, int64_t end) {
                 k.c2c(*plan, in, out, lines, begin, end, forward, {});
               });
}

template <typename T>
void r2c_axis(const RealPlan<T>& plan, const T* in, const LineSet& lines,
              std::complex<T>* out, int64_t axis,
              const Parallelism& parallelism, Trace* trace,
              ZeroFrequencies* zero_frequencies) {
  const KernelTable<T>& k = kernels<T>();
  const C2CPlan<T>& complex_plan = plan.complex_plan();
  const int64_t n = plan.length();
  // Short lengths with a codelet run the complex codelet on the real lines,
  // side by side in vectors (codelet_lines.inc).
  if (const CodeletShape* codelet = real_codelet_of<T>(n)) {
    codelet_axis<T>(*codelet, "r2c", true, axis, lines, parallelism, trace,
                    zero_frequencies, [&](int64_t begin, int64_t end) {
                      return k.r2c_codelet(n, in, out, lines, begin, end);
                    });
    return;
  }
  const bool one_by_one =
      one_by_one_length<T>(complex_plan.length(), &complex_plan, lines,
                           k.lanes) > 0;
  if (trace) {
    StepPlan step = step_of("r2c", true, axis, n, lines);
    if (one_by_one) {
      step.strategy = "one_by_one";
      step.threads = threads_for(lines.count, 1, lines.count * n, parallelism);
      step.algorithm =
          describe_real_line(plan, true, inner_parallelism(lines, parallelism));
    } else {
      step.strategy = "lanes";
      step.lane_width = k.lanes;
      step.threads = threads_for(lines.count, k.lanes,
                                 lanes_work<T>(lines.count * n), parallelism);
      step.algorithm = describe_real_lanes(plan);
    }
    trace->steps.push_back(step);
    return;
  }
  if (one_by_one) {
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism& inner) {
                       r2c_one_line(plan, in + from, lines.in_stride, out + to,
                                    lines.out_stride, inner);
                     });
    return;
  }
  parallel_for(lines.count, k.lanes, lanes_work<T>(lines.count * n),
               parallelism, [&](int64_t begin, int64_t end) {
                 k.r2c(plan, in, out, lines, begin, end);
               });
}

template <typename T>
void c2r_axis(const RealPlan<T>& plan, const std::complex<T>* in,
              const LineSet& lines, bool packed, T* out, int64_t axis,
              const Parallelism& parallelism, Trace* trace) {
  const KernelTable<T>& k = kernels<T>();
  const C2CPlan<T>& complex_plan = plan.complex_plan();
  const int64_t n = plan.length();
  if (const CodeletShape* codelet = real_codelet_of<T>(n)) {
    // (c2r's check reads the first two samples; the codelet does not watch
    // them.)
    codelet_axis<T>(*codelet, "c2r", false, axis, lines, parallelism, trace,
                    nullptr, [&](int64_t begin, int64_t end) {
                      k.c2r_codelet(n, in, out, lines, begin, end, packed);
                      return false;
                    });
    return;
  }
  const bool one_by_one =
      one_by_one_length<T>(complex_plan.length(), &complex_plan, lines,
                           k.lanes) > 0;
  if (trace) {
    StepPlan step = step_of("c2r", false, axis, n, lines);
    if (one_by_one) {
      step.strategy = "one_by_one";
      step.threads = threads_for(lines.count, 1, lines.count * n, parallelism);
      step.algorithm = describe_real_line(
          plan, false, inner_parallelism(lines, parallelism));
    } else {
      step.strategy = "lanes";
      step.lane_width = k.lanes;
      step.threads = threads_for(lines.count, k.lanes,
                                 lanes_work<T>(lines.count * n), parallelism);
      step.algorithm = describe_real_lanes(plan);
    }
    trace->steps.push_back(step);
    return;
  }
  if (one_by_one) {
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism& inner) {
                       c2r_one_line(plan, in + from, lines.in_stride, packed,
                                    out + to, lines.out_stride, inner);
                     });
    return;
  }
  parallel_for(lines.count, k.lanes, lanes_work<T>(lines.count * n),
               parallelism, [&](int64_t begin, int64_t end) {
                 k.c2r(plan, in, out, lines, begin, end, packed);
               });
}

template void c2c_axis<float>(const std::complex<float>*,
                              const std::vector<int64_t>&, std::complex<float>*,
                              const std::vector<int64_t>&,
                              const std::vector<int64_t>&, int64_t, bool,
                              const Parallelism&, Trace*, ZeroFrequencies*);
template void c2c_axis<double>(const std::complex<double>*,
                               const std::vector<int64_t>&,
                               std::complex<double>*,
                               const std::vector<int64_t>&,
                               const std::vector<int64_t>&, int64_t, bool,
                               const Parallelism&, Trace*, ZeroFrequencies*);
template <typename T>
bool runs_in_lanes(const C2CPlan<T>& plan, const LineSet& lines) {
  return one_by_one_length<T>(plan.length(), &plan, lines,
                              kernels<T>().lanes) == 0;
}

template bool runs_in_lanes<float>(const C2CPlan<float>&, const LineSet&);
template bool runs_in_lanes<double>(const C2CPlan<double>&, const LineSet&);
template void r2c_axis<float>(const RealPlan<float>&, const float*,
                              const LineSet&, std::complex<float>*, int64_t,
                              const Parallelism&, Trace*, ZeroFrequencies*);
template void r2c_axis<double>(const RealPlan<double>&, const double*,
                               const LineSet&, std::complex<double>*, int64_t,
                               const Parallelism&, Trace*, ZeroFrequencies*);
template void c2r_axis<float>(const RealPlan<float>&,
                              const std::complex<float>*, const LineSet&, bool,
                              float*, int64_t, const Parallelism&, Trace*);
template void c2r_axis<double>(const RealPlan<double>&,
                               const std::complex<double>*, const LineSet&,
                               bool, double*, int64_t, const Parallelism&,
                               Trace*);

}  // namespace jfft::engine

// The strided multi-dimensional driver: each transformed axis is a set of
// 1-D lines that the kernels transform several at a time (one per SIMD lane),
// split across threads. The first transformed axis reads the input; later
// axes work in place on the output, so no axis is ever moved.
#include "fft_engine.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif
#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <thread>

#include "kernel_api.h"
#include "nonfinite.h"
#include "plan_cache.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine {

void advise_huge_pages(void *data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePage = uintptr_t{1} << 21;
  if (bytes < 2 * kHugePage)
    return;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last > first) {
    madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
  }
#else
  (void)data;
  (void)bytes;
#endif
}

namespace {

// The plan cache's default bounds. 256 plans; and bytes enough that the
// plans of one transform of up to 2^24 points stay cached between calls (a
// complex128 four-step plan of 2^24: 256 MiB of twiddles; the prime
// 10,000,019 in complex64: 193 MiB of Bluestein plan and 154 MiB of its
// padded four-step plan), else each call would plan again. At most 1/16 of
// the machine's memory, so that many large lengths (140 of 4e5..2e6 points
// in complex128 held 2.2 GiB when only the count was bounded) cannot crowd
// out the data.
constexpr size_t kDefaultPlanCapacity = 256;
constexpr size_t kDefaultPlanCacheBytes = size_t{1} << 30;
constexpr size_t kPlanCacheMemoryFraction = 16;

size_t default_plan_cache_bytes() {
#if defined(__unix__) || defined(__APPLE__)
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page_size = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page_size > 0) {
    const size_t memory = static_cast<size_t>(pages) * page_size;
    return std::min(kDefaultPlanCacheBytes, memory / kPlanCacheMemoryFraction);
  }
#endif
  return kDefaultPlanCacheBytes;
}

} // namespace

PlanCache &plan_cache() {
  static PlanCache *cache = // never destroyed: no exit race
      new PlanCache(kDefaultPlanCapacity, default_plan_cache_bytes());
  return *cache;
}

PlanCacheInfo plan_cache_info() {
  PlanCache &cache = plan_cache();
  return {cache.size(), cache.capacity(), cache.bytes(), cache.max_bytes(),
          scratch_pool_bytes()};
}
void set_plan_cache_capacity(size_t capacity) {
  plan_cache().set_capacity(capacity);
}
void set_plan_cache_max_bytes(size_t max_bytes) {
  plan_cache().set_max_bytes(max_bytes);
}
void clear_plan_cache() {
  plan_cache().clear();
  clear_scratch_pool();
}

namespace {

// The kernel tables by instruction set, best last.
enum class Isa { kBaseline, kAvx2, kAvx512 };

bool cpu_supports(Isa isa) {
#if defined(__x86_64__) || defined(__i386__)
  switch (isa) {
  case Isa::kBaseline:
    return true;
  case Isa::kAvx2:
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  case Isa::kAvx512:
    return cpu_supports(Isa::kAvx2) && __builtin_cpu_supports("avx512f") &&
           __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
  }
  return false;
#else
  return isa == Isa::kBaseline;
#endif
}

Isa best_isa() {
  if (cpu_supports(Isa::kAvx512))
    return Isa::kAvx512;
  if (cpu_supports(Isa::kAvx2))
    return Isa::kAvx2;
  return Isa::kBaseline;
}

std::atomic<Isa> &current_isa() {
  static std::atomic<Isa> isa(best_isa());
  return isa;
}

template <typename T> const KernelTable<T> &kernels() {
#if defined(__x86_64__) || defined(__i386__)
  switch (current_isa().load(std::memory_order_relaxed)) {
  case Isa::kAvx512:
    return avx512::kernels<T>();
  case Isa::kAvx2:
    return avx2::kernels<T>();
  case Isa::kBaseline:
    break;
  }
#endif
  return baseline::kernels<T>();
}

// A plane transformed whole by one thread (c2c_trailing_planes) should fit
// in this much cache.
constexpr size_t kCacheBytes = 512 * 1024;

// Below this many elements per axis pass, threads cost more than they save.
constexpr int64_t kMinElementsPerThread = 1 << 15;

// Runs body(begin, end) over [0, count) in chunks of `align` units, on up to
// parallelism.threads threads, the caller included. Waits for every chunk and
// rethrows the first exception.
template <typename Body>
void parallel_for(int64_t count, int64_t align, int64_t work,
                  const Parallelism &parallelism, Body &&body) {
  const int64_t blocks = (count + align - 1) / align;
  int64_t threads = std::min<int64_t>(parallelism.threads, blocks);
  threads = std::min<int64_t>(
      threads, std::max<int64_t>(1, work / kMinElementsPerThread));
  if (threads <= 1) {
    body(int64_t{0}, count);
    return;
  }
  struct State {
    std::atomic<int64_t> next{0};
    std::mutex mutex;
    std::condition_variable finished;
    int64_t done = 0;
    std::exception_ptr error;
  };
  auto state = std::make_shared<State>();
  const int64_t chunks = threads;
  const int64_t per_chunk = (blocks + chunks - 1) / chunks * align;
  // A task claims chunks until none are left; one scheduled too late finds
  // none and never touches `body`, which lives on the caller's stack.
  auto work_loop = [state, chunks, per_chunk, count, &body]() {
    while (true) {
      const int64_t chunk = state->next.fetch_add(1);
      if (chunk >= chunks)
        return;
      const int64_t begin = std::min(count, chunk * per_chunk);
      const int64_t end = std::min(count, begin + per_chunk);
      std::exception_ptr error;
      try {
        if (begin < end)
          body(begin, end);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(state->mutex);
      if (error && !state->error)
        state->error = error;
      if (++state->done == chunks)
        state->finished.notify_all();
    }
  };
  std::vector<std::thread> own_threads;
  for (int64_t t = 1; t < threads; ++t) {
    if (parallelism.schedule) {
      parallelism.schedule(work_loop);
    } else {
      own_threads.emplace_back(work_loop);
    }
  }
  work_loop();
  {
    std::unique_lock<std::mutex> lock(state->mutex);
    state->finished.wait(lock, [&] { return state->done == chunks; });
  }
  for (auto &thread : own_threads)
    thread.join();
  if (state->error)
    std::rethrow_exception(state->error);
}

void check_layout(const std::vector<int64_t> &shape,
                  const std::vector<int64_t> &strides, const char *name) {
  if (strides.size() != shape.size()) {
    throw std::invalid_argument(std::string(name) +
                                ": strides and shape differ in rank");
  }
  for (int64_t d : shape) {
    if (d < 0)
      throw std::invalid_argument(std::string(name) + ": bad shape");
  }
}

// Normalised, validated axes (each in [0, rank), no repeats).
std::vector<int64_t> check_axes(const std::vector<int64_t> &axes, size_t rank) {
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

bool is_empty(const std::vector<int64_t> &shape) {
  return std::any_of(shape.begin(), shape.end(),
                     [](int64_t d) { return d == 0; });
}

// The lines along `axis` of arrays with these strides (lengths of the other
// dimensions are taken from `shape`).
LineSet lines_along(const std::vector<int64_t> &shape,
                    const std::vector<int64_t> &in_strides,
                    const std::vector<int64_t> &out_strides, int64_t axis) {
  LineSet lines;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (static_cast<int64_t>(d) == axis)
      continue;
    lines.dims.push_back(shape[d]);
    lines.in_strides.push_back(in_strides[d]);
    lines.out_strides.push_back(out_strides[d]);
    lines.count *= shape[d];
  }
  lines.in_stride = in_strides[axis];
  lines.out_stride = out_strides[axis];
  return lines;
}

// Where line `line` of a LineSet starts in the input and the output.
void line_start(const LineSet &lines, int64_t line, int64_t *in_offset,
                int64_t *out_offset) {
  int64_t in = 0, out = 0;
  for (size_t d = lines.dims.size(); d-- > 0;) {
    const int64_t q = line % lines.dims[d];
    line /= lines.dims[d];
    in += q * lines.in_strides[d];
    out += q * lines.out_strides[d];
  }
  *in_offset = in;
  *out_offset = out;
}

// One long line by the four-step method (see FourStepPlan): `in` and `out`
// point at the line's first element, with strides along it.
template <typename T>
void c2c_four_step(const FourStepPlan<T> &plan, const std::complex<T> *in,
                   int64_t in_stride, std::complex<T> *out, int64_t out_stride,
                   bool forward, const Parallelism &parallelism) {
  const int64_t n1 = plan.n1(), n2 = plan.n2(), n = n1 * n2;
  const KernelTable<T> &k = kernels<T>();
  // The matrix a[j1, j2] = x[j1 * n2 + j2], row-major in `matrix`.
  ScratchArray<std::complex<T>> matrix(n);
  LineSet columns; // n2 lines of length n1
  columns.dims = {n2};
  columns.in_strides = {in_stride};
  columns.out_strides = {1};
  columns.count = n2;
  columns.in_stride = in_stride * n2;
  columns.out_stride = n2;
  // The columns' results are twiddled, a[k1, j2] *= w^(+-j2 k1), on their
  // way out.
  const PostTwiddles<T> twiddles{plan.twiddle_re(), plan.twiddle_im()};
  parallel_for(n2, k.lanes, n, parallelism, [&](int64_t begin, int64_t end) {
    k.c2c(plan.columns(), in, matrix.get(), columns, begin, end, forward,
          twiddles);
  });
  LineSet rows; // n1 lines of length n2, written to x[k1 + n1 * k2]
  rows.dims = {n1};
  rows.in_strides = {n2};
  rows.out_strides = {out_stride};
  rows.count = n1;
  rows.in_stride = 1;
  rows.out_stride = out_stride * n1;
  parallel_for(n1, k.lanes, n, parallelism, [&](int64_t begin, int64_t end) {
    k.c2c(plan.rows(), matrix.get(), out, rows, begin, end, forward, {});
  });
}

// y[j] = conj?(x[j * x_stride]) * w[j] (or conj of that product) for j < n,
// on plain floats: std::complex's operator* checks each product for NaNs and
// keeps the loop scalar.
template <typename T>
void multiply_lines(const std::complex<T> *x, int64_t x_stride,
                    const std::complex<T> *w, std::complex<T> *y,
                    int64_t y_stride, int64_t n, bool conj_x, bool conj_y) {
  const T *xs = reinterpret_cast<const T *>(x);
  const T *ws = reinterpret_cast<const T *>(w);
  T *ys = reinterpret_cast<T *>(y);
  const T x_sign = conj_x ? T(-1) : T(1), y_sign = conj_y ? T(-1) : T(1);
  if (x_stride == 1 && y_stride == 1) {
    for (int64_t j = 0; j < n; ++j) {
      const T xr = xs[2 * j], xi = x_sign * xs[2 * j + 1];
      const T wr = ws[2 * j], wi = ws[2 * j + 1];
      ys[2 * j] = xr * wr - xi * wi;
      ys[2 * j + 1] = y_sign * (xr * wi + xi * wr);
    }
    return;
  }
  for (int64_t j = 0; j < n; ++j) {
    const T xr = xs[2 * j * x_stride], xi = x_sign * xs[2 * j * x_stride + 1];
    const T wr = ws[2 * j], wi = ws[2 * j + 1];
    ys[2 * j * y_stride] = xr * wr - xi * wi;
    ys[2 * j * y_stride + 1] = y_sign * (xr * wi + xi * wr);
  }
}

// y[k] = conj?(x[k * x_stride]) * chirp(k) (or conj of that product) for
// k < n: the chirp's stored half, then its mirror image.
template <typename T>
void multiply_by_chirp(const C2CPlan<T> &plan, const std::complex<T> *x,
                       int64_t x_stride, std::complex<T> *y, int64_t y_stride,
                       bool conj_x, bool conj_y) {
  const int64_t n = plan.length(), half = n / 2 + 1;
  const std::complex<T> *chirp = plan.chirp_half();
  multiply_lines(x, x_stride, chirp, y, y_stride, half, conj_x, conj_y);
  // chirp(n - k) = sign * chirp(k): a reversed walk through the half.
  const T sign = plan.chirp_mirror_sign();
  const T x_sign = conj_x ? T(-1) : T(1), y_sign = conj_y ? T(-1) : T(1);
  const T *xs = reinterpret_cast<const T *>(x);
  const T *ws = reinterpret_cast<const T *>(chirp);
  T *ys = reinterpret_cast<T *>(y);
  for (int64_t k = half; k < n; ++k) {
    const T xr = xs[2 * k * x_stride], xi = x_sign * xs[2 * k * x_stride + 1];
    const T wr = sign * ws[2 * (n - k)], wi = sign * ws[2 * (n - k) + 1];
    ys[2 * k * y_stride] = xr * wr - xi * wi;
    ys[2 * k * y_stride + 1] = y_sign * (xr * wi + xi * wr);
  }
}

// One line of a length with a Bluestein plan whose padded convolution length
// m has a four-step split: the two transforms of m run as four-step ones
// (SIMD lanes and threads for a single line) rather than inside one lane.
template <typename T>
void c2c_bluestein_four_step(const C2CPlan<T> &plan,
                             const FourStepPlan<T> &padded,
                             const std::complex<T> *in, int64_t in_stride,
                             std::complex<T> *out, int64_t out_stride,
                             bool forward, const Parallelism &parallelism) {
  const int64_t n = plan.length(), m = padded.length();
  // backward(x) = conj(forward(conj(x))), as in the kernels' Bluestein.
  ScratchArray<std::complex<T>> a(m);
  multiply_by_chirp(plan, in, in_stride, a.get(), 1, !forward, false);
  std::fill(a.get() + n, a.get() + m, std::complex<T>(0, 0));
  c2c_four_step(padded, a.get(), 1, a.get(), 1, true, parallelism);
  multiply_lines(a.get(), 1, plan.chirp_spectrum(), a.get(), 1, m, false,
                 false);
  c2c_four_step(padded, a.get(), 1, a.get(), 1, false, parallelism);
  multiply_by_chirp(plan, a.get(), 1, out, out_stride, false, !forward);
}

// Lines transformed one at a time by line_fn(in_offset, out_offset, inner)
// rather than side by side in lanes: threads take whole lines, or, for a
// lone line, `inner` lets its transform use them.
template <typename LineFn>
void lines_one_by_one(const LineSet &lines, int64_t n,
                      const Parallelism &parallelism, LineFn &&line_fn) {
  const Parallelism serial;
  const Parallelism &inner = lines.count > 1 ? serial : parallelism;
  parallel_for(lines.count, 1, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 for (int64_t line = begin; line < end; ++line) {
                   int64_t in_offset, out_offset;
                   line_start(lines, line, &in_offset, &out_offset);
                   line_fn(in_offset, out_offset, inner);
                 }
               });
}

template <typename T>
void c2c_axis(const std::complex<T> *in, const std::vector<int64_t> &in_strides,
              std::complex<T> *out, const std::vector<int64_t> &out_strides,
              const std::vector<int64_t> &shape, int64_t axis, bool forward,
              const Parallelism &parallelism) {
  const LineSet lines = lines_along(shape, in_strides, out_strides, axis);
  const KernelTable<T> &k = kernels<T>();
  const int64_t n = shape[axis];
  // Long lines, or too few lines to fill the SIMD lanes: split each line
  // (or, for Bluestein, its padded transforms) into a matrix of short ones,
  // whose working set stays in cache. But strided lines of a length with a
  // split (any axis but the last) stay in lanes however long: a lane group
  // reads whole cache lines of adjacent lines, which beats splitting each
  // strided line 2-4x (axis 0 of 4096 x 256 up to 65536 x 32). A length with
  // a split never needs Bluestein, so its (large) direct plan is not built.
  const bool four_step_n = FourStepPlan<T>::split(n) > 0;
  std::shared_ptr<const C2CPlan<T>> plan;
  if (!four_step_n)
    plan = get_c2c_plan<T>(n);
  const int64_t four_step_length = four_step_n ? n : plan->bluestein_length();
  // A lane group's buffer: the lines and the plan's scratch, per lane.
  const int64_t lane_values =
      four_step_n ? 2 * n : n + static_cast<int64_t>(plan->scratch_size());
  const bool long_lines =
      static_cast<size_t>(lane_values) * k.lanes * sizeof(std::complex<T>) >
          kLaneGroupBytes &&
      (lines.in_stride == 1 || !four_step_n);
  // A Bluestein plan without a direct plan of its padded length has lines
  // too long for lanes (see C2CPlan::bluestein) and a four-step split.
  const bool lanes_impossible =
      plan && plan->bluestein_length() > 0 && !plan->bluestein();
  if ((long_lines || lines.count < k.lanes || lanes_impossible) &&
      four_step_length > 0 && FourStepPlan<T>::split(four_step_length) > 0) {
    const auto four_step = get_four_step_plan<T>(four_step_length);
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism &inner) {
                       if (!four_step_n) {
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
  if (!plan)
    plan = get_c2c_plan<T>(n);
  if (plan->bluestein_length() > 0 && !plan->bluestein()) {
    throw std::logic_error("c2c: a Bluestein plan without lanes in lanes");
  }
  parallel_for(lines.count, k.lanes, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 k.c2c(*plan, in, out, lines, begin, end, forward, {});
               });
}

// One contiguous complex line of length n, in place, through c2c_axis (so a
// long one gets the four-step split and the threads).
template <typename T>
void c2c_line(std::complex<T> *data, int64_t n, bool forward,
              const Parallelism &parallelism) {
  const std::vector<int64_t> shape = {1, n}, strides = {n, 1};
  c2c_axis<T>(data, strides, data, strides, shape, 1, forward, parallelism);
}

// Whether real lines go one by one through c2r_line/r2c_line rather than
// through the kernels' lanes: when they are too few to fill the lanes or too
// long for a lane group, and their complex transform (n/2 or n) has a
// four-step split, directly or for Bluestein's padded length. Otherwise a
// lone long line would run on scalar code.
template <typename T>
bool real_lines_one_by_one(const RealPlan<T> &plan, int64_t count) {
  const C2CPlan<T> &complex_plan = plan.complex_plan();
  const int64_t length = complex_plan.length();
  const int64_t four_step_length = complex_plan.bluestein_length() > 0
                                       ? complex_plan.bluestein_length()
                                       : length;
  if (FourStepPlan<T>::split(four_step_length) == 0)
    return false;
  if (complex_plan.bluestein_length() > 0 && !complex_plan.bluestein()) {
    return true; // too long for lanes (see C2CPlan::bluestein)
  }
  const int64_t lanes = kernels<T>().lanes;
  const size_t lane_group_bytes =
      static_cast<size_t>(length + complex_plan.scratch_size()) * lanes *
      sizeof(std::complex<T>);
  return count < lanes || lane_group_bytes > kLaneGroupBytes;
}

// r2c of one line of length n (the kernels' r2c_transform, with the complex
// transform by c2c_line): even n = 2h transforms z_j = x_2j + i x_2j+1 and
// splits the spectra of the even and odd samples; odd n transforms x + 0i.
template <typename T>
void r2c_line(const RealPlan<T> &plan, const T *in, int64_t in_stride,
              std::complex<T> *out, int64_t out_stride,
              const Parallelism &parallelism) {
  using C = std::complex<T>;
  const int64_t n = plan.length();
  if (n % 2 == 1) {
    ScratchArray<C> z(n);
    for (int64_t j = 0; j < n; ++j)
      z[j] = C(in[j * in_stride], T(0));
    c2c_line(z.get(), n, true, parallelism);
    for (int64_t k = 0; 2 * k <= n; ++k)
      out[k * out_stride] = z[k];
    return;
  }
  const int64_t half = n / 2;
  ScratchArray<C> z(half);
  for (int64_t j = 0; j < half; ++j) {
    z[j] = C(in[2 * j * in_stride], in[(2 * j + 1) * in_stride]);
  }
  c2c_line(z.get(), half, true, parallelism);
  out[0] = C(z[0].real() + z[0].imag(), T(0));
  out[half * out_stride] = C(z[0].real() - z[0].imag(), T(0));
  const C *w = plan.twiddles();
  for (int64_t k = 1; 2 * k <= half; ++k) {
    const T ar = z[k].real(), ai = z[k].imag();
    const T br = z[half - k].real(), bi = -z[half - k].imag();
    const T even_r = T(0.5) * (ar + br), even_i = T(0.5) * (ai + bi);
    // odd = (a - b) / (2i), rotated by w^k
    const T odd_r = T(0.5) * (ai - bi), odd_i = T(-0.5) * (ar - br);
    const T wr = w[k].real(), wi = w[k].imag();
    const T rot_r = odd_r * wr - odd_i * wi, rot_i = odd_r * wi + odd_i * wr;
    out[k * out_stride] = C(even_r + rot_r, even_i + rot_i);
    if (2 * k != half) {
      out[(half - k) * out_stride] = C(even_r - rot_r, rot_i - even_i);
    }
  }
}

// c2r of one line (the kernels' c2r_transform, with the complex transform by
// c2c_line). Only Re of DC and Nyquist count; a packed line (even n) holds
// n/2 values with Re(Nyquist) in Im(DC). The line is read whole before
// anything is written, so `out` may overlap it (the packed path).
template <typename T>
void c2r_line(const RealPlan<T> &plan, const std::complex<T> *in,
              int64_t in_stride, bool packed, T *out, int64_t out_stride,
              const Parallelism &parallelism) {
  using C = std::complex<T>;
  const int64_t n = plan.length();
  if (n % 2 == 1) {
    ScratchArray<C> z(n);
    z[0] = C(in[0].real(), T(0));
    for (int64_t k = 1; 2 * k < n; ++k) {
      z[k] = in[k * in_stride];
      z[n - k] = std::conj(z[k]);
    }
    c2c_line(z.get(), n, false, parallelism);
    for (int64_t j = 0; j < n; ++j)
      out[j * out_stride] = z[j].real();
    return;
  }
  const int64_t half = n / 2;
  ScratchArray<C> z(half);
  const T dc = in[0].real();
  const T nyquist = packed ? in[0].imag() : in[half * in_stride].real();
  z[0] = C(dc + nyquist, dc - nyquist);
  const C *w = plan.twiddles();
  for (int64_t k = 1; k < half; ++k) {
    const C a = in[k * in_stride];
    const C b = in[(half - k) * in_stride];
    const T sr = a.real() + b.real(), si = a.imag() - b.imag(); // a + conj b
    const T dr = a.real() - b.real(), di = a.imag() + b.imag(); // a - conj b
    // i * d * conj(w^k)
    const T ir = -di, ii = dr;
    const T wr = w[k].real(), wi = -w[k].imag();
    z[k] = C(sr + ir * wr - ii * wi, si + ir * wi + ii * wr);
  }
  c2c_line(z.get(), half, false, parallelism);
  for (int64_t j = 0; j < half; ++j) {
    out[2 * j * out_stride] = z[j].real();
    out[(2 * j + 1) * out_stride] = z[j].imag();
  }
}

// The r2c along the last axis: lines one by one or in the kernels' lanes.
template <typename T>
void r2c_lines(const RealPlan<T> &plan, const T *in, const LineSet &lines,
               std::complex<T> *out, const Parallelism &parallelism) {
  const int64_t n = plan.length();
  if (real_lines_one_by_one(plan, lines.count)) {
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism &inner) {
                       r2c_line(plan, in + from, lines.in_stride, out + to,
                                lines.out_stride, inner);
                     });
    return;
  }
  const KernelTable<T> &k = kernels<T>();
  parallel_for(lines.count, k.lanes, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 k.r2c(plan, in, out, lines, begin, end);
               });
}

// The c2r along the last axis: lines one by one or in the kernels' lanes.
template <typename T>
void c2r_lines(const RealPlan<T> &plan, const std::complex<T> *in,
               const LineSet &lines, bool packed, T *out,
               const Parallelism &parallelism) {
  const int64_t n = plan.length();
  if (real_lines_one_by_one(plan, lines.count)) {
    lines_one_by_one(lines, n, parallelism,
                     [&](int64_t from, int64_t to, const Parallelism &inner) {
                       c2r_line(plan, in + from, lines.in_stride, packed,
                                out + to, lines.out_stride, inner);
                     });
    return;
  }
  const KernelTable<T> &k = kernels<T>();
  parallel_for(lines.count, k.lanes, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 k.c2r(plan, in, out, lines, begin, end, packed);
               });
}

} // namespace

void forward_line_uncached(std::complex<double> *data, int64_t length) {
  const int64_t radix = preferred_largest_radix();
  const KernelTable<double> &k = kernels<double>();
  const int64_t n1 = FourStepPlan<double>::split(length);
  if (n1 == 0) {
    const C2CPlan<double> plan(length, radix);
    LineSet line;
    line.in_stride = line.out_stride = 1;
    k.c2c(plan, data, data, line, 0, 1, true, {});
    return;
  }
  // Four-step as c2c_four_step, with the twiddles made one block of
  // kPostTwiddleBlock columns at a time instead of a table of all n (for the
  // padded length of a prime near 10^7, 320 MiB written once and dropped).
  const int64_t n2 = length / n1;
  const auto columns_plan = get_c2c_plan<double>(n1, radix);
  const auto rows_plan = get_c2c_plan<double>(n2, radix);
  const UnitRoots<double> roots(length);
  ScratchArray<std::complex<double>> matrix(length);
  ScratchArray<double> re(kPostTwiddleBlock * n1), im(kPostTwiddleBlock * n1);
  for (int64_t first = 0; first < n2; first += kPostTwiddleBlock) {
    const int64_t count = std::min(kPostTwiddleBlock, n2 - first);
    for (int64_t j = 0; j < kPostTwiddleBlock; ++j) {
      for (int64_t k1 = 0; k1 < n1; ++k1) {
        const std::complex<long double> w =
            j < count ? roots(k1 * (first + j)) : 1.0L;
        re[post_twiddle_index(k1, j, n1)] = static_cast<double>(w.real());
        im[post_twiddle_index(k1, j, n1)] = static_cast<double>(w.imag());
      }
    }
    LineSet columns; // lines first..first+count of length n1
    columns.dims = {count};
    columns.in_strides = {1};
    columns.out_strides = {1};
    columns.count = count;
    columns.in_stride = columns.out_stride = n2;
    k.c2c(*columns_plan, data + first, matrix.get() + first, columns, 0, count,
          true, PostTwiddles<double>{re.get(), im.get()});
  }
  LineSet rows; // n1 lines of length n2, written to x[k1 + n1 * k2]
  rows.dims = {n1};
  rows.in_strides = {n2};
  rows.out_strides = {1};
  rows.count = n1;
  rows.in_stride = 1;
  rows.out_stride = n1;
  k.c2c(*rows_plan, matrix.get(), data, rows, 0, n1, true, {});
}

std::vector<int64_t> row_major_strides(const std::vector<int64_t> &shape) {
  std::vector<int64_t> strides(shape.size());
  int64_t stride = 1;
  for (size_t d = shape.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= shape[d];
  }
  return strides;
}

const char *isa() { return kernels<float>().isa; }

int64_t preferred_largest_radix() {
  return current_isa().load() == Isa::kAvx512 ? 8 : 4;
}

void set_isa(const char *name) {
  const std::string choice(name);
  Isa isa;
  if (choice == "auto") {
    isa = best_isa();
  } else if (choice == "baseline") {
    isa = Isa::kBaseline;
  } else if (choice == "avx2") {
    isa = Isa::kAvx2;
  } else if (choice == "avx512") {
    isa = Isa::kAvx512;
  } else {
    throw std::invalid_argument("unknown instruction set '" + choice +
                                "' (expected auto, avx512, avx2 or baseline)");
  }
  if (!cpu_supports(isa)) {
    throw std::invalid_argument("this CPU cannot run the " + choice +
                                " kernels");
  }
  current_isa().store(isa);
}

namespace {

// When the last two axes are both transformed and one plane of them fits in
// cache, each thread takes whole planes through both transforms while the
// plane is in cache: the array goes through memory once for the two axes
// instead of twice. Returns false (having done nothing) otherwise.
template <typename T>
bool c2c_trailing_planes(const ArrayView<const std::complex<T>> &in,
                         const ArrayView<std::complex<T>> &out,
                         const std::vector<int64_t> &axes, bool forward,
                         const Parallelism &parallelism) {
  const int64_t rank = static_cast<int64_t>(in.shape.size());
  if (rank < 3)
    return false;
  const auto has = [&](int64_t axis) {
    return std::find(axes.begin(), axes.end(), axis) != axes.end();
  };
  if (!has(rank - 1) || !has(rank - 2))
    return false;
  const std::vector<int64_t> plane_shape = {in.shape[rank - 2],
                                            in.shape[rank - 1]};
  const int64_t plane_size = plane_shape[0] * plane_shape[1];
  if (plane_size * static_cast<int64_t>(sizeof(std::complex<T>)) >
      static_cast<int64_t>(kCacheBytes)) {
    return false;
  }
  const std::vector<int64_t> outer_shape(in.shape.begin(), in.shape.end() - 2);
  int64_t planes = 1;
  for (int64_t d : outer_shape)
    planes *= d;
  if (planes < 2)
    return false;
  const std::vector<int64_t> in_plane_strides = {in.strides[rank - 2],
                                                 in.strides[rank - 1]};
  const std::vector<int64_t> out_plane_strides = {out.strides[rank - 2],
                                                  out.strides[rank - 1]};
  const Parallelism serial;
  parallel_for(
      planes, 1, planes * plane_size, parallelism,
      [&](int64_t begin, int64_t end) {
        for (int64_t plane = begin; plane < end; ++plane) {
          int64_t in_offset = 0, out_offset = 0, rest = plane;
          for (int64_t d = rank - 3; d >= 0; --d) {
            const int64_t q = rest % in.shape[d];
            rest /= in.shape[d];
            in_offset += q * in.strides[d];
            out_offset += q * out.strides[d];
          }
          std::complex<T> *plane_out = out.data + out_offset;
          c2c_axis<T>(in.data + in_offset, in_plane_strides, plane_out,
                      out_plane_strides, plane_shape, 1, forward, serial);
          c2c_axis<T>(plane_out, out_plane_strides, plane_out,
                      out_plane_strides, plane_shape, 0, forward, serial);
        }
      });
  return true;
}

// Multiplies every element of a strided array by `scale` (the norm of an
// inverse or "ortho" transform), in place and in parallel, while the output
// is still warm in cache: cheaper than the separate XLA multiply into a fresh
// array it replaces (irfft2 1024^2: 2.9 -> 1.8 ms).
template <typename T>
void scale_array(T *data, const std::vector<int64_t> &shape,
                 const std::vector<int64_t> &strides, double scale,
                 const Parallelism &parallelism) {
  if (scale == 1.0 || is_empty(shape))
    return;
  const T factor = static_cast<T>(scale);
  if (strides == row_major_strides(shape)) {
    int64_t count = 1;
    for (int64_t d : shape)
      count *= d;
    parallel_for(count, 4096, count, parallelism,
                 [&](int64_t begin, int64_t end) {
                   for (int64_t i = begin; i < end; ++i)
                     data[i] *= factor;
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
  parallel_for(lines.count, 1, lines.count * n, parallelism,
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
void scale_complex(const ArrayView<std::complex<T>> &array, double scale,
                   const Parallelism &parallelism) {
  std::vector<int64_t> shape = array.shape, strides = array.strides;
  for (int64_t &stride : strides)
    stride *= 2;
  shape.push_back(2);
  strides.push_back(1);
  scale_array(reinterpret_cast<T *>(array.data), shape, strides, scale,
              parallelism);
}

template <typename T>
void c2c_unscaled(ArrayView<const std::complex<T>> in,
                  ArrayView<std::complex<T>> out,
                  const std::vector<int64_t> &axes, bool forward,
                  const Parallelism &parallelism) {
  check_layout(in.shape, in.strides, "c2c input");
  check_layout(out.shape, out.strides, "c2c output");
  if (in.shape != out.shape) {
    throw std::invalid_argument("c2c: input and output shapes differ");
  }
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (is_empty(in.shape))
    return;
  if (checked.empty()) {
    // Nothing to transform: a strided copy, as a transform of length 1.
    std::vector<int64_t> shape = in.shape, in_strides = in.strides,
                         out_strides = out.strides;
    shape.push_back(1);
    in_strides.push_back(1);
    out_strides.push_back(1);
    c2c_axis<T>(in.data, in_strides, out.data, out_strides, shape,
                static_cast<int64_t>(shape.size()) - 1, forward, parallelism);
    return;
  }
  std::vector<int64_t> remaining = checked;
  bool read_input = true;
  if (c2c_trailing_planes<T>(in, out, checked, forward, parallelism)) {
    const int64_t rank = static_cast<int64_t>(in.shape.size());
    remaining.erase(std::remove_if(remaining.begin(), remaining.end(),
                                   [&](int64_t a) { return a >= rank - 2; }),
                    remaining.end());
    read_input = false;
  }
  for (int64_t axis : remaining) {
    const std::complex<T> *src = read_input ? in.data : out.data;
    const std::vector<int64_t> &src_strides =
        read_input ? in.strides : out.strides;
    c2c_axis<T>(src, src_strides, out.data, out.strides, in.shape, axis,
                forward, parallelism);
    read_input = false;
  }
}

template <typename T>
void r2c_unscaled(ArrayView<const T> in, ArrayView<std::complex<T>> out,
                  const std::vector<int64_t> &axes,
                  const Parallelism &parallelism) {
  check_layout(in.shape, in.strides, "r2c input");
  check_layout(out.shape, out.strides, "r2c output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty())
    throw std::invalid_argument("r2c: no axes");
  const int64_t last = checked.back();
  std::vector<int64_t> expected = in.shape;
  expected[last] = in.shape[last] / 2 + 1;
  if (out.shape != expected) {
    throw std::invalid_argument("r2c: output shape does not match input");
  }
  if (in.shape[last] == 0) {
    throw std::invalid_argument("r2c: zero-length transformed axis");
  }
  if (is_empty(in.shape))
    return;

  const auto plan = get_real_plan<T>(in.shape[last]);
  r2c_lines(*plan, in.data,
            lines_along(in.shape, in.strides, out.strides, last), out.data,
            parallelism);
  for (size_t a = 0; a + 1 < checked.size(); ++a) {
    c2c_axis<T>(out.data, out.strides, out.data, out.strides, out.shape,
                checked[a], true, parallelism);
  }
}

template <typename T>
void c2r_unscaled(ArrayView<const std::complex<T>> in, ArrayView<T> out,
                  const std::vector<int64_t> &axes,
                  const Parallelism &parallelism) {
  check_layout(in.shape, in.strides, "c2r input");
  check_layout(out.shape, out.strides, "c2r output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty())
    throw std::invalid_argument("c2r: no axes");
  const int64_t last = checked.back();
  const int64_t n = out.shape[last];
  std::vector<int64_t> expected = out.shape;
  expected[last] = n / 2 + 1;
  if (in.shape != expected) {
    throw std::invalid_argument("c2r: input shape does not match output");
  }
  if (n == 0)
    throw std::invalid_argument("c2r: zero output length");
  if (is_empty(in.shape))
    return;

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
      if (static_cast<int64_t>(d) != last)
        half_strides[d] /= 2;
    }
    std::complex<T> *packed = reinterpret_cast<std::complex<T> *>(out.data);
    c2c_unscaled<T>({in.data, half_shape, in.strides},
                    {packed, half_shape, half_strides}, others, false,
                    parallelism);
    std::vector<int64_t> column_shape = in.shape;
    column_shape[last] = 1;
    const std::vector<int64_t> column_strides = row_major_strides(column_shape);
    const LineSet column =
        lines_along(column_shape, column_strides, half_strides, last);
    ScratchArray<std::complex<T>> nyquist(column.count);
    c2c_unscaled<T>(
        {in.data + half * in.strides[last], column_shape, in.strides},
        {nyquist.get(), column_shape, column_strides}, others, false,
        parallelism);
    for (int64_t line = 0; line < column.count; ++line) {
      int64_t from, to;
      line_start(column, line, &from, &to);
      packed[to] =
          std::complex<T>(packed[to].real(), nyquist.get()[from].real());
    }
    const LineSet lines =
        lines_along(in.shape, half_strides, out.strides, last);
    c2r_lines(*plan, packed, lines, true, out.data, parallelism);
    return;
  }

  // Otherwise the other axes go into a contiguous copy (the input stays
  // intact), then the c2r reads it.
  const std::complex<T> *src = in.data;
  std::vector<int64_t> src_strides = in.strides;
  std::unique_ptr<ScratchArray<std::complex<T>>> spectrum;
  if (!others.empty()) {
    size_t total = 1;
    for (int64_t d : in.shape)
      total *= static_cast<size_t>(d);
    spectrum = std::make_unique<ScratchArray<std::complex<T>>>(total);
    const std::vector<int64_t> strides = row_major_strides(in.shape);
    c2c_unscaled<T>(in, {spectrum->get(), in.shape, strides}, others, false,
                    parallelism);
    src = spectrum->get();
    src_strides = strides;
  }
  const LineSet lines = lines_along(in.shape, src_strides, out.strides, last);
  c2r_lines(*plan, src, lines, false, out.data, parallelism);
}

// The usual transform of one line, for the finite part of a line that holds
// infinities (nonfinite.h).
void double_line_transform(std::complex<double> *line, int64_t n,
                           bool forward) {
  const std::vector<int64_t> shape{n}, strides{1};
  c2c_unscaled<double>({line, shape, strides}, {line, shape, strides}, {0},
                       forward, {});
}

} // namespace

template <typename T>
void c2c(ArrayView<const std::complex<T>> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t> &axes, bool forward,
         const Parallelism &parallelism, double scale) {
  // Infinities: see nonfinite.h. The zero-frequency outputs tell after the
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
    c2c_unscaled<T>(in, out, axes, forward, parallelism);
  } else {
    c2c_unscaled<T>(in, out, axes, forward, parallelism);
    const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
    if (zero_frequency_nonfinite<T>(out.data, out.shape, out.strides,
                                    checked)) {
      c2c_nonfinite(in.data, in.strides, out.data, out.strides, in.shape,
                    checked, forward, double_line_transform);
    }
  }
  scale_complex(out, scale, parallelism);
}

template <typename T>
void r2c(ArrayView<const T> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t> &axes, const Parallelism &parallelism,
         double scale) {
  r2c_unscaled<T>(in, out, axes, parallelism);
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (zero_frequency_nonfinite<T>(out.data, out.shape, out.strides, checked)) {
    r2c_nonfinite(in.data, in.shape, in.strides, out.data, out.strides, checked,
                  double_line_transform);
  }
  scale_complex(out, scale, parallelism);
}

template <typename T>
void c2r(ArrayView<const std::complex<T>> in, ArrayView<T> out,
         const std::vector<int64_t> &axes, const Parallelism &parallelism,
         double scale) {
  c2r_unscaled<T>(in, out, axes, parallelism);
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (first_samples_nonfinite(out.data, out.shape, out.strides,
                              checked.back())) {
    c2r_nonfinite(in.data, in.shape, in.strides, out.data, out.shape,
                  out.strides, checked, double_line_transform);
  }
  scale_array(out.data, out.shape, out.strides, scale, parallelism);
}

template void c2c<float>(ArrayView<const std::complex<float>>,
                         ArrayView<std::complex<float>>,
                         const std::vector<int64_t> &, bool,
                         const Parallelism &, double);
template void c2c<double>(ArrayView<const std::complex<double>>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t> &, bool,
                          const Parallelism &, double);
template void r2c<float>(ArrayView<const float>, ArrayView<std::complex<float>>,
                         const std::vector<int64_t> &, const Parallelism &,
                         double);
template void r2c<double>(ArrayView<const double>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t> &, const Parallelism &,
                          double);
template void c2r<float>(ArrayView<const std::complex<float>>, ArrayView<float>,
                         const std::vector<int64_t> &, const Parallelism &,
                         double);
template void c2r<double>(ArrayView<const std::complex<double>>,
                          ArrayView<double>, const std::vector<int64_t> &,
                          const Parallelism &, double);

} // namespace jfft::engine

// DCT/DST types 1-4 on the public engine (r2c, c2r, c2c of blocks of
// contiguous lines). Per axis, lines go through in blocks small enough to stay
// in cache: each line is read once from the array (with the DST's sign flips
// and reversals and the `pre` factor), reordered into the FFT's input, the
// block is transformed, and each line is twiddled and written once to the
// output (with `post` and the overall scale). Per transform of length N:
//
// - DCT-II (Makhoul): v = [x[0], x[2], ..., x[3], x[1]], V = rfft_N(v),
//   z[k] = 2 exp(-i pi k / (2N)) V[k]: y[k] = Re z[k], y[N-k] = -Im z[k].
// - DCT-III, its inverse up to 2N: H[k] = exp(i pi k / (2N)) (x[k] - i
//   x[N-k]) (x[N] = 0), u = irfft_N(H) unnormalised, y[2j] = u[j],
//   y[2j+1] = u[N-1-j].
// - DCT-IV, even N = 2M: u[m] = (x[2m] + i x[N-1-2m]) exp(-i pi (4m+1) /
//   (4N)), U = fft_M(u), w[m] = 2 exp(-i pi m / N) U[m]: y[2m] = Re w[m],
//   y[N-1-2m] = -Im w[m]. Odd N: y[k] = 2 Re(exp(-i pi (2k+1) / (4N))
//   fft_2N(x[m] exp(-i pi m / (2N)))[k]), the input zero-padded to 2N.
// - DCT-I: Re rfft of the even extension (2(N-1) points); DST-I: -Im of
//   rfft of the odd extension (2(N+1) points), shifted by one.
// - DST-II(x)[k] = DCT-II((-1)^j x[j])[N-1-k], DST-III(x)[k] = (-1)^k
//   DCT-III(reversed x)[k], DST-IV(x)[k] = DCT-IV((-1)^j x[j])[N-1-k].
#include "r2r.h"

#include <algorithm>
#include <atomic>
#include <complex>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "plan_cache.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine {
namespace {

// Lines per block: about this many elements of the FFT's input, so that a
// block's buffers (input, spectrum, one line) stay in L2 between the
// reordering, the FFT and the twiddle, and a 4096-point axis still gives the
// FFT 16 lines at once (the widest kernels' lane count).
constexpr int64_t kBlockElements = 65536;

// Below this many elements per thread, threads cost more than they save (as
// the driver's kMinElementsPerThread).
constexpr int64_t kMinElementsPerThread = int64_t{1} << 15;

// The twiddle tables' key in the engine's plan cache: a kind apart from the
// FFT plans' (the enum's underlying type is int, so any int is a value).
constexpr int kR2RTablesKind = 16;

// Which table set a transform of (kind, type, n) uses.
enum TableFamily : int64_t {
  kHalfShift = 1,     // DCT/DST-II and -III: exp(-i pi k / (2N))
  kQuarterShiftEven,  // type IV, even N
  kQuarterShiftOdd,   // type IV, odd N
};

// The twiddles of one (family, length, precision), cached beside the FFT
// plans (bounded and cleared with them).
template <typename T>
class R2RTables {
 public:
  using Complex = std::complex<T>;

  // `family` comes in the cache's largest-radix slot.
  R2RTables(int64_t n, int64_t family) {
    if (family == kHalfShift) {
      const UnitRoots<T> roots(4 * n);  // exp(-2 pi i r / 4N)
      first_.resize(n / 2 + 1);
      for (int64_t k = 0; k <= n / 2; ++k) first_[k] = rounded<T>(roots(k));
      return;
    }
    const UnitRoots<T> roots(8 * n);  // exp(-2 pi i r / 8N)
    if (family == kQuarterShiftEven) {
      const int64_t half = n / 2;
      first_.resize(half);
      second_.resize(half);
      for (int64_t m = 0; m < half; ++m) {
        first_[m] = rounded<T>(roots(4 * m + 1));
        second_[m] = T(2) * rounded<T>(roots(4 * m));
      }
      return;
    }
    first_.resize(n);
    second_.resize(n);
    for (int64_t m = 0; m < n; ++m) {
      first_[m] = rounded<T>(roots(2 * m));
      second_[m] = T(2) * rounded<T>(roots(2 * m + 1));
    }
  }

  size_t bytes() const {
    return sizeof(*this) + (first_.size() + second_.size()) * sizeof(Complex);
  }
  const Complex* first() const { return first_.data(); }
  const Complex* second() const { return second_.data(); }

 private:
  std::vector<Complex> first_, second_;
};

template <typename T>
std::shared_ptr<const R2RTables<T>> get_tables(int64_t n, TableFamily family) {
  return plan_cache().get<R2RTables<T>>(static_cast<PlanKind>(kR2RTablesKind),
                                        sizeof(T), n, family);
}

// Runs body(begin, end) over [0, count) on up to parallelism.threads threads,
// the caller included, in chunks; waits for all and rethrows the first
// exception.
template <typename Body>
void parallel_for(int64_t count, int64_t work, const Parallelism& parallelism,
                  Body&& body) {
  int64_t threads = std::min<int64_t>(parallelism.threads, count);
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
  const int64_t per_chunk = (count + chunks - 1) / chunks;
  // A task scheduled too late finds no chunk left and never touches `body`.
  auto work_loop = [state, chunks, per_chunk, count, &body]() {
    while (true) {
      const int64_t chunk = state->next.fetch_add(1);
      if (chunk >= chunks) return;
      const int64_t begin = std::min(count, chunk * per_chunk);
      const int64_t end = std::min(count, begin + per_chunk);
      std::exception_ptr error;
      try {
        if (begin < end) body(begin, end);
      } catch (...) {
        error = std::current_exception();
      }
      std::lock_guard<std::mutex> lock(state->mutex);
      if (error && !state->error) state->error = error;
      if (++state->done == chunks) state->finished.notify_all();
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
  for (auto& thread : own_threads) thread.join();
  if (state->error) std::rethrow_exception(state->error);
}

// The lines along one axis: line l's offsets in source and destination.
struct Lines {
  std::vector<int64_t> dims, src_strides, dst_strides;
  int64_t count = 1;
  int64_t src_stride = 0, dst_stride = 0;

  Lines(const std::vector<int64_t>& shape, const std::vector<int64_t>& src,
        const std::vector<int64_t>& dst, size_t axis) {
    for (size_t d = 0; d < shape.size(); ++d) {
      if (d == axis) continue;
      dims.push_back(shape[d]);
      src_strides.push_back(src[d]);
      dst_strides.push_back(dst[d]);
      count *= shape[d];
    }
    src_stride = src[axis];
    dst_stride = dst[axis];
  }

  void start(int64_t line, int64_t* src_offset, int64_t* dst_offset) const {
    int64_t s = 0, t = 0;
    for (size_t d = dims.size(); d-- > 0;) {
      const int64_t q = line % dims[d];
      line /= dims[d];
      s += q * src_strides[d];
      t += q * dst_strides[d];
    }
    *src_offset = s;
    *dst_offset = t;
  }
};

// a * b on plain floats (std::complex's operator* checks for NaNs and stays
// scalar).
template <typename T>
inline std::complex<T> times(std::complex<T> a, std::complex<T> b) {
  return {a.real() * b.real() - a.imag() * b.imag(),
          a.real() * b.imag() + a.imag() * b.real()};
}

// One axis's transform: its shape of work and the per-line steps around the
// block FFT. `v` is a line in the DCT's own order (the DST mapping applied).
template <typename T>
class AxisTransform {
 public:
  using Complex = std::complex<T>;

  AxisTransform(R2RKind kind, int type, int64_t n) : type_(type), n_(n) {
    dst1_ = kind == R2RKind::kDst && type == 1;
    if (kind == R2RKind::kDst && type != 1) {
      alternate_in_ = type == 2 || type == 4;
      reverse_in_ = type == 3;
      reverse_out_ = type == 2 || type == 4;
      alternate_out_ = type == 3;
    }
    switch (type) {
      case 1:
        fft_length_ = dst1_ ? 2 * (n + 1) : 2 * (n - 1);
        fft_ = Fft::kR2C;
        break;
      case 2:
        fft_length_ = n;
        fft_ = Fft::kR2C;
        tables_ = get_tables<T>(n, kHalfShift);
        break;
      case 3:
        fft_length_ = n;
        fft_ = Fft::kC2R;
        tables_ = get_tables<T>(n, kHalfShift);
        break;
      default:
        fft_length_ = n % 2 == 0 ? n / 2 : 2 * n;
        fft_ = Fft::kC2C;
        tables_ =
            get_tables<T>(n, n % 2 == 0 ? kQuarterShiftEven : kQuarterShiftOdd);
        break;
    }
    const int64_t half = fft_length_ / 2 + 1;
    switch (fft_) {
      case Fft::kR2C:  // real in, half spectrum out
        in_size_ = fft_length_;
        out_size_ = 2 * half;
        break;
      case Fft::kC2R:
        in_size_ = 2 * half;
        out_size_ = fft_length_;
        break;
      case Fft::kC2C:  // in place
        in_size_ = 2 * fft_length_;
        out_size_ = 0;
        break;
    }
  }

  int64_t fft_length() const { return fft_length_; }
  // Reals per line of the FFT's input and (apart from it) output buffers.
  int64_t in_size() const { return in_size_; }
  int64_t out_size() const { return out_size_; }

  // Reads a strided line into v (the DST's signs and reversal, `pre` at the
  // ends).
  void load(const T* x, int64_t stride, T pre, T* v) const {
    const int64_t n = n_;
    if (reverse_in_) {
      for (int64_t j = 0; j < n; ++j) v[j] = x[(n - 1 - j) * stride];
    } else if (stride == 1) {
      std::copy(x, x + n, v);
    } else {
      for (int64_t j = 0; j < n; ++j) v[j] = x[j * stride];
    }
    if (alternate_in_) {
      for (int64_t j = 1; j < n; j += 2) v[j] = -v[j];
    }
    if (pre != T(1)) {
      v[0] *= pre;
      if (type_ == 1 && !dst1_) v[n - 1] *= pre;
    }
  }

  // Whether load() would only copy (no DST mapping, no end factor), so that
  // reorder() can read the line where it lies; and store() likewise.
  bool direct_in(T pre) const {
    return !reverse_in_ && !alternate_in_ && pre == T(1);
  }
  bool direct_out(T post) const {
    return !reverse_out_ && !alternate_out_ && post == T(1);
  }

  // Writes v (post at the ends) to a strided line.
  void store(T* v, T post, T* y, int64_t stride) const {
    const int64_t n = n_;
    if (post != T(1)) {
      v[0] *= post;
      if (type_ == 1 && !dst1_) v[n - 1] *= post;
    }
    if (alternate_out_) {
      for (int64_t j = 1; j < n; j += 2) v[j] = -v[j];
    }
    if (reverse_out_) {
      for (int64_t k = 0; k < n; ++k) y[(n - 1 - k) * stride] = v[k];
    } else if (stride == 1) {
      std::copy(v, v + n, y);
    } else {
      for (int64_t k = 0; k < n; ++k) y[k * stride] = v[k];
    }
  }

  // v -> the FFT's input line.
  void reorder(const T* v, T* in) const {
    const int64_t n = n_;
    switch (type_) {
      case 1: {
        const int64_t length = fft_length_;
        if (dst1_) {
          in[0] = T(0);
          in[n + 1] = T(0);
          for (int64_t j = 0; j < n; ++j) {
            in[j + 1] = v[j];
            in[length - 1 - j] = -v[j];
          }
        } else {
          std::copy(v, v + n, in);
          for (int64_t j = 1; j + 1 < n; ++j) in[length - j] = v[j];
        }
        return;
      }
      case 2: {
        const int64_t even = (n + 1) / 2;
        for (int64_t j = 0; j < even; ++j) in[j] = v[2 * j];
        for (int64_t j = 0; j < n / 2; ++j) in[n - 1 - j] = v[2 * j + 1];
        return;
      }
      case 3: {
        Complex* h = reinterpret_cast<Complex*>(in);
        const Complex* w = tables_->first();
        h[0] = {v[0], T(0)};
        for (int64_t k = 1; k <= n / 2; ++k) {
          h[k] = times(std::conj(w[k]), Complex(v[k], -v[n - k]));
        }
        return;
      }
      default: {
        Complex* u = reinterpret_cast<Complex*>(in);
        const Complex* pre = tables_->first();
        if (n % 2 == 0) {
          for (int64_t m = 0; m < n / 2; ++m) {
            u[m] = times(pre[m], Complex(v[2 * m], v[n - 1 - 2 * m]));
          }
        } else {
          for (int64_t m = 0; m < n; ++m) {
            u[m] = {pre[m].real() * v[m], pre[m].imag() * v[m]};
          }
          std::fill(u + n, u + 2 * n, Complex(0, 0));
        }
        return;
      }
    }
  }

  // The FFT's output line -> v, times scale.
  void twiddle(const T* out, T scale, T* v) const {
    const int64_t n = n_;
    switch (type_) {
      case 1: {
        const Complex* r = reinterpret_cast<const Complex*>(out);
        if (dst1_) {
          for (int64_t k = 0; k < n; ++k) v[k] = -scale * r[k + 1].imag();
        } else {
          for (int64_t k = 0; k < n; ++k) v[k] = scale * r[k].real();
        }
        return;
      }
      case 2: {
        const Complex* r = reinterpret_cast<const Complex*>(out);
        const Complex* w = tables_->first();
        const T twice = T(2) * scale;
        v[0] = twice * r[0].real();
        for (int64_t k = 1; k <= n / 2; ++k) {
          const Complex z = times(w[k], r[k]);
          v[k] = twice * z.real();
          if (k < n - k) v[n - k] = -twice * z.imag();
        }
        return;
      }
      case 3: {
        for (int64_t j = 0; j < (n + 1) / 2; ++j) v[2 * j] = scale * out[j];
        for (int64_t j = 0; j < n / 2; ++j) {
          v[2 * j + 1] = scale * out[n - 1 - j];
        }
        return;
      }
      default: {
        const Complex* u = reinterpret_cast<const Complex*>(out);
        const Complex* post = tables_->second();
        if (n % 2 == 0) {
          for (int64_t m = 0; m < n / 2; ++m) {
            const Complex z = times(post[m], u[m]);
            v[2 * m] = scale * z.real();
            v[n - 1 - 2 * m] = -scale * z.imag();
          }
        } else {
          for (int64_t k = 0; k < n; ++k) {
            v[k] = scale * (post[k].real() * u[k].real() -
                            post[k].imag() * u[k].imag());
          }
        }
        return;
      }
    }
  }

  // The FFT of `lines` lines, `in_pitch` and `out_pitch` reals apart (even
  // counts): in -> out (C2C: in place in `in`).
  void transform(T* in, int64_t in_pitch, T* out, int64_t out_pitch,
                 int64_t lines, const Parallelism& parallelism) const {
    const int64_t length = fft_length_, half = length / 2 + 1;
    const std::vector<int64_t> axes = {1};
    switch (fft_) {
      case Fft::kR2C:
        r2c<T>({in, {lines, length}, {in_pitch, 1}},
               {reinterpret_cast<Complex*>(out),
                {lines, half},
                {out_pitch / 2, 1}},
               axes, parallelism);
        return;
      case Fft::kC2R:
        c2r<T>({reinterpret_cast<const Complex*>(in),
                {lines, half},
                {in_pitch / 2, 1}},
               {out, {lines, length}, {out_pitch, 1}}, axes, parallelism);
        return;
      case Fft::kC2C: {
        Complex* data = reinterpret_cast<Complex*>(in);
        c2c<T>({data, {lines, length}, {in_pitch / 2, 1}},
               {data, {lines, length}, {in_pitch / 2, 1}}, axes, true,
               parallelism);
        return;
      }
    }
  }

 private:
  enum class Fft { kR2C, kC2R, kC2C };
  int type_;
  int64_t n_;
  bool dst1_ = false;
  bool alternate_in_ = false, reverse_in_ = false;
  bool alternate_out_ = false, reverse_out_ = false;
  int64_t fft_length_ = 0;
  Fft fft_ = Fft::kR2C;
  int64_t in_size_ = 0, out_size_ = 0;
  std::shared_ptr<const R2RTables<T>> tables_;
};

// Elements from one line's start to the next's in the block buffers: whole
// cache lines, an odd number of them, so that the lines of a block (often
// powers of two long) do not all fall into the same few cache sets when a
// block is walked across its lines (the strided staging, the FFT's lanes).
template <typename T>
int64_t line_pitch(int64_t size) {
  constexpr int64_t kPerCacheLine = 64 / sizeof(T);
  if (size == 0) return 0;
  int64_t cache_lines = (size + kPerCacheLine - 1) / kPerCacheLine;
  if (cache_lines % 2 == 0) ++cache_lines;
  return cache_lines * kPerCacheLine;
}

template <typename T>
void r2r_axis(const T* src, const std::vector<int64_t>& src_strides, T* dst,
              const std::vector<int64_t>& dst_strides,
              const std::vector<int64_t>& shape, size_t axis, R2RKind kind,
              int type, T pre, T post, T scale,
              const Parallelism& parallelism) {
  const int64_t n = shape[axis];
  const AxisTransform<T> transform(kind, type, n);
  const Lines lines(shape, src_strides, dst_strides, axis);
  const int64_t per_block = std::max<int64_t>(
      1, std::min<int64_t>(
             lines.count,
             kBlockElements / std::max<int64_t>(1, transform.fft_length())));
  const int64_t blocks = (lines.count + per_block - 1) / per_block;
  // A lone block (one long line, say) lets its FFT use the threads instead.
  const Parallelism serial;
  const Parallelism& inner = blocks == 1 ? parallelism : serial;
  const Parallelism& outer = blocks == 1 ? serial : parallelism;
  // Whole cache lines per buffer, so that the blocks' lines do not share
  // them across the buffers.
  const int64_t in_pitch = line_pitch<T>(transform.in_size());
  const int64_t out_pitch = line_pitch<T>(transform.out_size());
  const int64_t in_block = per_block * in_pitch;
  const int64_t out_block = per_block * out_pitch;
  // Lines with a stride along the axis are read and written a block at a
  // time, element j of every line in turn: neighbouring lines usually share
  // cache lines, which line by line would be fetched n times each (2-D
  // 512^2 axis 0: 2-4x slower than the FFT-based JAX composition).
  const bool strided_src = lines.src_stride != 1;
  const bool strided_dst = lines.dst_stride != 1;
  const bool direct_in = transform.direct_in(pre);
  const bool direct_out = transform.direct_out(post);
  const int64_t staging_pitch = line_pitch<T>(n);
  const int64_t staging_size =
      strided_src || strided_dst ? per_block * staging_pitch : 0;
  parallel_for(blocks, lines.count * n, outer, [&](int64_t begin, int64_t end) {
    ScratchArray<T> buffer(
        static_cast<size_t>(in_block + out_block + staging_size + n));
    T* in = buffer.get();
    T* out = out_pitch ? in + in_block : in;
    T* staging = in + in_block + out_block;
    T* v = staging + staging_size;
    std::vector<int64_t> src_offsets(per_block), dst_offsets(per_block);
    const int64_t src_stride = lines.src_stride, dst_stride = lines.dst_stride;
    for (int64_t block = begin; block < end; ++block) {
      const int64_t first = block * per_block;
      const int64_t count = std::min(per_block, lines.count - first);
      for (int64_t b = 0; b < count; ++b) {
        lines.start(first + b, &src_offsets[b], &dst_offsets[b]);
      }
      if (strided_src) {
        for (int64_t j = 0; j < n; ++j) {
          const T* column = src + j * src_stride;
          for (int64_t b = 0; b < count; ++b) {
            staging[b * staging_pitch + j] = column[src_offsets[b]];
          }
        }
      }
      for (int64_t b = 0; b < count; ++b) {
        const T* line =
            strided_src ? staging + b * staging_pitch : src + src_offsets[b];
        if (!direct_in) {
          transform.load(line, 1, pre, v);
          line = v;
        }
        transform.reorder(line, in + b * in_pitch);
      }
      const int64_t out_step = out_pitch ? out_pitch : in_pitch;
      transform.transform(in, in_pitch, out, out_step, count, inner);
      for (int64_t b = 0; b < count; ++b) {
        T* line =
            strided_dst ? staging + b * staging_pitch : dst + dst_offsets[b];
        if (direct_out) {
          transform.twiddle(out + b * out_step, scale, line);
        } else {
          transform.twiddle(out + b * out_step, scale, v);
          transform.store(v, post, line, 1);
        }
      }
      if (strided_dst) {
        for (int64_t j = 0; j < n; ++j) {
          T* column = dst + j * dst_stride;
          for (int64_t b = 0; b < count; ++b) {
            column[dst_offsets[b]] = staging[b * staging_pitch + j];
          }
        }
      }
    }
  });
}

// out = scale * in, element by element (no axes to transform).
template <typename T>
void scaled_copy(const ArrayView<const T>& in, const ArrayView<T>& out,
                 T scale) {
  if (in.shape.empty()) {
    out.data[0] = scale * in.data[0];
    return;
  }
  const size_t last = in.shape.size() - 1;
  const Lines lines(in.shape, in.strides, out.strides, last);
  const int64_t n = in.shape[last];
  for (int64_t line = 0; line < lines.count; ++line) {
    int64_t s, t;
    lines.start(line, &s, &t);
    for (int64_t j = 0; j < n; ++j) {
      out.data[t + j * lines.dst_stride] =
          scale * in.data[s + j * lines.src_stride];
    }
  }
}

void check_view(const std::vector<int64_t>& shape,
                const std::vector<int64_t>& strides, const char* name) {
  if (shape.size() != strides.size()) {
    throw std::invalid_argument(std::string("r2r: ") + name +
                                " strides and shape differ in rank");
  }
  for (int64_t d : shape) {
    if (d < 0) throw std::invalid_argument(std::string("r2r: bad ") + name);
  }
}

}  // namespace

template <typename T>
void r2r(ArrayView<const T> in, ArrayView<T> out,
         const std::vector<int64_t>& axes, R2RKind kind, int type, double pre,
         double post, const Parallelism& parallelism, double scale) {
  check_view(in.shape, in.strides, "input");
  check_view(out.shape, out.strides, "output");
  if (in.shape != out.shape) {
    throw std::invalid_argument("r2r: input and output shapes differ");
  }
  if (kind != R2RKind::kDct && kind != R2RKind::kDst) {
    throw std::invalid_argument("r2r: kind must be DCT or DST");
  }
  if (type < 1 || type > 4) {
    throw std::invalid_argument("r2r: type " + std::to_string(type) +
                                " is not 1, 2, 3 or 4");
  }
  const bool dct1 = kind == R2RKind::kDct && type == 1;
  if (pre != 1.0 && !(dct1 || type == 3)) {
    throw std::invalid_argument("r2r: this type takes no input end factor");
  }
  if (post != 1.0 && !(dct1 || type == 2)) {
    throw std::invalid_argument("r2r: this type takes no output end factor");
  }
  const size_t rank = in.shape.size();
  std::vector<size_t> checked;
  for (int64_t axis : axes) {
    const int64_t a = axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
    if (a < 0 || a >= static_cast<int64_t>(rank)) {
      throw std::invalid_argument("r2r: axis " + std::to_string(axis) +
                                  " out of range for rank " +
                                  std::to_string(rank));
    }
    if (std::find(checked.begin(), checked.end(), static_cast<size_t>(a)) !=
        checked.end()) {
      throw std::invalid_argument("r2r: axis " + std::to_string(axis) +
                                  " repeated");
    }
    checked.push_back(static_cast<size_t>(a));
  }
  const bool empty = std::any_of(in.shape.begin(), in.shape.end(),
                                 [](int64_t d) { return d == 0; });
  if (empty) return;
  if (dct1) {
    for (size_t a : checked) {
      if (in.shape[a] < 2) {
        throw std::invalid_argument("r2r: DCT-I needs a length >= 2, got " +
                                    std::to_string(in.shape[a]));
      }
    }
  }
  if (checked.empty()) {
    scaled_copy<T>(in, out, static_cast<T>(scale));
    return;
  }
  for (size_t i = 0; i < checked.size(); ++i) {
    const bool first = i == 0, last = i + 1 == checked.size();
    r2r_axis<T>(first ? in.data : out.data, first ? in.strides : out.strides,
                out.data, out.strides, in.shape, checked[i], kind, type,
                static_cast<T>(pre), static_cast<T>(post),
                static_cast<T>(last ? scale : 1.0), parallelism);
  }
}

template void r2r<float>(ArrayView<const float>, ArrayView<float>,
                         const std::vector<int64_t>&, R2RKind, int, double,
                         double, const Parallelism&, double);
template void r2r<double>(ArrayView<const double>, ArrayView<double>,
                          const std::vector<int64_t>&, R2RKind, int, double,
                          double, const Parallelism&, double);

}  // namespace jfft::engine

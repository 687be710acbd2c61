#include "passes.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace jfft::cuda {
namespace {

// cuFFT plans take at most this many transformed axes.
constexpr int kMaxPlanRank = 3;

int64_t Product(const std::vector<int64_t>& v, size_t begin, size_t end) {
  int64_t p = 1;
  for (size_t i = begin; i < end; ++i) p *= v[i];
  return p;
}

std::string ShapeString(const std::vector<int64_t>& dims) {
  std::string s = "(";
  for (size_t i = 0; i < dims.size(); ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(dims[i]);
  }
  return s + ")";
}

// The array after dropping every axis of length 1: such axes do not change
// the memory layout, and a length-1 DFT is the identity, so they only cost
// plan ranks and loop iterations.
struct Squeezed {
  std::vector<int64_t> logical;   // transform length (real length at `last`)
  std::vector<int64_t> complex;   // length in the complex array(s)
  std::vector<bool> transformed;  // axis is transformed
  int last = -1;                  // the halved axis of r2c/c2r, if kept
};

// A plan over the consecutive axes [a, b] of arrays shaped `in` and `out`
// (equal outside the block), everything else batched.
FftGeometry Block(Kind kind, bool forward, size_t a, size_t b,
                  const std::vector<int64_t>& logical,
                  const std::vector<int64_t>& in,
                  const std::vector<int64_t>& out) {
  FftGeometry g;
  g.kind = kind;
  g.forward = forward;
  g.rank = static_cast<int>(b - a + 1);
  for (int j = 0; j < g.rank; ++j) {
    g.n[j] = logical[a + j];
    g.inembed[j] = in[a + j];
    g.onembed[j] = out[a + j];
  }
  const int64_t outer = Product(in, 0, a);
  const int64_t inner = Product(in, b + 1, in.size());
  const int64_t in_block = Product(in, a, b + 1) * inner;
  const int64_t out_block = Product(out, a, b + 1) * inner;
  g.istride = g.ostride = inner;
  if (outer >= inner) {
    // Batch over the outer axes, loop over the inner offsets.
    g.batch = outer;
    g.idist = in_block;
    g.odist = out_block;
    g.loops = inner;
    g.in_step = g.out_step = 1;
  } else {
    // Batch over the interleaved inner lines, loop over the outer blocks.
    g.batch = inner;
    g.idist = g.odist = 1;
    g.loops = outer;
    g.in_step = in_block;
    g.out_step = out_block;
  }
  return g;
}

// Splits sorted axis indices into blocks of consecutive axes, at most
// kMaxPlanRank each (taken from the innermost end of each run).
std::vector<std::pair<size_t, size_t>> Blocks(const std::vector<size_t>& axes) {
  std::vector<std::pair<size_t, size_t>> blocks;
  size_t i = axes.size();
  while (i > 0) {
    const size_t b = axes[--i];
    size_t a = b;
    while (i > 0 && axes[i - 1] + 1 == a && b - axes[i - 1] < kMaxPlanRank) {
      a = axes[--i];
    }
    blocks.emplace_back(a, b);
  }
  return blocks;
}

Pass FftPass(const FftGeometry& g, Buffer src, Buffer dst) {
  Pass p;
  p.op = Op::kFft;
  p.src = src;
  p.dst = dst;
  p.fft = g;
  return p;
}

Pass ElementwisePass(Op op, Buffer src, Buffer dst, int64_t count) {
  Pass p;
  p.op = op;
  p.src = src;
  p.dst = dst;
  p.count = count;
  return p;
}

// Complex-to-complex passes over `blocks` of the complex array `dims`: the
// first reads `src`, the rest work in place in `dst` (cuFFT's C2C never
// writes its input when out of place).
void AddC2C(const std::vector<std::pair<size_t, size_t>>& blocks, bool forward,
            const Squeezed& sq, Buffer src, Buffer dst, Schedule* schedule) {
  for (const auto& [a, b] : blocks) {
    schedule->passes.push_back(FftPass(
        Block(Kind::kC2C, forward, a, b, sq.logical, sq.complex, sq.complex),
        src, dst));
    src = dst;
  }
}

}  // namespace

Schedule MakeSchedule(const Problem& problem) {
  const std::vector<int64_t>& in = problem.in_dims;
  const std::vector<int64_t>& out = problem.out_dims;
  const size_t rank = in.size();
  if (out.size() != rank) {
    throw std::invalid_argument("input rank " + std::to_string(rank) +
                                " != output rank " +
                                std::to_string(out.size()));
  }
  if (problem.axes.empty()) throw std::invalid_argument("no axes");
  std::vector<bool> transformed(rank, false);
  std::vector<size_t> axes;
  for (int64_t axis : problem.axes) {
    const int64_t r = static_cast<int64_t>(rank);
    if (axis < -r || axis >= r) {
      throw std::invalid_argument("axis " + std::to_string(axis) +
                                  " out of range for rank " +
                                  std::to_string(rank));
    }
    const size_t a = static_cast<size_t>(axis < 0 ? axis + r : axis);
    if (transformed[a]) {
      throw std::invalid_argument("repeated axis " + std::to_string(axis));
    }
    transformed[a] = true;
    axes.push_back(a);
  }
  const size_t last = axes.back();

  // Shapes: equal except along the halved axis of r2c/c2r.
  std::vector<int64_t> logical = in;
  for (size_t d = 0; d < rank; ++d) {
    bool ok = in[d] >= 0 && in[d] == out[d];
    if (problem.kind == Kind::kR2C && d == last) {
      ok = in[d] >= 1 && out[d] == in[d] / 2 + 1;
    } else if (problem.kind == Kind::kC2R && d == last) {
      ok = out[d] >= 1 && in[d] == out[d] / 2 + 1;
      logical[d] = out[d];
    }
    if (!ok) {
      throw std::invalid_argument("shapes " + ShapeString(in) + " -> " +
                                  ShapeString(out) + " do not fit axes");
    }
    if (transformed[d] && logical[d] < 1) {
      throw std::invalid_argument("transformed axis " + std::to_string(d) +
                                  " has length 0");
    }
  }

  Schedule schedule;
  if (Product(in, 0, rank) == 0 || Product(out, 0, rank) == 0) {
    return schedule;  // an empty array: nothing to compute
  }

  Squeezed sq;
  for (size_t d = 0; d < rank; ++d) {
    if (logical[d] == 1) continue;
    if (problem.kind != Kind::kC2C && d == last) {
      sq.last = static_cast<int>(sq.logical.size());
      sq.complex.push_back(logical[d] / 2 + 1);
    } else {
      sq.complex.push_back(logical[d]);
    }
    sq.logical.push_back(logical[d]);
    sq.transformed.push_back(transformed[d]);
  }
  const size_t sq_rank = sq.logical.size();
  const int64_t complex_count = Product(sq.complex, 0, sq_rank);
  const int64_t real_count = Product(sq.logical, 0, sq_rank);

  // The complex-to-complex axes, and for r2c the consecutive ones that the
  // real-to-complex plan takes with the halved axis.
  std::vector<size_t> c2c_axes;
  size_t r2c_first = sq.last >= 0 ? static_cast<size_t>(sq.last) : 0;
  if (problem.kind == Kind::kR2C && sq.last >= 0) {
    while (r2c_first > 0 && sq.transformed[r2c_first - 1] &&
           static_cast<size_t>(sq.last) - (r2c_first - 1) < kMaxPlanRank) {
      --r2c_first;
    }
  }
  for (size_t d = 0; d < sq_rank; ++d) {
    if (!sq.transformed[d]) continue;
    if (sq.last >= 0 && d >= r2c_first && d <= static_cast<size_t>(sq.last)) {
      continue;
    }
    c2c_axes.push_back(d);
  }
  const auto blocks = Blocks(c2c_axes);

  switch (problem.kind) {
    case Kind::kC2C:
      if (blocks.empty()) {
        schedule.passes.push_back(ElementwisePass(
            Op::kCopy, Buffer::kInput, Buffer::kOutput, complex_count));
      }
      AddC2C(blocks, problem.forward, sq, Buffer::kInput, Buffer::kOutput,
             &schedule);
      break;

    case Kind::kR2C:
      // numpy's rfftn: the real transform along the halved axis (here with
      // up to two axes before it in the same plan, which is the same thing),
      // then complex transforms of the rest.
      if (sq.last >= 0) {
        schedule.passes.push_back(
            FftPass(Block(Kind::kR2C, true, r2c_first, sq.last, sq.logical,
                          sq.logical, sq.complex),
                    Buffer::kInput, Buffer::kOutput));
      } else {
        schedule.passes.push_back(ElementwisePass(
            Op::kRealToComplex, Buffer::kInput, Buffer::kOutput, real_count));
      }
      AddC2C(blocks, true, sq, Buffer::kOutput, Buffer::kOutput, &schedule);
      break;

    case Kind::kC2R:
      // numpy's irfftn: inverse complex transforms of the other axes, then a
      // one-dimensional c2r along the halved axis that ignores Im(DC) and,
      // for even lengths, Im(Nyquist). cuFFT's C2R leaves those cases
      // undefined (and a multi-axis C2R would treat the DC/Nyquist planes
      // as Hermitian), so the other axes go first in scratch, the ignored
      // parts are zeroed there, and a one-axis C2R (which may overwrite its
      // input: scratch, never the caller's buffer) writes the output.
      schedule.scratch_elements = complex_count;
      if (blocks.empty()) {
        schedule.passes.push_back(ElementwisePass(
            Op::kCopy, Buffer::kInput, Buffer::kScratch, complex_count));
      }
      AddC2C(blocks, false, sq, Buffer::kInput, Buffer::kScratch, &schedule);
      if (sq.last >= 0) {
        const size_t l = static_cast<size_t>(sq.last);
        Pass zero;
        zero.op = Op::kZeroImag;
        zero.src = zero.dst = Buffer::kScratch;
        zero.outer = Product(sq.complex, 0, l);
        zero.length = sq.complex[l];
        zero.inner = Product(sq.complex, l + 1, sq_rank);
        zero.zero_last = sq.logical[l] % 2 == 0;
        schedule.passes.push_back(zero);
        schedule.passes.push_back(FftPass(
            Block(Kind::kC2R, false, l, l, sq.logical, sq.complex, sq.logical),
            Buffer::kScratch, Buffer::kOutput));
      } else {
        schedule.passes.push_back(ElementwisePass(
            Op::kRealPart, Buffer::kScratch, Buffer::kOutput, real_count));
      }
      break;
  }
  return schedule;
}

}  // namespace jfft::cuda

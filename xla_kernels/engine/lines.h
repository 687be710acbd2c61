// The 1-D lines along one axis of a strided array, and where each starts.
#ifndef JFFT_ENGINE_LINES_H_
#define JFFT_ENGINE_LINES_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jfft::engine {

// Line l (0 <= l < count) is the l-th index combination (row-major) of the
// dimensions `dims`, whose strides in the input and the output are
// in_strides and out_strides; in_stride and out_stride run along the line.
struct LineSet {
  std::vector<int64_t> dims;
  std::vector<int64_t> in_strides;
  std::vector<int64_t> out_strides;
  int64_t count = 1;
  int64_t in_stride = 0;
  int64_t out_stride = 0;
};

// The kernels (compiled once per instruction set, JFFT_ISA defined) include
// line_start.inc inside their own namespace: an inline function shared with
// them could be merged by the linker into a copy built for the wrong
// instruction set.
#ifndef JFFT_ISA
#include "line_start.inc"

// The lines along `axis` of arrays with these strides (lengths of the other
// dimensions are taken from `shape`).
inline LineSet lines_along(const std::vector<int64_t>& shape,
                           const std::vector<int64_t>& in_strides,
                           const std::vector<int64_t>& out_strides,
                           int64_t axis) {
  LineSet lines;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (static_cast<int64_t>(d) == axis) continue;
    lines.dims.push_back(shape[d]);
    lines.in_strides.push_back(in_strides[d]);
    lines.out_strides.push_back(out_strides[d]);
    lines.count *= shape[d];
  }
  lines.in_stride = in_strides[axis];
  lines.out_stride = out_strides[axis];
  return lines;
}

// The index combinations of dimensions [0, end) of arrays with these
// strides, as lines of length 1: the planes of the trailing two axes when
// end = rank - 2.
inline LineSet leading_dims(const std::vector<int64_t>& shape,
                            const std::vector<int64_t>& in_strides,
                            const std::vector<int64_t>& out_strides,
                            size_t end) {
  LineSet lines;
  for (size_t d = 0; d < end; ++d) {
    lines.dims.push_back(shape[d]);
    lines.in_strides.push_back(in_strides[d]);
    lines.out_strides.push_back(out_strides[d]);
    lines.count *= shape[d];
  }
  return lines;
}
#endif

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_LINES_H_

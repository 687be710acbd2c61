// Scratch memory for transforms, reused across calls.
//
// Fresh memory is expensive: a large block comes from mmap as untouched pages,
// and faulting them in (on a virtual machine, often two levels of faults)
// can cost more than the FFT that uses them (one line of 2^16: ~1.3 ms with
// a fresh 512 KiB buffer per call, ~0.25 ms with a reused one). Blocks from
// 32 KiB up are therefore kept in a process-wide pool after use, up to
// kScratchPoolBytes in all, and handed to the next transform that fits.
// Smaller blocks come from operator new, which serves them without faults.
#ifndef JFFT_ENGINE_SCRATCH_H_
#define JFFT_ENGINE_SCRATCH_H_

#include <cstddef>

namespace jfft::engine {

// Asks the OS to back the whole 2 MiB blocks inside [data, data + bytes)
// with transparent huge pages (also declared in fft_engine.h, for the FFI
// handlers' outputs; see there).
void advise_huge_pages(void* data, size_t bytes);

// The most bytes the pool keeps between transforms.
constexpr size_t kScratchPoolBytes = size_t{64} << 20;

// A 64-byte aligned block of at least `bytes`, uninitialised; its size is
// returned in *capacity. Throws std::bad_alloc.
void* take_scratch(size_t bytes, size_t* capacity);
// Returns a block from take_scratch (with its capacity) to the pool, or
// frees it when the pool is full.
void give_back_scratch(void* block, size_t capacity);
// Frees every block the pool holds; the bytes it holds now.
void clear_scratch_pool();
size_t scratch_pool_bytes();

// `count` uninitialised values of a trivially copyable T (written before
// they are read), from the pool.
template <typename T>
class ScratchArray {
 public:
  explicit ScratchArray(size_t count)
      : data_(static_cast<T*>(take_scratch(bytes_of(count), &capacity_))) {}
  ~ScratchArray() { give_back_scratch(data_, capacity_); }
  ScratchArray(const ScratchArray&) = delete;
  ScratchArray& operator=(const ScratchArray&) = delete;

  T* data() { return data_; }
  T* get() { return data_; }
  T& operator[](size_t i) { return data_[i]; }

 private:
  static size_t bytes_of(size_t count);
  size_t capacity_ = 0;
  T* data_;
};

template <typename T>
size_t ScratchArray<T>::bytes_of(size_t count) {
  static_assert(alignof(T) <= 64, "scratch blocks are 64-byte aligned");
  if (count > static_cast<size_t>(-1) / sizeof(T))
    return static_cast<size_t>(-1);
  return count * sizeof(T);
}

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_SCRATCH_H_

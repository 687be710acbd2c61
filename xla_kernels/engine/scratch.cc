#include "scratch.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <new>
#include <utility>
#include <vector>

namespace jfft::engine {

void advise_huge_pages(void* data, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr uintptr_t kHugePage = uintptr_t{1} << 21;
  if (bytes < 2 * kHugePage) return;
  const uintptr_t begin = reinterpret_cast<uintptr_t>(data);
  const uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t last = (begin + bytes) & ~(kHugePage - 1);
  if (last > first) {
    madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
#else
  (void)data;
  (void)bytes;
#endif
}

namespace {

constexpr std::align_val_t kAlignment{64};
// Below this, operator new serves blocks from memory already mapped.
constexpr size_t kPooledBytes = size_t{32} << 10;
// Pooled blocks are rounded up to whole pages.
constexpr size_t kPage = size_t{4} << 10;

struct Block {
  void* data;
  size_t capacity;
};

class ScratchPool {
 public:
  void* take(size_t bytes, size_t* capacity) {
    if (bytes >= kPooledBytes) {
      std::lock_guard<std::mutex> lock(mutex_);
      // The smallest free block that fits, if it is not more than twice the
      // request (a huge block is left for a transform that needs it).
      auto best = free_.end();
      for (auto it = free_.begin(); it != free_.end(); ++it) {
        if (it->capacity >= bytes && it->capacity <= 2 * bytes &&
            (best == free_.end() || it->capacity < best->capacity)) {
          best = it;
        }
      }
      if (best != free_.end()) {
        const Block block = *best;
        free_.erase(best);
        held_ -= block.capacity;
        *capacity = block.capacity;
        return block.data;
      }
      if (bytes <= kScratchPoolBytes)
        bytes = (bytes + kPage - 1) / kPage * kPage;
    }
    void* data = ::operator new(bytes, kAlignment);
    advise_huge_pages(data, bytes);
    *capacity = bytes;
    return data;
  }

  void give_back(void* data, size_t capacity) {
    if (capacity >= kPooledBytes && capacity <= kScratchPoolBytes) {
      std::vector<Block> evicted;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        // The oldest blocks go first to make room.
        while (held_ + capacity > kScratchPoolBytes && !free_.empty()) {
          evicted.push_back(free_.front());
          held_ -= free_.front().capacity;
          free_.erase(free_.begin());
        }
        free_.push_back({data, capacity});
        held_ += capacity;
      }
      for (const Block& block : evicted) {
        ::operator delete(block.data, kAlignment);
      }
      return;
    }
    ::operator delete(data, kAlignment);
  }

  void clear() {
    std::vector<Block> blocks;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      blocks.swap(free_);
      held_ = 0;
    }
    for (const Block& block : blocks) ::operator delete(block.data, kAlignment);
  }

  size_t held() {
    std::lock_guard<std::mutex> lock(mutex_);
    return held_;
  }

 private:
  std::mutex mutex_;
  std::vector<Block> free_;  // oldest first
  size_t held_ = 0;
};

ScratchPool& pool() {
  static ScratchPool* pool = new ScratchPool;  // never destroyed: no exit race
  return *pool;
}

}  // namespace

void* take_scratch(size_t bytes, size_t* capacity) {
  return pool().take(bytes, capacity);
}

void give_back_scratch(void* block, size_t capacity) {
  pool().give_back(block, capacity);
}

void clear_scratch_pool() { pool().clear(); }

size_t scratch_pool_bytes() { return pool().held(); }

}  // namespace jfft::engine

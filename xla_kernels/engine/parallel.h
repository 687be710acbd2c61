// Threads for one transform: how many a loop gets (threads_for) and the
// loop itself (parallel_for), on the caller's Parallelism.
#ifndef JFFT_ENGINE_PARALLEL_H_
#define JFFT_ENGINE_PARALLEL_H_

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "cost_model.h"
#include "fft_engine.h"

namespace jfft::engine {

// The threads parallel_for(count, align, work, ...) runs on: at most
// parallelism.threads, one per `align` units of `count`, and one per
// kMinElementsPerThread elements of `work`.
inline int64_t threads_for(int64_t count, int64_t align, int64_t work,
                           const Parallelism& parallelism) {
  const int64_t blocks = (count + align - 1) / align;
  int64_t threads = std::min<int64_t>(parallelism.threads, blocks);
  threads = std::min<int64_t>(
      threads, std::max<int64_t>(1, work / kMinElementsPerThread));
  return std::max<int64_t>(1, threads);
}

// The `work` of `units` for a pass that needs `units_per_thread` of them a
// thread: units counted against kMinElementsPerThread's threshold instead.
inline int64_t work_of(int64_t units, int64_t units_per_thread) {
  return units * kMinElementsPerThread / units_per_thread;
}

// Runs body(begin, end) over [0, count) in chunks of `align` units, on
// threads_for(...) threads, the caller included. Waits for every chunk and
// rethrows the first exception.
template <typename Body>
void parallel_for(int64_t count, int64_t align, int64_t work,
                  const Parallelism& parallelism, Body&& body) {
  const int64_t threads = threads_for(count, align, work, parallelism);
  if (threads <= 1) {
    body(int64_t{0}, count);
    return;
  }
  const int64_t blocks = (count + align - 1) / align;
  struct State {
    std::atomic<int64_t> next{0};
    std::mutex mutex;
    std::condition_variable finished;
    int64_t done = 0;
    std::exception_ptr error;
  };
  auto state = std::make_shared<State>();
  const int64_t chunks = std::min(blocks, threads * kChunksPerThread);
  const int64_t per_chunk = (blocks + chunks - 1) / chunks * align;
  // A task claims chunks until none are left; one scheduled too late finds
  // none and never touches `body`, which lives on the caller's stack.
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

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_PARALLEL_H_

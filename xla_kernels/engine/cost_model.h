// The engine's cost model: every threshold that chooses an algorithm, a
// strategy or a thread count, in one place. Plans (plans.cc), the per-axis
// strategy (axis.cc), the thread splitter (parallel.h) and the n-d driver
// (driver.cc) read them here; the plan description (fft_engine.h,
// describe_c2c and plan_constants) reports them, so that tests compute their
// expectations from these values rather than from copies.
#ifndef JFFT_ENGINE_COST_MODEL_H_
#define JFFT_ENGINE_COST_MODEL_H_

#include <cstddef>
#include <cstdint>

namespace jfft::engine {

// The cost model of direct vs Bluestein plans (plans.cc's direct_cost), in
// units of one point of a radix-1 pass: a pass of radix p costs p per point.
// Measured on a 2-core AVX-512 Xeon (complex64, 2^17 points of lines in
// lanes, one thread, the fastest of 7 rounds, benchmarks/line_ratios.py):
// codelet passes (radix 7, 8, 11, 13) took 0.11-0.13 ns per point per unit
// of radix, generic ones (17, 23, 37, 59) 0.10-0.15.
//
// Bluestein is considered only for lengths whose largest prime factor is
// above this: below it Bluestein's padded length never pays (its two
// transforms of about 2p points cost more than a generic pass of p).
constexpr int64_t kBluesteinMinPrime = 32;
// A generic odd-radix pass costs this much more per radix than a radix with
// a butterfly of its own (has_butterfly in plans.h).
constexpr double kGenericRadixCostFactor = 1.1;
// A Bluestein plan runs two transforms of its padded length m, each rated
// kBluesteinTransformCost times the direct model, plus the chirp and
// spectrum products, kBluesteinPointCost per point of m. Measured, jfft /
// ducc0 in the same rounds: direct prime lines ran 6.4 ns per point for 59,
// Bluestein ones 11.1 for 79 and 15.9 for 113 where the direct pass
// extrapolates to about 8.5 and 12.2, level at 127: the two transforms of m
// cost half again what the model of m says (they run inside the line's
// buffer, through its cache misses, not as a line of their own).
constexpr double kBluesteinTransformCost = 1.5;
constexpr double kBluesteinPointCost = 6.0;
// A Bluestein pass: a large prime factor p of a composite length n, each of
// the pass's n/p butterflies a DFT of p by Bluestein's convolution of padded
// length m >= 2p - 1, in the lanes of the line's own buffer (kernels.h,
// pass_convolution). Per point of the line it costs (2
// kBluesteinPassTransformCost direct_cost(m) + kBluesteinPassPointCost m) / p
// in place of the generic pass's kGenericRadixCostFactor p. Considered for
// padded lengths below kLaneBluesteinMaxLength only, and for lines whose
// lane group stays within kLaneGroupBytes (longer ones run the whole-line
// Bluestein, split four-step). The transforms of m, short
// lines in cache, cost what the direct model says: measured with the
// factor forced (jfft alone in paired rounds, one thread, AVX-512,
// complex64 and complex128), 1.0 takes the pass over the whole-line
// Bluestein for 2 * 241, 3 * 241, 8 * 151 and 2 * 541 (0.56-0.87 of the
// time), over the generic pass for 8 * 97 (0.97), keeps the generic pass
// for 8 * 37 and 24 * 41 (the pass: 1.5-1.6x), and loses 1-10% for
// 8 * 101; 1.5 (the whole line's factor) kept all four whole-line plans.
// The point cost is the whole line's.
constexpr double kBluesteinPassTransformCost = 1.0;
constexpr double kBluesteinPassPointCost = 6.0;
// A Bluestein pass's padded length m: of the 2^a 3^b 5^c at most
// kBluesteinPassPaddedSlackPercent longer than the smallest, the one the
// direct model rates cheapest with kBluesteinPassPaddedPassCost more per
// point of each pass. Measured, lines of 1928, 3728, 1934, 3218, 2561 with
// their pass's m forced (complex64 and complex128, AVX-512, one thread,
// jfft / ducc0 in paired rounds): 500 beat 486 = 2 3^5 (0.86-0.93 vs
// 1.07-1.08; 1.11 vs 1.44 for 3728), while 480, 1944, 3240 and 400, the
// smallest, beat 486-540, 2000-2250, 3375-4000 and 405-500 (400: 0.78 vs
// 0.91-0.99); a cost per pass from 2.7 to 3.1 ranks them so, the direct
// model alone (radix p costs p) picks 486 and 405. Powers of two lose
// (512: 1.31-1.35 for 1928).
constexpr int64_t kBluesteinPassPaddedSlackPercent = 25;
constexpr double kBluesteinPassPaddedPassCost = 3.0;
// Rader's algorithm for a prime p (rader.inc): a cyclic convolution of
// p - 1 through two transforms of p - 1, for a whole prime line or for the
// butterflies of a pass of a large prime factor, offered for p above
// kRaderMinPrime whose p - 1 has no prime factor above
// kRaderLargestInnerPrime. Rated like Bluestein: two transforms at
// kRaderTransformCost times the model of the plan of p - 1, plus
// kRaderPointCost per point (the reordering and the spectrum product).
// Measured against Bluestein (jfft / ducc0, one thread, complex128,
// AVX-512, lines of 2^17 points in lanes, thread CPU time, the same
// build with Rader switched off): primes 1009 0.89 -> 0.49, 2053 1.00 ->
// 0.65, 3001 1.00 -> 0.52, 127 1.23 -> 0.56; Rader passes 2 x 67 0.85 ->
// 0.53, 2 x 1013 0.98 -> 0.65, 3 x 337 1.01 -> 0.52. With p - 1's own large
// factors by Rader passes inside (179 = 2 x 89 + 1, 1637 = 4 x 409 + 1) it
// lost 5-10% to Bluestein: the nested reorderings cost more than the model
// says. Below 61 the generic pass runs instead, for accuracy: over lines
// with a factor 37, 41, 43 or 53 (8 lengths each, p to 48p, complex128,
// one thread), Rader's relative RMS error was 1.19-1.53x ducc0's and the
// generic pass's 0.93-0.96x, for 4-11% more time (jfft / ducc0 0.63-0.68
// -> 0.69-0.71); at 61 the generic pass cost 25% more time (0.55 ->
// 0.69), and from 67 it was no more accurate than Rader (both 1.1-1.5x
// ducc0's error, whose Bluestein these lengths get).
constexpr int64_t kRaderMinPrime = 60;
constexpr int64_t kRaderLargestInnerPrime = 31;
constexpr double kRaderTransformCost = 1.0;
constexpr double kRaderPointCost = 6.0;
// The largest radix with a butterfly of its own (has_butterfly, plans.h).
constexpr int64_t kLargestFixedRadix = 13;

// Bluestein's padded length: below this smallest 2^a 3^b 5^c, the padded
// transforms run in SIMD lanes, where a power of two runs faster per point
// than a length rich in 3s and 5s (256 lines of 2048 vs 2025: AVX2 12% less
// time, AVX-512 1%): the power of two is taken when it is at most
// kPowerOfTwoSlackPercent longer.
constexpr int64_t kLaneBluesteinMaxLength = int64_t{1} << 12;
constexpr int64_t kPowerOfTwoSlackPercent = 3;
// Above it the padded transforms run four-step, fastest when both factors
// fill whole lane groups: a multiple of kPostTwiddleBlock^2 is taken when it
// is at most kWholeLanesSlackPercent longer than the smallest 2^a 3^b 5^c.
constexpr int64_t kWholeLanesSlackPercent = 6;

// A Bluestein plan's kernel spectrum is built by the even transform
// (plans.cc, forward_even_line: half the work of a transform of m) down to
// this length, below which it transforms in full. Not tuned: from here the
// DCT-III's transform of m/4 still splits four-step (kFourStepMinLength),
// and below it the whole plan takes under 1 ms.
constexpr int64_t kEvenSplitMinLength = int64_t{1} << 14;

// The four-step split of one line pays once the line outgrows the L2 cache:
// from this length, with both factors at least kFourStepMinFactor (shorter
// ones are not real transforms). Lengths of prime factors up to
// kFourStepLargestPrime split at once; those with larger ones where both
// factors' plans run in lanes (Rader plans, or passes with Rader, Bluestein
// or generic large radices) and the split rates cheaper than a whole-line
// Bluestein convolution (plans.cc, large_prime_split): one line of
// complex128, jfft / ducc0 by CPU time, 2 5^3 37 109 2.44 -> 0.52 and
// 2^2 3 193 337 1.95 -> 0.55 against the whole-line Bluestein.
constexpr int64_t kFourStepMinLength = int64_t{1} << 12;
constexpr int64_t kFourStepMinFactor = 16;
// Radices 7, 11 and 13 (codelets) and generic ones up to 31 split too: one
// line of 7^7 or 11^5 had run in a lane group of its own (one lane of 4-8
// used). Split, jfft / ducc0 (one thread, paired rounds, medians of three
// runs on a loaded 2-core AVX2 EPYC): 7^7 0.96 -> 0.48 (complex64) and
// 0.87 -> 0.66 (complex128), 11^5 1.19 -> 0.66 (complex64).
constexpr int64_t kFourStepLargestPrime = 31;
// Powers of two up to this length whose bits split into two powers of
// eight take that split with radix-8 kernels (plans.cc, FourStepPlan's
// constructor; AVX2's radix 4 ran c2c 32768 complex128 about 12% slower so,
// engine alone, CPU time, 3 alternating runs): in practice 2^15,
// 512 x 64 (5 radix-8 passes) instead of 128 x 256 (6), the inner transform
// of a real line of 2^16. Measured on the 2-core AVX-512 EPYC (shared and
// noisy: CPU time per call, 10th percentile of 300 paired rounds, /work
// harness over jfft.numpy, one thread), jfft / the fastest of ducc0,
// mkl_fft, pyFFTW: rfft 65536 float64 1.18-1.22 -> 1.04-1.08, irfft 65536
// float64 1.21-1.24 -> 1.08-1.12, c2c 32768 complex128 1.20-1.36 -> 1.09-1.13
// (64 x 512, the short factor the columns', 1.18-1.29). 2^21 as 4096 x 512
// lost for complex128 (0.84 -> 0.92 of fftw), hence the bound.
constexpr int64_t kFourStepPowersOfEightMaxLength = int64_t{1} << 18;
// The balanced split is given up for one up to this many times less balanced
// whose factors are both whole lane groups (kPostTwiddleBlock lines).
constexpr int64_t kFourStepWholeLanesImbalance = 4;

// A lane group's buffer (the lines and the plan's scratch, all lanes) above
// which lines run one by one, split four-step, instead of side by side in
// SIMD lanes. Measured with 2 threads on a 1 MiB L2 / 32 MiB L3 machine
// (AVX-512, 16 float lanes): lanes win up to 4 MiB, by 1.2-2x for
// 4096..16384 floats, tie at 8 MiB (32768) and lose 2x at 16 MiB (65536).
constexpr size_t kLaneGroupBytes = size_t{4} << 20;
// Bytes per complex element of the narrowest lane group: two 16-byte
// vectors (baseline kernels, float or double).
constexpr size_t kNarrowestLaneGroupElementBytes = 32;

// The one lanes-or-not test of the engine (axis.cc for complex and real
// lines, plans.cc for whether a Bluestein plan keeps a direct plan of its
// padded length): whether a lane group of `values_per_lane` complex values
// per lane, `bytes_per_value` bytes each over all lanes, is too big.
constexpr bool lane_group_too_big(size_t values_per_lane,
                                  size_t bytes_per_value) {
  return values_per_lane * bytes_per_value > kLaneGroupBytes;
}

// Lane groups of more than kL1Ways lines whose rows lie a multiple of
// kL1SetBytes apart would put all their rows in one L1 set: the kernels
// take narrower lane groups for them (16-lane groups of 1024-point float
// lines ran at 2.0 ns a point, 8-lane ones at 1.4).
constexpr int64_t kL1Ways = 8;
constexpr int64_t kL1SetBytes = 4096;

// The largest radix of plans: 8 when the kernels in use have 32 vector
// registers (AVX-512), else 4: a radix-8 butterfly holds 16 vectors, which
// spill with 16 registers (AVX2 ran 1024-point lines 10% faster with radix 4,
// AVX-512 4-11% slower).
constexpr int64_t kLargestRadixWide = 8;
constexpr int64_t kLargestRadixNarrow = 4;

// Below this many elements per axis pass, threads cost more than they save
// (of double precision: axis.cc's lane passes count a single-precision
// element as half of one, lanes_work). Two threads over one (the engine's
// numpy entry, AVX-512, paired rounds, chunks as kChunksPerThread says),
// lines of 60 .. 4096 points: batches of 3 2^14 complex128 points ran in
// 0.69-0.94x the time (geomean 0.83), of 3 2^15 complex64 points 0.54-0.85x
// (0.79); at 2^15 points of either, 0.77-1.80x (short lines lost, Bluestein
// ones gained). At 2^15 a thread, batches of 2^17 / n lines of complex64
// (just under 2^17 points, as the length sweep times them) ran one thread.
constexpr int64_t kMinElementsPerThread = int64_t{3} << 13;
// ... and this many for lines of at most kShortCodeletMaxLength points run by
// a codelet (axis.cc, codelet_axis), which cost well under a nanosecond a
// point and are bound by memory. Two threads over one, complex128 and
// complex64, AVX-512, chunks as kChunksPerThread says (paired rounds, the
// engine's numpy entry), lengths 2 .. 32: at 2^17 points 0.75-1.39x the
// time, at 2^18 0.69-0.83x (complex64 lengths 2 and 4 0.92-1.09x), at 2^19
// 0.60-0.79x. Across these and the longer lines of kMinElementsPerThread,
// two threads paid once one thread took about 100 us.
constexpr int64_t kShortCodeletMaxLength = 32;
constexpr int64_t kMinShortCodeletElementsPerThread = int64_t{1} << 17;
// parallel_for hands out a pass in this many chunks a thread, claimed as
// threads come free: the caller starts at once and takes over the chunks of
// a thread the pool wakes late. With one chunk a thread, two threads over
// one ran 2^18-point complex64 batches in 0.66-1.18x the time, with four
// 0.55-0.81x; 2^16-point complex128 ones 0.83-1.21x -> 0.73-0.84x (lines of
// 24 .. 4096 points, paired rounds); eight chunks were within noise of four.
constexpr int64_t kChunksPerThread = 4;

// The split or merge of one long real line (axis.cc, real_pairs) goes to
// the threads in ranges of a multiple of this many pairs (k, n/2 - k), so
// that two threads share no cache line but at a range's two ends.
constexpr int64_t kRealPairsAlign = 64;
// ... and a thread's range a block of this many pairs at a time (axis.cc,
// real_pairs_body: a block's values read before any is written). Not
// tuned: its 12 arrays, 6 KiB for double, stay in L1.
constexpr int64_t kRealPairsBlock = 64;

// When the last two axes are both transformed and one plane of them fits in
// this much cache, each thread takes whole planes through both transforms.
constexpr size_t kTrailingPlaneBytes = 512 * 1024;

// Scaling a contiguous array is split across threads in chunks of this many
// elements (whole cache lines, and never two threads on one line).
constexpr int64_t kScaleChunkElements = 4096;
// ... and takes a thread per this many bytes: the scale pass runs over a
// transform's output while it is still in the cache of the thread that
// wrote the most of it, and a second thread first fetched its half from
// the other core. irfft of n points, the scale pass's time (norm
// "backward" less "forward", paired rounds, numpy entry) on two threads
// over one: float32 2^16 .. 2^20 points 1.9-4.1x, float64 2^16 and 2^20
// 1.5x, level to faster at 2^17 and 2^18; from 16 MiB (float32 2^22, float64
// 2^21) two threads took 0.59-0.69x the time.
constexpr int64_t kScaleMinBytesPerThread = int64_t{8} << 20;

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_COST_MODEL_H_

import Dispatch

/// Splits a mini-batch into one contiguous chunk per thread and runs a worker per chunk.
///
/// Chunk boundaries depend only on the batch size and the thread count, and results are
/// combined by the caller in chunk order, so a run is bit-for-bit repeatable for a given
/// thread count.
struct ChunkedBatch {
    let rows: Int
    let chunkCount: Int

    init(rows: Int, threads: Int) {
        self.rows = rows
        chunkCount = max(1, min(threads, rows))
    }

    /// Rows `[start, start + count)` of chunk `index`; sizes differ by at most one.
    func range(of index: Int) -> Range<Int> {
        let base = rows / chunkCount
        let extra = rows % chunkCount
        let start = index * base + min(index, extra)
        return start..<(start + base + (index < extra ? 1 : 0))
    }

    /// Calls `work(chunk, rows)` for every chunk, in parallel when there is more than one.
    func run(_ work: (Int, Range<Int>) -> Void) {
        if chunkCount == 1 {
            work(0, range(of: 0))
            return
        }
        // Sound because every chunk's worker writes only its own rows and its own
        // workspace, and `concurrentPerform` returns only after all of them finished.
        nonisolated(unsafe) let work = work
        DispatchQueue.concurrentPerform(iterations: chunkCount) { index in
            work(index, range(of: index))
        }
    }
}

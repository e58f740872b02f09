import Dispatch
import Foundation

/// Runs independent pieces of work on every core and returns their results in input order, so a
/// parallel run gives exactly what a serial run gives.
enum ParallelWork {
    /// How many threads to use: the active processor count, or 1 when `QUADERNO_THREADS=1`.
    static var threads: Int {
        if let value = ProcessInfo.processInfo.environment["QUADERNO_THREADS"], let count = Int(value), count > 0 {
            return count
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `transform(i)` for every i in `0..<count`, spread over ``threads`` threads in contiguous chunks.
    static func map<T: Sendable>(_ count: Int, threads: Int = ParallelWork.threads,
                                 _ transform: @Sendable (Int) -> T) -> [T] {
        map(count, threads: threads, state: { () }, { _, index in transform(index) })
    }

    /// Like ``map(_:threads:_:)``, with a state (a cache, a session) made once per worker thread and
    /// passed to every transform that thread runs, chunk after chunk: at most `threads` states a call.
    static func map<T: Sendable, State>(_ count: Int, threads: Int = ParallelWork.threads,
                                        state makeState: @Sendable () -> State,
                                        _ transform: @Sendable (inout State, Int) -> T) -> [T] {
        guard count > 1, threads > 1 else {
            var state = makeState()
            return (0..<count).map { transform(&state, $0) }
        }
        let slots = Slots<T>(count)
        compute(count, threads: threads, state: makeState, transform, into: slots)
        return slots.values()
    }

    /// Like ``map(_:threads:state:_:)``, but hands each result to `consume` on the calling thread, in
    /// input order, as soon as it and every earlier one are ready, while later ones are still being
    /// computed: the caller's own serial work (storing results) overlaps the parallel work. When
    /// `consume` throws, the work under way finishes and its results are dropped, then the error is
    /// rethrown.
    static func forEach<T: Sendable, State>(_ count: Int, threads: Int = ParallelWork.threads,
                                            state makeState: @escaping @Sendable () -> State,
                                            _ transform: @escaping @Sendable (inout State, Int) -> T,
                                            consume: (Int, T) throws -> Void) rethrows {
        guard count > 1, threads > 1 else {
            var state = makeState()
            for index in 0..<count { try consume(index, transform(&state, index)) }
            return
        }
        let slots = Slots<T>(count)
        let workers = DispatchGroup()
        DispatchQueue.global().async(group: workers) {
            compute(count, threads: threads, state: makeState, transform, into: slots)
        }
        defer { workers.wait() }
        for index in 0..<count { try consume(index, slots.take(index)) }
    }

    /// Fills `slots` with `transform(i)` for every i in `0..<count`, in contiguous chunks taken in
    /// order by `threads` workers, each with one state: four chunks a thread, so a thread that finishes
    /// early takes another rather than wait, and a state (a session whose word cache fills as it goes)
    /// is not made again for every chunk.
    private static func compute<T: Sendable, State>(_ count: Int, threads: Int, state makeState: @Sendable () -> State,
                                                    _ transform: @Sendable (inout State, Int) -> T,
                                                    into slots: Slots<T>) {
        let chunks = min(threads * 4, count)
        let nextChunk = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: min(threads, chunks)) { _ in
            var state: State?
            while let chunk = nextChunk.take(below: chunks) {
                if state == nil { state = makeState() }
                for index in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                    slots.set(index, transform(&state!, index))
                }
            }
        }
    }

    /// Hands out chunk numbers 0, 1, 2, ... to the workers, each once.
    private final class ChunkCounter: @unchecked Sendable {
        private var next = 0
        private let lock = NSLock()

        func take(below limit: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < limit else { return nil }
            next += 1
            return next - 1
        }
    }

    /// Results written by disjoint indices from several threads: read all at once when every one is
    /// set, or taken one by one, in order, by a consumer that waits for each.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private var storage: [T?]
        private let condition = NSCondition()

        init(_ count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) {
            condition.lock()
            storage[index] = value
            condition.broadcast()
            condition.unlock()
        }

        /// The value at `index`, once set; the slot is emptied.
        func take(_ index: Int) -> T {
            condition.lock()
            defer { condition.unlock() }
            while storage[index] == nil { condition.wait() }
            defer { storage[index] = nil }
            return storage[index]!
        }

        /// Every value, once all are set and none taken.
        func values() -> [T] {
            condition.lock()
            defer { condition.unlock() }
            return storage.map { $0! }
        }
    }
}

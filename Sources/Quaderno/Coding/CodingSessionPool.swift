import Foundation

/// Coding sessions of one ``AutoCoder`` lent to worker threads and given back, so that a session's
/// word cache, which fills as it codes, is built once for a long run of parallel batches rather than
/// once per batch. Thread-safe.
final class CodingSessionPool: @unchecked Sendable {
    private let coder: AutoCoder
    private let lock = NSLock()
    private var idle: [CodingSession] = []

    init(coder: AutoCoder) { self.coder = coder }

    /// A session no other thread holds; it goes back to the pool when the lease is released.
    func lease() -> Lease {
        lock.lock()
        let session = idle.popLast()
        lock.unlock()
        return Lease(session: session ?? coder.makeSession(), pool: self)
    }

    private func giveBack(_ session: CodingSession) {
        lock.lock()
        idle.append(session)
        lock.unlock()
    }

    /// A session held by one thread (the per-thread state of a ``ParallelWork`` call, released when
    /// the call's work is done).
    final class Lease {
        let session: CodingSession
        private let pool: CodingSessionPool

        fileprivate init(session: CodingSession, pool: CodingSessionPool) {
            self.session = session
            self.pool = pool
        }

        deinit { pool.giveBack(session) }
    }
}

import Foundation

/// Remembers the results of a pure function, shared by the threads of a parallel import. When it
/// holds `capacity` entries it starts afresh, so memory stays bounded on any corpus.
final class Memo<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: Value] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The remembered value for `key`, or `compute(key)` remembered.
    func value(for key: Key, _ compute: (Key) -> Value) -> Value {
        lock.lock()
        let known = entries[key]
        lock.unlock()
        if let known { return known }
        let value = compute(key)
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        lock.unlock()
        return value
    }
}

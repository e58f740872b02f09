/// Interns word spellings (the scalars the tokenizer collected for a word, before normalisation) as
/// small integers, with an open-addressing hash table over a flat pool of scalars: looking up a
/// spelling seen before builds no `String`.
struct WordTypeTable {
    private struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = 0
        var length: Int32 = 0
        /// -1 while the slot is empty.
        var value: Int32 = -1
    }

    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var pool: [Unicode.Scalar] = []
    private(set) var count = 0

    /// The hash of an empty spelling; extend it scalar by scalar with ``mix(_:_:)``.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func mix(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01b3
    }

    @inline(__always)
    private static func finish(_ hash: UInt64) -> UInt64 {
        var value = hash ^ (hash >> 31)
        value = value &* 0x7fb5_d329_728e_a185
        return value ^ (value >> 27)
    }

    /// The value stored for `key` (whose ``mix(_:_:)`` hash is `hash`), or nil.
    func value(for key: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) -> Int32? {
        let full = Self.finish(hash)
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: full) & mask
        return slots.withUnsafeBufferPointer { slots in
            pool.withUnsafeBufferPointer { pool in
                while true {
                    let slot = slots[position]
                    if slot.value < 0 { return nil }
                    if slot.hash == full, Int(slot.length) == key.count {
                        var equal = true
                        var index = 0
                        let base = Int(slot.start)
                        while index < key.count {
                            if pool[base + index] != key[index] { equal = false; break }
                            index += 1
                        }
                        if equal { return slot.value }
                    }
                    position = (position + 1) & mask
                }
            }
        }
    }

    /// Stores `value` for `key`, which must not be in the table yet.
    mutating func insert(_ key: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64, value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let start = Int32(pool.count)
        pool.append(contentsOf: key)
        place(Slot(hash: Self.finish(hash), start: start, length: Int32(key.count), value: value))
        count += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[position].value >= 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.value >= 0 { place(slot) }
    }
}

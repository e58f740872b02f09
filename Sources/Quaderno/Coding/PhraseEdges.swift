/// The edges of a ``PhraseAutomaton`` beyond the two each node keeps itself: (node, symbol) → child,
/// in one open-addressing hash table (key and child side by side), so following an edge costs at
/// most one hash and copies nothing.
struct PhraseEdges: Sendable {
    private struct Slot: Sendable {
        /// `node << 32 | symbol`, plus one so that 0 marks an empty slot.
        var key: UInt64 = 0
        var child: Int32 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 64)
    private var count = 0

    @inline(__always)
    private static func key(_ node: Int, _ symbol: Int) -> UInt64 {
        (UInt64(UInt32(truncatingIfNeeded: node)) << 32 | UInt64(UInt32(truncatingIfNeeded: symbol))) &+ 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// The child of `node` along `symbol`, or nil.
    @inline(__always)
    func child(_ node: Int, _ symbol: Int) -> Int? {
        let key = Self.key(node, symbol)
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var position = Self.slot(key, mask: mask)
            while true {
                let slot = slots[position]
                if slot.key == key { return Int(slot.child) }
                if slot.key == 0 { return nil }
                position = (position + 1) & mask
            }
        }
    }

    /// Adds an edge that is not there yet.
    mutating func insert(_ node: Int, _ symbol: Int, child: Int) {
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(key: Self.key(node, symbol), child: Int32(child)))
        count += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var position = Self.slot(slot.key, mask: mask)
        while slots[position].key != 0 { position = (position + 1) & mask }
        slots[position] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        for slot in old where slot.key != 0 { place(slot) }
    }
}

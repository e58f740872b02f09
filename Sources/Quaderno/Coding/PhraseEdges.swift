/// The edges of a ``PhraseAutomaton``: (node, symbol) → child, in one open-addressing hash table
/// rather than a dictionary per node, so following an edge hashes two integers and copies nothing.
struct PhraseEdges: Sendable {
    /// `node << 32 | symbol`, plus one so that 0 marks an empty slot.
    private var keys = [UInt64](repeating: 0, count: 64)
    private var children = [Int32](repeating: 0, count: 64)
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
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var position = Self.slot(key, mask: mask)
            while true {
                let found = keys[position]
                if found == key { return Int(children[position]) }
                if found == 0 { return nil }
                position = (position + 1) & mask
            }
        }
    }

    /// Adds an edge that is not there yet.
    mutating func insert(_ node: Int, _ symbol: Int, child: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        place(Self.key(node, symbol), Int32(child))
        count += 1
    }

    private mutating func place(_ key: UInt64, _ child: Int32) {
        let mask = keys.count - 1
        var position = Self.slot(key, mask: mask)
        while keys[position] != 0 { position = (position + 1) & mask }
        keys[position] = key
        children[position] = child
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldChildren = children
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        children = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (position, key) in oldKeys.enumerated() where key != 0 { place(key, oldChildren[position]) }
    }
}

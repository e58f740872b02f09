/// A small deterministic pseudo-random generator (xoshiro256**, seeded with SplitMix64).
///
/// The benchmark never uses the standard library's random helpers (`randomElement`, `shuffled`,
/// `Int.random`): their algorithms may change between Swift versions, and the corpus must not.
struct SeededGenerator {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`; `stream` picks an independent sequence (sheet `i` uses stream `i`, so a
    /// sheet is the same whatever the corpus size).
    init(seed: UInt64, stream: UInt64 = 0) {
        var mix = seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03
        func splitMix() -> UInt64 {
            mix &+= 0x9E37_79B9_7F4A_7C15
            var z = mix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// A number in `range` (modulo reduction; the bias is far below what a benchmark could notice).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// A number in `0..<count`.
    mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "index(_:) needs a non-empty range")
        return Int(next() % UInt64(count))
    }

    /// A number in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[index(values.count)]
    }

    /// `count` distinct elements (or all of them, if fewer), in random order.
    mutating func sample<T>(_ values: [T], _ count: Int) -> [T] {
        var indices = Array(values.indices)
        var chosen: [T] = []
        while chosen.count < count, indices.isEmpty == false {
            let position = index(indices.count)
            chosen.append(values[indices[position]])
            indices.swapAt(position, indices.count - 1)
            indices.removeLast()
        }
        return chosen
    }
}

/// Finds, in one pass over a text, which expressions may match it: those with no prefilter, and
/// those each of whose factors (``ExpressionPrefilter``) has a literal in the text.
///
/// A position is compared with the literals only when the three bytes there begin some literal, as a
/// bitmap of hashed trigrams tells (a two-byte literal sets every third byte), so common letter
/// pairs of the text cost no comparison.
struct ExpressionLiterals: Sendable {
    private struct Literal: Sendable {
        var offset: Int
        var length: Int
        var factor: Int
    }

    /// Every literal's bytes, one after the other.
    private var pool: [UInt8] = []
    /// The literals, ordered by first byte.
    private var literals: [Literal] = []
    /// The literals beginning with byte `b` are `literals[firstByte[b]..<firstByte[b + 1]]`.
    private var firstByte = [Int](repeating: 0, count: 257)
    /// Bit ``trigram(_:_:_:)`` of the first three bytes of a literal is set (with every third byte
    /// for a literal of two bytes, every second and third for one of one byte).
    private var trigrams = [UInt64](repeating: 0, count: (1 << Self.trigramBits) / 64)
    /// The factors of each expression, as a range of factor numbers.
    private var factorRanges: [Range<Int>] = []
    private var factorCount = 0

    private static let trigramBits = 15

    /// A hash of three bytes, `trigramBits` wide.
    @inline(__always)
    private static func trigram(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
        let key = UInt32(first) | UInt32(second) << 8 | UInt32(third) << 16
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B1) >> UInt32(32 - trigramBits))
    }

    /// `prefilters[i]` is the prefilter of expression `i`, if any.
    init(_ prefilters: [ExpressionPrefilter?]) {
        var found: [(bytes: [UInt8], factor: Int)] = []
        for prefilter in prefilters {
            let factors = prefilter?.factors ?? []
            for (offset, factor) in factors.enumerated() {
                for literal in factor where literal.isEmpty == false { found.append((literal, factorCount + offset)) }
            }
            factorRanges.append(factorCount..<(factorCount + factors.count))
            factorCount += factors.count
        }
        found.sort { ($0.bytes[0], $0.factor) < ($1.bytes[0], $1.factor) }
        for (bytes, factor) in found {
            let seconds = bytes.count > 1 ? bytes[1]...bytes[1] : 0...255
            for second in seconds {
                let thirds = bytes.count > 2 ? bytes[2]...bytes[2] : 0...255
                for third in thirds { setTrigram(Self.trigram(bytes[0], second, third)) }
            }
            literals.append(Literal(offset: pool.count, length: bytes.count, factor: factor))
            pool.append(contentsOf: bytes)
            firstByte[Int(bytes[0]) + 1] += 1
        }
        for byte in 0..<256 { firstByte[byte + 1] += firstByte[byte] }
    }

    private mutating func setTrigram(_ bit: Int) {
        trigrams[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// For each expression, false when it certainly has no match in `text`: lower-case UTF-8 in
    /// which every scalar is ``ExpressionPrefilter/isFoldSafe(_:)``.
    func candidates(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var result = [Bool](repeating: false, count: factorRanges.count)
        _ = candidates(in: text, into: &result)
        return result
    }

    /// ``candidates(in:)`` written into `result` (one entry per expression, already that long);
    /// returns whether some expression is a candidate.
    func candidates(in text: UnsafeBufferPointer<UInt8>, into result: inout [Bool]) -> Bool {
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(factorCount, 1)) { found in
            found.initialize(repeating: false)
            pool.withUnsafeBufferPointer { pool in
                literals.withUnsafeBufferPointer { literals in
                    firstByte.withUnsafeBufferPointer { firstByte in
                        trigrams.withUnsafeBufferPointer { trigrams in
                            Self.scan(text, Tables(pool: pool, literals: literals, firstByte: firstByte, trigrams: trigrams),
                                      found: found, missing: factorCount)
                        }
                    }
                }
            }
            var any = false
            for (expression, range) in factorRanges.enumerated() {
                var candidate = true
                for factor in range where found[factor] == false {
                    candidate = false
                    break
                }
                result[expression] = candidate
                any = any || candidate
            }
            return any
        }
    }

    private struct Tables {
        let pool: UnsafeBufferPointer<UInt8>
        let literals: UnsafeBufferPointer<Literal>
        let firstByte: UnsafeBufferPointer<Int>
        let trigrams: UnsafeBufferPointer<UInt64>
    }

    private static func scan(_ text: UnsafeBufferPointer<UInt8>, _ tables: Tables, found: UnsafeMutableBufferPointer<Bool>,
                             missing: Int) {
        var missing = missing
        var position = 0
        let count = text.count
        while position < count, missing > 0 {
            let byte = text[position]
            let second = position + 1 < count ? text[position + 1] : 0
            let third = position + 2 < count ? text[position + 2] : 0
            let bit = trigram(byte, second, third)
            if tables.trigrams[bit >> 6] & (1 << UInt64(bit & 63)) != 0 {
                for literal in tables.literals[tables.firstByte[Int(byte)]..<tables.firstByte[Int(byte) + 1]]
                where found[literal.factor] == false && literal.length <= count - position {
                    var index = 1
                    while index < literal.length, text[position + index] == tables.pool[literal.offset + index] {
                        index += 1
                    }
                    if index == literal.length {
                        found[literal.factor] = true
                        missing -= 1
                    }
                }
            }
            position += 1
        }
    }
}

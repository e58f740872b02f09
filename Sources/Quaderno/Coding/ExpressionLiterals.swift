/// Finds, in one pass over a text, which expressions may match it: those with no prefilter, and
/// those each of whose factors (``ExpressionPrefilter``) has a literal in the text.
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
    /// Bit `first << 8 | second` is set when some literal begins with those two bytes.
    private var pairs = [UInt64](repeating: 0, count: 1024)
    /// The factors of each expression, as a range of factor numbers.
    private var factorRanges: [Range<Int>] = []
    private var factorCount = 0

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
            let pair = Int(bytes[0]) << 8 | Int(bytes.count > 1 ? bytes[1] : 0)
            if bytes.count > 1 {
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            } else {
                // A one-byte literal: every second byte may follow.
                for second in 0..<256 { pairs[(pair | second) >> 6] |= 1 << UInt64((pair | second) & 63) }
            }
            literals.append(Literal(offset: pool.count, length: bytes.count, factor: factor))
            pool.append(contentsOf: bytes)
            firstByte[Int(bytes[0]) + 1] += 1
        }
        for byte in 0..<256 { firstByte[byte + 1] += firstByte[byte] }
    }

    /// For each expression, false when it certainly has no match in `text`: lower-case UTF-8 in
    /// which every scalar is ``ExpressionPrefilter/isFoldSafe(_:)``.
    func candidates(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = [Bool](repeating: false, count: factorCount)
        pool.withUnsafeBufferPointer { pool in
            literals.withUnsafeBufferPointer { literals in
                firstByte.withUnsafeBufferPointer { firstByte in
                    pairs.withUnsafeBufferPointer { pairs in
                        Self.scan(text, Tables(pool: pool, literals: literals, firstByte: firstByte, pairs: pairs),
                                  found: &found)
                    }
                }
            }
        }
        return factorRanges.map { range in range.allSatisfy { found[$0] } }
    }

    private struct Tables {
        let pool: UnsafeBufferPointer<UInt8>
        let literals: UnsafeBufferPointer<Literal>
        let firstByte: UnsafeBufferPointer<Int>
        let pairs: UnsafeBufferPointer<UInt64>
    }

    private static func scan(_ text: UnsafeBufferPointer<UInt8>, _ tables: Tables, found: inout [Bool]) {
        var missing = found.count
        var position = 0
        while position < text.count, missing > 0 {
            let byte = Int(text[position])
            let pair = byte << 8 | Int(position + 1 < text.count ? text[position + 1] : 0)
            if tables.pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                for literal in tables.literals[tables.firstByte[byte]..<tables.firstByte[byte + 1]]
                where found[literal.factor] == false && literal.length <= text.count - position {
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

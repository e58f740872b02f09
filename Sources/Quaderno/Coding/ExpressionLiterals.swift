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
        var missing = factorCount
        pool.withUnsafeBufferPointer { pool in
            literals.withUnsafeBufferPointer { literals in
                firstByte.withUnsafeBufferPointer { firstByte in
                    var position = 0
                    while position < text.count, missing > 0 {
                        let byte = Int(text[position])
                        for literal in literals[firstByte[byte]..<firstByte[byte + 1]]
                        where found[literal.factor] == false && literal.length <= text.count - position {
                            var index = 1
                            while index < literal.length, text[position + index] == pool[literal.offset + index] {
                                index += 1
                            }
                            if index == literal.length {
                                found[literal.factor] = true
                                missing -= 1
                            }
                        }
                        position += 1
                    }
                }
            }
        }
        return factorRanges.map { range in range.allSatisfy { found[$0] } }
    }
}

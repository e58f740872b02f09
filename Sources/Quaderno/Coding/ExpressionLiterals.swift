/// Finds, in one pass over a text, which expressions may match it: those with no prefilter, and
/// those one of whose required literals (``ExpressionPrefilter``) occurs in the text.
struct ExpressionLiterals: Sendable {
    private struct Literal: Sendable {
        var bytes: [UInt8]
        var expression: Int
    }

    /// The literals by first byte.
    private var buckets = [[Literal]](repeating: [], count: 256)
    private var unfiltered: [Bool]

    /// `prefilters[i]` is the prefilter of expression `i`, if any.
    init(_ prefilters: [ExpressionPrefilter?]) {
        unfiltered = prefilters.map { $0 == nil }
        for (expression, prefilter) in prefilters.enumerated() {
            for literal in prefilter?.literals ?? [] where literal.isEmpty == false {
                buckets[Int(literal[0])].append(Literal(bytes: literal, expression: expression))
            }
        }
    }

    /// For each expression, false when it certainly has no match in `text`: lower-case UTF-8 in
    /// which every scalar is ``ExpressionPrefilter/isFoldSafe(_:)``.
    func candidates(in text: UnsafeBufferPointer<UInt8>) -> [Bool] {
        var found = unfiltered
        var missing = found.filter { $0 == false }.count
        guard missing > 0 else { return found }
        var position = 0
        while position < text.count {
            let bucket = buckets[Int(text[position])]
            for literal in bucket where found[literal.expression] == false
                && literal.bytes.count <= text.count - position {
                var index = 1
                while index < literal.bytes.count, text[position + index] == literal.bytes[index] { index += 1 }
                if index == literal.bytes.count {
                    found[literal.expression] = true
                    missing -= 1
                    if missing == 0 { return found }
                }
            }
            position += 1
        }
        return found
    }
}

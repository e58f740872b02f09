import Foundation

extension CodingSession {
    /// The scalar `re:` cues see for a scalar of the text: lower case, typographic apostrophes as
    /// `'`, one scalar for one scalar so offsets carry over unchanged.
    @inline(__always)
    static func matchingScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar == "`" ? "'" : scalar
        }
        if ItalianTokenizer.apostrophes.contains(scalar) { return "'" }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first! : scalar
    }

    /// The text `re:` cues run on (``matchingScalar(_:)`` of each scalar).
    static func matchingText<Scalars: Sequence>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var text = String.UnicodeScalarView()
        for scalar in scalars { text.append(matchingScalar(scalar)) }
        return String(text)
    }

    /// What ``expressionMatches(in:)`` fills for each unit.
    struct ExpressionScratch {
        var bytes: [UInt8] = []
        var trailSurrogates: [Int] = []
        var candidates: [Bool] = []
    }

    /// The matches of the `re:` cues in one unit, ranges in the slice's indices. An expression runs
    /// only when its prefilter cannot rule it out there, so most units run none.
    func expressionMatches(in unit: ArraySlice<Unicode.Scalar>) -> [(cue: Int, range: Range<Int>)] {
        guard coder.expressionCues.isEmpty == false, unit.isEmpty == false else { return [] }
        // The unit as lower-case UTF-8, with what the prefilters and the UTF-16 offsets need.
        var bytes = expressionScratch.bytes
        var trailSurrogates = expressionScratch.trailSurrogates
        var candidates = expressionScratch.candidates
        expressionScratch = ExpressionScratch()
        defer {
            expressionScratch = ExpressionScratch(bytes: bytes, trailSurrogates: trailSurrogates, candidates: candidates)
        }
        bytes.removeAll(keepingCapacity: true)
        trailSurrogates.removeAll(keepingCapacity: true)
        if candidates.count != coder.expressionCues.count {
            candidates = [Bool](repeating: true, count: coder.expressionCues.count)
        }
        var utf16Count = 0
        var foldSafe = true
        for scalar in unit {
            if scalar.value < 0x80 {
                let value = UInt8(scalar.value)
                bytes.append(value &- 0x41 < 26 ? value + 32 : value == 0x60 ? 0x27 : value)
                utf16Count += 1
                continue
            }
            let matching = Self.matchingScalar(scalar)
            foldSafe = foldSafe && ExpressionPrefilter.isFoldSafe(matching)
            bytes.append(contentsOf: UTF8.encode(matching)!)
            if matching.value > 0xFFFF {
                trailSurrogates.append(utf16Count + 1)
                utf16Count += 2
            } else {
                utf16Count += 1
            }
        }
        // The prefilters read lower-case UTF-8 and hold only when no scalar can match an ASCII
        // letter case-insensitively unless it is one.
        if foldSafe {
            guard bytes.withUnsafeBufferPointer({ coder.expressionLiterals.candidates(in: $0, into: &candidates) })
            else { return [] }
        } else {
            for index in candidates.indices { candidates[index] = true }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let map = UTF16ScalarMap(trailSurrogates: trailSurrogates)
        var matches: [(cue: Int, range: Range<Int>)] = []
        for (expression, index) in coder.expressionCues.enumerated() where candidates[expression] {
            guard let regex = coder.cues[index].pattern.expression?.regex else { continue }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: utf16Count)) {
                let start = map.scalarOffset(match.range.location)
                let end = map.scalarOffset(match.range.location + match.range.length)
                guard end > start else { continue }
                matches.append((index, (unit.startIndex + start)..<(unit.startIndex + end)))
            }
        }
        return matches
    }
}

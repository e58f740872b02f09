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

    /// The matches of the `re:` cues in each unit. The units are joined into one text (separated by
    /// line breaks, which no cue crosses) so each expression runs once per case, not once per unit,
    /// and only when its prefilter cannot rule it out.
    func expressionMatches(_ scalars: [Unicode.Scalar], units: [Range<Int>]) -> [[(cue: Int, range: Range<Int>)]] {
        var matches = Array(repeating: [(cue: Int, range: Range<Int>)](), count: units.count)
        guard coder.expressionCues.isEmpty == false, units.isEmpty == false else { return matches }
        // The joined text as UTF-8, with what the prefilters and the UTF-16 offsets need.
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var trailSurrogates: [Int] = []
        var count = 0
        var utf16Count = 0
        var foldSafe = true
        bytes.reserveCapacity(units.reduce(0) { $0 + $1.count + 1 })
        for unit in units {
            starts.append(count)
            for scalar in scalars[unit] {
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
            bytes.append(0x0A)
            utf16Count += 1
            count += unit.count + 1
        }
        // The prefilters read lower-case UTF-8 and hold only when no scalar can match an ASCII
        // letter case-insensitively unless it is one.
        var candidates = [Bool](repeating: true, count: coder.expressionCues.count)
        if foldSafe { candidates = bytes.withUnsafeBufferPointer(coder.expressionLiterals.candidates) }
        guard candidates.contains(true) else { return matches }
        let text = String(decoding: bytes, as: UTF8.self)
        let map = UTF16ScalarMap(trailSurrogates: trailSurrogates)
        for (position, index) in coder.expressionCues.enumerated() where candidates[position] {
            guard let regex = coder.cues[index].pattern.expression?.regex else { continue }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: utf16Count)) {
                let start = map.scalarOffset(match.range.location)
                let end = map.scalarOffset(match.range.location + match.range.length)
                var low = 0
                var high = starts.count
                while high - low > 1 {
                    let middle = (low + high) / 2
                    if starts[middle] <= start { low = middle } else { high = middle }
                }
                let unit = units[low]
                let base = unit.lowerBound - starts[low]
                guard end > start, base + end <= unit.upperBound else { continue }
                matches[low].append((index, (base + start)..<(base + end)))
            }
        }
        return matches
    }
}

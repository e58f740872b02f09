/// Cuts a span of text into sentences: after `.`, `!`, `?` or `…` followed by a space and not
/// closing a short abbreviation (`n.`, `art.`, `p.es.`), and at line breaks.
enum SentenceSplitter {
    static let abbreviations: Set<String> = ["n", "nn", "art", "artt", "es", "p", "pag", "ecc", "etc", "det", "del",
                                             "dott", "dr", "sig", "prof", "avv", "ing", "lgs", "d", "l", "r", "s",
                                             "c", "cfr", "vd", "n°", "nr", "co", "sgg", "ss"]

    /// Sentence ranges inside `range` of `scalars`, trimmed of surrounding whitespace.
    static func sentences(_ scalars: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        func close(_ end: Int) {
            var lower = start
            var upper = end
            while lower < upper, scalars[lower].properties.isWhitespace { lower += 1 }
            while upper > lower, scalars[upper - 1].properties.isWhitespace { upper -= 1 }
            if lower < upper { result.append(lower..<upper) }
            start = end
        }
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "\n" {
                close(index)
            } else if ".!?\u{2026}".unicodeScalars.contains(scalar),
                      index + 1 >= range.upperBound || scalars[index + 1].properties.isWhitespace {
                if scalar != "." || isAbbreviation(scalars, before: index, from: start) == false { close(index + 1) }
            }
            index += 1
        }
        close(range.upperBound)
        return result
    }

    private static func isAbbreviation(_ scalars: [Unicode.Scalar], before dot: Int, from start: Int) -> Bool {
        var lower = dot
        while lower > start, scalars[lower - 1].properties.isAlphabetic || scalars[lower - 1] == "." { lower -= 1 }
        let word = String(scalars: scalars[lower..<dot])
        let last = word.lowercased().split(separator: ".").last.map(String.init) ?? ""
        return abbreviations.contains(last)
    }
}

import Foundation

/// Codes cases with one ``AutoCoder``, remembering what each distinct word matches.
/// Not thread-safe: give each concurrent task its own session.
public final class CodingSession {
    let coder: AutoCoder
    private let symbols: TokenSymbols
    private var scanner: TokenScanner
    private var tokens: [TokenScanner.Typed] = []

    init(coder: AutoCoder) {
        self.coder = coder
        symbols = TokenSymbols(rules: coder.compiler.rules, cues: coder.automaton, negations: coder.negation.automaton)
        scanner = TokenScanner(rules: coder.compiler.rules)
    }

    /// The number of distinct word forms looked up so far.
    public var distinctWordForms: Int { symbols.distinctForms }

    /// Codes a case: each element (and, with `.sentence` or `.cell`, the sentences or cells of the other
    /// sections) gets at most one coding per code.
    public func code(_ sheet: Case, unit: CodingUnit = .element, coder name: String = "auto") -> [Coding] {
        let scalars = Array(sheet.text.unicodeScalars)
        let spans = CodingUnits.spans(of: sheet, unit: unit, scalars: scalars)
        let expressions = expressionMatches(scalars, units: spans.map(\.range))
        var codings: [Coding] = []
        for (position, unitSpan) in spans.enumerated() {
            let hits = self.hits(in: scalars[unitSpan.range], expressions: expressions[position])
            guard hits.isEmpty == false else { continue }
            let byCode = Dictionary(grouping: hits, by: \.code)
            var quoted = ""
            quoted.unicodeScalars.append(contentsOf: scalars[unitSpan.range])
            for code in coder.codebook.codes where byCode[code.id] != nil {
                let codeHits = byCode[code.id]!
                let chosen = codeHits.first { $0.negated == false } ?? codeHits[0]
                let elementPolarity = unitSpan.element?.polarity ?? .unspecified
                codings.append(Coding(
                    caseID: sheet.id, elementID: unitSpan.element?.id, unit: unitSpan.unit, code: code.id, coder: name,
                    start: unitSpan.range.lowerBound, end: unitSpan.range.upperBound, text: quoted, cue: chosen.cue,
                    cueStart: chosen.start, cueEnd: chosen.end, negated: chosen.negated, negatedBy: chosen.negatedBy,
                    polarityConflict: chosen.negated == false && code.polarity.contradicts(elementPolarity)))
            }
        }
        return codings
    }

    /// Every cue hit in a text, negated ones included (offsets into `text`).
    public func hits(in text: String) -> [CueHit] {
        let scalars = Array(text.unicodeScalars)
        return hits(in: scalars[...], expressions: expressionMatches(scalars, units: [0..<scalars.count])[0])
    }

    /// Every cue hit in part of a text; offsets are the slice's (absolute) indices. `expressions` are
    /// the `re:` cue matches already found in it (cue index, range).
    func hits(in scalars: ArraySlice<Unicode.Scalar>, expressions: [(cue: Int, range: Range<Int>)]) -> [CueHit] {
        scanner.scan(scalars, into: &tokens)
        var kept: [TokenScanner.Typed] = []
        var cueSymbols: [[Int]] = []
        var negationSymbols: [[Int]] = []
        var breaks: [Bool] = []
        var clauseEnds: [Bool] = []
        kept.reserveCapacity(tokens.count)
        cueSymbols.reserveCapacity(tokens.count)
        negationSymbols.reserveCapacity(tokens.count)
        breaks.reserveCapacity(tokens.count)
        clauseEnds.reserveCapacity(tokens.count)
        for token in tokens {
            switch token.kind {
            case .boundary, .comma:
                kept.append(token)
                cueSymbols.append([])
                negationSymbols.append([])
                breaks.append(true)
                clauseEnds.append(token.kind == .boundary)
            case .word, .number:
                let entry = symbols.entry(forType: token.type, forms: scanner.types.forms)
                guard entry.ignored == false else { continue }
                kept.append(token)
                cueSymbols.append(entry.cues)
                negationSymbols.append(entry.negations)
                breaks.append(false)
                clauseEnds.append(entry.endsClause)
            }
        }
        let triggers = NegationScope(rules: coder.negation, tokens: kept, symbols: negationSymbols, breaks: breaks,
                                     clauseEnds: clauseEnds, scalars: scalars)
        var hits: [CueHit] = []
        for match in coder.automaton.matches(cueSymbols, breaks: breaks) {
            let cue = coder.cues[match.id]
            hits.append(CueHit(code: coder.codebook.codes[cue.code].id, cue: cue.pattern.source,
                               start: kept[match.first].start, end: kept[match.last].end,
                               negatedBy: triggers.cancelling(firstToken: match.first)))
        }
        for (index, range) in expressions {
            let cue = coder.cues[index]
            let firstToken = kept.firstIndex { $0.end > range.lowerBound } ?? kept.count
            hits.append(CueHit(code: coder.codebook.codes[cue.code].id, cue: cue.pattern.source, start: range.lowerBound,
                               end: range.upperBound, negatedBy: triggers.cancelling(firstToken: firstToken)))
        }
        return hits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The text `re:` cues run on: lower case, typographic apostrophes as `'`, one scalar for one
    /// scalar so offsets carry over unchanged.
    static func matchingText<Scalars: Sequence>(_ scalars: Scalars) -> String where Scalars.Element == Unicode.Scalar {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.isASCII {
                text.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar == "`" ? "'" : scalar)
            } else if ItalianTokenizer.apostrophes.contains(scalar) {
                text.append("'")
            } else {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                text.append(lower.count == 1 ? lower.first! : scalar)
            }
        }
        return String(text)
    }

    /// The matches of the `re:` cues in each unit. The units are joined into one text (separated by
    /// line breaks, which no cue crosses) so each expression runs once per case, not once per unit.
    func expressionMatches(_ scalars: [Unicode.Scalar], units: [Range<Int>]) -> [[(cue: Int, range: Range<Int>)]] {
        var matches = Array(repeating: [(cue: Int, range: Range<Int>)](), count: units.count)
        guard coder.expressionCues.isEmpty == false, units.isEmpty == false else { return matches }
        var joined = String.UnicodeScalarView()
        var starts: [Int] = []
        var count = 0
        for unit in units {
            starts.append(count)
            joined.append(contentsOf: Self.matchingText(scalars[unit]).unicodeScalars)
            joined.append("\n")
            count += unit.count + 1
        }
        let text = String(joined)
        // The prefilters read lower-case UTF-8 and hold only when no scalar can match an ASCII
        // letter case-insensitively unless it is one.
        let foldSafe = text.unicodeScalars.allSatisfy(ExpressionPrefilter.isFoldSafe)
        var candidates = [Bool](repeating: true, count: coder.expressionCues.count)
        if foldSafe, let found = text.utf8.withContiguousStorageIfAvailable(coder.expressionLiterals.candidates) {
            candidates = found
        }
        var map: UTF16ScalarMap?
        var length: Int?
        for (position, index) in coder.expressionCues.enumerated() where candidates[position] {
            guard let expression = coder.cues[index].pattern.expression else { continue }
            let regex = expression.regex
            if map == nil { map = UTF16ScalarMap(text) }
            let map = map!
            if length == nil { length = text.utf16.count }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: length!)) {
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

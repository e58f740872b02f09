import Foundation

/// Codes cases with one ``AutoCoder``, remembering what each distinct word matches.
/// Not thread-safe: give each concurrent task its own session.
public final class CodingSession {
    let coder: AutoCoder
    private let symbols: TokenSymbols
    private let tokenizer: ItalianTokenizer

    init(coder: AutoCoder) {
        self.coder = coder
        symbols = TokenSymbols(rules: coder.compiler.rules, cues: coder.automaton, negations: coder.negation.automaton)
        tokenizer = coder.compiler.tokenizer
    }

    /// The number of distinct word forms looked up so far.
    public var distinctWordForms: Int { symbols.distinctForms }

    /// Codes a case: each element (and, with `.sentence` or `.cell`, the sentences or cells of the other
    /// sections) gets at most one coding per code.
    public func code(_ sheet: Case, unit: CodingUnit = .element, coder name: String = "auto") -> [Coding] {
        let scalars = Array(sheet.text.unicodeScalars)
        var codings: [Coding] = []
        for unitSpan in CodingUnits.spans(of: sheet, unit: unit, scalars: scalars) {
            let hits = self.hits(in: scalars[unitSpan.range])
            let byCode = Dictionary(grouping: hits, by: \.code)
            for code in coder.codebook.codes where byCode[code.id] != nil {
                let codeHits = byCode[code.id]!
                let chosen = codeHits.first { $0.negated == false } ?? codeHits[0]
                var quoted = ""
                quoted.unicodeScalars.append(contentsOf: scalars[unitSpan.range])
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
        hits(in: Array(text.unicodeScalars)[...])
    }

    /// Every cue hit in part of a text; offsets are the slice's (absolute) indices.
    func hits(in scalars: ArraySlice<Unicode.Scalar>) -> [CueHit] {
        let tokens = tokenizer.tokens(scalars)
        let rules = coder.compiler.rules
        var kept: [Token] = []
        var cueSymbols: [[Int]] = []
        var negationSymbols: [[Int]] = []
        var breaks: [Bool] = []
        var clauseEnds: [Bool] = []
        kept.reserveCapacity(tokens.count)
        for token in tokens {
            switch token.kind {
            case .boundary, .comma:
                kept.append(token)
                cueSymbols.append([])
                negationSymbols.append([])
                breaks.append(true)
                clauseEnds.append(token.kind == .boundary)
            case .word, .number:
                let entry = symbols.entry(for: token.form)
                guard entry.ignored == false else { continue }
                kept.append(token)
                cueSymbols.append(entry.cues)
                negationSymbols.append(entry.negations)
                breaks.append(false)
                clauseEnds.append(rules.contrastWords.contains(token.form))
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
        if coder.expressionCues.isEmpty == false {
            hits += expressionHits(scalars, tokens: kept, triggers: triggers)
        }
        return hits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// The text `re:` cues run on: lower case, typographic apostrophes as `'`, one scalar for one
    /// scalar so offsets carry over unchanged.
    static func matchingText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            if ItalianTokenizer.apostrophes.contains(scalar) {
                text.append("'")
                continue
            }
            let lower = String(scalar).lowercased().unicodeScalars
            text.append(lower.count == 1 ? lower.first! : scalar)
        }
        return String(text)
    }

    private func expressionHits(_ scalars: ArraySlice<Unicode.Scalar>, tokens: [Token],
                                triggers: NegationScope) -> [CueHit] {
        let text = Self.matchingText(scalars)
        let map = UTF16ScalarMap(text)
        var hits: [CueHit] = []
        for index in coder.expressionCues {
            let cue = coder.cues[index]
            guard let regex = cue.pattern.expression?.regex else { continue }
            for match in regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
                let start = scalars.startIndex + map.scalarOffset(match.range.location)
                let end = scalars.startIndex + map.scalarOffset(match.range.location + match.range.length)
                guard end > start else { continue }
                let firstToken = tokens.firstIndex { $0.end > start } ?? tokens.count
                hits.append(CueHit(code: coder.codebook.codes[cue.code].id, cue: cue.pattern.source, start: start,
                                   end: end, negatedBy: triggers.cancelling(firstToken: firstToken)))
            }
        }
        return hits
    }
}

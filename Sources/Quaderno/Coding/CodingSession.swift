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
        let indexed = ScalarIndexedText(sheet.text)
        let scalars = indexed.scalars
        let spans = CodingUnits.spans(of: sheet, unit: unit, scalars: scalars)
        let expressions = expressionMatches(scalars, units: spans.map(\.range))
        var codings: [Coding] = []
        let codes = coder.codebook.codes
        for (position, unitSpan) in spans.enumerated() {
            let hits = self.hits(in: scalars[unitSpan.range], expressions: expressions[position])
            guard hits.isEmpty == false else { continue }
            // For each code id, its first hit that is not negated, or else its first hit.
            var chosenByID = [Int](repeating: -1, count: codes.count)
            for (index, hit) in hits.enumerated() {
                let group = coder.codeIDGroups[coder.cues[hit.cue].code]
                let current = chosenByID[group]
                if current < 0 || (hits[current].negatedBy != nil && hit.negatedBy == nil) { chosenByID[group] = index }
            }
            let quoted = indexed.slice(unitSpan.range)
            let elementPolarity = unitSpan.element?.polarity ?? .unspecified
            for (codeIndex, code) in codes.enumerated() where chosenByID[coder.codeIDGroups[codeIndex]] >= 0 {
                let chosen = hits[chosenByID[coder.codeIDGroups[codeIndex]]]
                codings.append(Coding(
                    caseID: sheet.id, elementID: unitSpan.element?.id, unit: unitSpan.unit, code: code.id, coder: name,
                    start: unitSpan.range.lowerBound, end: unitSpan.range.upperBound, text: quoted,
                    cue: coder.cues[chosen.cue].pattern.source, cueStart: chosen.start, cueEnd: chosen.end,
                    negated: chosen.negatedBy != nil, negatedBy: chosen.negatedBy,
                    polarityConflict: chosen.negatedBy == nil && code.polarity.contradicts(elementPolarity)))
            }
        }
        return codings
    }

    /// Every cue hit in a text, negated ones included (offsets into `text`).
    public func hits(in text: String) -> [CueHit] {
        let scalars = Array(text.unicodeScalars)
        return hits(in: scalars[...], expressions: expressionMatches(scalars, units: [0..<scalars.count])[0]).map {
            CueHit(code: coder.codebook.codes[coder.cues[$0.cue].code].id, cue: coder.cues[$0.cue].pattern.source,
                   start: $0.start, end: $0.end, negatedBy: $0.negatedBy)
        }
    }

    /// A cue hit: the cue's index in ``AutoCoder``'s `cues`, where, and what cancels it.
    struct Hit {
        var cue: Int
        var start: Int
        var end: Int
        var negatedBy: String?
    }

    /// Every cue hit in part of a text; offsets are the slice's (absolute) indices. `expressions` are
    /// the `re:` cue matches already found in it (cue index, range).
    func hits(in scalars: ArraySlice<Unicode.Scalar>, expressions: [(cue: Int, range: Range<Int>)]) -> [Hit] {
        scanner.scan(scalars, into: &tokens)
        var kept: [TokenScanner.Typed] = []
        var cueRuns: [PhraseAutomaton.Run] = []
        var negationRuns: [PhraseAutomaton.Run] = []
        var breaks: [Bool] = []
        var clauseEnds: [Bool] = []
        kept.reserveCapacity(tokens.count)
        cueRuns.reserveCapacity(tokens.count)
        negationRuns.reserveCapacity(tokens.count)
        breaks.reserveCapacity(tokens.count)
        clauseEnds.reserveCapacity(tokens.count)
        let forms = scanner.types.forms
        for token in tokens where token.kind == .word || token.kind == .number {
            symbols.lookUp(type: token.type, forms: forms)
        }
        let states = symbols.stateByType
        let cues = symbols.cueRunByType
        let negations = symbols.negationRunByType
        let contrasts = symbols.endsClauseByType
        for token in tokens {
            switch token.kind {
            case .boundary, .comma:
                kept.append(token)
                cueRuns.append(.empty)
                negationRuns.append(.empty)
                breaks.append(true)
                clauseEnds.append(token.kind == .boundary)
            case .word, .number:
                let type = Int(token.type)
                // Articles take no part in matching.
                guard states[type] == 2 else { continue }
                kept.append(token)
                cueRuns.append(cues[type])
                negationRuns.append(negations[type])
                breaks.append(false)
                clauseEnds.append(contrasts[type])
            }
        }
        let triggers = NegationScope(rules: coder.negation, tokens: kept, runs: negationRuns, pool: symbols.negationPool,
                                     breaks: breaks, clauseEnds: clauseEnds, scalars: scalars)
        var hits: [Hit] = []
        for match in coder.automaton.matches(cueRuns, pool: symbols.cuePool, breaks: breaks) {
            hits.append(Hit(cue: match.id, start: kept[match.first].start, end: kept[match.last].end,
                            negatedBy: triggers.cancelling(firstToken: match.first)))
        }
        for (index, range) in expressions {
            let firstToken = kept.firstIndex { $0.end > range.lowerBound } ?? kept.count
            hits.append(Hit(cue: index, start: range.lowerBound, end: range.upperBound,
                            negatedBy: triggers.cancelling(firstToken: firstToken)))
        }
        return hits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}

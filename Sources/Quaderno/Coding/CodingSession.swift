import Foundation

/// Codes cases with one ``AutoCoder``, remembering what each distinct word matches.
/// Not thread-safe: give each concurrent task its own session.
public final class CodingSession {
    let coder: AutoCoder
    private let symbols: TokenSymbols
    private var scanner: TokenScanner
    private var tokens: [TokenScanner.Typed] = []
    private var scratch = Scratch()
    /// The buffers of ``expressionMatches(in:)``, kept between units for their capacity.
    var expressionScratch = ExpressionScratch()

    /// The per-unit arrays of ``hits(in:expressions:)``, kept between units for their capacity.
    private struct Scratch {
        var kept: [TokenScanner.Typed] = []
        var cueRuns: [PhraseAutomaton.Run] = []
        var negationRuns: [PhraseAutomaton.Run] = []
        var breaks: [Bool] = []
        var clauseEnds: [Bool] = []
    }

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
        let indexed: ScalarIndexedText
        let spans: [CodingUnits.Span]
        if unit == .element {
            // Elements are found without the scalars, and only theirs are decoded.
            spans = CodingUnits.spans(of: sheet, unit: .element, scalars: [])
            indexed = ScalarIndexedText(sheet.text, decoding: spans.map(\.range))
        } else {
            indexed = ScalarIndexedText(sheet.text)
            spans = CodingUnits.spans(of: sheet, unit: unit, scalars: indexed.scalars)
        }
        var codings: [Coding] = []
        let codeIDs = coder.codeIDs
        let codePolarities = coder.codePolarities
        let groups = coder.codeIDGroups
        let cueGroups = coder.cueGroups
        let cueSources = coder.cueSources
        var chosenByID = [Int](repeating: -1, count: codeIDs.count)
        for unitSpan in spans {
            let (scalars, offset) = indexed.scalars(in: unitSpan.range)
            let hits = self.hits(in: scalars, offset: offset, expressions: expressionMatches(in: scalars))
            guard hits.isEmpty == false else { continue }
            // For each code id, its first hit that is not negated, or else its first hit.
            for index in chosenByID.indices { chosenByID[index] = -1 }
            for (index, hit) in hits.enumerated() {
                let group = cueGroups[hit.cue]
                let current = chosenByID[group]
                if current < 0 || (hits[current].negatedBy != nil && hit.negatedBy == nil) { chosenByID[group] = index }
            }
            let quoted = indexed.slice(unitSpan.range)
            for codeIndex in codeIDs.indices where chosenByID[groups[codeIndex]] >= 0 {
                let chosen = hits[chosenByID[groups[codeIndex]]]
                codings.append(Coding(
                    caseID: sheet.id, elementID: unitSpan.elementID, unit: unitSpan.unit, code: codeIDs[codeIndex],
                    coder: name, start: unitSpan.range.lowerBound, end: unitSpan.range.upperBound, text: quoted,
                    cue: cueSources[chosen.cue], cueStart: chosen.start, cueEnd: chosen.end,
                    negated: chosen.negatedBy != nil, negatedBy: chosen.negatedBy,
                    polarityConflict: chosen.negatedBy == nil && codePolarities[codeIndex].contradicts(unitSpan.polarity)))
            }
        }
        return codings
    }

    /// Every cue hit in a text, negated ones included (offsets into `text`).
    public func hits(in text: String) -> [CueHit] {
        let scalars = Array(text.unicodeScalars)[...]
        return hits(in: scalars, offset: 0, expressions: expressionMatches(in: scalars)).map {
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

    /// Every cue hit in part of a text: the slice's indices plus `offset` are offsets into the text, and
    /// so are the hits'. `expressions` are the `re:` cue matches already found in the slice (cue index,
    /// range in the slice's indices).
    func hits(in scalars: ArraySlice<Unicode.Scalar>, offset: Int, expressions: [(cue: Int, range: Range<Int>)]) -> [Hit] {
        scanner.scan(scalars, into: &tokens)
        // The session's buffers, taken so that filling them copies nothing, and given back below.
        var kept = scratch.kept
        var cueRuns = scratch.cueRuns
        var negationRuns = scratch.negationRuns
        var breaks = scratch.breaks
        var clauseEnds = scratch.clauseEnds
        scratch = Scratch()
        defer { scratch = Scratch(kept: kept, cueRuns: cueRuns, negationRuns: negationRuns, breaks: breaks,
                                  clauseEnds: clauseEnds) }
        kept.removeAll(keepingCapacity: true)
        cueRuns.removeAll(keepingCapacity: true)
        negationRuns.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
        clauseEnds.removeAll(keepingCapacity: true)
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
        var triggers = NegationScope(rules: coder.negation, tokens: kept, runs: negationRuns, pool: symbols.negationPool,
                                     breaks: breaks, clauseEnds: clauseEnds, scalars: scalars)
        var hits: [Hit] = []
        for match in coder.automaton.matches(cueRuns, pool: symbols.cuePool, breaks: breaks) {
            hits.append(Hit(cue: match.id, start: kept[match.first].start + offset, end: kept[match.last].end + offset,
                            negatedBy: triggers.cancelling(firstToken: match.first)))
        }
        for (index, range) in expressions {
            let firstToken = kept.firstIndex { $0.end > range.lowerBound } ?? kept.count
            hits.append(Hit(cue: index, start: range.lowerBound + offset, end: range.upperBound + offset,
                            negatedBy: triggers.cancelling(firstToken: firstToken)))
        }
        hits.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        return hits
    }
}

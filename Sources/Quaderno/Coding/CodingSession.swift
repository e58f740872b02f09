import Foundation

/// Codes cases with one ``AutoCoder``, remembering what each distinct word matches.
/// Not thread-safe: give each concurrent task its own session.
public final class CodingSession {
    let coder: AutoCoder
    let symbols: TokenSymbols
    // A session is used by one thread at a time, and its scratch buffers are taken out and given back
    // by one method at a time: Swift's run-time exclusivity checks on them are off.
    @exclusivity(unchecked) var scanner: TokenScanner
    /// Every token of the unit being coded.
    @exclusivity(unchecked) var scanned: [TokenScanner.Typed] = []
    /// The buffers of `withUnitTokens`, kept between units for their capacity.
    @exclusivity(unchecked) var unitScratch = UnitTokens()
    /// The buffers of ``expressionMatches(in:)``, kept between units for their capacity.
    @exclusivity(unchecked) var expressionScratch = ExpressionScratch()

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
        autoCodings(of: sheet, unit: unit, coder: name).codings
    }

    /// ``code(_:unit:coder:)``, appending to `codings`.
    public func code(_ sheet: Case, unit: CodingUnit = .element, coder name: String = "auto",
                     into codings: inout [Coding]) {
        let made = autoCodings(of: sheet, unit: unit, coder: name)
        // No `reserveCapacity` here: called once per case on one growing array, it would copy the
        // whole array every time instead of letting appends double it.
        for entry in made.entries { codings.append(made.coding(entry)) }
    }

    /// ``code(_:unit:coder:)`` in the compact form the store takes: the codings are written out
    /// as ``Coding`` values only if ``AutoCodings/codings`` is asked for.
    public func autoCodings(of sheet: Case, unit: CodingUnit = .element, coder name: String = "auto") -> AutoCodings {
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
        let codeIDs = coder.codeIDs
        let codePolarities = coder.codePolarities
        let groups = coder.codeIDGroups
        var made = AutoCodings(caseID: sheet.id, coder: name, caseText: sheet.text, codeIDs: codeIDs, cueSources: coder.cueSources)
        var chosen = [Hit](repeating: .none, count: codeIDs.count)
        for unitSpan in spans {
            let (scalars, offset) = indexed.scalars(in: unitSpan.range)
            let expressions = expressionMatches(in: scalars)
            guard chooseHits(in: scalars, offset: offset, expressions: expressions, into: &chosen,
                             negations: &made.negations) else { continue }
            let unitIndex = Int32(made.units.count)
            var coded = false
            // One coding per code id: a code whose id an earlier code has is that code's group.
            for codeIndex in codeIDs.indices where groups[codeIndex] == codeIndex {
                let hit = chosen[codeIndex]
                guard hit.isNone == false else { continue }
                made.entries.append(AutoCodings.Entry(
                    unit: unitIndex, code: Int32(codeIndex), cue: hit.cue, negation: hit.negation,
                    cueStart: hit.start, cueEnd: hit.end,
                    polarityConflict: hit.negated == false && codePolarities[codeIndex].contradicts(unitSpan.polarity)))
                coded = true
            }
            guard coded else { continue }
            made.units.append(AutoCodings.Unit(range: unitSpan.range, kind: unitSpan.unit, elementID: unitSpan.elementID,
                                               utf8: indexed.utf8Range(unitSpan.range)))
        }
        return made
    }

    /// Every cue hit in a text, negated ones included (offsets into `text`).
    public func hits(in text: String) -> [CueHit] {
        let scalars = Array(text.unicodeScalars)[...]
        return allHits(in: scalars, offset: 0, expressions: expressionMatches(in: scalars)).map {
            let cue = coder.cues[Int($0.hit.cue)]
            return CueHit(code: coder.codebook.codes[cue.code].id, cue: cue.pattern.source,
                          start: $0.hit.start, end: $0.hit.end, negatedBy: $0.negatedBy)
        }
    }

    /// A cue hit: the cue's index in ``AutoCoder``'s `cues`, where, and what cancels it; plain
    /// numbers, so that choosing among a unit's hits touches no reference count.
    struct Hit {
        var cue: Int32
        /// The trigger or phrase that cancels the cue (by number, see ``chooseHits``), or -1.
        var negation: Int32
        var start: Int
        var end: Int

        /// No hit.
        static let none = Hit(cue: -1, negation: -1, start: 0, end: 0)

        var isNone: Bool { cue < 0 }
        var negated: Bool { negation >= 0 }
        /// A hit that is not negated: only an earlier one can replace it.
        var settled: Bool { cue >= 0 && negation < 0 }
    }
}

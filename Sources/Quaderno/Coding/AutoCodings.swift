/// One case's automatic codings as a ``CodingSession`` makes them: each unit coded once (its span,
/// element and quoted text), and per coding only numbers (the unit, the code and the cue by their
/// place in the codebook, where the cue matched). A large codebook makes tens of codings per element,
/// and writing each as a ``Coding`` (eight strings) cost more than finding it; ``codings`` writes
/// them out when they are wanted, and the project store binds them straight from here.
public struct AutoCodings: Sendable {
    /// The case coded.
    public let caseID: String
    /// Who coded (`auto` unless the run was named otherwise).
    public let coder: String

    /// A unit with at least one coding.
    struct Unit: Sendable {
        var range: Range<Int>
        /// `element`, `sentence` or `cell`.
        var kind: String
        var elementID: String?
        /// Where the unit's text is in the case text's UTF-8 (its text is made only when asked for:
        /// the store binds these bytes).
        var utf8: Range<Int>
    }

    /// One coding: plain numbers, so that making, keeping and dropping it touches no reference count.
    struct Entry: Sendable {
        /// Index into `units`.
        var unit: Int32
        /// Index into the coder's codes.
        var code: Int32
        /// Index into the coder's cues.
        var cue: Int32
        /// Index into `negations`, or -1 when the coding is not negated.
        var negation: Int32
        var cueStart: Int
        var cueEnd: Int
        var polarityConflict: Bool
    }

    var units: [Unit] = []
    var entries: [Entry] = []
    /// The negation or reversal phrases of the negated entries.
    var negations: [String] = []
    /// The coder's code ids and cue sources, which entries index.
    let codeIDs: [String]
    let cueSources: [String]
    /// The case text, which the units' ranges point into (shared, not copied).
    let caseText: String

    init(caseID: String, coder: String, caseText: String, codeIDs: [String], cueSources: [String]) {
        self.caseID = caseID
        self.coder = coder
        self.caseText = caseText
        self.codeIDs = codeIDs
        self.cueSources = cueSources
    }

    /// The number of codings, negated ones included.
    public var count: Int { entries.count }

    /// The codings listed but not counted because every cue of their code was negated or reversed.
    public var negatedCount: Int { entries.count(where: { $0.negation >= 0 }) }

    /// The codings whose code's polarity contradicts the element's.
    public var conflictCount: Int { entries.count(where: \.polarityConflict) }

    /// The codings written out, in the order they were made (unit by unit, codes in codebook order).
    public var codings: [Coding] {
        entries.map(coding)
    }

    /// The text of unit `unit`.
    func text(of unit: Unit) -> String {
        caseText.utf8Slice(unit.utf8)
    }

    /// Entry `entry` as a ``Coding``.
    func coding(_ entry: Entry) -> Coding {
        let unit = units[Int(entry.unit)]
        let negatedBy = entry.negation >= 0 ? negations[Int(entry.negation)] : nil
        return Coding(caseID: caseID, elementID: unit.elementID, unit: unit.kind, code: codeIDs[Int(entry.code)],
                      coder: coder, start: unit.range.lowerBound, end: unit.range.upperBound, text: text(of: unit),
                      cue: cueSources[Int(entry.cue)], cueStart: entry.cueStart, cueEnd: entry.cueEnd,
                      negated: negatedBy != nil, negatedBy: negatedBy, polarityConflict: entry.polarityConflict)
    }
}

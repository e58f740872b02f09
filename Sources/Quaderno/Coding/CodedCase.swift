/// A case with the codings made on it: the Coding stage's output.
public struct CodedCase: Sendable, Equatable {
    /// The imported case.
    public var sheet: Case
    /// Its codings, negated ones included.
    public var codings: [Coding]

    /// Creates a coded case.
    public init(sheet: Case, codings: [Coding]) {
        self.sheet = sheet
        self.codings = codings
    }
}

/// The JSON `quaderno inspect` prints: the case's keys, then `codings` when a codebook was given.
public struct InspectJSON: Encodable {
    let coded: CodedCase
    let includeCodings: Bool

    /// Wraps a coded case; `includeCodings` adds the `codings` array.
    public init(coded: CodedCase, includeCodings: Bool) {
        self.coded = coded
        self.includeCodings = includeCodings
    }

    struct CodingJSON: Encodable {
        var element_id: String?
        var unit: String
        var code: String
        var start: Int
        var end: Int
        var cue: String?
        var cue_start: Int?
        var cue_end: Int?
        var negated: Bool
        var negated_by: String?
        var polarity_conflict: Bool
    }

    enum Keys: String, CodingKey { case codings }

    /// Encodes the case, then its codings.
    public func encode(to encoder: any Encoder) throws {
        try coded.sheet.encode(to: encoder)
        guard includeCodings else { return }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(coded.codings.map {
            CodingJSON(element_id: $0.elementID, unit: $0.unit, code: $0.code, start: $0.start, end: $0.end, cue: $0.cue,
                       cue_start: $0.cueStart, cue_end: $0.cueEnd, negated: $0.negated, negated_by: $0.negatedBy,
                       polarity_conflict: $0.polarityConflict)
        }, forKey: .codings)
    }
}

/// The application of a code to a span of a case's text, by a coder.
public struct Coding: Codable, Sendable, Equatable, Hashable {
    /// The case the coded text belongs to.
    public var caseID: String
    /// The element coded, when the unit is an element (nil for sentences, cells or free spans).
    public var elementID: String?
    /// What was coded: `element`, `sentence`, `cell`, or `span` for a free selection.
    public var unit: String
    /// The code's identifier in the codebook.
    public var code: String
    /// Who coded: `auto` for Quaderno's cue matcher, otherwise a person's name.
    public var coder: String
    /// The coded text, equal to the case text at `start..<end`.
    public var text: String
    /// Start of the coded span, in Unicode scalars into the case text.
    public var start: Int
    /// End (exclusive) of the coded span.
    public var end: Int
    /// The cue that triggered an automatic coding, as written in the codebook.
    public var cue: String?
    /// Where the cue matched, when automatic.
    public var cueStart: Int?
    /// End (exclusive) of the cue match.
    public var cueEnd: Int?
    /// True when every match of the code's cues was negated or reversed: listed, never counted.
    public var negated: Bool
    /// The negation or reversal phrase responsible, when negated.
    public var negatedBy: String?
    /// True when the code's polarity contradicts the element's (a negative code on a positive element).
    public var polarityConflict: Bool

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", elementID = "element_id", unit, code, coder, start, end, text, cue
        case cueStart = "cue_start", cueEnd = "cue_end", negated, negatedBy = "negated_by"
        case polarityConflict = "polarity_conflict"
    }

    /// Creates a coding.
    public init(caseID: String, elementID: String?, unit: String = "element", code: String, coder: String,
                start: Int, end: Int, text: String, cue: String? = nil, cueStart: Int? = nil, cueEnd: Int? = nil,
                negated: Bool = false, negatedBy: String? = nil, polarityConflict: Bool = false) {
        self.caseID = caseID
        self.elementID = elementID
        self.unit = unit
        self.code = code
        self.coder = coder
        self.start = start
        self.end = end
        self.text = text
        self.cue = cue
        self.cueStart = cueStart
        self.cueEnd = cueEnd
        self.negated = negated
        self.negatedBy = negatedBy
        self.polarityConflict = polarityConflict
    }
}

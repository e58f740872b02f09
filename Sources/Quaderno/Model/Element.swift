/// One item of a case's summary section: a positive or negative feature of the experience.
public struct Element: Codable, Sendable, Equatable {
    /// Identifier unique within the case (`e1`, `e2`, ... in document order).
    public var id: String
    /// Whether the sheet presents the element as positive or negative.
    public var polarity: Polarity
    /// Why the polarity was assigned: `heading`, `column`, `label`, `group-order` or `none`.
    public var polaritySource: String
    /// The heading, label or column header that gave the polarity, when there was one.
    public var polarityEvidence: String?
    /// The element's text, exactly as it appears at `start..<end` of the case text.
    public var text: String
    /// Start offset in Unicode scalars into the case text.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars into the case text.
    public var end: Int

    /// Creates an element.
    public init(id: String, polarity: Polarity, polaritySource: String, polarityEvidence: String? = nil,
                text: String, start: Int, end: Int) {
        self.id = id
        self.polarity = polarity
        self.polaritySource = polaritySource
        self.polarityEvidence = polarityEvidence
        self.text = text
        self.start = start
        self.end = end
    }

    enum CodingKeys: String, CodingKey {
        case id, polarity, polaritySource = "polarity_source", polarityEvidence = "polarity_evidence"
        case text, start, end
    }
}

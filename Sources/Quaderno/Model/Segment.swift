/// A piece of a case's plain text as the sheet laid it out: a heading, a paragraph, a list item,
/// a table cell's paragraph or item. Coding units other than elements are cut from segments.
public struct Segment: Codable, Sendable, Equatable {
    /// What kind of piece it is.
    public enum Kind: String, Codable, Sendable {
        case title, heading, paragraph, item, cell
    }

    /// The kind of piece.
    public var kind: Kind
    /// The heading of the section it belongs to (empty before the first heading).
    public var section: String
    /// Start in Unicode scalars into the case text.
    public var start: Int
    /// End (exclusive) in Unicode scalars.
    public var end: Int

    /// Creates a segment.
    public init(kind: Kind, section: String, start: Int, end: Int) {
        self.kind = kind
        self.section = section
        self.start = start
        self.end = end
    }
}

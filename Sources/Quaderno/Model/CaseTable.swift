/// A table of a case, resolved into a rectangular grid of cell texts.
public struct CaseTable: Codable, Sendable, Equatable {
    /// The heading of the section the table belongs to.
    public var section: String
    /// The header row, empty when the table has none.
    public var header: [String]
    /// The body rows; every row has as many cells as the widest row.
    public var rows: [[String]]

    /// Creates a table.
    public init(section: String, header: [String], rows: [[String]]) {
        self.section = section
        self.header = header
        self.rows = rows
    }
}

/// A table of a case, resolved into a rectangular grid of cell texts.
///
/// The cells are stored as ranges of one text rather than as an array of strings per row: for an
/// imported table that text is the case's own text (shared, not copied), so a large file's tables
/// cost a few bytes per cell instead of a second copy of their words.
public struct CaseTable: Sendable {
    /// The heading of the section the table belongs to.
    public var section: String
    /// The text the cells are cut from.
    private var source: String
    /// Each cell's UTF-8 byte range in `source`: the header's cells, then the body's, row by row.
    private var cells: [Range<Int>]
    /// Where each row ends in `cells`, the header first (empty when the table has none).
    private var rowEnds: [Int]

    /// Creates a table.
    public init(section: String, header: [String], rows: [[String]]) {
        self.section = section
        var source = ""
        var cells: [Range<Int>] = []
        var rowEnds: [Int] = []
        for row in [header] + rows {
            for cell in row {
                let start = source.utf8.count
                source += cell
                cells.append(start..<source.utf8.count)
            }
            rowEnds.append(cells.count)
        }
        self.source = source
        self.cells = cells
        self.rowEnds = rowEnds
    }

    /// A table whose cells are ranges of `text` (the case's text): `rowEnds` says where each row
    /// ends in `cells`, the header row first.
    init(section: String, text: String, cells: [Range<Int>], rowEnds: [Int]) {
        self.section = section
        source = text
        self.cells = cells
        self.rowEnds = rowEnds
    }

    /// The header row, empty when the table has none.
    public var header: [String] {
        get { row(0) }
        set { self = CaseTable(section: section, header: newValue, rows: rows) }
    }

    /// The body rows; every row has as many cells as the widest row.
    public var rows: [[String]] {
        get { (1..<rowEnds.count).map(row) }
        set { self = CaseTable(section: section, header: header, rows: newValue) }
    }

    /// The texts of row `index` (0 is the header).
    private func row(_ index: Int) -> [String] {
        let range = (index == 0 ? 0 : rowEnds[index - 1])..<rowEnds[index]
        guard range.isEmpty == false else { return [] }
        var source = source
        return source.withUTF8 { bytes in
            cells[range].map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
    }
}

extension CaseTable: Equatable {
    /// Tables are equal when their sections and cell texts are, however the cells are stored.
    public static func == (lhs: CaseTable, rhs: CaseTable) -> Bool {
        lhs.section == rhs.section && lhs.header == rhs.header && lhs.rows == rhs.rows
    }
}

extension CaseTable: Codable {
    private enum CodingKeys: String, CodingKey {
        case section, header, rows
    }

    /// Reads a table written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(section: try container.decode(String.self, forKey: .section),
                  header: try container.decode([String].self, forKey: .header),
                  rows: try container.decode([[String]].self, forKey: .rows))
    }

    /// Writes the section, the header and the rows, as texts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(section, forKey: .section)
        try container.encode(header, forKey: .header)
        try container.encode(rows, forKey: .rows)
    }
}

/// Collects the rows and cells of one table as they are parsed, then resolves spans into a grid.
struct TableAssembly {
    private struct RawCell {
        var parts: [CellPart] = []
        var isHeader: Bool
        var columns: Int
        var rows: Int
        var continuesAbove: Bool
        var boldCharacters = 0
        var plainCharacters = 0
    }

    /// Spans larger than these are clamped: enough for any sheet, bounded for hostile files.
    static let maximumColumnSpan = 100
    static let maximumRowSpan = 1000
    /// The most positions a resolved grid may have (rows × columns, spans and padding included). Spans
    /// and padding multiply: one row of a thousand `colspan=100` cells would pad every other row to
    /// 100,000 positions, so an 87 KB page could ask for gigabytes. A table past this is refused.
    static let maximumCells = 1 << 23

    private var rows: [[RawCell]] = []
    private var headerRows: Set<Int> = []
    private var row: [RawCell]?
    private var rowIsHeader = false
    private var cell: RawCell?

    var hasOpenCell: Bool { cell != nil }

    mutating func openRow(header: Bool) {
        closeRow()
        row = []
        rowIsHeader = header
    }

    mutating func closeRow() {
        closeCell()
        guard let finished = row else { return }
        if finished.isEmpty == false {
            if rowIsHeader { headerRows.insert(rows.count) }
            rows.append(finished)
        }
        row = nil
    }

    mutating func openCell(header: Bool, columns: Int, rows spanRows: Int, continuesAbove: Bool) {
        closeCell()
        if row == nil { openRow(header: false) }
        cell = RawCell(isHeader: header, columns: min(max(1, columns), Self.maximumColumnSpan),
                       rows: min(max(1, spanRows), Self.maximumRowSpan), continuesAbove: continuesAbove)
    }

    mutating func closeCell() {
        guard let finished = cell else { return }
        row?.append(finished)
        cell = nil
    }

    mutating func add(_ part: CellPart) {
        cell?.parts.append(part)
    }

    mutating func countText(_ count: Int, bold: Bool) {
        guard cell != nil else { return }
        if bold { cell!.boldCharacters += count } else { cell!.plainCharacters += count }
    }

    /// The grid: spans copied into the positions they cover, short rows padded, empty rows dropped.
    /// Nil when the grid would have more than ``maximumCells`` positions.
    mutating func resolved() -> TableBlock? {
        closeRow()
        var grid: [[TableCell]] = []
        var carried: [Int: (cell: TableCell, remaining: Int)] = [:]
        var positions = 0
        var width = 0
        for (rowIndex, rawRow) in rows.enumerated() {
            var line: [TableCell] = []
            func fillCarried(upTo limit: Int?) {
                while let carry = carried[line.count], limit.map({ line.count < $0 }) ?? true {
                    line.append(carry.cell)
                    carried[line.count - 1] = carry.remaining > 1 ? (carry.cell, carry.remaining - 1) : nil
                }
            }
            for raw in rawRow {
                guard positions + line.count + raw.columns <= Self.maximumCells else { return nil }
                fillCarried(upTo: nil)
                let header = raw.isHeader || headerRows.contains(rowIndex)
                    || (raw.boldCharacters > 0 && raw.plainCharacters == 0)
                var placed = TableCell(parts: raw.parts, isHeader: header)
                if raw.continuesAbove, let above = grid.last, line.count < above.count {
                    placed = above[line.count]
                    placed.isSpanCopy = true
                }
                var copy = placed
                copy.isSpanCopy = true
                for offset in 0..<raw.columns {
                    // A cell that overlaps a row span (a malformed table) takes the position, and the
                    // span still uses up this row, so it cannot leak into rows below its own.
                    if let carry = carried[line.count] {
                        carried[line.count] = carry.remaining > 1 ? (carry.cell, carry.remaining - 1) : nil
                    }
                    line.append(offset == 0 ? placed : copy)
                    if raw.rows > 1 { carried[line.count - 1] = (copy, raw.rows - 1) }
                }
            }
            if let last = carried.keys.max(), last >= line.count {
                while line.count <= last {
                    if carried[line.count] != nil { fillCarried(upTo: line.count + 1) } else { line.append(.filler) }
                }
            }
            positions += line.count
            width = max(width, line.count)
            guard grid.count < Self.maximumCells / max(1, width) else { return nil }
            grid.append(line)
        }
        grid = grid.map { $0 + Array(repeating: .filler, count: width - $0.count) }
            .filter { line in line.contains { !$0.isEmpty } }
        var headerCount = 0
        for line in grid {
            let filled = line.filter { !$0.isEmpty }
            guard filled.isEmpty == false, filled.allSatisfy(\.isHeader) else { break }
            headerCount += 1
        }
        if headerCount == grid.count, grid.count > 1 { headerCount = 1 }
        return TableBlock(rows: grid, headerRowCount: headerCount)
    }
}

/// Joins what a page break split: a section that repeats the previous heading continues it, and a
/// table that repeats the previous table's header row continues that table.
///
/// Blocks pass through one at a time (``add(_:to:)``), so a document's blocks never need to be held
/// all at once. Only what a repeated heading could still change is held back: the last table and the
/// blank separators after the last block.
struct PageBreakMerger {
    private var currentHeading: (level: Int, text: String)?
    /// After a repeated heading, until the next block other than a separator.
    private var continuing = false
    /// The last block passed, when it is a table that the next page may continue.
    private var heldTable: TableBlock?
    /// Separators after the last block, dropped if a repeated heading follows.
    private var heldSeparators = 0

    /// Takes the next block of the document; `deliver` receives the merged blocks, in order.
    mutating func add(_ block: Block, to deliver: (Block) -> Void) {
        switch block {
        case .heading(let level, let text):
            if let current = currentHeading, current.level == level, Self.sameWords(current.text, text) {
                heldSeparators = 0
                continuing = true
                return
            }
            release(to: deliver)
            currentHeading = (level, text)
            continuing = false
            deliver(block)
        case .separator:
            if continuing == false { heldSeparators += 1 }
        case .table(let table):
            if continuing, heldSeparators == 0, let previous = heldTable, let joined = Self.join(previous, table) {
                heldTable = joined
            } else {
                release(to: deliver)
                heldTable = table
            }
            continuing = false
        default:
            release(to: deliver)
            continuing = false
            deliver(block)
        }
    }

    /// Delivers what is still held back, at the end of the document.
    mutating func finish(to deliver: (Block) -> Void) {
        release(to: deliver)
    }

    private mutating func release(to deliver: (Block) -> Void) {
        if let table = heldTable {
            heldTable = nil
            deliver(.table(table))
        }
        for _ in 0..<heldSeparators { deliver(.separator) }
        heldSeparators = 0
    }

    /// Whether two texts have the same words, ignoring case, accents and punctuation (equal texts
    /// need no folding).
    private static func sameWords(_ first: String, _ second: String) -> Bool {
        first == second || first.foldedWords == second.foldedWords
    }

    /// `next` continues `previous` when it has the same width and repeats its header rows (or neither
    /// has any).
    private static func join(_ previous: TableBlock, _ next: TableBlock) -> TableBlock? {
        guard previous.width == next.width, previous.headerRowCount == next.headerRowCount else { return nil }
        let header = previous.rows.prefix(previous.headerRowCount)
        let repeated = next.rows.prefix(next.headerRowCount)
        guard zip(header, repeated).allSatisfy({ zip($0, $1).allSatisfy { sameWords($0.text, $1.text) } }) else { return nil }
        var joined = previous
        joined.rows += next.rows.dropFirst(next.headerRowCount)
        return joined
    }
}

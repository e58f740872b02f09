/// Joins what a page break split: a section that repeats the previous heading continues it, and a
/// table that repeats the previous table's header row continues that table.
enum PageBreakMerger {
    static func merge(_ blocks: [Block]) -> [Block] {
        var merged: [Block] = []
        var currentHeading: (level: Int, text: String)?
        var continuing = false
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                if let current = currentHeading, current.level == level, sameWords(current.text, text) {
                    while case .separator? = merged.last { merged.removeLast() }
                    continuing = true
                    continue
                }
                currentHeading = (level, text)
                continuing = false
                merged.append(block)
            case .separator:
                if continuing == false { merged.append(block) }
            case .table(let table):
                if continuing, let index = merged.lastIndex(where: { if case .table = $0 { true } else { false } }),
                   index == merged.count - 1, case .table(let previous) = merged[index],
                   let joined = join(previous, table) {
                    merged[index] = .table(joined)
                } else {
                    merged.append(block)
                }
                continuing = false
            default:
                continuing = false
                merged.append(block)
            }
        }
        return merged
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

/// Finds a case's title while its blocks go by: the first title block if there is one; else a heading
/// that opens the document above its sections: one before the first top-level heading (a sheet's
/// `## *Scheda ...*` above its `#` sections), or the only top-level heading when the sections sit below it.
struct FrontMatterTitle {
    private var sawTitleBlock = false
    private var fromTitleBlock = ""
    private var firstHeading: (level: Int, text: String)?
    private var headingCount = 0
    private var topLevel = Int.max
    private var topLevelCount = 0

    /// Takes the next block of the document.
    mutating func note(_ block: Block) {
        switch block {
        case .title(let title):
            sawTitleBlock = true
            // A title that cleans to nothing leaves the place to the next one.
            if fromTitleBlock.isEmpty { fromTitleBlock = Self.clean(title) }
        case .heading(let level, let text):
            headingCount += 1
            if firstHeading == nil { firstHeading = (level, text) }
            if level < topLevel {
                (topLevel, topLevelCount) = (level, 1)
            } else if level == topLevel {
                topLevelCount += 1
            }
        default:
            break
        }
    }

    /// The title, once every block was noted; empty when the document has none.
    var title: String {
        if sawTitleBlock { return fromTitleBlock }
        guard let first = firstHeading else { return "" }
        if first.level > topLevel { return Self.clean(first.text) }
        return topLevelCount == 1 && headingCount > 1 ? Self.clean(first.text) : ""
    }

    /// A title without surrounding quotes that were left unbalanced, line breaks as spaces.
    static func clean(_ title: String) -> String {
        var cleaned = title.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }.joined(separator: " ")
        let quotes: [(Character, Character)] = [("“", "”"), ("«", "»"), ("\"", "\"")]
        for (open, close) in quotes {
            if cleaned.first == open, cleaned.dropFirst().contains(close) == false { cleaned.removeFirst() }
            if cleaned.last == close, cleaned.dropLast().contains(open) == false { cleaned.removeLast() }
        }
        return cleaned.trimmingWhitespace()
    }
}

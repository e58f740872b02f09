/// Finds the elements of a case's summary section and decides their polarity.
///
/// Evidence, strongest first: a heading, label or column header that announces a polarity
/// ("Punti di forza", "Criticità"); then the survey's convention under one combined heading (two
/// groups separated by a blank line, positives first); otherwise the polarity stays unspecified and
/// a warning says so.
struct ElementCollector {
    private enum Mode {
        case outside
        case announced(Polarity, source: String, evidence: String)
        case combined(evidence: String)
        case unlabelled(evidence: String)
    }

    private struct Draft {
        var text: String
        var range: Range<Int>
        var polarity: Polarity
        var source: String
        var evidence: String?
        var group: Int?
        /// A paragraph rather than a list item or table cell.
        var isParagraph = false
        /// Which summary section (in order) the draft belongs to.
        var section = 0
    }

    let vocabulary: ImportVocabulary
    private var mode: Mode = .outside
    private var summaryLevel: Int?
    private var drafts: [Draft] = []
    private var group = 0
    private var groupHasItems = false
    private var section = 0
    private(set) var warnings: [String] = []

    init(vocabulary: ImportVocabulary) {
        self.vocabulary = vocabulary
    }

    /// Whether the section being read lists elements.
    var inSummary: Bool {
        if case .outside = mode { return false }
        return true
    }

    mutating func heading(level: Int, text: String) {
        let meanings = vocabulary.meanings(of: text)
        let combined = meanings.contains(.positive) && meanings.contains(.negative)
        let polarity = vocabulary.polarity(of: text)
        if let summaryLevel, level > summaryLevel {
            if let polarity {
                mode = .announced(polarity, source: "heading", evidence: text)
            } else if combined {
                startCombined(text)
            } else {
                settleGroups()
                mode = .unlabelled(evidence: text)
            }
            return
        }
        settleGroups()
        section += 1
        if let polarity {
            mode = .announced(polarity, source: "heading", evidence: text)
            summaryLevel = level
        } else if combined || meanings.contains(.summary) {
            startCombined(text)
            summaryLevel = level
        } else {
            mode = .outside
            summaryLevel = nil
        }
    }

    mutating func paragraph(_ text: String, range: Range<Int>) {
        guard inSummary else { return }
        if vocabulary.isPolarityLabel(text) {
            settleGroups()
            if let polarity = vocabulary.polarity(of: text) {
                mode = .announced(polarity, source: "label", evidence: text)
            } else {
                startCombined(text)
            }
            return
        }
        add(text, range: range, isParagraph: true)
    }

    mutating func item(_ text: String, range: Range<Int>) {
        guard inSummary else { return }
        add(text, range: range)
    }

    mutating func separator() {
        guard case .combined = mode, groupHasItems else { return }
        group += 1
        groupHasItems = false
    }

    /// A table in the summary, or anywhere when its header announces polarities (side-by-side columns).
    /// `parts` gives the rendered range of every cell part, row by row and column by column.
    mutating func table(_ table: TableBlock, parts: [[[(text: String, range: Range<Int>)]]]) -> Bool {
        let header = table.rows.prefix(table.headerRowCount)
        let columnPolarity: [Int: (Polarity, String)] = Dictionary(uniqueKeysWithValues:
            (0..<table.width).compactMap { column in
                for row in header {
                    let label = row[column].text
                    if let polarity = vocabulary.polarity(of: label) { return (column, (polarity, label)) }
                }
                return nil
            })
        // Row labels are only looked for when the columns announce nothing (the cheap test first).
        let rowLabels = columnPolarity.isEmpty && table.width > 1 && table.rows.count > table.headerRowCount
            && table.rows.dropFirst(table.headerRowCount).allSatisfy { Self.isShortLabel($0[0].text) && vocabulary.isPolarityLabel($0[0].text) }
        guard inSummary || columnPolarity.isEmpty == false || rowLabels else { return false }
        settleGroups()
        for rowIndex in table.headerRowCount..<table.rows.count {
            let row = table.rows[rowIndex]
            for column in 0..<table.width where row[column].isSpanCopy == false {
                if rowLabels, column == 0 { continue }
                for part in parts[rowIndex][column] {
                    if let (polarity, label) = columnPolarity[column] {
                        append(part.text, part.range, polarity, source: "column", evidence: label)
                    } else if rowLabels, let polarity = vocabulary.polarity(of: row[0].text) {
                        append(part.text, part.range, polarity, source: "label", evidence: row[0].text)
                    } else {
                        add(part.text, range: part.range)
                    }
                }
            }
        }
        return true
    }

    /// At most 40 characters, the length of a row label; only the first 41 are counted.
    private static func isShortLabel(_ text: String) -> Bool { text.prefix(41).count <= 40 }

    /// The elements in text order, numbered `e1`, `e2`, ...
    mutating func finish() -> [Element] {
        settleGroups()
        // Where a summary lists its elements as items, its paragraphs are notes around the lists.
        let listed = Set(drafts.filter { $0.isParagraph == false }.map(\.section))
        drafts.removeAll { $0.isParagraph && listed.contains($0.section) }
        if drafts.isEmpty {
            warnings.append("no summary section with elements was found (a heading such as 'Riassunto degli "
                + "elementi...', 'Punti di forza' or 'Criticità'); the case has no elements")
        }
        return drafts.sorted { $0.range.lowerBound < $1.range.lowerBound }.enumerated().map { index, draft in
            Element(id: "e\(index + 1)", polarity: draft.polarity, polaritySource: draft.source,
                    polarityEvidence: draft.evidence, text: draft.text, start: draft.range.lowerBound,
                    end: draft.range.upperBound)
        }
    }

    private mutating func startCombined(_ evidence: String) {
        settleGroups()
        mode = .combined(evidence: evidence)
        group = 0
        groupHasItems = false
    }

    private mutating func add(_ text: String, range: Range<Int>, isParagraph: Bool = false) {
        let before = drafts.count
        defer {
            for index in before..<drafts.count {
                drafts[index].isParagraph = isParagraph
            }
        }
        switch mode {
        case .outside:
            return
        case .announced(let polarity, let source, let evidence):
            append(text, range, polarity, source: source, evidence: evidence)
        case .combined(let evidence):
            drafts.append(Draft(text: text, range: range, polarity: .unspecified, source: "group-order",
                                evidence: evidence, group: group, section: section))
            groupHasItems = true
        case .unlabelled(let evidence):
            append(text, range, .unspecified, source: "none", evidence: evidence)
            warnings.append("element '\(text.prefix(60))' is under '\(evidence)', which announces no "
                + "polarity; polarity left unspecified")
        }
    }

    private mutating func append(_ text: String, _ range: Range<Int>, _ polarity: Polarity, source: String,
                                 evidence: String?) {
        drafts.append(Draft(text: text, range: range, polarity: polarity, source: source, evidence: evidence,
                            section: section))
    }

    /// Gives the pending groups of a combined heading their polarity: two groups are positive then
    /// negative; any other number cannot be read, so they stay unspecified with a warning.
    private mutating func settleGroups() {
        let pending = drafts.indices.filter { drafts[$0].group != nil }
        guard pending.isEmpty == false else { return }
        let groups = Array(Set(pending.compactMap { drafts[$0].group })).sorted()
        for index in pending {
            if groups.count == 2 {
                drafts[index].polarity = drafts[index].group == groups[0] ? .positive : .negative
            } else {
                drafts[index].source = "none"
            }
            drafts[index].group = nil
        }
        if groups.count != 2 {
            warnings.append("the summary lists \(pending.count) elements in \(groups.count) group(s) under a "
                + "heading that announces both positive and negative ones; expected two groups separated by "
                + "a blank line (positives first), so their polarity is left unspecified")
        }
    }
}

import Foundation

/// Reads the workshop-sheet text export (and Markdown, and plain text) into blocks.
///
/// `#` lines are headings; lines with TABs are table rows, as are Markdown pipe rows (`| a | b |`,
/// header marked by a `|---|` line); bullet and number markers start list items; a blank or
/// whitespace-only line is a separator; other lines form paragraphs. Emphasis markers are removed
/// (`**bold**` marks header cells) and inline HTML inside any line goes through libxml2.
struct SheetTextParser {
    /// Markers that start a list item when followed by a space.
    static let bulletMarkers: Set<Character> = ["-", "*", "+", "•", "❑", "▪", "◦", "‣", "●", "■", "□", "○",
                                                "➢", "➤", "✓", "✔", "–", "—", "·", "♦", "◆", "➔", "→"]

    private let lines: [Substring]
    private let builder: DocumentBuilder
    private(set) var sawStructure = false
    /// Why the text cannot be read safely (a table too large to lay out), after ``parse()``.
    var refusal: String? { builder.refusal }

    /// Splits `text` into lines at LF, CRLF or a lone CR. (Swift reads `\r\n` as one `Character`, so
    /// splitting on `"\n"` alone would leave a Windows file as a single line.) The newline that ends
    /// the last line does not start another, empty one. The blocks go to `builder`.
    init(_ text: String, builder: DocumentBuilder) {
        self.builder = builder
        // Lines end at LF, CRLF or CR (split on bytes: much faster than on characters).
        var lines: [Substring] = []
        let utf8 = text.utf8
        func line(_ range: Range<Int>) -> Substring {
            text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
        }
        var contiguous = text  // withUTF8 needs a var; a native string is not copied
        contiguous.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                lines.append(line(start..<index))
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            }
            if start < bytes.count || lines.isEmpty { lines.append(line(start..<bytes.count)) }
        }
        self.lines = lines
    }

    /// Sends the blocks of the text to the builder, and notes whether it had sheet structure
    /// (headings or tables).
    mutating func parse() {
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                builder.separator()
                index += 1
            } else if let (level, heading) = Self.heading(trimmed) {
                sawStructure = true
                builder.open(.heading(level))
                emitInline(heading)
                builder.close()
                index += 1
            } else if Self.isRule(trimmed) {
                index += 1
            } else if let (depth, item) = Self.listItem(line) {
                index = readItem(item, depth: depth, from: index + 1)
            } else if trimmed.hasPrefix("|") {
                index = readPipeTable(from: index)
            } else if Self.hasTab(line) {
                index = readTabTable(from: index)
            } else {
                index = readParagraph(from: index)
            }
        }
        builder.finish()
    }

    // MARK: - Line kinds

    static func heading(_ trimmed: String) -> (Int, String)? {
        guard trimmed.utf8.first == 0x23 else { return nil }
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        var text = rest.trimmingWhitespace()
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingWhitespace())
    }

    static func isRule(_ trimmed: String) -> Bool {
        // Three or more of one of `-*_`, spaces allowed between: all ASCII, so bytes suffice.
        guard let first = trimmed.utf8.first, first == 0x2D || first == 0x2A || first == 0x5F else { return false }
        var marks = 0
        for byte in trimmed.utf8 {
            if byte == first { marks += 1 } else if byte != 0x20 { return false }
        }
        return marks >= 3
    }

    /// A list item: one or more markers (`- ❑ `, `1. `) then text; the depth follows the indentation.
    static func listItem(_ line: Substring) -> (Int, String)? {
        let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
        var rest = line.drop { $0 == " " || $0 == "\t" }
        var markers = 0
        while let marker = markerLength(rest) {
            rest = rest.dropFirst(marker).drop { $0 == " " || $0 == "\t" }
            markers += 1
        }
        guard markers > 0, rest.isEmpty == false, Self.hasTab(rest) == false else { return nil }
        return (indent / 2 + 1, String(rest))
    }

    private static func markerLength(_ text: Substring) -> Int? {
        guard let first = text.first else { return nil }
        if bulletMarkers.contains(first) {
            let next = text.dropFirst().first
            return next == " " || next == "\t" ? 1 : nil
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }.count
        guard (1...3).contains(digits) else { return nil }
        let after = text.dropFirst(digits)
        guard let punctuation = after.first, punctuation == "." || punctuation == ")",
              let space = after.dropFirst().first, space == " " || space == "\t" else { return nil }
        return digits + 1
    }

    // MARK: - Readers

    private func readItem(_ first: String, depth: Int, from start: Int) -> Int {
        var text = first
        var index = start
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            guard trimmed.isEmpty == false, line.hasPrefix("  "), Self.listItem(line) == nil,
                  Self.heading(trimmed) == nil, Self.hasTab(line) == false else { break }
            text += " " + trimmed
            index += 1
        }
        for _ in 0..<depth { builder.openList() }
        builder.open(.item)
        emitInline(text)
        builder.close()
        for _ in 0..<depth { builder.closeList() }
        return index
    }

    private mutating func readTabTable(from start: Int) -> Int {
        sawStructure = true
        var index = start
        builder.openTable()
        while index < lines.count, Self.hasTab(lines[index]), lines[index].trimmingWhitespace().isEmpty == false {
            builder.openRow()
            for cell in Self.pieces(of: lines[index], at: 0x09) {
                builder.openCell()
                emitInline(cell)
                builder.closeCell()
            }
            builder.closeRow()
            index += 1
        }
        builder.closeTable()
        return index
    }

    private mutating func readPipeTable(from start: Int) -> Int {
        sawStructure = true
        var index = start
        builder.openTable()
        while index < lines.count, lines[index].trimmingWhitespace().hasPrefix("|") {
            let cells = Self.pipeCells(lines[index].trimmingWhitespace())
            let isDelimiter = cells.allSatisfy { cell in
                cell.isEmpty == false && cell.allSatisfy { "-: ".contains($0) } && cell.contains("-")
            }
            let nextIsDelimiter = index + 1 < lines.count
                && Self.pipeCells(lines[index + 1].trimmingWhitespace()).allSatisfy { cell in
                    cell.contains("-") && cell.allSatisfy { "-: ".contains($0) }
                }
            if isDelimiter == false {
                builder.openRow(header: nextIsDelimiter && index == start)
                for cell in cells {
                    builder.openCell(header: nextIsDelimiter && index == start)
                    emitInline(cell)
                    builder.closeCell()
                }
                builder.closeRow()
            }
            index += 1
        }
        builder.closeTable()
        return index
    }

    /// The cells of `| a | b |`; `\|` is a literal bar.
    static func pipeCells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character == "|" ? "|" : "\\")
                if character != "|" { current.append(character) }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current.trimmingWhitespace())
                current = ""
            } else {
                current.append(character)
            }
        }
        if current.trimmingWhitespace().isEmpty == false { cells.append(current.trimmingWhitespace()) }
        if cells.first == "" { cells.removeFirst() }
        return cells
    }

    private func readParagraph(from start: Int) -> Int {
        var index = start
        var text = ""
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingWhitespace()
            if index > start {
                guard trimmed.isEmpty == false, Self.heading(trimmed) == nil, Self.listItem(line) == nil,
                      trimmed.hasPrefix("|") == false, Self.hasTab(line) == false, Self.isRule(trimmed) == false
                else { break }
                let hardBreak = lines[index - 1].hasSuffix("  ") || lines[index - 1].hasSuffix("\\")
                if hardBreak, text.hasSuffix("\\") { text.removeLast() }
                text += hardBreak ? "\n" : " "
            }
            text += trimmed
            index += 1
        }
        let isTitle = text.hasPrefix("***") && text.hasSuffix("***") && text.count > 6
        builder.open(isTitle ? .title : .paragraph)
        emitInline(text)
        builder.close()
        return index
    }

    /// Whether `line` has a TAB.
    static func hasTab(_ line: Substring) -> Bool {
        var line = line
        return line.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0x09, bytes.count) != nil } ?? false }
    }

    /// `text` split at every `separator` byte (an ASCII character), empty pieces kept.
    static func pieces(of text: Substring, at separator: UInt8) -> [Substring] {
        // The separator is ASCII, so its offsets are scalar boundaries: the pieces are slices, not copies.
        var copy = text
        let offsets = copy.withUTF8 { bytes in bytes.indices.filter { bytes[$0] == separator } }
        var pieces: [Substring] = []
        pieces.reserveCapacity(offsets.count + 1)
        var start = text.startIndex
        var previous = 0
        for offset in offsets {
            let end = text.utf8.index(start, offsetBy: offset - previous)
            pieces.append(text[start..<end])
            start = text.utf8.index(after: end)
            previous = offset + 1
        }
        pieces.append(text[start...])
        return pieces
    }

    // MARK: - Inline content

    /// Sends a line's text to the builder: emphasis marks bold runs, HTML goes through libxml2.
    private func emitInline(_ text: some StringProtocol) {
        for run in InlineMarkup.runs(Substring(text)) {
            if run.bold { builder.openBold() }
            for (index, piece) in Self.pieces(of: run.text, at: 0x0A).enumerated() {
                if index > 0 { builder.lineBreak() }
                if MarkupFragment.containsMarkup(piece) {
                    MarkupFragment.parse(piece, into: builder)
                } else {
                    builder.text(piece)
                }
            }
            if run.bold { builder.closeBold() }
        }
    }
}

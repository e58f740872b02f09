/// A CSV file read by RFC 4180 rules: quoted fields may hold separators, quotes (`""`) and line
/// breaks. A UTF-8 BOM is skipped; `;` is detected as the separator when the header uses it
/// (Italian Excel).
public struct CSVTable: Sendable {
    /// The header row.
    public let header: [String]
    /// The data rows, each padded or cut to the header's width.
    public let rows: [[String]]
    /// The 1-based line each row starts on, for messages.
    public let lines: [Int]

    /// Parses CSV text; `file` names it in errors (an unterminated quote).
    public init(_ text: String, file: String = "") throws {
        var source = Substring(text)
        if source.first == "\u{FEFF}" { source = source.dropFirst() }
        let firstLine = source.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var records: [[String]] = []
        var recordLines: [Int] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var iterator = source.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if quoted {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character.isNewline { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty: quoted = true
            case separator:
                record.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                record.append(field)
                if record != [""] { records.append(record); recordLines.append(recordLine) }
                record = []
                field = ""
                line += 1
                recordLine = line
            default: field.append(character)
            }
        }
        if quoted {
            throw QuadernoError(.malformed, file: file, line: recordLine, "a quoted field is never closed",
                                hint: "check the quotes on this row")
        }
        if field.isEmpty == false || record.isEmpty == false {
            record.append(field)
            records.append(record)
            recordLines.append(recordLine)
        }
        guard let header = records.first else {
            throw QuadernoError(.malformed, file: file, "the CSV file is empty", hint: "it needs a header row")
        }
        self.header = header.map { $0.trimmingWhitespace() }
        rows = records.dropFirst().map { row in
            row.count >= header.count ? Array(row.prefix(header.count)) : row + Array(repeating: "", count: header.count - row.count)
        }
        lines = Array(recordLines.dropFirst())
    }

    /// The index of a column, by header name (case-insensitive).
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }
}

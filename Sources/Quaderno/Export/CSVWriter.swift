import Foundation

/// Writes CSV by RFC 4180 (UTF-8, header row, fields quoted when they hold a separator, a quote or
/// a line break), or in the dialect Italian Excel opens directly.
public struct CSVWriter: Sendable {
    /// Which program the file is for.
    public enum Dialect: Sendable {
        /// RFC 4180: `,` separator, `.` decimal point, no BOM (R, SPSS, Stata, Python).
        case standard
        /// Italian Excel: UTF-8 BOM, `;` separator, decimal comma.
        case excel
    }

    /// The dialect.
    public var dialect: Dialect

    /// Creates a writer.
    public init(dialect: Dialect = .standard) {
        self.dialect = dialect
    }

    var separator: String { dialect == .excel ? ";" : "," }

    /// A cell for a value: strings as they are, numbers in the dialect's notation, nil as empty.
    public enum Field {
        case text(String)
        case integer(Int)
        case decimal(Double?)
        case flag(Bool)
    }

    /// The whole file as text (header first), lines ending in CRLF as RFC 4180 says.
    public func render(header: [String], rows: [[Field]]) -> String {
        var output = dialect == .excel ? "\u{FEFF}" : ""
        output += header.map(escape).joined(separator: separator) + "\r\n"
        for row in rows {
            output += row.map(format).map(escape).joined(separator: separator) + "\r\n"
        }
        return output
    }

    /// Writes the file atomically.
    public func write(header: [String], rows: [[Field]], to url: URL) throws {
        try Data(render(header: header, rows: rows).utf8).write(to: url, options: .atomic)
    }

    func format(_ field: Field) -> String {
        switch field {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .flag(let value): return value ? "true" : "false"
        case .decimal(let value):
            guard let value else { return "" }
            var text = String(format: "%.6f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return dialect == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
        }
    }

    func escape(_ text: String) -> String {
        let separatorByte: UInt8 = dialect == .excel ? 0x3B : 0x2C
        let needsQuotes = text.utf8.contains { $0 == separatorByte || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}

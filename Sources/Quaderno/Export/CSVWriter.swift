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

    /// A cell for a value: strings as they are, numbers in the dialect's notation, nil as empty.
    public enum Field {
        case text(String)
        case integer(Int)
        case decimal(Double?)
        case flag(Bool)
    }

    /// The whole file as text (header first), lines ending in CRLF as RFC 4180 says.
    public func render(header: [String], rows: [[Field]]) -> String {
        String(decoding: bytes(header: header, rows: rows), as: UTF8.self)
    }

    /// Writes the file atomically.
    public func write(header: [String], rows: [[Field]], to url: URL) throws {
        try Data(bytes(header: header, rows: rows)).write(to: url, options: .atomic)
    }

    /// The whole file as UTF-8 bytes (with the byte order mark in the Excel dialect).
    func bytes(header: [String], rows: [[Field]]) -> [UInt8] {
        var buffer = CSVBuffer(dialect: dialect)
        for name in header { buffer.text(name) }
        buffer.endRow()
        for row in rows {
            for field in row {
                switch field {
                case .text(let text): buffer.text(text)
                case .integer(let value): buffer.integer(value)
                case .decimal(let value): buffer.decimal(value)
                case .flag(let value): buffer.flag(value)
                }
            }
            buffer.endRow()
        }
        return buffer.bytes
    }
}

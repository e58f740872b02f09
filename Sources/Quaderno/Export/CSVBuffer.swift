/// A CSV file being written as UTF-8 bytes, one field at a time: the separator goes between fields,
/// a field is quoted (quotes doubled) when it holds the separator, a quote or a line break or starts or
/// ends with a space, and numbers are written in the dialect's notation. What ``CSVWriter`` writes.
struct CSVBuffer {
    /// The file so far.
    private(set) var bytes: [UInt8] = []
    private let separator: UInt8
    private let decimalComma: Bool
    private var atRowStart = true

    /// An empty file; the Excel dialect starts with a UTF-8 byte order mark.
    init(dialect: CSVWriter.Dialect, capacity: Int = 1 << 16) {
        separator = dialect == .excel ? 0x3B : 0x2C
        decimalComma = dialect == .excel
        bytes.reserveCapacity(capacity)
        if dialect == .excel { bytes += [0xEF, 0xBB, 0xBF] }
    }

    /// Ends the row with CRLF.
    mutating func endRow() {
        bytes.append(0x0D)
        bytes.append(0x0A)
        atRowStart = true
    }

    /// A text field.
    mutating func text(_ value: String) {
        startField()
        var value = value
        value.withUTF8 { append(escaping: $0) }
    }

    /// An optional text field, empty when nil.
    mutating func text(_ value: String?) {
        if let value { text(value) } else { startField() }
    }

    /// A whole number, in decimal digits.
    mutating func integer(_ value: Int) {
        startField()
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// An optional whole number, empty when nil.
    mutating func integer(_ value: Int?) {
        if let value { integer(value) } else { startField() }
    }

    /// `true` or `false`.
    mutating func flag(_ value: Bool) {
        startField()
        bytes += value ? [0x74, 0x72, 0x75, 0x65] : [0x66, 0x61, 0x6C, 0x73, 0x65]
    }

    /// A number with at most six decimals, trailing zeros dropped (`0.5`, `12`), with a decimal comma
    /// in the Excel dialect; empty when nil.
    mutating func decimal(_ value: Double?) {
        guard let value else { return startField() }
        var text = FixedDecimals.bytes(value, digits: 6)
        while text.last == 0x30 { text.removeLast() }
        if text.last == 0x2E { text.removeLast() }
        if decimalComma {
            for index in text.indices where text[index] == 0x2E { text[index] = 0x2C }
        }
        startField()
        text.withUnsafeBufferPointer { append(escaping: $0) }
    }

    private mutating func startField() {
        if atRowStart { atRowStart = false } else { bytes.append(separator) }
    }

    private mutating func append(escaping field: UnsafeBufferPointer<UInt8>) {
        var needsQuotes = field.first == 0x20 || field.last == 0x20
        if needsQuotes == false {
            for byte in field where byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return bytes.append(contentsOf: field) }
        bytes.append(0x22)
        for byte in field {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }
}

/// A CSV file being written as UTF-8 bytes, one field at a time: the separator goes between fields,
/// a field is quoted (quotes doubled) when it holds the separator, a quote or a line break or starts or
/// ends with a space, and numbers are written in the dialect's notation. What ``CSVWriter`` writes.
struct CSVBuffer {
    /// The file so far (since the last flush to ``output``, when there is one).
    private(set) var bytes: [UInt8] = []
    /// Where full rows go once a megabyte has gathered, so a large table is never whole in memory.
    var output: FileOutput?
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
        if let output, bytes.count >= 1 << 20 { flush(to: output) }
    }

    /// Writes what has gathered to `output` and starts afresh.
    mutating func flush(to output: FileOutput) {
        bytes.withUnsafeBytes { output.write($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// A text field.
    mutating func text(_ value: String) {
        startField()
        if value.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            var copy = value
            copy.withUTF8 { append(escaping: $0) }
        }
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
        guard field.first == 0x20 || field.last == 0x20 || needsQuotes(field) else {
            return bytes.append(contentsOf: field)
        }
        bytes.append(0x22)
        var run = 0
        for index in field.indices where field[index] == 0x22 {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[run...index]))
            bytes.append(0x22)
            run = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: field[run...]))
        bytes.append(0x22)
    }

    /// Whether `field` holds the separator, a quote, CR or LF: eight bytes at a time, then one by one.
    private func needsQuotes(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let separators = UInt64(separator) &* ones
        @inline(__always) func holds(_ word: UInt64, _ pattern: UInt64) -> Bool {
            let difference = word ^ pattern
            return (difference &- ones) & ~difference & highs != 0
        }
        var index = 0
        if let base = field.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= field.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if holds(word, separators) || holds(word, 0x22 &* ones) || holds(word, 0x0A &* ones)
                    || holds(word, 0x0D &* ones) {
                    return true
                }
                index += 8
            }
        }
        while index < field.count {
            let byte = field[index]
            if byte == separator || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            index += 1
        }
        return false
    }
}

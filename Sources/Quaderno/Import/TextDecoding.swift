import Foundation

/// Decodes a file's bytes to text: BOM first, then the charset the document declares, then UTF-8.
///
/// Supported: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, windows-1252, ISO-8859-1 (read as
/// windows-1252, as the WHATWG Encoding Standard says) and ISO-8859-15. Bytes that are invalid in the
/// chosen encoding are an error naming the byte offset.
enum TextDecoding {
    enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE"
        case windows1252 = "windows-1252", latin1 = "ISO-8859-1", latin9 = "ISO-8859-15"
    }

    /// The decoded text, in pieces of about `pieceBytes` (see ``TextPieces``), and the encoding used.
    static func decode(_ data: Data, file: String,
                       pieceBytes: Int = TextPieces.standardBytes) throws -> (text: TextPieces, encoding: Encoding) {
        // Read in place: a copy of a 50 MB file would double the import's peak memory.
        try data.withUnsafeBytes { raw in
            try decode(raw.bindMemory(to: UInt8.self), file: file, pieceBytes: pieceBytes)
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                               pieceBytes: Int) throws -> (text: TextPieces, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(bytes, from: 3, pieceBytes: pieceBytes, file: file), .utf8)
        }
        // UTF-16 (rare) is decoded as one piece.
        if bytes.starts(with: [0xFF, 0xFE]) {
            return (TextPieces([try utf16(bytes[2...], bigEndian: false, file: file)]), .utf16LE)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return (TextPieces([try utf16(bytes[2...], bigEndian: true, file: file)]), .utf16BE)
        }
        if let nul = firstNUL(bytes) {
            throw QuadernoError(.encoding, file: file, byteOffset: nul,
                                "a NUL byte: this is a binary or damaged file, not a text document",
                                hint: "import the original .docx, .odt, .html or .txt sheet")
        }
        let encoding = declaredEncoding(bytes) ?? .utf8
        switch encoding {
        case .utf8, .utf16LE, .utf16BE: return (try utf8(bytes, from: 0, pieceBytes: pieceBytes, file: file), .utf8)
        case .windows1252, .latin1, .latin9:
            return (try singleByte(bytes, encoding, pieceBytes: pieceBytes, file: file), encoding)
        }
    }

    /// The offset of the first NUL byte anywhere in the file. No text document has one; libxml2 would
    /// stop or skip there, and a sheet's text would carry it into exports that cannot hold it.
    static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The charset named by `<meta charset>`, `content="...; charset=..."` or `<?xml encoding=...?>` in
    /// the first 4 KB.
    static func declaredEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Encoding? {
        let head = lowercasedHead(bytes)
        for marker in ["charset=", "encoding="] {
            let pattern = Array(marker.utf8)
            var start = 0
            while let found = firstIndex(of: pattern, in: head, from: start) {
                start = found + pattern.count
                var valueStart = start
                while valueStart < head.count, [0x22, 0x27, 0x20].contains(head[valueStart]) { valueStart += 1 }
                var valueEnd = valueStart
                while valueEnd < head.count, head[valueEnd] < 0x80,
                      (head[valueEnd] >= 0x61 && head[valueEnd] <= 0x7A) || (head[valueEnd] >= 0x30 && head[valueEnd] <= 0x39)
                        || head[valueEnd] == 0x2D || head[valueEnd] == 0x5F {
                    valueEnd += 1
                }
                switch String(decoding: head[valueStart..<valueEnd], as: UTF8.self) {
                case "utf-8", "utf8": return .utf8
                case "windows-1252", "cp1252", "x-cp1252": return .windows1252
                case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "us-ascii", "ascii": return .latin1
                case "iso-8859-15", "latin9", "latin-9", "iso8859-15": return .latin9
                default: continue
                }
            }
        }
        return nil
    }

    /// The first 4 KB of `bytes` with ASCII letters in lower case: where declarations and doctypes are.
    static func lowercasedHead(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = min(bytes.count, 4096)
        return [UInt8](unsafeUninitializedCapacity: count) { head, initialized in
            for index in 0..<count {
                let byte = bytes[index]
                head[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            initialized = count
        }
    }

    /// ``lowercasedHead(_:)`` of a text's UTF-8.
    static func lowercasedHead(_ text: TextPieces) -> [UInt8] {
        text.head(4096).withUnsafeBufferPointer { lowercasedHead($0) }
    }

    /// The first index of `pattern` in `bytes` at or after `start`.
    static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.isEmpty == false, start >= 0, bytes.count - start >= pattern.count else { return nil }
        // memchr finds each place where the pattern's least common byte is, memcmp checks the rest.
        // Anchored on its first byte, `encoding=` stopped at every `e` of a sheet: hundreds of calls
        // for each file's first 4 KB.
        let anchor = pattern.indices.first { commonBytes[Int(pattern[$0])] == false } ?? pattern.count - 1
        return bytes.withUnsafeBytes { haystack in
            pattern.withUnsafeBytes { needle in
                let base = haystack.baseAddress!
                let last = haystack.count - needle.count
                var index = start
                while index <= last, let found = memchr(base + index + anchor, Int32(needle[anchor]), last - index + 1) {
                    index = base.distance(to: UnsafeRawPointer(found)) - anchor
                    if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
    }

    /// Bytes frequent in Italian text and in markup, which ``firstIndex(of:in:from:)`` looks for only
    /// when a pattern has no other: the commonest lowercase letters, white space and the characters
    /// of tags and attributes.
    private static let commonBytes: [Bool] = (0...255).map { value in
        "eaiounlrtscdpmgvzfb \t\n\r<>\"'/=-.,:;".utf8.contains(UInt8(value))
    }

    /// The UTF-8 text of `bytes` from byte `start`; an error names the first invalid byte.
    private static func utf8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, pieceBytes: Int,
                             file: String) throws -> TextPieces {
        try TextPieces(bytes, from: start, size: pieceBytes) { range in
            let body = UnsafeBufferPointer(rebasing: bytes[range])
            if let text = String(validating: body, as: UTF8.self) { return text }
            throw QuadernoError(.encoding, file: file, byteOffset: range.lowerBound + (firstInvalidUTF8(body[...]) ?? 0),
                                "the bytes are not valid UTF-8 and the file declares no other charset",
                                hint: "save the file as UTF-8, or declare its charset (e.g. windows-1252)")
        }
    }

    /// The index (in `bytes`' own indices) of the first byte of an invalid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: (length, minimum) = (2, 0x80)
            case 0xE0...0xEF: (length, minimum) = (3, 0x800)
            case 0xF0...0xF4: (length, minimum) = (4, 0x10000)
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                value = value << 6 | UInt32(next & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            index += length
        }
        return nil
    }

    private static func utf16(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, bigEndian: Bool, file: String) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (high, low) = bigEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var text = ""
        var offset = 2
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.unicodeScalars.append(scalar)
                offset += scalar.value > 0xFFFF ? 4 : 2
            case .emptyInput: break loop
            case .error:
                throw QuadernoError(.encoding, file: file, byteOffset: offset,
                                    "invalid UTF-16 (an unpaired surrogate)", hint: "re-save the file as UTF-8")
            }
        }
        return text
    }

    private static func singleByte(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: Encoding, pieceBytes: Int,
                                   file: String) throws -> TextPieces {
        try TextPieces(bytes, from: 0, size: pieceBytes) { try singleByte(bytes, $0, encoding, file: file) }
    }

    private static func singleByte(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ encoding: Encoding,
                                   file: String) throws -> String {
        var text = ""
        text.unicodeScalars.reserveCapacity(range.count)
        for offset in range {
            let byte = bytes[offset]
            guard let scalar = scalar(byte, encoding) else {
                throw QuadernoError(.encoding, file: file, byteOffset: offset,
                                    "byte 0x\(String(byte, radix: 16, uppercase: true)) has no character in "
                                        + encoding.rawValue,
                                    hint: "check the charset the file declares, or save it as UTF-8")
            }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (0 where the code page defines none).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,
        0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0, 0x017E, 0x0178,
    ]
    /// ISO-8859-15 differs from ISO-8859-1 at eight positions.
    private static let latin9Changes: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153,
        0xBE: 0x0178,
    ]

    /// The character of `byte`, nil when the encoding defines none. ISO-8859-1 follows the WHATWG
    /// Encoding Standard, as browsers and office exports do: its label means windows-1252, so the
    /// curly quotes and euro sign of a "latin-1" page (0x80–0x9F) are read as such, and the five bytes
    /// windows-1252 leaves undefined keep their ISO-8859-1 meaning (C1 controls).
    private static func scalar(_ byte: UInt8, _ encoding: Encoding) -> Unicode.Scalar? {
        switch encoding {
        case .windows1252 where (0x80...0x9F).contains(byte):
            let value = windows1252High[Int(byte) - 0x80]
            return value == 0 ? nil : Unicode.Scalar(value)
        case .latin1 where (0x80...0x9F).contains(byte):
            let value = windows1252High[Int(byte) - 0x80]
            return Unicode.Scalar(value == 0 ? UInt32(byte) : value)
        case .latin9:
            return Unicode.Scalar(latin9Changes[byte] ?? UInt32(byte))
        default:
            return Unicode.Scalar(UInt32(byte))
        }
    }
}

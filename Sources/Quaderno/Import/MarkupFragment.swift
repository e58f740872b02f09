/// Inline HTML inside a line of sheet text (`<ul><li>`, `<p>`, `<b>`, entities), read by libxml2.
enum MarkupFragment {
    /// Whether `text` contains a tag (`<li>`, `</p>`, `<!--`) or a character entity (`&egrave;`, `&#8364;`).
    static func containsMarkup(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 1 else { return false }
            for index in 0..<(bytes.count - 1) where bytes[index] == 0x3C || bytes[index] == 0x26 {
                guard let (next, _) = bytes.utf8Scalar(at: index + 1) else { continue }
                if bytes[index] == 0x3C, next.properties.isAlphabetic || next == "/" || next == "!" { return true }
                if bytes[index] == 0x26, next.properties.isAlphabetic || next == "#", semicolon(in: bytes, after: index) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether a `;` is among the 12 scalars after the `&` at `ampersand`.
    private static func semicolon(in bytes: UnsafeBufferPointer<UInt8>, after ampersand: Int) -> Bool {
        var scalars = 0
        var index = ampersand + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if scalars > 12 { return false }
                if byte == 0x3B { return true }
            }
            index += 1
        }
        return false
    }

    /// Parses `html` with libxml2's HTML parser and sends its content to `builder`.
    static func parse(_ html: Substring, into builder: DocumentBuilder) {
        let mapper = HTMLMapper(builder: builder)
        let stream = XMLStream.open(.html, file: nil, handler: mapper)
        stream.feed(html)
        stream.finish()
    }
}

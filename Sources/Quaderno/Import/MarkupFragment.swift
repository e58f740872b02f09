/// Inline HTML inside a line of sheet text (`<ul><li>`, `<p>`, `<b>`, entities), read by libxml2.
enum MarkupFragment {
    /// Whether `text` contains a tag (`<li>`, `</p>`, `<!--`) or a character entity (`&egrave;`, `&#8364;`).
    static func containsMarkup(_ text: Substring) -> Bool {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x26 }) else { return false }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where index + 1 < scalars.count {
            let next = scalars[index + 1]
            if scalar == "<", next.properties.isAlphabetic || next == "/" || next == "!" { return true }
            if scalar == "&", next.properties.isAlphabetic || next == "#" {
                let rest = scalars[(index + 1)...].prefix(12)
                if rest.contains(";" as Unicode.Scalar) { return true }
            }
        }
        return false
    }

    /// Parses `html` with libxml2's HTML parser and sends its content to `builder`.
    static func parse(_ html: String, into builder: DocumentBuilder) {
        let mapper = HTMLMapper(builder: builder)
        let stream = XMLStream.open(.html, file: "inline HTML", handler: mapper)
        stream.feed(html)
        stream.finish()
    }
}

/// HTML named entities inside XML documents.
enum EntityReferences {
    /// XML's own entities, which every XML parser knows.
    static let xmlEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// `text` with each `&name;` that names an HTML entity (`&egrave;`, `&nbsp;`, `&euro;`) rewritten as
    /// a numeric character reference (`&#232;`), which XML parsers read without any DTD.
    ///
    /// XHTML uses these names relying on a DTD that Quaderno never loads, and hand-written XML sheets
    /// use them with none: libxml2 would drop them (XHTML, whose external DTD makes them a recoverable
    /// error) or stop (XML). XML's five entities and names HTML does not define are left as they are,
    /// so entities a document declares itself are still never expanded.
    static func numeric(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = text.unicodeScalars
        var result = String.UnicodeScalarView()
        var copied = scalars.startIndex
        var index = scalars.startIndex
        while let ampersand = scalars[index...].firstIndex(of: "&") {
            var end = scalars.index(after: ampersand)
            var name = ""
            while end < scalars.endIndex, name.unicodeScalars.count <= 32, scalars[end].isASCII,
                  scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) {
                name.unicodeScalars.append(scalars[end])
                end = scalars.index(after: end)
            }
            index = end
            guard end < scalars.endIndex, scalars[end] == ";", name.isEmpty == false,
                  xmlEntities.contains(name) == false, let value = XMLStream.htmlEntityValue(name) else { continue }
            result.append(contentsOf: scalars[copied..<ampersand])
            result.append(contentsOf: "&#\(value);".unicodeScalars)
            index = scalars.index(after: end)
            copied = index
        }
        result.append(contentsOf: scalars[copied...])
        return String(result)
    }
}

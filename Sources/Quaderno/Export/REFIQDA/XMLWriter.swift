/// Writes indented, UTF-8 XML with correct escaping, one element at a time.
///
/// Escaping rules (XML 1.0):
/// - text: `&`, `<`, `>` become entities; CR becomes `&#13;` so a parser does not turn CRLF into LF.
/// - attributes: also `"`; TAB, LF and CR become `&#9;`, `&#10;`, `&#13;` so attribute-value
///   normalisation does not turn them into spaces.
/// - characters XML 1.0 forbids everywhere (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE,
///   U+FFFF) cannot be written even as character references, so each becomes U+FFFD (the replacement
///   character), one for one: lengths in code points do not change. Source texts travel as separate
///   plain-text files and are never altered, so positions are unaffected.
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []
    private var tagOpen = false
    private var atStart = true

    /// Opens `<name attributes…>`; attributes with a nil value are left out.
    mutating func start(_ name: String, _ attributes: [(String, String?)] = []) {
        closeStartTag()
        newline()
        output += "<\(name)"
        for (key, value) in attributes {
            guard let value else { continue }
            output += " \(key)=\"\(XMLWriter.escapeAttribute(value))\""
        }
        tagOpen = true
        open.append(name)
    }

    /// Closes the innermost open element (as `<x/>` when it is empty).
    mutating func end() {
        guard let name = open.popLast() else { return }
        if tagOpen {
            output += "/>"
            tagOpen = false
        } else {
            newline()
            output += "</\(name)>"
        }
    }

    /// An element holding only `text` (kept on one line, whitespace preserved).
    mutating func textElement(_ name: String, _ text: String, _ attributes: [(String, String?)] = []) {
        start(name, attributes)
        closeStartTag()
        output += XMLWriter.escapeText(text)
        output += "</\(name)>"
        _ = open.popLast()
    }

    /// An empty element.
    mutating func emptyElement(_ name: String, _ attributes: [(String, String?)] = []) {
        start(name, attributes)
        end()
    }

    /// The finished document, ending with a newline.
    mutating func finish() -> String {
        while open.isEmpty == false { end() }
        return output + "\n"
    }

    private mutating func closeStartTag() {
        if tagOpen {
            output += ">"
            tagOpen = false
        }
    }

    private mutating func newline() {
        if atStart {
            atStart = false
            return
        }
        output += "\n" + String(repeating: "  ", count: open.count)
    }

    /// Whether XML 1.0 allows the scalar at all.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0..<0x20: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// `text` escaped for character data.
    static func escapeText(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    /// `text` escaped for a double-quoted attribute value.
    static func escapeAttribute(_ text: String) -> String {
        escape(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "\t": "&#9;"
            case "\n": "&#10;"
            case "\r": "&#13;"
            default: nil
            }
        }
    }

    private static func escape(_ text: String, _ entity: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replacement = entity(scalar) {
                result.append(contentsOf: replacement.unicodeScalars)
            } else if isAllowed(scalar) {
                result.append(scalar)
            } else {
                result.append("\u{FFFD}")
            }
        }
        return String(result)
    }
}

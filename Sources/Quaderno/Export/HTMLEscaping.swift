import Foundation

/// Escaping for text from the data (case texts, attributes, codebook entries) put into HTML and SVG.
///
/// Every string that does not come from the renderer's own literals goes through ``text(_:)`` (element
/// content) or ``attribute(_:)`` (quoted attribute values); ids built from data go through ``anchor(_:)``.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters HTML does not allow.
    static func text(_ value: String) -> String {
        guard needsEscaping(value) else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF {
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escapes a value for a double-quoted attribute; newlines become spaces.
    static func attribute(_ value: String) -> String {
        let escaped = text(value)
        return escaped.utf8.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } ? escaped.replacingNewlines() : escaped
    }

    /// Whether ``text(_:)`` would change `value`: it holds `&`, `<`, `>`, a quote or a character that
    /// is dropped (controls other than tab and line breaks, U+007F–U+009F, U+FFFE, U+FFFF).
    static func needsEscaping(_ value: String) -> Bool {
        var utf8 = value.utf8.makeIterator()
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        while let byte = utf8.next() {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0x7F: return true
            case 0x09, 0x0A, 0x0D: break
            case 0..<0x20: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xBE, 0xBF:
                if previous == 0xBF && beforePrevious == 0xEF { return true }
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// An id usable in `id="…"` and `href="#…"`: `prefix-` then letters, digits, `-` and `_` of `value`
    /// (accents folded away, everything else as `-`), so ids from file names stay valid and unique enough.
    static func anchor(_ prefix: String, _ value: String) -> String {
        let plain = value.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x5F || byte == 0x2D
        }
        if plain, value.isEmpty == false { return prefix + "-" + value }
        var slug = ""
        for scalar in value.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
                slug.unicodeScalars.append(scalar)
            } else if let folded = scalar.asciiBase {
                slug.unicodeScalars.append(folded)
            } else if slug.hasSuffix("-") == false {
                slug += "-"
            }
        }
        return prefix + "-" + (slug.isEmpty ? "x" : slug)
    }
}

private extension String {
    func replacingNewlines() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }
}

private extension Unicode.Scalar {
    /// The ASCII letter an accented Latin letter is based on (`è` → `e`), if any.
    var asciiBase: Unicode.Scalar? {
        guard let base = String(self).decomposedStringWithCanonicalMapping.unicodeScalars.first,
              base.isASCII, base.properties.isAlphabetic else { return nil }
        return base
    }
}

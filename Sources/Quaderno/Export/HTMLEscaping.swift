import Foundation

/// Escaping for text from the data (case texts, attributes, codebook entries) put into HTML and SVG.
///
/// Every string that does not come from the renderer's own literals goes through ``text(_:)`` (element
/// content) or ``attribute(_:)`` (quoted attribute values); ids built from data go through ``anchor(_:)``.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters HTML does not allow.
    static func text(_ value: String) -> String {
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
        text(value).replacingNewlines()
    }

    /// An id usable in `id="…"` and `href="#…"`: `prefix-` then letters, digits, `-` and `_` of `value`
    /// (accents folded away, everything else as `-`), so ids from file names stay valid and unique enough.
    static func anchor(_ prefix: String, _ value: String) -> String {
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

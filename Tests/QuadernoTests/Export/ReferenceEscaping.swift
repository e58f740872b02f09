import Foundation

/// The report escaping functions as they were before their fast paths, scalar by scalar: the reference
/// ``ReportFastPathTests`` compares the current ones with.
enum ReferenceEscaping {
    static func html(_ value: String) -> String {
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

    static func flat(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    static func anchor(_ prefix: String, _ value: String) -> String {
        var slug = ""
        for scalar in value.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" {
                slug.unicodeScalars.append(scalar)
            } else if let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      base.isASCII, base.properties.isAlphabetic {
                slug.unicodeScalars.append(base)
            } else if slug.hasSuffix("-") == false {
                slug += "-"
            }
        }
        return prefix + "-" + (slug.isEmpty ? "x" : slug)
    }

    static func inline(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n", "\r", "\t":
                result += " "
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~":
                result += "\\" + String(scalar)
            case "&":
                let next = index + 1 < scalars.count ? scalars[index + 1] : " "
                result += next.properties.isAlphabetic || next == "#" ? "\\&" : "&"
            case "-", "+", "=", ".", ")":
                let leadingMarker = index == 0 && (scalar == "-" || scalar == "+" || scalar == "=")
                let numberedItem = (scalar == "." || scalar == ")") && index > 0
                    && scalars[..<index].allSatisfy { ("0"..."9").contains($0) }
                    && (index + 1 == scalars.count || scalars[index + 1] == " ")
                result += (leadingMarker || numberedItem ? "\\" : "") + String(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func code(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "`" ? "'" : $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
            .replacingOccurrences(of: "|", with: "\\|")
    }
}

import Foundation

/// REFI-QDA GUIDs: `8-4-4-4-12` hexadecimal digits, optionally in braces, in any case.
///
/// Quaderno keeps every GUID in one canonical form, lower case without braces, so that references
/// written by different tools (`{3F2504E0-...}` and `3f2504e0-...`) compare equal.
public enum REFIGUID {
    /// The canonical form of `text` (trimmed, braces removed, lower case), or nil when it is not a GUID.
    public static func canonical(_ text: String) -> String? {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 { body = body.dropFirst().dropLast() }
        let scalars = Array(body.unicodeScalars)
        guard scalars.count == 36 else { return nil }
        for (index, scalar) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard scalar == "-" else { return nil }
            } else {
                guard scalar.properties.isASCIIHexDigit else { return nil }
            }
        }
        return body.lowercased()
    }

    /// Whether `text` is a GUID the schema accepts (with or without braces, any case).
    public static func isValid(_ text: String) -> Bool { canonical(text) != nil }
}

/// REFI-QDA colors: `#RRGGBB` (the schema also accepts `#RGB`).
enum REFIColor {
    /// `#RRGGBB` for `#RRGGBB` (case kept) or `#RGB` (digits doubled); nil for anything else.
    static func normalized(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "#", scalars.dropFirst().allSatisfy(\.properties.isASCIIHexDigit) else { return nil }
        switch scalars.count {
        case 7: return text
        case 4: return "#" + scalars.dropFirst().map { "\($0)\($0)" }.joined()
        default: return nil
        }
    }
}

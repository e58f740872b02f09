/// Writes a codebook in the YAML format `Codebook.load(from:)` reads (codebooks/README.md).
extension Codebook {
    /// The codebook as readable YAML: one block per code, lists one item per line, strings quoted
    /// only where YAML needs it.
    public var yamlText: String {
        var lines = ["name: \(Self.scalar(name))", "version: \(Self.quoted(version))",
                     "language: \(Self.scalar(language))"]
        if description.isEmpty == false { lines.append("description: \(Self.scalar(description))") }
        lines.append("codes:")
        for code in codes {
            lines.append("  - id: \(code.id)")
            lines.append("    name: \(Self.scalar(code.name))")
            lines.append("    polarity: \(code.polarity == .unspecified ? "neutral" : code.polarity.rawValue)")
            if let parent = code.parent { lines.append("    parent: \(parent)") }
            if let color = code.color { lines.append("    color: \(Self.quoted(color))") }
            if code.definition.isEmpty == false { lines.append("    definition: \(Self.scalar(code.definition))") }
            for (key, values) in [("include", code.include), ("exclude", code.exclude), ("examples", code.examples),
                                  ("cues", code.cues)] {
                if values.isEmpty {
                    if key == "cues" { lines.append("    cues: []") }
                    continue
                }
                lines.append("    \(key):")
                lines += values.map { "      - \(Self.scalar($0))" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A plain scalar when it reads back unchanged, otherwise a double-quoted one.
    static func scalar(_ text: String) -> String {
        let special: Set<Character> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@",
                                       "`", "=", "?", "-", "\\"]
        let plain = text.isEmpty == false && text.first.map { special.contains($0) || $0.isWhitespace } == false
            && text.last?.isWhitespace == false && text.contains(": ") == false && text.contains(" #") == false
            && text.contains("\n") == false && text.hasPrefix("re:") == false
            && ["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased()) == false
            && Double(text) == nil
        return plain ? text : quoted(text)
    }

    /// A double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\x%02X", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return "\"\(escaped)\""
    }
}

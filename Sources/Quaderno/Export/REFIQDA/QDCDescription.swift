import Foundation

/// The `Description` of a code in REFI-QDA files: Quaderno's definition, include/exclude rules and
/// examples in readable form, then a `[Quaderno]` block with what other programs have no place for.
///
/// ```
/// Chi partecipa prende parola e decide.
///
/// Include:
/// - gruppi che gestiscono un'attività
///
/// Exclude:
/// - semplice informazione (use community_involvement)
///
/// Examples:
/// - «i ragazzi hanno progettato lo spazio»
///
/// [Quaderno]
/// id: empowerment
/// polarity: positive
/// cue: protagonis*
/// cue: re:co-?progett
/// [/Quaderno]
/// ```
///
/// Items that span several lines continue on lines indented by two spaces. Reading takes the block
/// (when present) and the sections back, so a codebook survives a round trip through QDC or QDPX;
/// a description without them is all definition.
enum QDCDescription {
    /// The fields the description carries.
    struct Fields: Equatable {
        var definition = ""
        var include: [String] = []
        var exclude: [String] = []
        var examples: [String] = []
        var id: String?
        var polarity: Polarity?
        var cues: [String] = []
    }

    static let sectionHeaders = ["Include:", "Exclude:", "Examples:"]

    /// The description text for a codebook code.
    static func text(for code: Code, quadernoBlock: Bool = true) -> String {
        var parts: [String] = []
        if code.definition.isEmpty == false { parts.append(code.definition) }
        for (header, items) in zip(sectionHeaders, [code.include, code.exclude, code.examples]) where items.isEmpty == false {
            let lines = items.map { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
            parts.append(([header] + lines).joined(separator: "\n"))
        }
        if quadernoBlock {
            let lines = ["[Quaderno]", "id: \(code.id)", "polarity: \(code.polarity.rawValue)"]
                + code.cues.map { "cue: " + $0.replacingOccurrences(of: "\n", with: " ") } + ["[/Quaderno]"]
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// The fields found in a description (all definition when it has no sections and no block).
    static func parse(_ text: String) -> Fields {
        var fields = Fields()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let close = lines.lastIndex(of: "[/Quaderno]"), let open = lines[..<close].lastIndex(of: "[Quaderno]") {
            for line in lines[(open + 1)..<close] {
                if line.hasPrefix("id: ") { fields.id = String(line.dropFirst(4)) }
                if line.hasPrefix("polarity: ") { fields.polarity = Polarity(rawValue: String(line.dropFirst(10))) }
                if line.hasPrefix("cue: ") { fields.cues.append(String(line.dropFirst(5))) }
            }
            lines.removeSubrange(open...)
            if lines.last == "" { lines.removeLast() }
        }
        // The sections are the trailing run of header, item, continuation and blank lines.
        var start = lines.count
        while start > 0, isSectionLine(lines[start - 1]) { start -= 1 }
        while start < lines.count, sectionHeaders.contains(lines[start]) == false { start += 1 }
        var current = -1
        for line in lines[start...] {
            if let header = sectionHeaders.firstIndex(of: line) {
                current = header
            } else if line.hasPrefix("- ") {
                append(String(line.dropFirst(2)), to: current, in: &fields)
            } else if line.hasPrefix("  ") {
                extendLast(String(line.dropFirst(2)), of: current, in: &fields)
            }
        }
        var definition = lines[..<start].joined(separator: "\n")
        if start < lines.count, definition.hasSuffix("\n") { definition.removeLast() }
        fields.definition = definition
        return fields
    }

    private static func isSectionLine(_ line: String) -> Bool {
        line.isEmpty || sectionHeaders.contains(line) || line.hasPrefix("- ") || line.hasPrefix("  ")
    }

    private static func append(_ item: String, to section: Int, in fields: inout Fields) {
        switch section {
        case 0: fields.include.append(item)
        case 1: fields.exclude.append(item)
        case 2: fields.examples.append(item)
        default: break
        }
    }

    private static func extendLast(_ line: String, of section: Int, in fields: inout Fields) {
        switch section {
        case 0 where fields.include.isEmpty == false: fields.include[fields.include.count - 1] += "\n" + line
        case 1 where fields.exclude.isEmpty == false: fields.exclude[fields.exclude.count - 1] += "\n" + line
        case 2 where fields.examples.isEmpty == false: fields.examples[fields.examples.count - 1] += "\n" + line
        default: break
        }
    }
}

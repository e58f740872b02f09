/// Shows why each element got its codes: the element with the cue marked, and the negations.
public enum CodingExplanation {
    /// Markers put around a cue: terminal colours or plain brackets.
    public struct Highlight: Sendable {
        /// Put before the cue.
        public var open: String
        /// Put after the cue.
        public var close: String

        /// Creates a highlight.
        public init(open: String, close: String) {
            self.open = open
            self.close = close
        }

        /// Bold yellow on a terminal.
        public static let terminal = Highlight(open: "\u{1B}[1;33m", close: "\u{1B}[0m")
        /// `[[cue]]` for files and pipes.
        public static let brackets = Highlight(open: "[[", close: "]]")
    }

    /// One block per coded unit: id and polarity, text with each coding's cue highlighted, then one
    /// line per coding (code, cue, negation, polarity conflict).
    public static func text(_ coded: CodedCase, highlight: Highlight) -> String {
        let sheet = coded.sheet
        var blocks: [String] = ["\(sheet.source) [\(sheet.id)]"]
        let units = Dictionary(grouping: coded.codings) { "\($0.start)-\($0.end)" }
        let scalars = Array(sheet.text.unicodeScalars)
        var spans = sheet.elements.map { (start: $0.start, end: $0.end, label: "\($0.id) \($0.polarity.rawValue)") }
        for coding in coded.codings where coding.elementID == nil {
            if spans.contains(where: { $0.start == coding.start && $0.end == coding.end }) == false {
                spans.append((coding.start, coding.end, coding.unit))
            }
        }
        for span in spans.sorted(by: { $0.start < $1.start }) {
            let codings = units["\(span.start)-\(span.end)"] ?? []
            let marks = codings.compactMap { coding -> Range<Int>? in
                guard let start = coding.cueStart, let end = coding.cueEnd, coding.negated == false else { return nil }
                return start..<end
            }
            var lines = ["  \(span.label): " + marked(scalars, span.start..<span.end, marks, highlight)]
            if codings.isEmpty { lines.append("      (no code)") }
            for coding in codings {
                var line = "      \(coding.code) ← \"\(coding.cue ?? "")\""
                if coding.negated { line += "  negated by \"\(coding.negatedBy ?? "")\": not counted" }
                if coding.polarityConflict { line += "  ⚠ polarity conflict: review" }
                lines.append(line)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n")
    }

    private static func marked(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ marks: [Range<Int>],
                               _ highlight: Highlight) -> String {
        var text = ""
        var open = false
        for index in range {
            let inside = marks.contains { $0.contains(index) }
            if inside, open == false { text += highlight.open; open = true }
            if inside == false, open { text += highlight.close; open = false }
            text.unicodeScalars.append(scalars[index] == "\n" ? " " : scalars[index])
        }
        if open { text += highlight.close }
        return text
    }
}

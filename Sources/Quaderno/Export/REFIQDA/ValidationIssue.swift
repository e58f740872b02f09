/// One problem ``REFIValidator`` found in a REFI-QDA file.
public struct ValidationIssue: Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable {
        /// The file breaks the standard; other programs may refuse it or lose data.
        case error
        /// The file is valid but questionable (an unknown extension, a `#RGB` color, ...).
        case warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The file checked (for an archive, the archive and the entry: `x.qdpx (project.qde)`).
    public var file: String
    /// The line of the element concerned, when known.
    public var line: Int?
    /// The element concerned as a path (`/Project/Sources/TextSource[2]/PlainTextSelection[5]`), or ""
    /// for the file as a whole.
    public var path: String
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, file: String, line: Int? = nil, path: String = "", _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.path = path
        self.message = message
    }

    /// `FILE:LINE: error: PATH: message`.
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity.rawValue): " + (path.isEmpty ? "" : "\(path): ") + message
    }
}

/// A problem in a codebook file, with the line it is on.
public struct CodebookIssue: Sendable, Equatable, CustomStringConvertible {
    /// Errors make the codebook unusable; warnings point at likely mistakes.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The codebook file.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// What is wrong and what to do.
    public var message: String

    /// Creates an issue.
    public init(_ severity: Severity, file: String, line: Int?, _ message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (warnings say so).
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return "\(location): \(severity == .warning ? "warning: " : "")\(message)"
    }
}

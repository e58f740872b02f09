/// An error a user can act on: what went wrong, where (file, line or byte offset, field) and what to do.
///
/// The CLI prints it as `quaderno: FILE:LINE: MESSAGE` followed by the hint.
public struct QuadernoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad kind of failure, for scripts and tests.
    public enum Kind: String, Sendable {
        /// The file could not be read (missing, unreadable, too large).
        case unreadable
        /// The bytes are not valid in the file's encoding.
        case encoding
        /// The content does not have the structure its format requires.
        case malformed
        /// The file is refused for safety (zip bomb, path traversal, external entities).
        case unsafe
        /// A codebook, CSV or project file says something Quaderno cannot accept.
        case invalid
        /// A command was used in a way that cannot work (missing project, wrong option).
        case usage
    }

    /// The kind of failure.
    public var kind: Kind
    /// The file concerned, as the user named it; empty when there is none.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 0-based byte offset, when known and no line is given.
    public var byteOffset: Int?
    /// What is wrong, in one sentence.
    public var message: String
    /// What the user can do about it.
    public var hint: String?

    /// Creates an error.
    public init(_ kind: Kind, file: String = "", line: Int? = nil, byteOffset: Int? = nil,
                _ message: String, hint: String? = nil) {
        self.kind = kind
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE: message` or `FILE: byte N: message`, then the hint.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        var text = location.isEmpty ? message : "\(location): "
        if location.isEmpty == false {
            if line == nil, let byteOffset { text += "byte \(byteOffset): " }
            text += message
        }
        if let hint { text += " (\(hint))" }
        return text
    }

    /// The same error attributed to `file` when it does not name one yet.
    public func inFile(_ file: String) -> QuadernoError {
        var copy = self
        if copy.file.isEmpty { copy.file = file }
        return copy
    }
}

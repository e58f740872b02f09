import Foundation

/// A project read from a REFI-QDA file, with what could not be imported.
public struct QDPXImport: Sendable {
    /// The project: users, codes, variables, cases and text sources with their selections.
    public var project: ExchangeProject
    /// What was skipped or repaired, one sentence each (repeats folded with a count).
    public var warnings: [String]
}

/// Reads REFI-QDA projects: a `.qdpx` archive (its `.qde` need not be called `project.qde`) or a
/// bare `.qde` file.
///
/// Text comes from `PlainTextContent` or from the file `plainTextPath` names (`internal://`,
/// `relative://` or a plain relative path, looked up in the archive's `sources/`, at its root, or next
/// to the file on disk; see ``REFIContainer``). Tolerated: GUIDs in braces or any case, a UTF-8 BOM
/// at the start of a text (removed, and positions are counted without it), unknown elements
/// (ignored with a warning). PDF, picture, audio and video sources are skipped with a warning.
///
/// **Positions.** A selection's `startPosition`/`endPosition` count the Unicode code points of the
/// text exactly as stored, so a CRLF line end counts as two. Texts are never normalised: quoting
/// `text.unicodeScalars[start..<end]` gives the coded passage. (Inline `PlainTextContent` is the
/// exception XML itself makes: an XML parser turns a literal CRLF into LF, so there positions count
/// the text as parsed; a CR written as `&#13;` is kept.)
public struct QDPXReader: Sendable {
    /// Size limits for the archive and the files it points at.
    public var limits: ImportLimits

    /// Creates a reader.
    public init(limits: ImportLimits = .standard) {
        self.limits = limits
    }

    /// Reads the project at `url`.
    ///
    /// Throws a ``QuadernoError`` when the file cannot be read, is not well-formed, is refused for
    /// safety, or is not a REFI-QDA project; problems inside a readable project are warnings.
    public func read(_ url: URL) throws -> QDPXImport {
        let container = try REFIContainer(url: url, limits: limits)
        let document = try container.document()
        var decoder = ProjectXMLDecoder(document: document) { container.text(at: $0) }
        let project = try decoder.decode()
        return QDPXImport(project: project, warnings: container.notes + decoder.warnings.messages)
    }
}

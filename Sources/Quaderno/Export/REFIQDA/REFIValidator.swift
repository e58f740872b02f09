import Foundation

/// Checks REFI-QDA files (`.qdpx`, `.qde`, `.qdc`) and explains what is wrong, element by element.
///
/// The checks: the namespace; required elements and attributes; GUID syntax; colors as `#RRGGBB`;
/// integers, booleans, dates and variable types; that every `targetGUID`, `creatingUser` and other
/// reference names an element of the right kind; that no GUID is used twice; that each text source
/// has its text (inline, or where `plainTextPath` points) and each selection lies inside it. This is
/// not a full XSD validation (see ``XMLSchemaValidator`` for that); it checks what the schema cannot,
/// such as references and positions, and says where in words.
public struct REFIValidator: Sendable {
    /// Size limits for the archive and the files it points at.
    public var limits: ImportLimits

    /// Creates a validator.
    public init(limits: ImportLimits = .standard) {
        self.limits = limits
    }

    /// The problems in the file at `fileURL`; empty when none were found. Never throws: a file that
    /// cannot be opened or parsed gives one error issue.
    public func validate(_ fileURL: URL) -> [ValidationIssue] {
        let isCodebook = fileURL.pathExtension.lowercased() == "qdc"
        let container: REFIContainer
        let document: REFIXMLDocument
        do {
            container = try REFIContainer(url: fileURL, limits: limits, documentExtension: isCodebook ? "qdc" : "qde")
            document = try container.document()
        } catch let error as QuadernoError {
            return [ValidationIssue(.error, file: error.file.isEmpty ? fileURL.path : error.file, line: error.line,
                                    error.message)]
        } catch {
            return [ValidationIssue(.error, file: fileURL.path, "cannot be read: \(error)")]
        }
        var run = REFIValidationRun(document: document, lookup: { container.text(at: $0) })
        run.check()
        return container.notes.map { ValidationIssue(.warning, file: fileURL.path, $0) } + run.issues
    }
}

import Foundation

/// Turns case-sheet files into ``Case`` values.
///
/// ```swift
/// let importer = try Importer()
/// let sheet = try importer.importFile(at: URL(fileURLWithPath: "corpora/lunigiana.txt"))
/// print(sheet.attribute("territory") ?? "?", sheet.elements.count)
/// ```
public struct Importer: Sendable {
    /// The limits applied to every file.
    public var limits: ImportLimits
    let vocabulary: ImportVocabulary
    /// The size of the pieces a file's text is parsed in (see ``TextPieces``); tests make it small.
    var pieceBytes = TextPieces.standardBytes

    /// Creates an importer with the bundled label, heading and territory data.
    public init(limits: ImportLimits = .standard) throws {
        self.limits = limits
        vocabulary = try ImportVocabulary.bundled()
    }

    /// Imports one file. `path` is how the file is named in the case and in messages (defaults to the
    /// URL's path); `caseID` defaults to the file name without extension.
    public func importFile(at url: URL, path: String? = nil, caseID: String? = nil) throws -> Case {
        let file = path ?? url.path
        return try importFile(FileBytes.read(url, file: file, limit: limits.maximumFileBytes), url: url, path: file,
                              caseID: caseID)
    }

    /// Imports a file whose bytes were already read (the project reads each file once, to hash it).
    /// The bytes are handed on (`consuming`) and freed once decoded, and each block goes into the
    /// case as soon as the parser finishes it, so a large file's bytes, text and blocks are never all
    /// held at once.
    func importFile(_ data: consuming Data, url: URL, path: String, caseID: String? = nil) throws -> Case {
        let assembler = CaseAssembler(vocabulary: vocabulary, reservingBytes: data.count)
        let document = try DocumentReader(limits: limits, pieceBytes: pieceBytes).read(data, url: url, file: path, into: assembler)
        return assembler.finish(id: caseID ?? FileStem.of(url.path), source: path,
                                format: document.format, warnings: document.warnings)
    }

    /// Imports text that is already in memory (a sheet pasted or generated), read as sheet text,
    /// HTML or XML according to its content.
    public func importText(_ text: String, caseID: String, source: String = "") throws -> Case {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quaderno-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try importFile(at: url, path: source.isEmpty ? caseID : source, caseID: caseID)
    }

    /// Imports several files, continuing past failures. Case ids are made unique (`name`, `name-2`, ...).
    public func importFiles(_ files: [(url: URL, path: String)]) -> [Result<Case, QuadernoError>] {
        var used: [String: Int] = [:]
        return files.map { file in
            let base = FileStem.of(file.url.path)
            used[base, default: 0] += 1
            let id = used[base]! > 1 ? "\(base)-\(used[base]!)" : base
            do {
                return .success(try importFile(at: file.url, path: file.path, caseID: id))
            } catch let error as QuadernoError {
                return .failure(error.inFile(file.path))
            } catch {
                return .failure(QuadernoError(.unreadable, file: file.path, "\(error)"))
            }
        }
    }
}

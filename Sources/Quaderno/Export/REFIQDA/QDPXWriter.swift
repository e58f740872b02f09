import Foundation
import ZIPFoundation

/// Writes an ``ExchangeProject`` as a REFI-QDA project file (`.qdpx`).
///
/// The archive holds `project.qde` (UTF-8 XML in `urn:QDA-XML:project:1.0`) and one
/// `sources/<guid>.txt` per text source (UTF-8, no BOM, the text exactly as given), referenced as
/// `plainTextPath="internal://<guid>.txt"`. Output is deterministic: the same project gives a
/// byte-identical file (entries in a fixed order, every entry dated 1980-01-01 00:00 UTC, fixed
/// permissions, no timestamps in the XML unless the project sets `creationDateTime`). The file is
/// written next to its destination under a temporary name and renamed into place, so a reader never
/// sees half a file and a failed export leaves any previous file untouched.
public struct QDPXWriter: Sendable {
    /// Whether entries are deflated (true) or stored.
    public var compress: Bool

    /// Creates a writer.
    public init(compress: Bool = true) {
        self.compress = compress
    }

    /// The `project.qde` document for `project`, after the same checks ``write(_:to:)`` makes.
    public func projectXML(_ project: ExchangeProject) throws -> String {
        ProjectXMLEncoder.encode(try checked(project))
    }

    /// Writes `project` to `url` (replacing any file there).
    ///
    /// Throws a ``QuadernoError`` of kind `invalid` when the project has problems (see
    /// ``ExchangeProject/problems()``), or `unreadable` when the file cannot be written.
    public func write(_ project: ExchangeProject, to url: URL) throws {
        let project = try checked(project)
        let document = Data(ProjectXMLEncoder.encode(project).utf8)
        let entries = [("project.qde", document)] + project.sources.map { ("sources/\($0.guid).txt", Data($0.text.utf8)) }
        try writeArchive(entries, to: url)
    }

    /// Writes a zip archive of `entries` (path, bytes), in order, dated 1980-01-01, through a temporary file.
    func writeArchive(_ entries: [(String, Data)], to url: URL) throws {
        try AtomicFile.write(to: url) { temporary in
            let archive = try Archive(url: temporary, accessMode: .create)
            for (path, data) in entries { try add(path, data, to: archive) }
        }
    }

    /// 1980-01-01 00:00:00 UTC, the earliest date a zip entry can carry.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    private func add(_ path: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate,
                             permissions: 0o644, compressionMethod: compress ? .deflate : .none) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    private func checked(_ project: ExchangeProject) throws -> ExchangeProject {
        let project = project.canonicalized()
        let problems = project.problems()
        guard problems.isEmpty else {
            let shown = problems.prefix(5).joined(separator: "; ")
            let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
            throw QuadernoError(.invalid, "the project cannot be exported: \(shown)\(more)",
                                hint: "fix the codes, cases or codings named here and export again")
        }
        return project
    }
}

import Foundation

/// A REFI-QDA file opened for reading: a `.qdpx` zip archive or a bare XML file (`.qde`, `.qdc`).
///
/// Finds the main XML document (in an archive, the `.qde` entry, whatever its name) and resolves a
/// text source's `plainTextPath` (see ``text(at:)``). All reads respect ``ImportLimits``.
final class REFIContainer {
    /// The file as named in messages.
    let file: String
    /// The archive, when the file is one.
    let package: ZipPackage?
    /// The entry holding the main document inside the archive.
    let documentEntry: String?
    /// Problems met while opening (several `.qde` entries, ...).
    private(set) var notes: [String] = []
    private let url: URL
    private let limits: ImportLimits

    init(url: URL, limits: ImportLimits, documentExtension: String = "qde") throws {
        self.url = url
        self.file = url.path
        self.limits = limits
        _ = try FileBytes.size(url, file: file, limit: limits.maximumFileBytes)
        guard REFIContainer.isZip(url) else {
            package = nil
            documentEntry = nil
            return
        }
        let package = try ZipPackage(url: url, file: file, limits: limits)
        self.package = package
        let candidates = package.paths.filter {
            $0.lowercased().hasSuffix(".\(documentExtension)") && $0.hasPrefix("__MACOSX/") == false
                && $0.split(separator: "/").last?.hasPrefix(".") == false
        }
        guard let chosen = candidates.first(where: { $0.lowercased() == "project.\(documentExtension)" })
            ?? candidates.first(where: { $0.contains("/") == false }) ?? candidates.first else {
            throw QuadernoError(.malformed, file: file, "the archive holds no .\(documentExtension) document",
                                hint: "a REFI-QDA project (.qdpx) must contain its project.qde")
        }
        if candidates.count > 1 {
            notes.append("the archive holds \(candidates.count) .\(documentExtension) documents; read '\(chosen)'")
        }
        documentEntry = chosen
    }

    /// The main XML document, parsed.
    func document() throws -> REFIXMLDocument {
        if let package, let entry = documentEntry {
            return try REFIXMLDocument.parse(file: "\(file) (\(entry))") { feed in try package.read(entry, feed) }
        }
        let data = try Data(contentsOf: url)
        return try REFIXMLDocument.parse(data, file: file)
    }

    /// The outcome of looking up a source's text.
    enum TextLookup {
        /// The decoded text (BOM removed) and where it was found.
        case found(String, location: String)
        /// Why the text is not available.
        case missing(String)
    }

    /// The text a `plainTextPath` names.
    ///
    /// `internal://NAME` is `sources/NAME` in the archive. `relative://NAME` and a plain relative path
    /// are looked up in the archive's `sources/` folder, then at the archive's root, then on disk
    /// relative to the folder holding the `.qdpx`/`.qde` (also its `sources/` subfolder). For safety,
    /// absolute paths (`absolute://`, `file://`, `/…`, `C:\…`) and paths with `..` are never followed
    /// on disk; only their file name is looked for in the archive's `sources/`.
    func text(at plainTextPath: String) -> TextLookup {
        var path = plainTextPath.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\", with: "/")
        var isInternal = false
        var absolute = false
        for (scheme, schemeIsInternal, schemeIsAbsolute) in [("internal://", true, false), ("relative://", false, false),
                                                 ("absolute://", false, true), ("file://", false, true)]
        where path.lowercased().hasPrefix(scheme) {
            path = String(path.dropFirst(scheme.count))
            (isInternal, absolute) = (schemeIsInternal, schemeIsAbsolute)
        }
        let parts = path.split(separator: "/").map(String.init)
        if path.hasPrefix("/") || parts.first?.hasSuffix(":") == true { absolute = true }
        guard let name = parts.last, parts.isEmpty == false else { return .missing("the path '\(plainTextPath)' is empty") }
        let unsafe = absolute || parts.contains("..")
        var names = [parts.joined(separator: "/")]
        if let decoded = names[0].removingPercentEncoding, decoded != names[0] { names.append(decoded) }
        if unsafe { names = [name] }
        var entries: [String] = names.map { "sources/\($0)" }
        if isInternal == false && unsafe == false { entries += names }
        if let package {
            for entry in entries where package.contains(entry) {
                do {
                    return try decode(package.data(entry), location: entry)
                } catch {
                    return .missing("'\(entry)' cannot be read: \(error)")
                }
            }
        }
        if unsafe {
            return .missing("'\(plainTextPath)' points outside the project and is not followed for safety")
        }
        let folder = url.deletingLastPathComponent()
        for relative in names.flatMap({ isInternal ? ["sources/\($0)"] : [$0, "sources/\($0)"] }) {
            let candidate = folder.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: candidate.path) else { continue }
            do {
                return decode(try FileBytes.read(candidate, file: candidate.path, limit: limits.maximumFileBytes),
                              location: candidate.path)
            } catch {
                return .missing("'\(candidate.path)' cannot be read: \(error)")
            }
        }
        return .missing("'\(plainTextPath)' is neither in the archive nor next to it")
    }

    /// UTF-8 text without its BOM (UTF-16 with a BOM is accepted too).
    private func decode(_ data: Data, location: String) -> TextLookup {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { return .missing("'\(location)' is not valid UTF-16") }
            return .found(text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text, location: location)
        }
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
        guard let text = String(data: body, encoding: .utf8) else {
            return .missing("'\(location)' is not valid UTF-8 (REFI-QDA texts must be UTF-8)")
        }
        return .found(text, location: location)
    }

    /// Whether the file starts like a zip archive.
    static func isZip(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head == Data([0x50, 0x4B, 0x03, 0x04]) || head == Data([0x50, 0x4B, 0x05, 0x06])
    }
}

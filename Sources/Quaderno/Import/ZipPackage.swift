import Foundation
import ZIPFoundation

/// A zip-based document (DOCX, ODT, QDPX) opened with limits: entry count, no `..` or absolute
/// names, and inflated bytes counted while inflating (total and ratio), so a zip bomb stops early.
final class ZipPackage {
    let file: String
    private let archive: Archive
    private let limits: ImportLimits
    private var inflatedSoFar = 0

    /// The entry paths, in archive order.
    let paths: [String]

    init(url: URL, file: String, limits: ImportLimits) throws {
        self.file = file
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw QuadernoError(.malformed, file: file, "not a readable zip archive (truncated or damaged?)",
                                hint: "open and re-save the document in its office program")
        }
        var paths: [String] = []
        for entry in archive {
            paths.append(entry.path)
            guard paths.count <= limits.maximumArchiveEntries else {
                throw QuadernoError(.unsafe, file: file,
                                    "the archive has more than \(limits.maximumArchiveEntries) entries",
                                    hint: "this is not a normal document; check where it came from")
            }
            let parts = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            guard entry.path.hasPrefix("/") == false, entry.path.contains("\\") == false,
                  parts.contains("..") == false else {
                throw QuadernoError(.unsafe, file: file, "the archive entry '\(entry.path)' points outside the archive",
                                    hint: "refused for safety; re-save the document in its office program")
            }
        }
        self.paths = paths
    }

    /// Whether the archive has an entry at `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// Streams an entry's inflated bytes to `consume`, enforcing the limits and checking the CRC.
    func read(_ path: String, _ consume: (Data) throws -> Void) throws {
        guard let entry = archive[path] else {
            throw QuadernoError(.malformed, file: file, "the archive has no '\(path)'",
                                hint: "the document is incomplete; re-save it in its office program")
        }
        var inflated = 0
        let compressed = max(1, Int(entry.compressedSize))
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                inflated += chunk.count
                inflatedSoFar += chunk.count
                if inflatedSoFar > limits.maximumInflatedBytes {
                    throw QuadernoError(.unsafe, file: file, "'\(path)' inflates past \(limits.maximumInflatedBytes >> 20) MB",
                                        hint: "refused as a possible zip bomb")
                }
                if inflated > 1 << 20, inflated / compressed > limits.maximumCompressionRatio {
                    throw QuadernoError(.unsafe, file: file,
                                        "'\(path)' inflates more than \(limits.maximumCompressionRatio) times its size",
                                        hint: "refused as a possible zip bomb")
                }
                try consume(chunk)
            }
        } catch let error as QuadernoError {
            throw error
        } catch {
            throw QuadernoError(.malformed, file: file, "cannot inflate '\(path)': \(error)",
                                hint: "the archive is damaged or truncated; re-save it")
        }
        guard checksum == entry.checksum else {
            throw QuadernoError(.malformed, file: file, "'\(path)' is damaged (checksum mismatch)",
                                hint: "the archive is damaged or truncated; re-save it")
        }
    }

    /// An entry's whole content (for small entries such as a mimetype).
    func data(_ path: String) throws -> Data {
        var data = Data()
        try read(path) { data.append($0) }
        return data
    }
}

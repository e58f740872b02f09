import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a file under a temporary name in its destination folder, then renames it into place, so
/// readers never see half a file and a failed write leaves any previous file untouched.
enum AtomicFile {
    /// Calls `produce` with a temporary URL to fill, then renames that file to `url`.
    static func write(to url: URL, _ produce: (URL) throws -> Void) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try produce(temporary)
        } catch let error as QuadernoError {
            throw error
        } catch {
            throw QuadernoError(.unreadable, file: url.path, "cannot write the file: \(error)",
                                hint: "check that the folder exists and is writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw QuadernoError(.unreadable, file: url.path, "cannot move the finished file into place",
                                hint: "check that the folder is writable")
        }
    }
}

import Foundation

/// How a project recognises a file it imported before, however its path is typed: the file's path
/// relative to the project's folder, from both absolute paths with `.` and `..` resolved. The same
/// file gives the same key from any working directory, as `corpora/x.txt`, `./corpora/x.txt` or
/// `/home/anna/study/corpora/x.txt`, and still after the study folder (project and sheets together)
/// is moved or copied elsewhere. Symbolic links are not resolved: a file reached through a link and
/// through its target counts as two files.
enum SourceKey {
    /// The key of the file at `url` for a project in `folder`.
    static func of(_ url: URL, projectFolder folder: URL) -> String {
        let file = url.standardizedFileURL.pathComponents
        let base = folder.standardizedFileURL.pathComponents
        var shared = 0
        while shared < min(file.count, base.count), file[shared] == base[shared] { shared += 1 }
        return (Array(repeating: "..", count: base.count - shared) + file[shared...]).joined(separator: "/")
    }

    /// Where the file of `key` is for a project in `folder` (the inverse of ``of(_:projectFolder:)``).
    static func file(_ key: String, projectFolder folder: URL) -> URL {
        folder.appendingPathComponent(key)
    }
}

extension Project {
    /// The ``SourceKey`` of the file at `file` in this project.
    func sourceKey(of file: URL) -> String {
        SourceKey.of(file, projectFolder: url.deletingLastPathComponent())
    }
}

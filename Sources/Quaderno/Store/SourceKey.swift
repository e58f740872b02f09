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
        of(url, folderComponents: components(of: folder))
    }

    /// The key of the file at `url` for a project in the folder whose ``components(of:)`` are `base`
    /// (worked out once for a whole import).
    static func of(_ url: URL, folderComponents base: [String]) -> String {
        let file = components(of: url)
        var shared = 0
        while shared < min(file.count, base.count), file[shared] == base[shared] { shared += 1 }
        return (Array(repeating: "..", count: base.count - shared) + file[shared...]).joined(separator: "/")
    }

    /// The parts of `url`'s standardized path, `/` first (as `URL.pathComponents` gives them).
    static func components(of url: URL) -> [String] {
        let path = standardizedPath(url)
        return ["/"] + path.split(separator: "/").map(String.init)
    }

    /// `url.standardizedFileURL.path`, without asking Foundation when the path is absolute and has
    /// no `.`, `..` or empty part already (as the files ``InputFiles/collect(_:)`` lists have):
    /// Foundation's standardizing took a few percent of an import's main thread.
    static func standardizedPath(_ url: URL) -> String {
        let path = url.path
        var clean = path.utf8.first == UInt8(ascii: "/")
        if clean {
            for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
            where part.isEmpty || part.elementsEqual(".".utf8) || part.elementsEqual("..".utf8) {
                clean = false
                break
            }
        }
        return clean ? path : url.standardizedFileURL.path
    }

    /// Where the file of `key` is for a project in `folder` (the inverse of ``of(_:projectFolder:)``).
    static func file(_ key: String, projectFolder folder: URL) -> URL {
        folder.appendingPathComponent(key)
    }
}

extension Project {
    /// The ``SourceKey`` of the file at `file` in this project.
    func sourceKey(of file: URL) -> String {
        SourceKey.of(file, folderComponents: folderComponents)
    }
}

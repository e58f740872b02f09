import Foundation

/// Expands the files and folders a user names into the sheet files to import.
public enum InputFiles {
    /// Extensions imported when walking a folder (files named explicitly are always read).
    public static let sheetExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "xhtml", "xml",
                                                      "docx", "odt"]

    /// The files under `paths`, folders walked recursively in name order; hidden files and folder
    /// READMEs are skipped; a file reached twice (named twice, or inside two folders given) is listed
    /// once. Each result keeps the path as the user would write it.
    public static func collect(_ paths: [String]) throws -> [(url: URL, path: String)] {
        var found: [(url: URL, path: String)] = []
        // Files are told apart by their standardized path (`.` and `..` resolved); a walked file's is
        // its folder's plus the relative path, which readdir never gives `.` or `..` parts.
        var seen: Set<String> = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw QuadernoError(.usage, file: path, "no such file or folder", hint: "check the path")
            }
            guard isDirectory.boolValue else {
                let url = URL(fileURLWithPath: path)
                if seen.insert(url.standardizedFileURL.path).inserted { found.append((url, path)) }
                continue
            }
            let base = URL(fileURLWithPath: path)
            let standardized = base.standardizedFileURL.path
            let folder = standardized.hasSuffix("/") ? standardized : standardized + "/"
            var files: [String] = []
            walk(base.path, relative: "", into: &files)
            for relative in files.sorted() where seen.insert(folder + relative).inserted {
                let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
                found.append((URL(fileURLWithPath: folder + relative, isDirectory: false), shown))
            }
        }
        return found
    }

    /// Adds the sheet files under `folder` (paths relative to the walk's base) to `files`, with one
    /// `readdir` per folder: hidden entries are skipped, folders are walked (not folder links).
    private static func walk(_ folder: String, relative: String, into files: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name.hasPrefix(".") == false else { continue }
            let full = folder + "/" + name
            let shown = relative.isEmpty ? name : relative + "/" + name
            var kind = entry.pointee.d_type
            if kind == UInt8(DT_UNKNOWN) || kind == UInt8(DT_LNK) {
                var status = stat()
                guard stat(full, &status) == 0 else { continue }
                kind = status.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG)
                    : status.st_mode & S_IFMT == S_IFDIR && entry.pointee.d_type == UInt8(DT_UNKNOWN) ? UInt8(DT_DIR) : 0
            }
            if kind == UInt8(DT_DIR) {
                walk(full, relative: shown, into: &files)
            } else if kind == UInt8(DT_REG), name.lowercased().hasPrefix("readme") == false,
                      let dot = name.lastIndex(of: "."), sheetExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(shown)
            }
        }
    }
}

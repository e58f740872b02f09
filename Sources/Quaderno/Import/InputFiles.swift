import Foundation

/// Expands the files and folders a user names into the sheet files to import.
public enum InputFiles {
    /// Extensions imported when walking a folder (files named explicitly are always read).
    public static let sheetExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "xhtml", "xml",
                                                      "docx", "odt"]

    /// The files under `paths`, folders walked recursively in name order; hidden files and folder
    /// READMEs are skipped. Each result keeps the path as the user would write it.
    public static func collect(_ paths: [String]) throws -> [(url: URL, path: String)] {
        var found: [(url: URL, path: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw QuadernoError(.usage, file: path, "no such file or folder", hint: "check the path")
            }
            guard isDirectory.boolValue else {
                found.append((URL(fileURLWithPath: path), path))
                continue
            }
            let base = URL(fileURLWithPath: path)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey],
                                                            options: [.skipsHiddenFiles])
            var files: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                let name = url.lastPathComponent
                guard sheetExtensions.contains(url.pathExtension.lowercased()),
                      name.lowercased().hasPrefix("readme") == false,
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = url.path.hasPrefix(base.path + "/") ? String(url.path.dropFirst(base.path.count + 1)) : name
                files.append(relative)
            }
            for relative in files.sorted() {
                let shown = path.hasSuffix("/") ? path + relative : path + "/" + relative
                found.append((base.appendingPathComponent(relative), shown))
            }
        }
        return found
    }
}

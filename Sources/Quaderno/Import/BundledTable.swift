import Foundation

/// A tab-separated data file shipped in `Sources/Quaderno/Resources` (`#` starts a comment line).
struct BundledTable {
    /// The data rows, each split on tabs.
    let rows: [[String]]

    /// Loads `Resources/<name>.tsv` from the library's bundle.
    init(named name: String) throws {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources") else {
            throw QuadernoError(.unreadable, file: "Resources/\(name).tsv",
                                "Quaderno's data file is missing from the build",
                                hint: "rebuild the package; the file belongs in Sources/Quaderno/Resources")
        }
        try self.init(contentsOf: url)
    }

    /// Loads a table from any file.
    init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw QuadernoError(.unreadable, file: url.path, "cannot read the data file: \(error.localizedDescription)")
        }
        rows = text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.isEmpty == false, trimmed.hasPrefix("#") == false else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }
}

import Foundation

extension Codebook {
    /// Reads and checks a YAML codebook; throws the first error with its line.
    ///
    /// Use ``Codebook/validate(fileAt:)`` to see every problem at once.
    public static func load(from url: URL, path: String? = nil) throws -> Codebook {
        let file = path ?? url.path
        let (codebook, issues) = try read(url, file: file)
        if let first = issues.first(where: { $0.severity == .error }) {
            let count = issues.filter { $0.severity == .error }.count
            throw QuadernoError(.invalid, file: file, line: first.line, first.message,
                                hint: count > 1 ? "\(count) problems; run `quaderno codebook validate \(file)` to see all"
                                    : "fix the codebook and run again")
        }
        guard let codebook else { throw QuadernoError(.invalid, file: file, "the codebook could not be read") }
        return codebook
    }

    /// Every problem in a codebook file (unknown keys, duplicate ids, unknown parents, cycles, codes
    /// without cues, invalid regular expressions), each with its line.
    public static func validate(fileAt url: URL, path: String? = nil) throws -> [CodebookIssue] {
        try read(url, file: path ?? url.path).1
    }

    private static func read(_ url: URL, file: String) throws -> (Codebook?, [CodebookIssue]) {
        let yaml: String
        do {
            yaml = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw QuadernoError(.unreadable, file: file, "cannot read the codebook: \(error.localizedDescription)",
                                hint: "check the path; codebooks are UTF-8 YAML files")
        }
        var loader = CodebookLoader(file: file)
        let codebook = loader.load(yaml, compiler: try CueCompiler())
        return (codebook, loader.issues)
    }
}

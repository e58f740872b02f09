import Foundation
import Testing
@testable import Quaderno

/// Paths to the repository's real inputs, found from this file's location.
enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/", FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) == false {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The project's shared reference folder (`../shared`: the seed sheet, the REFI-QDA schemas and
    /// samples), which stays outside the repository. Found next to the checkout or a folder above it,
    /// or where `QUADERNO_SHARED` points; `/work/shared` is where the workplace keeps it.
    static let shared: URL = {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["QUADERNO_SHARED"] { candidates.append(URL(fileURLWithPath: path)) }
        var folder = root
        while folder.path != "/" {
            candidates.append(folder.deletingLastPathComponent().appendingPathComponent("shared"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: "/work/shared"))
        return candidates.first { manager.fileExists(atPath: $0.appendingPathComponent("seeds").path) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// The real workshop sheet shared with the project (`../shared/seeds/`).
    static let seed = shared.appendingPathComponent("seeds/000_5b15b52b858ace5a.txt")
    /// The REFI-QDA schemas and samples (`../shared/refi-qda/`).
    static let refiQDA = shared.appendingPathComponent("refi-qda")
    /// The sample corpus.
    static let corpus = root.appendingPathComponent("corpora")
    /// `Tests/Fixtures`.
    static let folder = root.appendingPathComponent("Tests/Fixtures")

    static func corpusFile(_ name: String) -> URL { corpus.appendingPathComponent(name) }

    /// The default codebook (`codebooks/coprogettazione.yml`).
    static let codebook = root.appendingPathComponent("codebooks/coprogettazione.yml")

    /// Every sheet of the sample corpus and the seed, as an import takes them.
    static func corpusAndSeed() throws -> [(url: URL, path: String)] {
        try InputFiles.collect([corpus.path]) + [(url: seed, path: seed.path)]
    }

    /// A fresh temporary folder inside ``scratch``.
    static func temporaryFolder(_ label: String = "quaderno-test") throws -> URL {
        let url = scratch.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder of this test process's temporary files, `quaderno-tests-<pid>` in the system's
    /// temporary folder. Tests leave what they write there; the folders of earlier test processes
    /// that have ended are removed when this one is first used, so a machine keeps at most the last
    /// run's files, for a look after a failure.
    static let scratch: URL = {
        let manager = FileManager.default
        let prefix = "quaderno-tests-"
        let names = (try? manager.contentsOfDirectory(atPath: manager.temporaryDirectory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) == -1, errno == ESRCH else {
                continue
            }
            try? manager.removeItem(at: manager.temporaryDirectory.appendingPathComponent(name))
        }
        return manager.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())")
    }()

    /// Writes `bytes` to a temporary file named `name` and returns its URL.
    static func write(_ bytes: [UInt8], named name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// Writes `text` as UTF-8 to a temporary file named `name`.
    static func write(_ text: String, named name: String) throws -> URL {
        try write(Array(text.utf8), named: name)
    }

    static let importer: Importer = {
        do { return try Importer() } catch { fatalError("the importer's data files are missing: \(error)") }
    }()

    /// Imports a file with the standard importer.
    static func importCase(_ url: URL) throws -> Case {
        try importer.importFile(at: url, path: url.lastPathComponent)
    }
}

/// Checks the offset contract on a case: every element and mention quotes exactly the text at its offsets.
func expectOffsetsQuote(_ sheet: Case, sourceLocation: SourceLocation = #_sourceLocation) {
    let scalars = Array(sheet.text.unicodeScalars)
    func slice(_ start: Int, _ end: Int) -> String? {
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        return text
    }
    for element in sheet.elements {
        #expect(slice(element.start, element.end) == element.text, "element \(element.id) of \(sheet.id)",
                sourceLocation: sourceLocation)
    }
    for amount in sheet.amounts {
        #expect(slice(amount.start, amount.end) == amount.text, "amount in \(sheet.id)", sourceLocation: sourceLocation)
    }
    for date in sheet.dates {
        #expect(slice(date.start, date.end) == date.text, "date in \(sheet.id)", sourceLocation: sourceLocation)
    }
    for reference in sheet.references {
        #expect(slice(reference.start, reference.end) == reference.text, "reference in \(sheet.id)",
                sourceLocation: sourceLocation)
    }
}

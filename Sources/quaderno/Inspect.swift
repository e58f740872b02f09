import ArgumentParser
import Foundation
import Quaderno

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import case sheets and show what Quaderno finds in them.",
        discussion: "Reads .txt/.md sheet exports, .html/.htm, .xhtml, .xml, .docx and .odt files "
            + "(folders are walked). Exits non-zero if any file failed, after reporting every file.")

    @Argument(help: "Sheet files or folders.")
    var inputs: [String]

    @Flag(help: "Print JSON: one object per case, an array for several files.")
    var json = false

    func run() throws {
        let files = try InputFiles.collect(inputs)
        let importer = try Importer()
        var cases: [Case] = []
        var failed = 0
        for result in importer.importFiles(files) {
            switch result {
            case .success(let sheet): cases.append(sheet)
            case .failure(let error):
                failed += 1
                printError(error)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let data = cases.count == 1 && files.count == 1 ? try encoder.encode(cases[0]) : try encoder.encode(cases)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(cases.map(CaseSummary.text).joined(separator: "\n\n"))
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Prints `quaderno: FILE:LINE: message (hint)` on standard error.
func printError(_ error: Error) {
    FileHandle.standardError.write(Data("quaderno: \(error)\n".utf8))
}

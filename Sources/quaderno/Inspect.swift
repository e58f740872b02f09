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

    @Option(help: "A YAML codebook: also code each case and add its codings.")
    var codebook: String?

    @Option(help: "With --codebook: element (default), sentence or cell (also code the other sections).")
    var unit: CodingUnit = .element

    func run() throws {
        let files = try InputFiles.collect(inputs)
        let importer = try Importer()
        let coder = try codebook.map { try AutoCoder(codebook: Codebook.load(from: URL(fileURLWithPath: $0), path: $0)) }
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
        let session = coder?.makeSession()
        let coded = cases.map { CodedCase(sheet: $0, codings: session?.code($0, unit: unit) ?? []) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
            let withCodings = coder != nil
            let values = coded.map { InspectJSON(coded: $0, includeCodings: withCodings) }
            let data = values.count == 1 && files.count == 1 ? try encoder.encode(values[0]) : try encoder.encode(values)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(coded.map { CaseSummary.text($0.sheet, codings: coder == nil ? nil : $0.codings) }
                .joined(separator: "\n\n"))
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Prints `quaderno: FILE:LINE: message (hint)` on standard error.
func printError(_ error: Error) {
    FileHandle.standardError.write(Data("quaderno: \(error)\n".utf8))
}

extension CodingUnit: ExpressibleByArgument {}

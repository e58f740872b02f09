import ArgumentParser
import Foundation
import Quaderno

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show each element of a sheet with its codes and the cue that triggered them.")

    @Argument(help: "A sheet file.")
    var file: String

    @Option(help: "The YAML codebook.")
    var codebook: String = "codebooks/coprogettazione.yml"

    @Option(help: "element (default), sentence or cell.")
    var unit: CodingUnit = .element

    @Flag(help: "Mark cues with [[ ]] instead of terminal colours.")
    var plain = false

    func run() throws {
        let coder = try AutoCoder(codebook: Codebook.load(from: URL(fileURLWithPath: codebook), path: codebook))
        let sheet = try Importer().importFile(at: URL(fileURLWithPath: file), path: file)
        let coded = CodedCase(sheet: sheet, codings: coder.code(sheet, unit: unit))
        let highlight: CodingExplanation.Highlight = plain || isatty(STDOUT_FILENO) == 0 ? .brackets : .terminal
        print(CodingExplanation.text(coded, highlight: highlight))
    }
}

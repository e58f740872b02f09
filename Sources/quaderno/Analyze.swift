import ArgumentParser
import Foundation
import Quaderno

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import, code and report in one go (the main job).",
        discussion: "With no arguments: analyses corpora/ with codebooks/coprogettazione.yml into reports/. "
            + "The project (reports/project.sqlite) is kept: run again after editing sheets or the codebook, "
            + "and manual codings imported into it survive. A run codes only the cases whose file, or the codebook "
            + "or unit, changed since the last; --recode-all codes every case.")

    @Argument(help: "Sheet files or folders (default: corpora).")
    var inputs: [String] = []

    @Option(help: "The YAML codebook.")
    var codebook: String = "codebooks/coprogettazione.yml"

    @Option(help: "The folder for the reports and the project.")
    var out: String = "reports"

    @Option(help: "Attributes to group by, comma-separated.")
    var by: String = "territory"

    @Option(help: "element (default), sentence or cell.")
    var unit: CodingUnit = .element

    @Flag(help: "CSV for Italian Excel: UTF-8 BOM, ';' separator, decimal comma.")
    var excel = false

    @Flag(help: "Code every case, also those whose codings are up to date.")
    var recodeAll = false

    func run() throws {
        let sources = inputs.isEmpty ? ["corpora"] : inputs
        let projectURL = URL(fileURLWithPath: out).appendingPathComponent("project.sqlite")
        // A codebook with errors stops the run before a project is made or anything imported.
        let loaded = try loadCodebook(codebook)
        let project = try Project.create(at: projectURL)
        // The sheet files are coded as they are imported; the rest after.
        var codedWithImport: CodingSummary?
        let imported = try importInputs(sources, into: project) { files, importer, progress in
            let (imported, coded) = try project.importAndCode(files, importer: importer, codebook: loaded.codebook,
                                                              source: loaded.source, unit: unit, recodeAll: recodeAll,
                                                              progress: progress)
            codedWithImport = coded
            return imported
        }
        let coded = try codedWithImport
            ?? project.code(with: loaded.codebook, source: loaded.source, unit: unit, recodeAll: recodeAll)
        print("code: \(coded.line)")
        let report = try writeReport(project, out: out, by: by, coder: "auto", excel: excel)
        print("project: \(projectURL.path) (reuse it with quaderno report, codings import, agreement, export)")
        try KeptUntilExit.close(project, keeping: report)
        if imported.failed.isEmpty == false {
            FileHandle.standardError.write(Data("quaderno: \(imported.failed.count) file(s) failed; see above\n".utf8))
            throw ExitCode(1)
        }
    }
}

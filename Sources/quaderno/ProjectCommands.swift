import ArgumentParser
import Foundation
import Quaderno

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create an empty project file (SQLite).")

    @Argument(help: "The project file to create, e.g. study.sqlite.")
    var project: String

    func run() throws {
        if FileManager.default.fileExists(atPath: project) {
            throw QuadernoError(.usage, file: project, "a file already exists here",
                                hint: "use it with the other commands, or choose another name")
        }
        _ = try Project.create(at: URL(fileURLWithPath: project))
        print("created \(project)")
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sheet files and folders into a project (unchanged files are skipped).")

    @Argument(help: "The project file.")
    var project: String

    @Argument(help: "Sheet files or folders (walked recursively).")
    var inputs: [String]

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let summary = try importInputs(inputs, into: opened)
        try KeptUntilExit.close(opened)
        if summary.failed.isEmpty == false { throw ExitCode(1) }
    }
}

/// How the sheet files are imported: the files, the importer and the progress callback in, the
/// summary out.
typealias SheetImport = (_ files: [(url: URL, path: String)], _ importer: Importer,
                         _ progress: @escaping (Int, Int, String) -> Void) throws -> ImportSummary

/// Imports with progress on standard error and prints the summary; shared by import and analyze.
/// REFI-QDA projects (.qdpx, .qde) named among the inputs go through the exchange importer; the sheet
/// files, if any, through `importing` (``Project/importFiles(_:importer:progress:)`` when nil).
func importInputs(_ inputs: [String], into project: Project, importing: SheetImport? = nil) throws -> ImportSummary {
    let exchange = inputs.filter { ["qdpx", "qde"].contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
    for file in exchange { try importExchangeFile(file, into: project) }
    let sheets = inputs.filter { exchange.contains($0) == false }
    guard sheets.isEmpty == false || exchange.isEmpty else { return ImportSummary() }
    let files = try InputFiles.collect(sheets)
    // A line for the first and the last file, and in between for the file being stored when a tenth
    // of a second has passed since the last line: a line per file was 10,000 writes to the terminal
    // for a national corpus.
    let clock = ContinuousClock()
    var shown = clock.now
    let progress = { (index: Int, total: Int, path: String) in
        let now = clock.now
        guard index == 1 || index == total || now - shown >= .milliseconds(100) else { return }
        shown = now
        FileHandle.standardError.write(Data("[\(index)/\(total)] \(path)\n".utf8))
    }
    let importer = try Importer()
    let summary = try importing?(files, importer, progress)
        ?? project.importFiles(files, importer: importer, progress: progress)
    for failure in summary.failed { printError(failure) }
    print("import: \(summary.line)")
    if summary.gone.isEmpty == false {
        let listed = summary.gone.prefix(5).joined(separator: ", ") + (summary.gone.count > 5 ? ", ..." : "")
        FileHandle.standardError.write(Data(("quaderno: the files of \(summary.gone.count) case(s) imported earlier are "
            + "no longer there (\(listed)); the cases stay in the project and its reports (hint: put the files back, "
            + "or remove those cases with `quaderno remove \(project.url.path) --gone`)\n").utf8))
    }
    return summary
}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code every case of a project with a codebook (replaces that coder's automatic codings).",
        discussion: "A case whose codings were made from the same file, codebook, unit and Quaderno coding engine "
            + "keeps them and is not coded again; --recode-all codes every case anyway.")

    @Argument(help: "The project file.")
    var project: String

    @Option(help: "The YAML codebook.")
    var codebook: String = "codebooks/coprogettazione.yml"

    @Option(help: "The coder name recorded with the codings.")
    var coder: String = "auto"

    @Option(help: "element (default), sentence or cell.")
    var unit: CodingUnit = .element

    @Flag(help: "Code every case, also those whose codings are up to date.")
    var recodeAll = false

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let summary = try codeProject(opened, codebookPath: codebook, coder: coder, unit: unit, recodeAll: recodeAll)
        print("code: \(summary.line)")
        try KeptUntilExit.close(opened)
    }
}

/// Loads a codebook and codes a project.
func codeProject(_ project: Project, codebookPath: String, coder: String, unit: CodingUnit,
                 recodeAll: Bool) throws -> CodingSummary {
    let (codebook, source) = try loadCodebook(codebookPath)
    return try project.code(with: codebook, source: source, coder: coder, unit: unit, recodeAll: recodeAll)
}

/// A codebook and its YAML text, as a coding run stores it; shared by code and analyze.
func loadCodebook(_ path: String) throws -> (codebook: Codebook, source: String) {
    let url = URL(fileURLWithPath: path)
    let codebook = try Codebook.load(from: url, path: path)
    return (codebook, try String(contentsOf: url, encoding: .utf8))
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the CSV tables and the Markdown and HTML reports of a project.")

    @Argument(help: "The project file.")
    var project: String

    @Option(help: "The folder to write into.")
    var out: String = "reports"

    @Option(help: "Attributes to group by, comma-separated (e.g. territory,tipologia_ets).")
    var by: String = "territory"

    @Option(help: "The coder whose codings are counted (default: auto, or the only coder).")
    var coder: String?

    @Flag(help: "CSV for Italian Excel: UTF-8 BOM, ';' separator, decimal comma.")
    var excel = false

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let report = try writeReport(opened, out: out, by: by, coder: coder, excel: excel)
        try KeptUntilExit.close(opened, keeping: report)
    }
}

/// Builds and writes a report, then prints where it went and the headlines; shared by report and analyze.
@discardableResult
func writeReport(_ project: Project, out: String, by: String, coder: String?, excel: Bool) throws -> CorpusReport {
    let groups = by.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let report = try CorpusReport.load(from: project, coder: coder, groupBy: groups)
    let files = try ReportWriter(dialect: excel ? .excel : .standard).write(report, to: URL(fileURLWithPath: out))
    print("report: wrote \(files.map(\.lastPathComponent).joined(separator: ", ")) in \(out)/")
    for line in report.headlines { print("  " + line) }
    return report
}

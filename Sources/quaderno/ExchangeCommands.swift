import ArgumentParser
import Foundation
import Quaderno

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a project for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA .qdpx).")

    @Argument(help: "The project file.")
    var project: String

    @Option(help: "The .qdpx file to write.")
    var qdpx: String

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let exchange = try opened.exportQDPX(to: URL(fileURLWithPath: qdpx))
        print("export: \(qdpx): \(exchange.sources.count) sources, \(exchange.allCodes.count) codes, "
            + "\(exchange.allCodings.count) codings by \(exchange.users.count) coder(s)")
    }
}

struct ImportQDPX: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-qdpx",
        abstract: "Import a REFI-QDA project (.qdpx or .qde) written by NVivo, ATLAS.ti, MAXQDA, QualCoder or Quaderno.")

    @Argument(help: "The project file.")
    var project: String

    @Argument(help: "The .qdpx or .qde file.")
    var file: String

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        try importExchangeFile(file, into: opened)
    }
}

/// Reads a .qdpx/.qde and imports it, printing warnings on standard error.
@discardableResult
func importExchangeFile(_ file: String, into project: Project) throws -> ExchangeImportSummary {
    let imported = try QDPXReader().read(URL(fileURLWithPath: file))
    let summary = try project.importExchange(imported, file: file)
    for warning in summary.warnings { FileHandle.standardError.write(Data("quaderno: \(file): warning: \(warning)\n".utf8)) }
    print("import-qdpx: \(file): \(summary.line)")
    return summary
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a .qdpx, .qde or .qdc file against what the REFI-QDA standard requires.")

    @Argument(help: "The file to check.")
    var file: String

    func run() throws {
        let issues = REFIValidator().validate(URL(fileURLWithPath: file))
        for issue in issues { print(issue) }
        let errors = issues.filter { $0.severity == .error }.count
        if errors > 0 {
            FileHandle.standardError.write(Data("quaderno: \(file): \(errors) error(s)\n".utf8))
            throw ExitCode(1)
        }
        print("\(file): valid" + (issues.isEmpty ? "" : " (\(issues.count) warning(s))"))
    }
}

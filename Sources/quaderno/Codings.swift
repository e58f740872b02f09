import ArgumentParser
import Foundation
import Quaderno

struct Codings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a coder's manual codings from CSV, or export codings as CSV.",
        subcommands: [ImportCodings.self, ExportCodings.self])

    struct ImportCodings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import manual codings (columns: case_id, element_id or start and end, code).",
            discussion: "Replaces the coder's earlier manual codings. If any row is wrong nothing is imported "
                + "and every problem is listed as FILE:LINE: message.")

        @Argument(help: "The project file.")
        var project: String

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "The coder's name.")
        var coder: String

        func run() throws {
            let opened = try Project.open(at: URL(fileURLWithPath: project))
            let text: String
            do {
                text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
            } catch {
                throw QuadernoError(.unreadable, file: file, "cannot read the file as UTF-8 text")
            }
            do {
                let count = try opened.importManualCodings(try CSVTable(text, file: file), file: file, coder: coder)
                print("codings import: \(count) manual codings by \(coder)")
            } catch let errors as ManualCodingErrors {
                FileHandle.standardError.write(Data((errors.problems.map { "quaderno: \($0)" }
                    + ["quaderno: \(errors.problems.count) problem(s); nothing was imported"]).joined(separator: "\n").utf8 + [10]))
                throw ExitCode(1)
            }
        }
    }

    struct ExportCodings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write codings as CSV (the columns of codings.csv).")

        @Argument(help: "The project file.")
        var project: String

        @Option(help: "Only this coder's codings (default: every coder).")
        var coder: String?

        @Option(help: "Write to this file instead of standard output.")
        var out: String?

        @Flag(help: "CSV for Italian Excel.")
        var excel = false

        func run() throws {
            let opened = try Project.open(at: URL(fileURLWithPath: project))
            let codings = try opened.codings(coders: coder.map { [$0] }, includeOrphaned: true)
            let text = CodingsCSV.render(codings, cases: try opened.cases(), codebook: try opened.latestCodebook(),
                                         dialect: excel ? .excel : .standard)
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                print("codings export: \(codings.count) codings to \(out)")
            } else {
                print(text, terminator: "")
            }
        }
    }
}

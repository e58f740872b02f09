import ArgumentParser
import Foundation
import Quaderno

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove cases from a project, with their codings (e.g. sheets deleted from the corpus).",
        discussion: "Name each case by its id (the file name without extension, as in cases.csv) or by its file's "
            + "path; --gone removes every case whose file is no longer there. A case with manual codings is kept "
            + "unless --force is given.")

    @Argument(help: "The project file.")
    var project: String

    @Argument(help: "Case ids or file paths.")
    var cases: [String] = []

    @Flag(help: "Remove every case whose file is no longer there.")
    var gone = false

    @Flag(help: "Remove cases with manual codings too (their manual codings are deleted).")
    var force = false

    func validate() throws {
        if cases.isEmpty, gone == false {
            throw ValidationError("name the cases to remove (ids or file paths), or pass --gone")
        }
    }

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let summary = try opened.removeCases(cases, gone: gone, force: force)
        for name in summary.notFound {
            printError(QuadernoError(.usage, file: project, "no case '\(name)' in the project",
                                     hint: "name a case by its id (the case_id column of cases.csv) or by its file's path"))
        }
        for kept in summary.kept {
            printError(QuadernoError(.usage, file: project,
                                     "case '\(kept.id)' (\(kept.source)) has \(kept.manualCodings) manual coding(s): kept",
                                     hint: "to remove it anyway, save them with `quaderno codings export \(project) "
                                        + "--out FILE`, then pass --force"))
        }
        print("remove: \(summary.line)")
        if summary.notFound.isEmpty == false || summary.kept.isEmpty == false { throw ExitCode(1) }
    }
}

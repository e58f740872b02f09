import ArgumentParser
import Foundation
import Quaderno

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Check a codebook, or exchange it with other tools as a REFI-QDA .qdc file.",
        subcommands: [Validate.self, ExportQDC.self, ImportQDC.self])

    struct ExportQDC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write a YAML codebook as a REFI-QDA codebook (.qdc).")

        @Argument(help: "The codebook (.yml).")
        var file: String

        @Option(help: "The .qdc file to write.")
        var qdc: String

        func run() throws {
            let codebook = try Codebook.load(from: URL(fileURLWithPath: file), path: file)
            try QDCCodebook.write(codebook, to: URL(fileURLWithPath: qdc))
            print("codebook export: \(qdc): \(codebook.codes.count) codes")
        }
    }

    struct ImportQDC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Turn a REFI-QDA codebook (.qdc) into a YAML codebook.")

        @Argument(help: "The .qdc file.")
        var file: String

        @Option(help: "The YAML file to write.")
        var yaml: String

        func run() throws {
            let imported = try QDCCodebook.read(URL(fileURLWithPath: file))
            for warning in imported.warnings { FileHandle.standardError.write(Data("quaderno: \(file): warning: \(warning)\n".utf8)) }
            try Data(imported.codebook.yamlText.utf8).write(to: URL(fileURLWithPath: yaml), options: .atomic)
            let withoutCues = imported.codebook.codes.filter { $0.cues.isEmpty }.count
            print("codebook import: \(yaml): \(imported.codebook.codes.count) codes"
                + (withoutCues > 0 ? " (\(withoutCues) without cues: add them before auto-coding)" : ""))
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in a YAML codebook as FILE:LINE: message.")

        @Argument(help: "The codebook (.yml).")
        var file: String

        func run() throws {
            let issues = try Codebook.validate(fileAt: URL(fileURLWithPath: file), path: file)
            for issue in issues { print(issue) }
            let errors = issues.filter { $0.severity == .error }.count
            if errors > 0 {
                FileHandle.standardError.write(Data("quaderno: \(file): \(errors) error(s)\n".utf8))
                throw ExitCode(1)
            }
            let codebook = try Codebook.load(from: URL(fileURLWithPath: file), path: file)
            let cues = codebook.codes.reduce(0) { $0 + $1.cues.count }
            print("\(file): ok — \(codebook.codes.count) codes, \(cues) cues"
                + (issues.isEmpty ? "" : ", \(issues.count) warning(s)"))
        }
    }
}

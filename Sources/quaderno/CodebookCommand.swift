import ArgumentParser
import Foundation
import Quaderno

struct CodebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codebook",
        abstract: "Check a codebook, or exchange it with other tools as a REFI-QDA .qdc file.",
        subcommands: [Validate.self])

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

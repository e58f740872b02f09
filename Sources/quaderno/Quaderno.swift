import ArgumentParser

@main
struct QuadernoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quaderno",
        abstract: "Import, code and compare case sheets on co-programming and co-design.",
        subcommands: [Analyze.self, Inspect.self, Explain.self, Init.self, ImportCommand.self, RemoveCommand.self,
                      CodeCommand.self, Codings.self, Report.self, Agreement.self, Evaluate.self, Export.self, ImportQDPX.self,
                      Validate.self, CodebookCommand.self]
    )
}

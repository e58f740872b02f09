import ArgumentParser

@main
struct QuadernoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quaderno",
        abstract: "Import, code and compare case sheets on co-programming and co-design.",
        subcommands: [Inspect.self, Explain.self, CodebookCommand.self]
    )
}

import Quaderno

/// What a command has finished with but does not free: freeing a project's cases and a report's
/// codings one allocation at a time took about 0.1 s at the end of `analyze` of 10,000 sheets, just
/// before the process ended and the system took its memory back whole.
enum KeptUntilExit {
    nonisolated(unsafe) private static var objects: [Any] = []

    /// A command's last step: closes `project` and keeps it, and `others`, alive until the process
    /// exits (call from the main thread).
    static func close(_ project: Project, keeping others: Any...) throws {
        try project.close()
        objects.append(project)
        objects.append(contentsOf: others)
    }
}

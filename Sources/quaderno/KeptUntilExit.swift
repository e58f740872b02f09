/// What a command has finished with but does not free: freeing a project's cases and a report's
/// codings one allocation at a time took about 0.1 s at the end of `analyze` of 10,000 sheets, just
/// before the process ended and the system took its memory back whole. A command hands them here
/// as its last step, after closing its project.
enum KeptUntilExit {
    nonisolated(unsafe) private static var objects: [Any] = []

    /// Keeps `values` alive until the process exits (call from the main thread).
    static func keep(_ values: Any...) {
        objects.append(contentsOf: values)
    }
}

/// What an import did, file by file.
public struct ImportSummary: Sendable {
    /// Case ids of files seen for the first time.
    public var imported: [String] = []
    /// Case ids of files whose content changed since the last import (case and auto codings replaced).
    public var updated: [String] = []
    /// Case ids of files that did not change (nothing written).
    public var unchanged: [String] = []
    /// Files that could not be imported, with the reason; the others were stored.
    public var failed: [QuadernoError] = []
    /// Manual codings moved to where their quoted text now is.
    public var reanchored = 0
    /// Manual codings whose quoted text is gone: kept, marked orphaned.
    public var orphaned = 0
    /// The sources of cases imported earlier whose file no longer exists (deleted or moved away from
    /// the study folder). They stay in the project, and in its reports, with their codings.
    public var gone: [String] = []

    /// An empty summary.
    public init() {}

    /// `3 imported, 1 updated, 10 unchanged, 1 failed`, and `; 2 gone (file no longer there; case kept)`
    /// when some are.
    public var line: String {
        var text = "\(imported.count) imported, \(updated.count) updated, \(unchanged.count) unchanged, \(failed.count) failed"
        if reanchored + orphaned > 0 { text += "; manual codings: \(reanchored) re-anchored, \(orphaned) orphaned" }
        if gone.isEmpty == false { text += "; \(gone.count) gone (file no longer there; case kept)" }
        return text
    }
}

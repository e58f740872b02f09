/// What ``Project/removeCases(_:gone:force:)`` did.
public struct RemovalSummary: Sendable, Equatable {
    /// A case named for removal and kept because a coder coded it by hand.
    public struct Kept: Sendable, Equatable {
        /// The case id.
        public var id: String
        /// Its file, as reports show it.
        public var source: String
        /// How many manual codings it has (orphaned ones included).
        public var manualCodings: Int
    }

    /// The sources of the cases removed, with their elements, attributes and codings.
    public var removed: [String] = []
    /// Cases kept because they have manual codings and removal was not forced.
    public var kept: [Kept] = []
    /// Names given that match no case of the project.
    public var notFound: [String] = []

    /// An empty summary.
    public init() {}

    /// `2 removed, 1 kept (manual codings), 1 not found`; the last two only when some are.
    public var line: String {
        var text = "\(removed.count) removed"
        if kept.isEmpty == false { text += ", \(kept.count) kept (manual codings)" }
        if notFound.isEmpty == false { text += ", \(notFound.count) not found" }
        return text
    }
}

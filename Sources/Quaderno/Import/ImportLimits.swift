/// Bounds that keep hostile or broken files from exhausting memory or time.
public struct ImportLimits: Sendable {
    /// The largest file read at all.
    public var maximumFileBytes: Int
    /// The most entries a DOCX/ODT/QDPX archive may hold.
    public var maximumArchiveEntries: Int
    /// The most bytes inflated from one archive, counted while inflating.
    public var maximumInflatedBytes: Int
    /// The largest inflated/compressed ratio accepted for an entry above 1 MB.
    public var maximumCompressionRatio: Int

    /// Creates limits.
    public init(maximumFileBytes: Int = 256 << 20, maximumArchiveEntries: Int = 10_000,
                maximumInflatedBytes: Int = 512 << 20, maximumCompressionRatio: Int = 200) {
        self.maximumFileBytes = maximumFileBytes
        self.maximumArchiveEntries = maximumArchiveEntries
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumCompressionRatio = maximumCompressionRatio
    }

    /// Generous for real sheets (a 50 MB HTML dossier, a DOCX with images), bounded for bombs.
    public static let standard = ImportLimits()
}

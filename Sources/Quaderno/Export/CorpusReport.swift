import Foundation

/// Everything the reports show, computed once from a project: the Analysis stage's output.
public struct CorpusReport: Sendable {
    /// The counted view: cases, the reported coder's codings, the codebook.
    public var view: CorpusView
    /// The coder whose codings are reported.
    public var coder: String
    /// The attributes grouped by (territory by default).
    public var groupBy: [String]
    /// Code frequencies (`all` and by group).
    public var frequencies: [FrequencyRow]
    /// Case × code counts.
    public var matrix: CodeMatrix
    /// Pairs of codes applied together.
    public var cooccurrence: [CooccurrenceRow]
    /// Positive and negative, by group.
    public var polarity: [PolarityRow]
    /// Euro amounts by territory.
    public var resources: [ResourceRow]
    /// When the report was made (ISO 8601).
    public var generatedAt: String

    /// Computes every table from a view.
    public init(view: CorpusView, coder: String, groupBy: [String], generatedAt: Date = Date()) {
        self.view = view
        self.coder = coder
        self.groupBy = groupBy
        frequencies = CodeFrequencies.compute(view, groupBy: groupBy)
        matrix = CodeMatrix(view)
        cooccurrence = CodeCooccurrence.compute(view)
        polarity = PolarityBalance.compute(view, groupBy: groupBy)
        resources = ResourceTotals.compute(view)
        self.generatedAt = ISO8601DateFormatter().string(from: generatedAt)
    }

    /// Leaf and parent codes in codebook order with their whole-corpus frequency.
    public var overall: [FrequencyRow] { frequencies.filter { $0.groupBy == "all" } }
}

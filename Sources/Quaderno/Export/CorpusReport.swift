import Foundation

/// Everything the reports show, computed once from a project: the Analysis stage's output.
public struct CorpusReport: Sendable {
    /// The counted view: cases, the reported coder's codings, the codebook.
    public var view: CorpusView {
        didSet { index = CorpusIndex(view) }
    }
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
    /// Agreement between every coder of the project, when it holds more than one.
    public var agreement: CoderAgreement?
    /// Integer ids for ``view``, made again whenever the view changes.
    private(set) var index: CorpusIndex

    /// Computes every table from a view.
    public init(view: CorpusView, coder: String, groupBy: [String], generatedAt: Date = Date()) {
        self.view = view
        self.coder = coder
        self.groupBy = groupBy
        let index = CorpusIndex(view)
        self.index = index
        let counts = FamilyCounts(view, index: index)
        frequencies = CodeFrequencies.compute(view, groupBy: groupBy, index: index, counts: counts)
        matrix = CodeMatrix(view, index: index, counts: counts)
        cooccurrence = CodeCooccurrence.compute(view, index: index)
        polarity = PolarityBalance.compute(view, groupBy: groupBy, index: index)
        resources = ResourceTotals.compute(view)
        self.generatedAt = ISO8601DateFormatter().string(from: generatedAt)
    }

    /// The report of a project: the view of `coder` (see ``CorpusView/load(from:coder:)``) and, when
    /// the project holds several coders, their agreement per code on the elements.
    public static func load(from project: Project, coder: String? = nil, groupBy: [String]) throws -> CorpusReport {
        let (view, chosen) = try CorpusView.load(from: project, coder: coder)
        var report = CorpusReport(view: view, coder: chosen, groupBy: groupBy)
        let coders = try project.coders()
        if coders.count > 1 {
            let stored = try project.codings()
            let parents = Set(view.codebook.codes.compactMap(\.parent))
            report.agreement = try CoderAgreement(
                cases: view.cases, codings: stored.map(\.coding), coders: coders,
                codes: view.codebook.codes.map(\.id).filter { parents.contains($0) == false }, unit: .element,
                automaticCoders: Set(stored.filter { $0.origin == "auto" }.map(\.coding.coder)))
        }
        return report
    }

    /// Leaf and parent codes in codebook order with their whole-corpus frequency.
    public var overall: [FrequencyRow] { frequencies.filter { $0.groupBy == "all" } }
}

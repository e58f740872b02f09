/// One coder (usually `auto`) scored against a gold coder: precision, recall and F1 per code, and
/// the disagreements a researcher reads to refine cues. Only cases the gold coder coded are scored.
public struct CoderEvaluation: Sendable {
    /// A unit and code on which the two coders differ.
    public struct Disagreement: Sendable, Equatable {
        /// The case.
        public var caseID: String
        /// The element (or `start-end` span).
        public var unit: String
        /// The code.
        public var code: String
        /// `missed` (gold only: a false negative) or `extra` (evaluated coder only: a false positive).
        public var side: String
        /// The unit's text.
        public var text: String
    }

    /// The gold coder.
    public let gold: String
    /// The coder evaluated.
    public let evaluated: String
    /// The scores.
    public let scores: ClassificationScores
    /// Every disagreement, by case and unit.
    public let disagreements: [Disagreement]
    /// Cases scored.
    public let caseCount: Int

    /// Scores `evaluated` against `gold` on the cases `gold` coded.
    public init(codings: [Coding], gold: String, evaluated: String) throws {
        let goldCases = Set(codings.filter { $0.coder == gold }.map(\.caseID))
        guard goldCases.isEmpty == false else {
            throw QuadernoError(.usage, "the gold coder '\(gold)' has no codings", hint: "import them with `quaderno codings import`")
        }
        self.gold = gold
        self.evaluated = evaluated
        caseCount = goldCases.count
        var texts: [String: String] = [:]
        func items(_ coder: String) -> [ClassificationScores.Item] {
            codings.filter { $0.coder == coder && $0.negated == false && goldCases.contains($0.caseID) }.map { coding in
                let unit = "\(coding.caseID)/\(coding.elementID ?? "\(coding.start)-\(coding.end)")"
                texts[unit] = coding.text
                return ClassificationScores.Item(unit: unit, label: coding.code)
            }
        }
        let goldItems = items(gold)
        let evaluatedItems = items(evaluated)
        scores = ClassificationScores(gold: goldItems, predicted: evaluatedItems)
        func disagreement(_ item: ClassificationScores.Item, _ side: String) -> Disagreement {
            let parts = item.unit.split(separator: "/", maxSplits: 1).map(String.init)
            return Disagreement(caseID: parts[0], unit: parts.count > 1 ? parts[1] : "", code: item.label, side: side,
                                text: texts[item.unit] ?? "")
        }
        disagreements = (scores.falseNegatives.map { disagreement($0, "missed") } + scores.falsePositives.map { disagreement($0, "extra") })
            .sorted { ($0.caseID, $0.unit, $0.code) < ($1.caseID, $1.unit, $1.code) }
    }
}

/// Precision, recall and F1 of predicted labelled items against a gold standard, per label and averaged.
///
/// Items are `(unit, label)` pairs, for example a case and a code applied to it; duplicates count once.
/// A predicted item that is also in gold is a true positive, a predicted item not in gold a false
/// positive, a gold item not predicted a false negative.
///
/// Undefined ratios are `nil`, never NaN: precision `TP / (TP + FP)` is nil when nothing was
/// predicted, recall `TP / (TP + FN)` is nil when gold has nothing. F1 is `2 TP / (2 TP + FP + FN)`,
/// which equals the harmonic mean of precision and recall when both are defined and is 0 when only
/// one of them is; it is nil only when gold and predictions are both empty.
///
/// Labels are those occurring in gold or predictions. Micro averages pool the counts of all labels.
/// Macro averages are unweighted means over labels: macro precision over the labels that were
/// predicted (where precision is defined), macro recall over the labels in gold, macro F1 over all
/// labels (a label never predicted counts with F1 0).
public struct ClassificationScores: Sendable, Equatable {
    /// One labelled item: a unit and the label (code) given to it.
    public struct Item: Sendable, Hashable {
        /// The unit, for example a case identifier.
        public var unit: String
        /// The label given to the unit, for example a code identifier.
        public var label: String

        /// Creates an item.
        public init(unit: String, label: String) {
            self.unit = unit
            self.label = label
        }
    }

    /// Counts and scores for a set of items: one label, or all labels pooled.
    public struct Score: Sendable, Equatable {
        /// Items predicted and in gold.
        public let truePositives: Int
        /// Items predicted but not in gold.
        public let falsePositives: Int
        /// Items in gold but not predicted.
        public let falseNegatives: Int

        /// `TP / (TP + FP)`; nil when nothing was predicted.
        public var precision: Double? {
            Self.ratio(truePositives, truePositives + falsePositives)
        }
        /// `TP / (TP + FN)`; nil when gold has nothing.
        public var recall: Double? {
            Self.ratio(truePositives, truePositives + falseNegatives)
        }
        /// `2 TP / (2 TP + FP + FN)`; nil when gold and predictions are both empty.
        public var f1: Double? {
            Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
        }

        private static func ratio(_ part: Int, _ whole: Int) -> Double? {
            whole == 0 ? nil : Double(part) / Double(whole)
        }
    }

    /// Unweighted means of per-label scores; nil when no label has the score defined.
    public struct Averages: Sendable, Equatable {
        /// Mean precision over the labels that were predicted.
        public let precision: Double?
        /// Mean recall over the labels in gold.
        public let recall: Double?
        /// Mean F1 over all labels in gold or predictions.
        public let f1: Double?
    }

    /// The labels in gold or predictions: gold labels in order of first appearance, then labels only predicted.
    public let labels: [String]
    /// The score of each label, keyed by label.
    public let perLabel: [String: Score]
    /// The counts of all labels pooled, with the micro-averaged precision, recall and F1.
    public let micro: Score
    /// The macro averages over labels.
    public let macro: Averages
    /// Predicted items not in gold, in the order predicted.
    public let falsePositives: [Item]
    /// Gold items not predicted, in gold order.
    public let falseNegatives: [Item]

    /// Scores `predicted` against `gold`.
    ///
    /// Never throws: with empty inputs the undefined scores are nil.
    public init(gold: [Item], predicted: [Item]) {
        let gold = Self.unique(gold)
        let predicted = Self.unique(predicted)
        let goldSet = Set(gold)
        let predictedSet = Set(predicted)
        var labels: [String] = []
        var seen = Set<String>()
        for item in gold + predicted where seen.insert(item.label).inserted {
            labels.append(item.label)
        }
        let falsePositives = predicted.filter { goldSet.contains($0) == false }
        let falseNegatives = gold.filter { predictedSet.contains($0) == false }
        var tp: [String: Int] = [:]
        var fp: [String: Int] = [:]
        var fn: [String: Int] = [:]
        for item in predicted where goldSet.contains(item) { tp[item.label, default: 0] += 1 }
        for item in falsePositives { fp[item.label, default: 0] += 1 }
        for item in falseNegatives { fn[item.label, default: 0] += 1 }
        var perLabel: [String: Score] = [:]
        for label in labels {
            perLabel[label] = Score(truePositives: tp[label, default: 0], falsePositives: fp[label, default: 0],
                                    falseNegatives: fn[label, default: 0])
        }
        let scores = labels.compactMap { perLabel[$0] }
        self.labels = labels
        self.perLabel = perLabel
        self.micro = Score(truePositives: scores.reduce(0) { $0 + $1.truePositives },
                           falsePositives: falsePositives.count, falseNegatives: falseNegatives.count)
        self.macro = Averages(precision: Self.mean(scores.compactMap(\.precision)),
                              recall: Self.mean(scores.compactMap(\.recall)),
                              f1: Self.mean(scores.compactMap(\.f1)))
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Scores predicted `(unit, label)` pairs against gold pairs.
    public init(gold: [(unit: String, label: String)], predicted: [(unit: String, label: String)]) {
        self.init(gold: gold.map { Item(unit: $0.unit, label: $0.label) },
                  predicted: predicted.map { Item(unit: $0.unit, label: $0.label) })
    }

    private static func unique(_ items: [Item]) -> [Item] {
        var seen = Set<Item>()
        return items.filter { seen.insert($0).inserted }
    }

    private static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}

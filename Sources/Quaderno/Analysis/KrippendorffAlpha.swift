/// How values relate to each other, which decides how far apart two different values are.
public enum MeasurementLevel: String, Sendable, CaseIterable {
    /// Labels: two values either agree or not.
    case nominal
    /// Ranks: the distance between two values grows with how many values lie between them.
    case ordinal
    /// Numbers on a scale with equal steps: the distance is the squared difference.
    case interval
}

/// Krippendorff's alpha: agreement among any number of coders, with missing values, at a measurement level.
///
/// Computed from the coincidence matrix: within each unit, every ordered pair of values from two
/// different coders adds `1 / (m - 1)` to the cell of its two values, where `m` is the number of
/// values in the unit. Only pairable values count: units with fewer than two values are dropped.
/// Then `alpha = 1 - (n - 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck`, with `n_c` the marginal frequency of
/// value `c` and `n` the number of pairable values. The metric δ² is 0/1 for nominal data, the squared
/// difference for interval data, and for ordinal data `(Σ_{g=c…k} n_g − (n_c + n_k) / 2)²` over the
/// values sorted in order.
///
/// Alpha is 1 for perfect agreement, 0 for agreement at chance level and negative below chance.
public struct KrippendorffAlpha: Sendable, Equatable {
    /// The measurement level used.
    public let level: MeasurementLevel
    /// The coefficient, at most 1; never NaN.
    public let alpha: Double
    /// The observed disagreement `D_o` (mean δ² over pairable value pairs within units).
    ///
    /// For interval data it is in squared value units.
    public let observedDisagreement: Double
    /// The disagreement `D_e` expected by chance from the pooled values.
    public let expectedDisagreement: Double
    /// The units used: those with at least two values.
    public let unitCount: Int
    /// The units dropped because they have fewer than two values.
    public let droppedUnitCount: Int
    /// The number of pairable values `n`.
    public let pairableValueCount: Int
    /// The distinct pairable values, in the order the metric uses (first appearance for nominal data,
    /// ascending for interval and ordinal data).
    public let categories: [String]

    /// Computes alpha for `data` at `level`.
    ///
    /// - Parameters:
    ///   - data: the reliability data.
    ///   - level: the measurement level; interval needs numeric values.
    ///   - order: for ordinal data only, the labels from lowest to highest. Without it ordinal
    ///     values must be numbers and are sorted numerically.
    /// - Throws: `QuadernoError(.invalid)` when alpha is undefined: no unit has two values, the pairable
    ///   values are all the same, a value is not a number (interval, or ordinal without `order`), or a
    ///   value is missing from `order`.
    public init(_ data: ReliabilityData, level: MeasurementLevel = .nominal, order: [String]? = nil) throws {
        let counts = data.valueCounts
        let pairable = counts.indices.filter { counts[$0] >= 2 }
        guard pairable.isEmpty == false else {
            throw data.noPairableUnitError()
        }
        let scale = try CategoryScale(data, level: level, order: order, units: pairable)
        let k = scale.labels.count
        var marginals = [Int](repeating: 0, count: k)
        var coincidences: [Int: Double] = [:]
        for unit in pairable {
            var inUnit: [Int: Int] = [:]
            for case let category? in scale.cells[unit] { inUnit[category, default: 0] += 1 }
            let weight = 1.0 / Double(counts[unit] - 1)
            for (c, nc) in inUnit {
                marginals[c] += nc
                for (g, ng) in inUnit {
                    let pairs = c == g ? nc * (nc - 1) : nc * ng
                    if pairs > 0 { coincidences[c * k + g, default: 0] += Double(pairs) * weight }
                }
            }
        }
        guard k >= 2 else {
            throw ReliabilityData.noVariationError(value: scale.labels.first ?? "", statistic: "alpha")
        }
        let metric = Metric(level: level, scale: scale, marginals: marginals)
        var observedSum = 0.0
        for (cell, count) in coincidences {
            observedSum += count * metric.distance(cell / k, cell % k)
        }
        let expectedSum = metric.expectedSum
        let n = Double(marginals.reduce(0, +))
        let value = 1 - (n - 1) * observedSum / expectedSum
        guard expectedSum > 0, value.isFinite else {
            throw QuadernoError(.invalid, "alpha could not be computed from these values (expected disagreement is 0)",
                                hint: "check that the values vary and are not extremely large numbers")
        }
        let observed = observedSum / n * metric.unitSquare
        let expected = expectedSum / (n * (n - 1)) * metric.unitSquare
        guard observed.isFinite, expected.isFinite else {
            throw QuadernoError(.invalid, "the values span too wide a range to compute interval disagreement",
                                hint: "rescale the values; alpha does not change under a linear rescaling")
        }
        self.level = level
        self.alpha = value
        self.observedDisagreement = observed
        self.expectedDisagreement = expected
        self.unitCount = pairable.count
        self.droppedUnitCount = counts.count - pairable.count
        self.pairableValueCount = Int(n)
        self.categories = scale.labels
    }
}

/// The pairable values of reliability data mapped to category indices, with their order and positions.
private struct CategoryScale {
    /// Category labels: first appearance (nominal) or ascending (ordinal, interval).
    var labels: [String] = []
    /// Numeric position of each category (interval and numeric ordinal), rescaled to 0…1.
    var positions: [Double] = []
    /// The width of the original numeric range that was rescaled to 0…1 (1 when not numeric).
    var range = 1.0
    /// The category of every cell, indexed `[unit][coder]`; nil when missing or not pairable.
    var cells: [[Int?]]

    init(_ data: ReliabilityData, level: MeasurementLevel, order: [String]?, units: [Int]) throws {
        cells = data.values.map { row in [Int?](repeating: nil, count: row.count) }
        if level == .nominal || (level == .ordinal && order != nil) {
            var rank: [String: Int] = [:]
            if level == .ordinal, let order {
                for (index, label) in order.enumerated() where rank.updateValue(index, forKey: label) != nil {
                    throw QuadernoError(.invalid, "ordinal value '\(label)' is listed twice in the order",
                                        hint: "list each value once, from lowest to highest")
                }
            }
            var index: [String: Int] = [:]
            for unit in units {
                for (coder, value) in data.values[unit].enumerated() {
                    guard let value else { continue }
                    if level == .ordinal, rank[value] == nil {
                        throw QuadernoError(
                            .invalid,
                            "value '\(value)' for unit '\(data.units[unit])', coder '\(data.coders[coder])'"
                                + " is not in the ordinal order",
                            hint: "add '\(value)' to the order of values, or correct the value")
                    }
                    if index[value] == nil {
                        index[value] = labels.count
                        labels.append(value)
                    }
                    cells[unit][coder] = index[value]
                }
            }
            if level == .ordinal {
                let sorted = labels.sorted { rank[$0, default: 0] < rank[$1, default: 0] }
                let newIndex = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
                cells = cells.map { row in row.map { $0.map { newIndex[labels[$0]] ?? 0 } } }
                labels = sorted
            }
            return
        }
        let numbers = try data.numericValues()
        var firstLabel: [Double: String] = [:]
        for unit in units {
            for (coder, number) in numbers[unit].enumerated() {
                if let number, firstLabel[number] == nil { firstLabel[number] = data.values[unit][coder] }
            }
        }
        let sorted = firstLabel.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
        for unit in units {
            cells[unit] = numbers[unit].map { $0.flatMap { index[$0] } }
        }
        labels = sorted.map { firstLabel[$0] ?? String($0) }
        if let low = sorted.first, let high = sorted.last, high > low {
            range = high - low
            positions = sorted.map { ($0 - low) / (high - low) }
        } else {
            positions = sorted.map { _ in 0 }
        }
    }
}

/// The squared distance δ² between categories, and the expected-disagreement sum, for one level.
private struct Metric {
    let level: MeasurementLevel
    let positions: [Double]
    let marginals: [Int]
    /// Cumulative marginals: `cumulative[i]` is the number of pairable values in categories below `i`.
    let cumulative: [Int]
    /// Factor turning distances on the rescaled positions back into squared value units.
    let unitSquare: Double

    init(level: MeasurementLevel, scale: CategoryScale, marginals: [Int]) {
        self.level = level
        self.positions = scale.positions
        self.marginals = marginals
        var running = 0
        var cumulative = [0]
        for m in marginals {
            running += m
            cumulative.append(running)
        }
        self.cumulative = cumulative
        self.unitSquare = level == .interval ? scale.range * scale.range : 1
    }

    /// δ² between categories `c` and `k`.
    func distance(_ c: Int, _ k: Int) -> Double {
        if c == k { return 0 }
        switch level {
        case .nominal:
            return 1
        case .interval:
            let d = positions[c] - positions[k]
            return d * d
        case .ordinal:
            let (low, high) = c < k ? (c, k) : (k, c)
            let between = Double(cumulative[high + 1] - cumulative[low])
            let d = between - Double(marginals[low] + marginals[high]) / 2
            return d * d
        }
    }

    /// `Σ_c Σ_k n_c n_k δ²_ck` over all ordered pairs of categories.
    var expectedSum: Double {
        let n = Double(cumulative.last ?? 0)
        switch level {
        case .nominal:
            let squares = marginals.reduce(0.0) { $0 + Double($1) * Double($1) }
            return n * n - squares
        case .interval:
            let mean = zip(marginals, positions).reduce(0.0) { $0 + Double($1.0) * $1.1 } / n
            let spread = zip(marginals, positions).reduce(0.0) { $0 + Double($1.0) * ($1.1 - mean) * ($1.1 - mean) }
            return 2 * n * spread
        case .ordinal:
            var sum = 0.0
            for c in marginals.indices where marginals[c] > 0 {
                for k in (c + 1)..<marginals.count where marginals[k] > 0 {
                    sum += 2 * Double(marginals[c]) * Double(marginals[k]) * distance(c, k)
                }
            }
            return sum
        }
    }
}

/// Cohen's kappa: chance-corrected agreement between exactly two coders on nominal values.
///
/// Only units coded by both coders are used; units where either value is missing are dropped and
/// counted in ``droppedUnitCount``. With `p_o` the share of units where the coders agree and `p_e`
/// the agreement expected from each coder's own marginal shares, `kappa = (p_o - p_e) / (1 - p_e)`.
public struct CohenKappa: Sendable, Equatable {
    /// The two coders, in the order of ``counts``' rows and columns.
    public let coders: [String]
    /// The coefficient, at most 1; never NaN.
    public let kappa: Double
    /// The share of used units on which the two coders agree, `p_o`.
    public let observedAgreement: Double
    /// The agreement expected by chance from the coders' marginal shares, `p_e`.
    public let expectedAgreement: Double
    /// The units used: those coded by both coders.
    public let unitCount: Int
    /// The units dropped because one or both values are missing.
    public let droppedUnitCount: Int
    /// The values used by either coder, in order of first appearance.
    public let categories: [String]
    /// The agreement table: `counts[i][j]` is the number of units where the first coder gave
    /// `categories[i]` and the second `categories[j]`.
    public let counts: [[Int]]

    /// Computes Cohen's kappa for data with exactly two coders.
    ///
    /// - Throws: `QuadernoError(.invalid)` when the data does not have exactly two coders, no unit is
    ///   coded by both, or both coders used one and the same value throughout (kappa is undefined).
    public init(_ data: ReliabilityData) throws {
        guard data.coders.count == 2 else {
            throw QuadernoError(
                .invalid,
                "Cohen's kappa compares exactly two coders, but the data has \(data.coders.count)"
                    + (data.coders.isEmpty ? "" : " (\(data.coders.joined(separator: ", ")))"),
                hint: data.coders.count > 2
                    ? "compare the coders pairwise, or use Fleiss' kappa or Krippendorff's alpha for more coders"
                    : "agreement needs a second coder")
        }
        var index: [String: Int] = [:]
        var categories: [String] = []
        var pairs: [(Int, Int)] = []
        for row in data.values {
            guard let first = row[0], let second = row[1] else { continue }
            for value in [first, second] where index[value] == nil {
                index[value] = categories.count
                categories.append(value)
            }
            pairs.append((index[first] ?? 0, index[second] ?? 0))
        }
        guard pairs.isEmpty == false else {
            throw QuadernoError(
                .invalid,
                "no unit was coded by both '\(data.coders[0])' and '\(data.coders[1])'",
                hint: "Cohen's kappa needs units coded by both coders; check that unit names match exactly")
        }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: categories.count), count: categories.count)
        for (i, j) in pairs { counts[i][j] += 1 }
        let n = pairs.count
        let agreements = categories.indices.reduce(0) { $0 + counts[$1][$1] }
        // Σ_k a_k b_k with a, b each coder's count per category: n² p_e, exact in integers.
        let chance = categories.indices.reduce(0) { sum, k in
            let rowTotal = counts[k].reduce(0, +)
            let columnTotal = counts.reduce(0) { $0 + $1[k] }
            return sum + rowTotal * columnTotal
        }
        guard n * n != chance else {
            throw ReliabilityData.noVariationError(value: categories[0], statistic: "Cohen's kappa")
        }
        let nn = Double(n) * Double(n)
        self.coders = data.coders
        self.kappa = (Double(n) * Double(agreements) - Double(chance)) / (nn - Double(chance))
        self.observedAgreement = Double(agreements) / Double(n)
        self.expectedAgreement = Double(chance) / nn
        self.unitCount = n
        self.droppedUnitCount = data.units.count - n
        self.categories = categories
        self.counts = counts
    }
}

/// Fleiss' kappa: chance-corrected agreement among any fixed number of coders on nominal values.
///
/// Fleiss' kappa requires every unit to be rated by the same number of coders. Quaderno uses only
/// complete units, rated by every coder in the data; units with any missing rating are dropped and
/// counted in ``droppedUnitCount`` (Krippendorff's alpha uses them instead). With `n` coders,
/// `N` units and `n_ij` the number of coders who gave unit `i` value `j`:
/// `P_i = (Σ_j n_ij² − n) / (n (n − 1))`, `P̄` the mean of `P_i`, `p_j = Σ_i n_ij / (N n)`,
/// `P̄_e = Σ_j p_j²`, and `kappa = (P̄ − P̄_e) / (1 − P̄_e)`.
public struct FleissKappa: Sendable, Equatable {
    /// The coefficient, at most 1; never NaN.
    public let kappa: Double
    /// The mean share of agreeing coder pairs per unit, `P̄`.
    public let observedAgreement: Double
    /// The agreement expected by chance from the pooled value shares, `P̄_e`.
    public let expectedAgreement: Double
    /// The number of coders `n`, each of whom rated every used unit.
    public let coderCount: Int
    /// The units used: those rated by every coder.
    public let unitCount: Int
    /// The units dropped because at least one coder gave no value.
    public let droppedUnitCount: Int
    /// The values used, in order of first appearance.
    public let categories: [String]
    /// The share of all ratings given to each value, `p_j`, in the order of ``categories``.
    public let categoryShares: [Double]

    /// Computes Fleiss' kappa over the units that every coder rated.
    ///
    /// - Throws: `QuadernoError(.invalid)` when there are fewer than two coders, no unit is rated by
    ///   every coder, or every rating is the same value (kappa is undefined).
    public init(_ data: ReliabilityData) throws {
        let n = data.coders.count
        guard n >= 2 else {
            throw QuadernoError(.invalid, "Fleiss' kappa needs at least two coders, but the data has \(n)",
                                hint: "agreement needs units coded by at least two coders")
        }
        var index: [String: Int] = [:]
        var categories: [String] = []
        var totals: [Int] = []
        var squares = 0
        var complete = 0
        for row in data.values {
            let ratings = row.compactMap { $0 }
            guard ratings.count == n else { continue }
            complete += 1
            var inUnit: [Int: Int] = [:]
            for value in ratings {
                if index[value] == nil {
                    index[value] = categories.count
                    categories.append(value)
                    totals.append(0)
                }
                let category = index[value] ?? 0
                inUnit[category, default: 0] += 1
                totals[category] += 1
            }
            squares += inUnit.values.reduce(0) { $0 + $1 * $1 }
        }
        guard complete > 0 else {
            throw QuadernoError(
                .invalid,
                "no unit was rated by all \(n) coders, so Fleiss' kappa has no unit to use",
                hint: "leave out coders who did not rate every unit, or use Krippendorff's alpha, which allows missing values")
        }
        guard categories.count >= 2 else {
            throw ReliabilityData.noVariationError(value: categories[0], statistic: "Fleiss' kappa")
        }
        let ratings = Double(complete) * Double(n)
        let observed = (Double(squares) - ratings) / (ratings * Double(n - 1))
        let shares = totals.map { Double($0) / ratings }
        let expected = shares.reduce(0) { $0 + $1 * $1 }
        let value = (observed - expected) / (1 - expected)
        guard value.isFinite else {
            throw ReliabilityData.noVariationError(value: categories[0], statistic: "Fleiss' kappa")
        }
        self.kappa = value
        self.observedAgreement = observed
        self.expectedAgreement = expected
        self.coderCount = n
        self.unitCount = complete
        self.droppedUnitCount = data.units.count - complete
        self.categories = categories
        self.categoryShares = shares
    }
}

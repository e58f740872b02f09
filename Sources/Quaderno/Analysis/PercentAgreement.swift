/// Percent agreement: the share of coder pairs that give a unit the same value, averaged over units.
///
/// Values are compared as labels. Within a unit with `m ≥ 2` values there are `m (m − 1) / 2` coder
/// pairs; the unit's agreement is the share of those pairs whose two values are equal, and the
/// statistic is the mean over units. Units with fewer than two values are dropped. For two coders
/// this is the share of units coded by both on which they agree. It is not corrected for chance.
public struct PercentAgreement: Sendable, Equatable {
    /// The mean share of agreeing coder pairs, from 0 to 1.
    public let agreement: Double
    /// The units used: those with at least two values.
    public let unitCount: Int
    /// The units dropped because they have fewer than two values.
    public let droppedUnitCount: Int
    /// The units on which every coder who coded them gave the same value.
    public let unanimousUnitCount: Int

    /// Computes percent agreement over the units that have at least two values.
    ///
    /// - Throws: `QuadernoError(.invalid)` when no unit has two values.
    public init(_ data: ReliabilityData) throws {
        var sum = 0.0
        var used = 0
        var unanimous = 0
        for row in data.values {
            let values = row.compactMap { $0 }
            let m = values.count
            guard m >= 2 else { continue }
            var inUnit: [String: Int] = [:]
            for value in values { inUnit[value, default: 0] += 1 }
            let agreeing = inUnit.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
            sum += Double(agreeing) / Double(m * (m - 1) / 2)
            used += 1
            if inUnit.count == 1 { unanimous += 1 }
        }
        guard used > 0 else { throw data.noPairableUnitError() }
        self.agreement = sum / Double(used)
        self.unitCount = used
        self.droppedUnitCount = data.units.count - used
        self.unanimousUnitCount = unanimous
    }
}

import Foundation

/// Reliability data in Krippendorff's general form: units × coders → value, with missing values allowed.
///
/// Values are labels (`String`) compared for equality at the nominal level; interval and ordinal
/// statistics parse them as numbers through ``numericValues()``. A value that is `nil`, empty or only
/// whitespace counts as missing; every other value is kept verbatim. Units and coders keep the order
/// in which they were given (first appearance for ``init(longRows:)``).
public struct ReliabilityData: Sendable, Equatable {
    /// The units (cases, segments, items) that were coded, in stable order.
    public let units: [String]
    /// The coders (people or programs) who coded them, in stable order.
    public let coders: [String]
    /// The values, indexed `values[unit][coder]` in the order of ``units`` and ``coders``; `nil` is missing.
    public let values: [[String?]]

    /// Creates reliability data from a unit × coder matrix of labels.
    ///
    /// - Parameters:
    ///   - units: unit names, each once.
    ///   - coders: coder names, each once.
    ///   - values: one row per unit, one entry per coder; `nil`, empty or blank means the coder gave no value.
    /// - Throws: `QuadernoError(.invalid)` when names repeat or the matrix does not match the names.
    public init(units: [String], coders: [String], values: [[String?]]) throws {
        try Self.checkUnique(units, what: "unit")
        try Self.checkUnique(coders, what: "coder")
        guard values.count == units.count else {
            throw QuadernoError(.invalid, "reliability data has \(values.count) rows of values for \(units.count) units",
                                hint: "give exactly one row of values per unit")
        }
        for (index, row) in values.enumerated() where row.count != coders.count {
            throw QuadernoError(.invalid,
                                "unit '\(units[index])' has \(row.count) values for \(coders.count) coders",
                                hint: "give one value per coder in every row, nil where the coder gave none")
        }
        self.units = units
        self.coders = coders
        self.values = values.map { row in row.map(Self.normalised) }
    }

    /// Creates reliability data from a unit × coder matrix of numbers, for interval or ordinal statistics.
    ///
    /// Whole numbers are stored without a fractional part (`3`, not `3.0`), so that the same data
    /// also reads naturally at the nominal level.
    /// - Throws: `QuadernoError(.invalid)` when names repeat, the matrix does not match the names, or a
    ///   number is infinite or NaN.
    public init(units: [String], coders: [String], numbers: [[Double?]]) throws {
        var labels: [[String?]] = []
        labels.reserveCapacity(numbers.count)
        for (unitIndex, row) in numbers.enumerated() {
            var labelRow: [String?] = []
            for (coderIndex, number) in row.enumerated() {
                guard let number else { labelRow.append(nil); continue }
                guard number.isFinite else {
                    let unit = unitIndex < units.count ? units[unitIndex] : "#\(unitIndex + 1)"
                    let coder = coderIndex < coders.count ? coders[coderIndex] : "#\(coderIndex + 1)"
                    throw QuadernoError(.invalid, "value for unit '\(unit)', coder '\(coder)' is \(number), not a finite number",
                                        hint: "leave the value missing (nil) instead")
                }
                labelRow.append(Self.format(number))
            }
            labels.append(labelRow)
        }
        try self.init(units: units, coders: coders, values: labels)
    }

    /// Creates reliability data from long rows, one `(unit, coder, value)` per judgement.
    ///
    /// Units and coders are ordered by first appearance. A row with a `nil` (or blank) value registers
    /// the unit and coder without a value. The same unit and coder may appear more than once only with
    /// the same value (or with a missing value).
    /// - Throws: `QuadernoError(.invalid)` when a coder gives two different values to the same unit.
    public init(longRows: [(unit: String, coder: String, value: String?)]) throws {
        var units: [String] = []
        var coders: [String] = []
        var unitIndex: [String: Int] = [:]
        var coderIndex: [String: Int] = [:]
        var cells: [[Int: String]] = []
        for row in longRows {
            let u: Int
            if let known = unitIndex[row.unit] {
                u = known
            } else {
                u = units.count
                unitIndex[row.unit] = u
                units.append(row.unit)
                cells.append([:])
            }
            let c: Int
            if let known = coderIndex[row.coder] {
                c = known
            } else {
                c = coders.count
                coderIndex[row.coder] = c
                coders.append(row.coder)
            }
            guard let value = Self.normalised(row.value) else { continue }
            if let previous = cells[u][c], previous != value {
                throw QuadernoError(.invalid,
                                    "coder '\(row.coder)' gives unit '\(row.unit)' two values, '\(previous)' and '\(value)'",
                                    hint: "keep one value per coder and unit, or split the unit into separate units")
            }
            cells[u][c] = value
        }
        let matrix = cells.map { row in (0..<coders.count).map { row[$0] } }
        try self.init(units: units, coders: coders, values: matrix)
    }

    /// The values parsed as numbers, indexed like ``values``; `nil` where the value is missing.
    ///
    /// - Throws: `QuadernoError(.invalid)` naming the first value that is not a finite number.
    public func numericValues() throws -> [[Double?]] {
        try values.enumerated().map { unitIndex, row in
            try row.enumerated().map { coderIndex, value -> Double? in
                guard let value else { return nil }
                guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else {
                    throw QuadernoError(
                        .invalid,
                        "value '\(value)' for unit '\(units[unitIndex])', coder '\(coders[coderIndex])' is not a number",
                        hint: "interval and ordinal statistics need numeric values; use the nominal level for labels,"
                            + " or give the order of ordinal labels")
                }
                return number
            }
        }
    }

    /// The same data keeping only the named coders, in the order given.
    ///
    /// Useful for pairwise statistics such as Cohen's kappa on a table with more than two coders.
    /// - Throws: `QuadernoError(.invalid)` when a name is not a coder of this data or is repeated.
    public func restricted(toCoders names: [String]) throws -> ReliabilityData {
        var indices: [Int] = []
        for name in names {
            guard let index = coders.firstIndex(of: name) else {
                throw QuadernoError(.invalid, "'\(name)' is not one of the coders (\(coders.joined(separator: ", ")))",
                                    hint: "coder names must match exactly")
            }
            indices.append(index)
        }
        return try ReliabilityData(units: units, coders: names, values: values.map { row in indices.map { row[$0] } })
    }

    /// The number of values given in each unit, in the order of ``units``.
    var valueCounts: [Int] {
        values.map { row in row.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    }

    /// The error for data where no unit has two values.
    func noPairableUnitError() -> QuadernoError {
        QuadernoError(.invalid,
                      "no unit has values from two or more coders (\(units.count) units, \(coders.count) coders),"
                          + " so there is nothing to compare",
                      hint: "agreement needs units coded by at least two coders;"
                          + " check that unit and coder names match exactly across coders")
    }

    /// The error for data whose compared values are all the same, where chance agreement is total.
    static func noVariationError(value: String, statistic: String) -> QuadernoError {
        QuadernoError(.invalid,
                      "every compared value is '\(value)', so agreement cannot be told apart from chance"
                          + " and \(statistic) is undefined",
                      hint: "report percent agreement instead, or add units where other values occur")
    }

    /// A label treated as missing when empty or blank.
    private static func normalised(_ value: String?) -> String? {
        guard let value, value.contains(where: { !$0.isWhitespace }) else { return nil }
        return value
    }

    /// A number as a label: whole numbers without a fractional part.
    private static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 {
            return String(Int64(number))
        }
        return String(number)
    }

    private static func checkUnique(_ names: [String], what: String) throws {
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted == false {
            throw QuadernoError(.invalid, "\(what) '\(name)' appears more than once",
                                hint: "give each \(what) once; merge or rename the duplicates")
        }
    }
}

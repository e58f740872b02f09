import Testing
@testable import Quaderno

/// A random unit × coder table of numeric labels `0…categories-1`, with some values missing.
private func randomTable(_ rng: inout SeededGenerator, coders: Int? = nil, missing: Double? = nil,
                         perfect: Bool = false) throws -> ReliabilityData {
    let unitCount = Int.random(in: 2...25, using: &rng)
    let coderCount = coders ?? Int.random(in: 2...5, using: &rng)
    let categories = Int.random(in: 2...5, using: &rng)
    let missingShare = missing ?? Double.random(in: 0...0.3, using: &rng)
    let values: [[String?]] = (0..<unitCount).map { _ in
        let shared = String(Int.random(in: 0..<categories, using: &rng))
        return (0..<coderCount).map { _ in
            if Double.random(in: 0..<1, using: &rng) < missingShare { return nil }
            return perfect ? shared : String(Int.random(in: 0..<categories, using: &rng))
        }
    }
    return try ReliabilityData(units: (0..<unitCount).map { "u\($0)" }, coders: (0..<coderCount).map { "c\($0)" },
                               values: values)
}

/// The statistic, or nil when it throws the `.invalid` error of an undefined statistic.
private func defined(_ compute: () throws -> Double) -> Double? {
    do {
        return try compute()
    } catch let error as QuadernoError {
        #expect(error.kind == .invalid)
        return nil
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// Scott's pi for two coders and complete data, computed directly from its definition.
private func scottsPi(_ data: ReliabilityData) -> Double {
    let pairs = data.values.compactMap { row -> (String, String)? in
        guard let a = row[0], let b = row[1] else { return nil }
        return (a, b)
    }
    let n = Double(pairs.count)
    let observed = Double(pairs.filter { $0.0 == $0.1 }.count) / n
    var pooled: [String: Double] = [:]
    for (a, b) in pairs {
        pooled[a, default: 0] += 1
        pooled[b, default: 0] += 1
    }
    let expected = pooled.values.reduce(0) { $0 + ($1 / (2 * n)) * ($1 / (2 * n)) }
    return (observed - expected) / (1 - expected)
}

private func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return abs(a - b) <= tolerance
}

@Suite("Agreement statistics")
struct AgreementStatisticsTests {
    /// Krippendorff's example: coders A–D (rows) × 12 units (columns), `.` missing.
    static func canonical() throws -> ReliabilityData {
        let rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
                    ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
        let byCoder = rows.map { $0.split(separator: " ").map { $0 == "." ? nil : String($0) } }
        return try ReliabilityData(units: (1...12).map { "unit\($0)" }, coders: ["A", "B", "C", "D"],
                                   values: (0..<12).map { unit in byCoder.map { $0[unit] } })
    }

    @Test func krippendorffCanonicalExample() throws {
        let data = try Self.canonical()
        let nominal = try KrippendorffAlpha(data, level: .nominal)
        let ordinal = try KrippendorffAlpha(data, level: .ordinal)
        let interval = try KrippendorffAlpha(data, level: .interval)
        #expect(abs(nominal.alpha - 0.743) < 0.0005)
        #expect(abs(ordinal.alpha - 0.815) < 0.0005)
        #expect(abs(interval.alpha - 0.849) < 0.0005)
        #expect(nominal.unitCount == 11)
        #expect(nominal.droppedUnitCount == 1)
        #expect(nominal.pairableValueCount == 40)
        #expect(nominal.categories == ["1", "2", "3", "4", "5"])
    }

    @Test func ordinalLabelsFollowTheGivenOrder() throws {
        let data = try Self.canonical()
        let names = ["1": "none", "2": "low", "3": "some", "4": "high", "5": "all"]
        let labelled = try ReliabilityData(units: data.units, coders: data.coders,
                                           values: data.values.map { $0.map { $0.flatMap { names[$0] } } })
        let byLabel = try KrippendorffAlpha(labelled, level: .ordinal, order: ["none", "low", "some", "high", "all"])
        #expect(close(byLabel.alpha, try KrippendorffAlpha(data, level: .ordinal).alpha))
        #expect(byLabel.categories == ["none", "low", "some", "high", "all"])
        #expect(throws: QuadernoError.self) { try KrippendorffAlpha(labelled, level: .ordinal) }
        #expect(throws: QuadernoError.self) { try KrippendorffAlpha(labelled, level: .ordinal, order: ["none", "low"]) }
    }

    @Test func cohenKappaOnTwoByTwoTable() throws {
        var units: [String] = []
        var values: [[String?]] = []
        for (first, second, count) in [("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15)] {
            for _ in 0..<count {
                units.append("u\(units.count)")
                values.append([first, second])
            }
        }
        let data = try ReliabilityData(units: units, coders: ["X", "Y"], values: values)
        let kappa = try CohenKappa(data)
        #expect(abs(kappa.kappa - 0.40) < 1e-12)
        #expect(abs(kappa.observedAgreement - 0.70) < 1e-12)
        #expect(abs(kappa.expectedAgreement - 0.50) < 1e-12)
        #expect(kappa.categories == ["yes", "no"])
        #expect(kappa.counts == [[20, 5], [10, 15]])
        #expect(kappa.unitCount == 50)
        #expect(abs(try PercentAgreement(data).agreement - 0.70) < 1e-12)
    }

    @Test func cohenKappaDropsUnitsMissingACoder() throws {
        let data = try ReliabilityData(longRows: [("a", "X", "1"), ("a", "Y", "1"), ("b", "X", "2"), ("b", "Y", "2"),
                                                  ("c", "X", "1"), ("c", "Y", "2"), ("d", "X", "2")])
        let kappa = try CohenKappa(data)
        #expect(kappa.unitCount == 3)
        #expect(kappa.droppedUnitCount == 1)
    }

    @Test func fleissKappaOnFleiss1971Example() throws {
        // 10 subjects × 14 raters × 5 categories: counts of raters per category (Wikipedia's worked example).
        let table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                     [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
        let values: [[String?]] = table.map { counts in
            counts.enumerated().flatMap { category, count in Array(repeating: "cat\(category + 1)", count: count) }
        }
        let data = try ReliabilityData(units: (1...10).map { "s\($0)" }, coders: (1...14).map { "r\($0)" },
                                       values: values)
        let kappa = try FleissKappa(data)
        #expect(abs(kappa.kappa - 0.210) < 0.0005)
        #expect(abs(kappa.observedAgreement - 0.378) < 0.0005)
        #expect(abs(kappa.expectedAgreement - 0.213) < 0.0005)
        #expect(kappa.unitCount == 10)
        #expect(kappa.droppedUnitCount == 0)
    }

    @Test func fleissKappaDropsIncompleteUnits() throws {
        let data = try Self.canonical()
        let kappa = try FleissKappa(data)
        #expect(kappa.unitCount == 8)
        #expect(kappa.droppedUnitCount == 4)
        #expect(kappa.coderCount == 4)
    }

    @Test func percentAgreementAveragesAgreeingPairsOverUnits() throws {
        // Unit a: 3 of 3 pairs agree; unit b: 1 of 3; unit c has one value and is dropped.
        let data = try ReliabilityData(units: ["a", "b", "c"], coders: ["X", "Y", "Z"],
                                       values: [["1", "1", "1"], ["1", "1", "2"], ["1", nil, nil]])
        let agreement = try PercentAgreement(data)
        #expect(abs(agreement.agreement - (1.0 + 1.0 / 3) / 2) < 1e-12)
        #expect(agreement.unitCount == 2)
        #expect(agreement.droppedUnitCount == 1)
        #expect(agreement.unanimousUnitCount == 1)
    }

    @Test func perfectAgreementGivesOne() throws {
        var rng = SeededGenerator(state: 1)
        var checked = [0, 0, 0]
        for _ in 0..<300 {
            let data = try randomTable(&rng, perfect: true)
            for level in MeasurementLevel.allCases {
                if let alpha = defined({ try KrippendorffAlpha(data, level: level).alpha }) {
                    #expect(alpha == 1)
                    checked[0] += 1
                }
            }
            if let kappa = defined({ try FleissKappa(data).kappa }) {
                #expect(close(kappa, 1))
                checked[1] += 1
            }
            let pair = try data.restricted(toCoders: Array(data.coders.prefix(2)))
            if let kappa = defined({ try CohenKappa(pair).kappa }) {
                #expect(close(kappa, 1))
                checked[2] += 1
            }
            if let agreement = defined({ try PercentAgreement(data).agreement }) { #expect(agreement == 1) }
        }
        #expect(checked[0] > 600 && checked[1] > 100 && checked[2] > 200)
    }

    @Test func statisticsAreFiniteAndAtMostOne() throws {
        var rng = SeededGenerator(state: 2)
        var computed = 0
        for _ in 0..<500 {
            let data = try randomTable(&rng)
            var results = MeasurementLevel.allCases.map { level in defined { try KrippendorffAlpha(data, level: level).alpha } }
            results.append(defined { try FleissKappa(data).kappa })
            results.append(defined { try CohenKappa(data.restricted(toCoders: Array(data.coders.prefix(2)))).kappa })
            results.append(defined { try PercentAgreement(data).agreement })
            for case let value? in results {
                computed += 1
                #expect(value.isFinite)
                #expect(value <= 1 + 1e-12)
            }
        }
        #expect(computed > 2000)
    }

    @Test func permutingCodersChangesNothing() throws {
        var rng = SeededGenerator(state: 3)
        for _ in 0..<300 {
            let data = try randomTable(&rng)
            let permuted = try data.restricted(toCoders: data.coders.shuffled(using: &rng))
            for level in MeasurementLevel.allCases {
                #expect(close(defined { try KrippendorffAlpha(data, level: level).alpha },
                              defined { try KrippendorffAlpha(permuted, level: level).alpha }))
            }
            #expect(close(defined { try FleissKappa(data).kappa }, defined { try FleissKappa(permuted).kappa }))
            #expect(close(defined { try PercentAgreement(data).agreement },
                          defined { try PercentAgreement(permuted).agreement }))
            let first = try data.restricted(toCoders: [data.coders[0], data.coders[1]])
            let swapped = try data.restricted(toCoders: [data.coders[1], data.coders[0]])
            #expect(close(defined { try CohenKappa(first).kappa }, defined { try CohenKappa(swapped).kappa }))
        }
    }

    @Test func renamingValuesByABijectionChangesNothingForNominalData() throws {
        var rng = SeededGenerator(state: 4)
        for _ in 0..<300 {
            let data = try randomTable(&rng)
            let names = ["0", "1", "2", "3", "4"].shuffled(using: &rng).map { "code-\($0)" }
            let renamed = try ReliabilityData(units: data.units, coders: data.coders,
                                              values: data.values.map { $0.map { $0.map { names[Int($0) ?? 0] } } })
            #expect(close(defined { try KrippendorffAlpha(data).alpha }, defined { try KrippendorffAlpha(renamed).alpha }))
            #expect(close(defined { try FleissKappa(data).kappa }, defined { try FleissKappa(renamed).kappa }))
            #expect(close(defined { try PercentAgreement(data).agreement },
                          defined { try PercentAgreement(renamed).agreement }))
            let pair = try data.restricted(toCoders: Array(data.coders.prefix(2)))
            let renamedPair = try renamed.restricted(toCoders: Array(renamed.coders.prefix(2)))
            #expect(close(defined { try CohenKappa(pair).kappa }, defined { try CohenKappa(renamedPair).kappa }))
        }
    }

    @Test func twoCoderAlphaIsScottsPiCorrectedForSampleSize() throws {
        var rng = SeededGenerator(state: 5)
        var compared = 0
        for _ in 0..<300 {
            let data = try randomTable(&rng, coders: 2, missing: 0)
            guard let alpha = defined({ try KrippendorffAlpha(data).alpha }) else { continue }
            compared += 1
            let pi = scottsPi(data)
            let n = Double(data.units.count)
            // 1 − α = (1 − π) (2N − 1) / (2N): alpha is Scott's pi with a small-sample correction.
            #expect(close(1 - alpha, (1 - pi) * (2 * n - 1) / (2 * n)))
            #expect(alpha.isFinite && alpha <= 1)
            // With two coders and complete data Fleiss' kappa is Scott's pi, and Cohen's kappa is at least pi.
            #expect(close(try FleissKappa(data).kappa, pi))
            #expect(try CohenKappa(data).kappa >= pi - 1e-12)
        }
        #expect(compared > 250)
    }

    @Test func intervalAlphaIgnoresLinearRescaling() throws {
        var rng = SeededGenerator(state: 6)
        for _ in 0..<200 {
            let data = try randomTable(&rng)
            let scaled = try ReliabilityData(units: data.units, coders: data.coders,
                                             numbers: data.numericValues().map { $0.map { $0.map { 7.5 - 2.5 * $0 } } })
            #expect(close(defined { try KrippendorffAlpha(data, level: .interval).alpha },
                          defined { try KrippendorffAlpha(scaled, level: .interval).alpha }))
        }
    }

    @Test func undefinedStatisticsThrowInsteadOfReturningNaN() throws {
        let lonely = try ReliabilityData(units: ["a", "b"], coders: ["X", "Y"], values: [["1", nil], [nil, "2"]])
        for level in MeasurementLevel.allCases {
            let error = #expect(throws: QuadernoError.self) { try KrippendorffAlpha(lonely, level: level) }
            #expect(error?.kind == .invalid)
        }
        #expect(throws: QuadernoError.self) { try PercentAgreement(lonely) }
        #expect(throws: QuadernoError.self) { try CohenKappa(lonely) }
        #expect(throws: QuadernoError.self) { try FleissKappa(lonely) }

        let uniform = try ReliabilityData(units: ["a", "b", "c"], coders: ["X", "Y"],
                                          values: [["3", "3"], ["3", "3"], ["3", nil]])
        for level in MeasurementLevel.allCases {
            let error = #expect(throws: QuadernoError.self) { try KrippendorffAlpha(uniform, level: level) }
            #expect(error?.message.contains("'3'") == true)
        }
        #expect(throws: QuadernoError.self) { try CohenKappa(uniform) }
        #expect(throws: QuadernoError.self) { try FleissKappa(uniform) }
        #expect(try PercentAgreement(uniform).agreement == 1)

        let three = try ReliabilityData(units: ["a"], coders: ["X", "Y", "Z"], values: [["1", "2", "1"]])
        let error = #expect(throws: QuadernoError.self) { try CohenKappa(three) }
        #expect(error?.message.contains("exactly two coders") == true)
        #expect(throws: QuadernoError.self) { try FleissKappa(ReliabilityData(units: ["a"], coders: ["X"], values: [["1"]])) }
        let absentCoder = try ReliabilityData(units: ["a", "b"], coders: ["X", "Y", "Z"],
                                              values: [["1", "2", nil], ["2", "2", nil]])
        let incomplete = #expect(throws: QuadernoError.self) { try FleissKappa(absentCoder) }
        #expect(incomplete?.message.contains("no unit was rated by all 3 coders") == true)

        let words = try ReliabilityData(units: ["a", "b"], coders: ["X", "Y"], values: [["1", "two"], ["3", "3"]])
        let numeric = #expect(throws: QuadernoError.self) { try KrippendorffAlpha(words, level: .interval) }
        #expect(numeric?.message.contains("'two'") == true)
        #expect(throws: QuadernoError.self) { try words.numericValues() }
        #expect(throws: QuadernoError.self) {
            try ReliabilityData(units: ["a"], coders: ["X"], numbers: [[Double.nan]])
        }
    }

    @Test func longRowsKeepFirstAppearanceOrderAndRejectConflicts() throws {
        let data = try ReliabilityData(longRows: [("u2", "Bea", "x"), ("u1", "Al", "y"), ("u2", "Al", nil),
                                                  ("u1", "Bea", " "), ("u2", "Bea", "x")])
        #expect(data.units == ["u2", "u1"])
        #expect(data.coders == ["Bea", "Al"])
        #expect(data.values == [["x", nil], [nil, "y"]])
        #expect(throws: QuadernoError.self) { try ReliabilityData(longRows: [("u", "Al", "x"), ("u", "Al", "y")]) }
        #expect(throws: QuadernoError.self) { try ReliabilityData(units: ["u", "u"], coders: ["Al"], values: [["x"], ["x"]]) }
        #expect(throws: QuadernoError.self) { try ReliabilityData(units: ["u"], coders: ["Al", "Bea"], values: [["x"]]) }
    }

    @Test func classificationScoresPerLabelAndAveraged() {
        let gold: [(unit: String, label: String)] = [("c1", "A"), ("c1", "B"), ("c2", "A"), ("c3", "C"), ("c4", "A")]
        let predicted: [(unit: String, label: String)] = [("c1", "A"), ("c2", "A"), ("c2", "B"), ("c3", "A"),
                                                          ("c1", "A")]
        let scores = ClassificationScores(gold: gold, predicted: predicted)
        #expect(scores.labels == ["A", "B", "C"])
        // A: TP c1, c2; FP c3; FN c4.  B: FP c2; FN c1.  C (never predicted): FN c3.
        let a = scores.perLabel["A"]
        #expect(a?.truePositives == 2 && a?.falsePositives == 1 && a?.falseNegatives == 1)
        #expect(close(a?.precision, 2.0 / 3) && close(a?.recall, 2.0 / 3) && close(a?.f1, 2.0 / 3))
        #expect(scores.perLabel["B"]?.precision == 0 && scores.perLabel["B"]?.recall == 0)
        let c = scores.perLabel["C"]
        #expect(c?.precision == nil)
        #expect(c?.recall == 0 && c?.f1 == 0)
        #expect(scores.micro.truePositives == 2 && scores.micro.falsePositives == 2 && scores.micro.falseNegatives == 3)
        #expect(close(scores.micro.precision, 0.5) && close(scores.micro.recall, 0.4) && close(scores.micro.f1, 4.0 / 9))
        #expect(close(scores.macro.precision, (2.0 / 3 + 0) / 2))
        #expect(close(scores.macro.recall, (2.0 / 3 + 0 + 0) / 3))
        #expect(close(scores.macro.f1, (2.0 / 3 + 0 + 0) / 3))
        #expect(scores.falsePositives == [.init(unit: "c2", label: "B"), .init(unit: "c3", label: "A")])
        #expect(scores.falseNegatives == [.init(unit: "c1", label: "B"), .init(unit: "c3", label: "C"),
                                          .init(unit: "c4", label: "A")])

        let empty = ClassificationScores(gold: [ClassificationScores.Item](), predicted: [])
        #expect(empty.labels.isEmpty && empty.micro.precision == nil && empty.micro.f1 == nil && empty.macro.f1 == nil)
        let nothingPredicted = ClassificationScores(gold: [ClassificationScores.Item(unit: "c1", label: "A")], predicted: [])
        #expect(nothingPredicted.micro.precision == nil && nothingPredicted.micro.recall == 0)
    }
}

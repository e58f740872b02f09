/// Agreement between coders on the presence of each code, per code and pooled over codes.
///
/// The value for a unit (an element, or a whole case) and a coder is `1` when the coder applied the
/// code there (negated and orphaned codings do not count) and `0` otherwise. A coder who made no
/// coding at all in a case did not code it: that coder's values for the case are missing. Automatic
/// coders code every case. Statistics that are undefined for a code (every value the same, no unit
/// coded by two coders) are reported as missing with the reason, never as NaN.
public struct CoderAgreement: Sendable {
    /// What a unit is.
    public enum Unit: String, Sendable, CaseIterable {
        case element
        case `case`
    }

    /// One line of the agreement table.
    public struct Row: Sendable, Equatable {
        /// The code, or `overall` for all codes pooled.
        public var code: String
        /// Units with values from at least two coders.
        public var units: Int
        /// Share of agreeing coder pairs.
        public var percentAgreement: Double?
        /// Cohen's kappa (exactly two coders).
        public var cohenKappa: Double?
        /// Fleiss' kappa (more than two coders).
        public var fleissKappa: Double?
        /// Krippendorff's alpha, nominal.
        public var alpha: Double?
        /// Why a statistic is missing.
        public var notes: [String]
    }

    /// The coders compared.
    public let coders: [String]
    /// The unit.
    public let unit: Unit
    /// One row per code, then `overall`.
    public let rows: [Row]

    /// Computes agreement. `automaticCoders` are coders whose absence of codings still means "coded".
    public init(cases: [Case], codings: [Coding], coders: [String], codes: [String], unit: Unit,
                automaticCoders: Set<String>) throws {
        guard coders.count >= 2 else {
            throw QuadernoError(.usage, "agreement needs at least two coders, got \(coders.count)",
                                hint: "pass --coders A,B (the project's coders are listed by `quaderno codings export`)")
        }
        self.coders = coders
        self.unit = unit
        let counted = codings.filter { $0.negated == false && coders.contains($0.coder) }
        var codedCases: [String: Set<String>] = [:]
        for coding in codings where coders.contains(coding.coder) { codedCases[coding.coder, default: []].insert(coding.caseID) }
        for coder in automaticCoders where coders.contains(coder) { codedCases[coder] = Set(cases.map(\.id)) }
        var present: Set<String> = []
        for coding in counted {
            let unitID = unit == .case ? coding.caseID : "\(coding.caseID)/\(coding.elementID ?? "\(coding.start)-\(coding.end)")"
            present.insert("\(unitID)|\(coding.coder)|\(coding.code)")
        }
        let unitIDs: [(caseID: String, id: String)] = unit == .case
            ? cases.map { ($0.id, $0.id) }
            : cases.flatMap { sheet in sheet.elements.map { (sheet.id, "\(sheet.id)/\($0.id)") } }
        func values(for code: String) -> [[String?]] {
            unitIDs.map { unit in
                coders.map { coder in
                    guard codedCases[coder]?.contains(unit.caseID) == true else { return nil }
                    return present.contains("\(unit.id)|\(coder)|\(code)") ? "1" : "0"
                }
            }
        }
        var rows: [Row] = []
        var pooledUnits: [String] = []
        var pooledValues: [[String?]] = []
        for code in codes {
            let matrix = values(for: code)
            rows.append(Self.row(code, try ReliabilityData(units: unitIDs.map(\.id), coders: coders, values: matrix)))
            pooledUnits += unitIDs.map { "\($0.id)#\(code)" }
            pooledValues += matrix
        }
        rows.append(Self.row("overall", try ReliabilityData(units: pooledUnits, coders: coders, values: pooledValues)))
        self.rows = rows
    }

    private static func row(_ code: String, _ data: ReliabilityData) -> Row {
        var row = Row(code: code, units: 0, notes: [])
        func attempt<T>(_ name: String, _ compute: () throws -> T) -> T? {
            do {
                return try compute()
            } catch let error as QuadernoError {
                if row.notes.contains(error.message) == false { row.notes.append(error.message) }
                return nil
            } catch {
                row.notes.append("\(name): \(error)")
                return nil
            }
        }
        let percent = attempt("percent agreement") { try PercentAgreement(data) }
        row.units = percent?.unitCount ?? 0
        row.percentAgreement = percent?.agreement
        row.alpha = attempt("alpha") { try KrippendorffAlpha(data, level: .nominal).alpha }
        if data.coders.count == 2 {
            row.cohenKappa = attempt("Cohen's kappa") { try CohenKappa(data).kappa }
        } else {
            row.fleissKappa = attempt("Fleiss' kappa") { try FleissKappa(data).kappa }
        }
        return row
    }
}

import Foundation

/// Agreement and evaluation results as a terminal table, CSV or JSON.
public enum AgreementOutput {
    /// A number with three decimals, or `n/a`.
    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "n/a"
    }

    /// The agreement table for a terminal.
    public static func text(_ agreement: CoderAgreement) -> String {
        let kappa = agreement.coders.count == 2 ? "cohen_k" : "fleiss_k"
        var lines = ["coders: \(agreement.coders.joined(separator: ", ")); unit: \(agreement.unit.rawValue); "
            + "value: code present (1) or absent (0)",
                     "code".padding(toLength: 26, withPad: " ", startingAt: 0) + "units  agree  \(kappa)  alpha"]
        for row in agreement.rows {
            let kappaValue = agreement.coders.count == 2 ? row.cohenKappa : row.fleissKappa
            var line = row.code.padding(toLength: 26, withPad: " ", startingAt: 0)
                + String(row.units).leftPadded(5) + number(row.percentAgreement).leftPadded(7)
                + number(kappaValue).leftPadded(9) + number(row.alpha).leftPadded(7)
            if let note = row.notes.first { line += "   (" + note + ")" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The agreement table as CSV.
    public static func csv(_ agreement: CoderAgreement) -> String {
        CSVWriter().render(header: ["code", "units", "percent_agreement", "cohen_kappa", "fleiss_kappa",
                                    "krippendorff_alpha", "coders", "unit", "notes"],
                           rows: agreement.rows.map { row in
            [.text(row.code), .integer(row.units), .decimal(row.percentAgreement), .decimal(row.cohenKappa),
             .decimal(row.fleissKappa), .decimal(row.alpha), .text(agreement.coders.joined(separator: ";")),
             .text(agreement.unit.rawValue), .text(row.notes.joined(separator: "; "))]
        })
    }

    /// The agreement table as JSON (missing statistics as null, with notes).
    public static func json(_ agreement: CoderAgreement) throws -> String {
        let rows: [[String: Any]] = agreement.rows.map { row in
            ["code": row.code, "units": row.units, "percent_agreement": row.percentAgreement as Any,
             "cohen_kappa": row.cohenKappa as Any, "fleiss_kappa": row.fleissKappa as Any, "krippendorff_alpha": row.alpha as Any,
             "notes": row.notes]
        }
        let object: [String: Any] = ["coders": agreement.coders, "unit": agreement.unit.rawValue, "codes": rows]
        let data = try JSONSerialization.data(withJSONObject: object.mapValues(nullify), options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func nullify(_ value: Any) -> Any {
        if let rows = value as? [[String: Any]] {
            return rows.map { $0.mapValues { value in (value as Any?).flatMap { $0 is Optional<Double> ? nil : $0 } ?? NSNull() } }
        }
        return value
    }

    /// Statistics of a raw reliability table.
    public static func text(table data: ReliabilityData, level: MeasurementLevel) -> String {
        var lines = ["units: \(data.units.count); coders: \(data.coders.joined(separator: ", ")); level: \(level.rawValue)"]
        func add(_ name: String, _ compute: () throws -> String) {
            do { lines.append("\(name): \(try compute())") } catch { lines.append("\(name): n/a (\(error))") }
        }
        add("Krippendorff's alpha") {
            let alpha = try KrippendorffAlpha(data, level: level)
            return "\(number(alpha.alpha)) (\(alpha.unitCount) units with two or more values, \(alpha.droppedUnitCount) dropped)"
        }
        if level == .nominal {
            add("percent agreement") { number(try PercentAgreement(data).agreement) }
            if data.coders.count == 2 {
                add("Cohen's kappa") { number(try CohenKappa(data).kappa) }
            } else {
                add("Fleiss' kappa") { number(try FleissKappa(data).kappa) }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// An evaluation: scores per code, averages, then the disagreements.
    public static func text(_ evaluation: CoderEvaluation) -> String {
        let scores = evaluation.scores
        var lines = ["coder '\(evaluation.evaluated)' against the gold coder '\(evaluation.gold)' on \(evaluation.caseCount) cases",
                     "code".padding(toLength: 26, withPad: " ", startingAt: 0) + "  tp   fp   fn  precision  recall     f1"]
        for label in scores.labels {
            let score = scores.perLabel[label]!
            lines.append(label.padding(toLength: 26, withPad: " ", startingAt: 0) + String(score.truePositives).leftPadded(4)
                + String(score.falsePositives).leftPadded(5) + String(score.falseNegatives).leftPadded(5)
                + number(score.precision).leftPadded(11) + number(score.recall).leftPadded(8) + number(score.f1).leftPadded(7))
        }
        lines.append("micro".padding(toLength: 26, withPad: " ", startingAt: 0)
            + String(scores.micro.truePositives).leftPadded(4) + String(scores.micro.falsePositives).leftPadded(5)
            + String(scores.micro.falseNegatives).leftPadded(5) + number(scores.micro.precision).leftPadded(11)
            + number(scores.micro.recall).leftPadded(8) + number(scores.micro.f1).leftPadded(7))
        lines.append("macro".padding(toLength: 41, withPad: " ", startingAt: 0) + number(scores.macro.precision).leftPadded(11)
            + number(scores.macro.recall).leftPadded(8) + number(scores.macro.f1).leftPadded(7))
        lines.append("")
        lines.append("disagreements (missed = gold only, extra = \(evaluation.evaluated) only):")
        for item in evaluation.disagreements {
            lines.append("  \(item.side.padding(toLength: 6, withPad: " ", startingAt: 0)) \(item.caseID)/\(item.unit) "
                + "\(item.code): \(CaseSummary.clip(item.text, 80))")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// The string right-aligned in `width` columns.
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}

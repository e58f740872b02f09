import ArgumentParser
import Foundation
import Quaderno

struct Agreement: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Inter-coder agreement per code: percent agreement, Cohen's or Fleiss' kappa, Krippendorff's alpha.",
        discussion: """
            On a project: quaderno agreement PROJECT --coders anna,marco [--unit element|case] [--codes a,b]
            On any reliability data: quaderno agreement --table ratings.csv [--level nominal|ordinal|interval]
            (long form: columns unit, coder, value; an empty value is missing).
            """)

    @Argument(help: "The project file (omit with --table).")
    var project: String?

    @Option(help: "Coders to compare, comma-separated (at least two).")
    var coders: String?

    @Option(help: "element (default) or case.")
    var unit: CoderAgreement.Unit = .element

    @Option(help: "Only these codes, comma-separated.")
    var codes: String?

    @Option(help: "A long-form CSV of reliability data (unit, coder, value) instead of a project.")
    var table: String?

    @Option(help: "With --table: nominal (default), ordinal or interval.")
    var level: MeasurementLevel = .nominal

    @Flag(help: "Print JSON.")
    var json = false

    @Flag(help: "Print CSV.")
    var csv = false

    func run() throws {
        if let table {
            let text = try String(contentsOf: URL(fileURLWithPath: table), encoding: .utf8)
            let rows = try CSVTable(text, file: table)
            guard let unit = rows.column("unit"), let coder = rows.column("coder"), let value = rows.column("value") else {
                throw QuadernoError(.invalid, file: table, line: 1, "the header needs unit, coder and value columns")
            }
            let data = try ReliabilityData(longRows: rows.rows.map { (unit: $0[unit], coder: $0[coder], value: $0[value]) })
            print(AgreementOutput.text(table: data, level: level))
            return
        }
        guard let project else {
            throw QuadernoError(.usage, "give a project file, or --table FILE", hint: "see quaderno agreement --help")
        }
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let stored = try opened.codings()
        let names = try coders.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? opened.coders()
        let codebook = try opened.latestCodebook()
        let parents = Set(codebook?.codes.compactMap(\.parent) ?? [])
        let codebookCodes = codebook?.codes.map(\.id).filter { parents.contains($0) == false } ?? []
        let chosen = codes.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? (codebookCodes.isEmpty ? Array(Set(stored.map(\.coding.code))).sorted() : codebookCodes)
        let automatic = Set(stored.filter { $0.origin == "auto" }.map(\.coding.coder))
        let agreement = try CoderAgreement(cases: try opened.cases(), codings: stored.map(\.coding), coders: names,
                                           codes: chosen, unit: unit, automaticCoders: automatic)
        print(json ? try AgreementOutput.json(agreement) : csv ? AgreementOutput.csv(agreement) : AgreementOutput.text(agreement),
              terminator: csv ? "" : "\n")
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Precision, recall and F1 of a coder (auto by default) against a gold coder, with the disagreements.")

    @Argument(help: "The project file.")
    var project: String

    @Option(help: "The gold coder (a person's manual codings).")
    var gold: String

    @Option(help: "The coder evaluated.")
    var auto: String = "auto"

    func run() throws {
        let opened = try Project.open(at: URL(fileURLWithPath: project))
        let evaluation = try CoderEvaluation(codings: try opened.codings().map(\.coding), gold: gold, evaluated: auto)
        print(AgreementOutput.text(evaluation))
    }
}

extension CoderAgreement.Unit: ExpressibleByArgument {}
extension MeasurementLevel: ExpressibleByArgument {}

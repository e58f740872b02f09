import Foundation
import Quaderno

/// Coding and aggregation on cases already in memory (no store).
enum CodingStage {
    /// `AutoCoder(codebook:)` for each codebook, then rounds in which every codebook codes every case
    /// with one `CodingSession` (element unit), as `quaderno code` and `analyze` do: case by case, each
    /// case's codings made in the compact form the store takes (`autoCodings(of:)`), handed on (here
    /// counted) and let go. The codebooks take turns within a round, so a busy neighbour slows them
    /// alike and the ratio between them stays fair. Returns the results in codebook order, the codings
    /// of the `keep` codebook (coded once more, untimed, for the aggregation), and each round's ratio
    /// of the last codebook's time to the first's.
    static func run(_ cases: [Case], codebooks: [(cues: Int, codebook: Codebook)], keep: Int, passes: Int,
                    budget: Double) throws -> (results: [CodingResult], kept: [Coding], roundRatios: [Double]) {
        var coders: [AutoCoder] = []
        var compiles: [Timing] = []
        for entry in codebooks {
            let (timing, coder) = try Measure.time(passes: passes, budget: budget) { try AutoCoder(codebook: entry.codebook) }
            coders.append(coder)
            compiles.append(timing)
        }
        var samples = Array(repeating: [Sample](), count: codebooks.count)
        var outputs = Array(repeating: (codings: 0, negated: 0, forms: 0), count: codebooks.count)
        var kept: [Coding] = []
        var spent = 0.0
        var rounds = 0
        let enough = { (rounds: Int, spent: Double) -> Bool in
            let wanted = rounds < passes && spent < budget * Double(codebooks.count)
            let short = spent < Measure.minimumTime * Double(codebooks.count) && rounds < Measure.maximumPasses
            return rounds > 0 && wanted == false && short == false
        }
        while enough(rounds, spent) == false {
            for (index, coder) in coders.enumerated() {
                let (wall0, cpu0) = (Measure.now(), Measure.cpuSeconds())
                let session = coder.makeSession()
                var (count, negated) = (0, 0)
                for sheet in cases {
                    let made = session.autoCodings(of: sheet)
                    count += made.count
                    negated += made.negatedCount
                }
                let sample = Sample(wall: Measure.now() - wall0, cpu: Measure.cpuSeconds() - cpu0)
                samples[index].append(sample)
                spent += sample.wall
                outputs[index] = (count, negated, session.distinctWordForms)
            }
            rounds += 1
        }
        if let index = codebooks.firstIndex(where: { $0.cues == keep }) {
            let session = coders[index].makeSession()
            for sheet in cases { session.code(sheet, into: &kept) }
        }
        let elements = cases.flatMap(\.elements)
        let caseBytes = cases.reduce(0) { $0 + $1.text.utf8.count }
        let elementBytes = elements.reduce(0) { $0 + $1.text.utf8.count }
        let tokens = elements.reduce(0) { $0 + countTokens($1.text) }
        let results = codebooks.indices.map { index -> CodingResult in
            let code = Timing(samples[index])
            return CodingResult(
                cues: codebooks[index].cues, compile: compiles[index], code: code, cases: cases.count,
                elements: elements.count, caseTextBytes: caseBytes, elementTextBytes: elementBytes, elementTokens: tokens,
                codings: outputs[index].codings, negatedCodings: outputs[index].negated,
                distinctWordForms: outputs[index].forms, caseMegabytesPerSecond: mbps(caseBytes, code.best),
                elementMegabytesPerSecond: mbps(elementBytes, code.best),
                elementTokensPerSecond: code.best > 0 ? Double(tokens) / code.best : 0)
        }
        let ratios = (0..<rounds).map { round in
            samples[samples.count - 1][round].wall / max(samples[0][round].wall, 1e-9)
        }
        return (results, kept, ratios)
    }

    /// Tokens as the benchmark counts them: maximal runs of letters and digits (Unicode alphabetic or
    /// numeric scalars). Apostrophes and hyphens split: `dell'avviso` and `co-progettazione` are 2 each.
    static func countTokens(_ text: String) -> Int {
        var count = 0
        var inside = false
        for scalar in text.unicodeScalars {
            let wordy = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if wordy, inside == false { count += 1 }
            inside = wordy
        }
        return count
    }

    /// `CorpusView`, `CorpusReport` (grouped by territory) and `ReportWriter.write` into `folder`.
    static func aggregate(_ cases: [Case], codings: [Coding], codebook: Codebook, cues: Int, folder: URL,
                          passes: Int, budget: Double) throws -> AggregationResult {
        let (viewTiming, view) = Measure.time(passes: passes, budget: budget) {
            CorpusView(cases: cases, codings: codings, codebook: codebook)
        }
        let (reportTiming, report) = Measure.time(passes: passes, budget: budget) {
            CorpusReport(view: view, coder: "auto", groupBy: ["territory"])
        }
        let (writeTiming, _) = try Measure.time(passes: passes, budget: budget) {
            try? FileManager.default.removeItem(at: folder)
            return try ReportWriter().write(report, to: folder)
        }
        return AggregationResult(cues: cues, codings: codings.count, view: viewTiming, report: reportTiming,
                                 write: writeTiming, totalSeconds: viewTiming.best + reportTiming.best + writeTiming.best,
                                 folder: folder.path)
    }
}

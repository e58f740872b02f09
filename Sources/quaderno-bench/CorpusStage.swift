import Foundation
import Quaderno

/// Every measurement on one corpus size, on the same generated files.
enum CorpusStage {
    static func run(cases count: Int, _ context: BenchContext) throws -> CorpusResult {
        let folder = context.work.appendingPathComponent("corpus-\(count)")
        BenchContext.log("generating \(count) sheets in \(folder.path)")
        let generateStart = Measure.now()
        let files = try context.corpus.write(count: count, to: folder)
        let generateSeconds = Measure.now() - generateStart
        let text = files.filter { $0.format == .sheetText }
        let html = files.filter { $0.format == .html }
        let (passes, budget) = (context.passes, context.budget)
        let load = Measure.loadAverage()

        BenchContext.log("\(count): reading and parsing with libxml2")
        let read = try FloorStage.read(files.map(\.url), passes: passes, budget: budget)
        var documents = try FloorStage.load(html.map(\.url))
        let dom = FloorStage.dom(documents, passes: passes, budget: budget)
        let push = FloorStage.push(documents, passes: passes, budget: budget)
        documents = []

        BenchContext.log("\(count): importing")
        let (importText, textCases) = try ImportStage.run(text.map(\.url), importer: context.importer,
                                                          passes: passes, budget: budget)
        let (importHTML, htmlCases) = try ImportStage.run(html.map(\.url), importer: context.importer,
                                                          passes: passes, budget: budget)
        let cases = textCases + htmlCases

        BenchContext.log("\(count): coding with \(context.codingCues.map(String.init).joined(separator: ", ")) cues")
        let books = context.codingCues.compactMap { cues in context.codebooks[cues].map { (cues, $0.codebook) } }
        let coded = try CodingStage.run(cases, codebooks: books, keep: context.endToEndCues, passes: passes, budget: budget)
        var aggregation: AggregationResult?
        if context.codingCues.contains(context.endToEndCues), let loaded = context.codebooks[context.endToEndCues] {
            BenchContext.log("\(count): aggregating")
            aggregation = try CodingStage.aggregate(
                cases, codings: coded.kept, codebook: loaded.codebook, cues: context.endToEndCues,
                folder: context.work.appendingPathComponent("report-\(count)"), passes: passes, budget: budget)
        }
        let coding = coded.results
        let ratio: Double? = coding.count >= 2 && coding[0].code.best > 0
            ? coding[coding.count - 1].code.best / coding[0].code.best : nil
        let sortedRatios = coded.roundRatios.sorted()
        let pairedRatio: Double? = coding.count >= 2 && sortedRatios.isEmpty == false
            ? sortedRatios[sortedRatios.count / 2] : nil

        var endToEnd: EndToEndResult?
        if let quaderno = context.quaderno, let loaded = context.codebooks[context.endToEndCues] {
            BenchContext.log("\(count): quaderno analyze (\(context.endToEndCues) cues)")
            endToEnd = try EndToEndStage.run(quaderno: quaderno, corpus: folder, codebook: loaded.path,
                                             cues: context.endToEndCues, work: context.work,
                                             floorSeconds: read.timing.best + push.timing.best, label: "\(count)")
        }
        let textBytes = text.reduce(0) { $0 + $1.bytes }
        let htmlBytes = html.reduce(0) { $0 + $1.bytes }
        return CorpusResult(
            cases: count, textFiles: text.count, htmlFiles: html.count, textBytes: textBytes, htmlBytes: htmlBytes,
            meanSheetBytes: Double(textBytes + htmlBytes) / Double(max(1, count)), generateSeconds: generateSeconds,
            loadAverage: load, read: read, dom: dom, push: push, importText: importText, importHTML: importHTML,
            htmlImportPercentOfPush: push.megabytesPerSecond > 0
                ? 100 * importHTML.throughput.megabytesPerSecond / push.megabytesPerSecond : 0,
            coding: coding, codingRatio: ratio, codingRatioPerRound: pairedRatio, aggregation: aggregation, endToEnd: endToEnd,
            peakRSSAfter: Measure.peakRSS())
    }
}

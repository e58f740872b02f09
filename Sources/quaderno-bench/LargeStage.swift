import Foundation
import Quaderno

/// The one large HTML dossier: floor, import, and peak memory in child processes.
enum LargeStage {
    static func run(megabytes: Double, _ context: BenchContext) throws -> LargeResult {
        let bytes = Int(megabytes * 1e6)
        let url = context.work.appendingPathComponent("dossier-\(Int(megabytes))mb.html")
        BenchContext.log("writing a \(Int(megabytes)) MB HTML dossier to \(url.path)")
        let start = Measure.now()
        let file = try Dossier(vocabulary: context.vocabulary, territories: context.territories, seed: context.seed)
            .write(bytes: bytes, to: url)
        let generateSeconds = Measure.now() - start
        let (passes, budget) = (context.passes, context.budget)
        BenchContext.log("large file: libxml2")
        let read = try FloorStage.read([url], passes: passes, budget: budget)
        let documents = try FloorStage.load([url])
        let dom = FloorStage.dom(documents, passes: passes, budget: budget)
        let push = FloorStage.push(documents, passes: passes, budget: budget)
        BenchContext.log("large file: import")
        let (imported, _) = try ImportStage.run([url], importer: context.importer, passes: passes, budget: budget)
        BenchContext.log("large file: peak memory probes")
        let probes = try MemoryProbe.modes.map { try MemoryProbe.parent(mode: $0, file: url, work: context.work) }
        return LargeResult(
            path: url.path, bytes: file.bytes, sections: file.sections, generateSeconds: generateSeconds, read: read,
            dom: dom, push: push, importResult: imported,
            importPercentOfPush: push.megabytesPerSecond > 0
                ? 100 * imported.throughput.megabytesPerSecond / push.megabytesPerSecond : 0,
            probes: probes)
    }
}

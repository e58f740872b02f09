import Foundation
import Quaderno

/// Quaderno's import: `Importer.importFile` on every file, one after the other.
enum ImportStage {
    static func run(_ urls: [URL], importer: Importer, passes: Int, budget: Double) throws -> (ImportResult, [Case]) {
        let bytes = try urls.reduce(0) { total, url in
            total + ((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0)
        }
        var failures = 0
        let (timing, cases) = Measure.time(passes: passes, budget: budget) { () -> [Case] in
            var cases: [Case] = []
            cases.reserveCapacity(urls.count)
            failures = 0
            for url in urls {
                do {
                    cases.append(try importer.importFile(at: url))
                } catch {
                    failures += 1
                }
            }
            return cases
        }
        let result = ImportResult(
            throughput: Throughput(files: urls.count, bytes: bytes, timing: timing), cases: cases.count,
            failures: failures, elements: cases.reduce(0) { $0 + $1.elements.count },
            casesWithTerritory: cases.filter { $0.territory != nil }.count)
        return (result, cases)
    }
}

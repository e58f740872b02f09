import Foundation
import Quaderno

/// Peak memory of one job on one file, measured in a child process (`quaderno-bench --probe-import`),
/// so the bench's own heap does not count.
enum MemoryProbe {
    static let modes = ["import", "dom", "push"]

    /// Runs in the child: does `mode` on `file` and prints a ``ProbeResult`` as JSON.
    static func child(mode: String, file: String) throws {
        let url = URL(fileURLWithPath: file)
        let importer = try Importer()
        LibXML2Floor.pushParse(Data("<p>warm up</p>".utf8))
        let resetPeak = Measure.resetPeakRSS()
        let baseline = Measure.currentRSS()
        let start = Measure.now()
        var elements = 0
        switch mode {
        case "import": elements = try importer.importFile(at: url).elements.count
        case "dom": LibXML2Floor.domParse(try Data(contentsOf: url))
        case "push": LibXML2Floor.pushParse(try Data(contentsOf: url))
        default: throw BenchError("unknown probe '\(mode)'")
        }
        let seconds = Measure.now() - start
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 1
        let peak = resetPeak ? max(Measure.highWaterRSS(), baseline) : Measure.peakRSS()
        let result = ProbeResult(mode: mode, fileBytes: size, seconds: seconds, baselineRSS: baseline, peakRSS: peak,
                                 peakSource: resetPeak ? "VmHWM after clear_refs" : "ru_maxrss of the whole child",
                                 peakOverFile: Double(peak) / Double(size),
                                 growthOverFile: Double(peak - baseline) / Double(size), elements: elements)
        print(String(decoding: try JSONEncoder().encode(result), as: UTF8.self))
    }

    /// Runs in the parent: re-executes this binary in probe mode and reads its answer.
    static func parent(mode: String, file: URL, work: URL) throws -> ProbeResult {
        guard let me = Bundle.main.executablePath else { throw BenchError("cannot find my own executable") }
        let output = work.appendingPathComponent("probe-\(mode).json")
        let run = try ChildRun.run([me, "--probe-\(mode)", file.path], stdout: output.path,
                                   stderr: work.appendingPathComponent("probe-\(mode).err").path)
        guard run.exitStatus == 0 else { throw BenchError("the \(mode) probe exited with \(run.exitStatus)") }
        return try JSONDecoder().decode(ProbeResult.self, from: Data(contentsOf: output))
    }
}

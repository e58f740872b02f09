import Foundation
import Testing
@testable import Quaderno

@Suite("Parallel and serial runs agree")
struct ParallelRunTests {
    @Test("analyze on every core writes exactly the tables a single-threaded run writes")
    func sameTables() throws {
        let serial = try Fixtures.temporaryFolder("serial")
        let parallel = try Fixtures.temporaryFolder("parallel")
        let inputs = ["corpora", Fixtures.seed.path]
        let one = try CommandRunner.run(["analyze"] + inputs + ["--out", serial.path], environment: ["QUADERNO_THREADS": "1"])
        let many = try CommandRunner.run(["analyze"] + inputs + ["--out", parallel.path], environment: ["QUADERNO_THREADS": "4"])
        #expect(one.status == 0 && many.status == 0)
        for name in ReportWriter.fileNames where name.hasSuffix(".csv") {
            let a = try Data(contentsOf: serial.appendingPathComponent(name))
            let b = try Data(contentsOf: parallel.appendingPathComponent(name))
            #expect(a == b, "\(name) differs")
            #expect(a.count > 100)
        }
    }

    @Test("ParallelWork.map keeps input order with per-chunk state")
    func orderKept() {
        let values = ParallelWork.map(1000, threads: 4, state: { [Int]() }) { seen, index in
            seen.append(index)
            return index * 2 + (seen.count > 0 ? 0 : 1)
        }
        #expect(values == (0..<1000).map { $0 * 2 })
    }
}

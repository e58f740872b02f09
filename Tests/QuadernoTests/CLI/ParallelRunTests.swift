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

    @Test("ParallelWork.forEach hands every result over once, in input order, whatever order they finish in")
    func streamedInOrder() {
        var received: [Int] = []
        ParallelWork.forEach(500, threads: 4, state: { () }, { _, index in
            // Later indices of a chunk finish sooner than earlier ones of another would.
            if index % 7 == 0 { usleep(UInt32(200 + (index % 5) * 100)) }
            return index * 3
        }, consume: { index, value in
            #expect(value == index * 3)
            received.append(index)
        })
        #expect(received == Array(0..<500))
    }

    @Test("ParallelWork.forEach rethrows the consumer's error after the workers finish")
    func streamedError() {
        struct Stop: Error {}
        var consumed = 0
        #expect(throws: Stop.self) {
            try ParallelWork.forEach(300, threads: 4, state: { () }, { _, index in index }, consume: { index, _ in
                if index == 120 { throw Stop() }
                consumed += 1
            })
        }
        #expect(consumed == 120)
    }

    @Test("ParallelWork makes one state per worker thread, not per chunk, and hands a thread its chunks in order")
    func statePerWorker() {
        /// A state: its number, and the indices it was given.
        final class State: @unchecked Sendable {
            let number: Int
            var indices: [Int] = []
            init(_ number: Int) { self.number = number }
        }
        final class Made: @unchecked Sendable {
            var states: [State] = []
            let lock = NSLock()
            func make() -> State {
                lock.lock()
                defer { lock.unlock() }
                states.append(State(states.count))
                return states[states.count - 1]
            }
        }
        let made = Made()
        let owners = ParallelWork.map(1000, threads: 4, state: { made.make() }) { state, index in
            state.indices.append(index)
            return state.number
        }
        // 16 chunks on 4 threads: at most 4 states (there was one per chunk, 16).
        #expect((1...4).contains(made.states.count))
        #expect(Set(owners) == Set(made.states.map(\.number)))
        #expect(made.states.reduce(0) { $0 + $1.indices.count } == 1000)
        for state in made.states { #expect(state.indices == state.indices.sorted()) }
        // A state changes hands only where a chunk ends.
        #expect(zip(owners, owners.dropFirst()).filter { $0 != $1 }.count <= 15)
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

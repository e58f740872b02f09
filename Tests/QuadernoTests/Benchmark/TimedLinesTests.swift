import Foundation
import Testing
@testable import quaderno_bench

/// The benchmark times `analyze`'s phases by when it prints its lines: each line must get the time it
/// arrived at, not the time the child ended, and the output must still reach its file whole.
@Suite("Benchmark: a child's lines timed as they arrive")
struct TimedLinesTests {
    @Test("lines printed 0.3 s and 0.2 s apart are timed that far apart, and written out whole")
    func timesEachLine() throws {
        let folder = try Fixtures.temporaryFolder("timed-lines")
        let output = folder.appendingPathComponent("child.out").path
        let lines = TimedLines()
        let script = "echo 'import: 3 imported'; sleep 0.3; echo 'code: 9 codings'; sleep 0.2; printf 'report: done'"
        let run = try ChildRun.run(["/bin/sh", "-c", script], stdout: output, lines: lines)
        #expect(run.exitStatus == 0)
        #expect(lines.lines.map(\.text) == ["import: 3 imported", "code: 9 codings", "report: done"])
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "import: 3 imported\ncode: 9 codings\nreport: done")
        let phases = try #require(EndToEndStage.phases(lines, wall: run.wall))
        #expect(phases.importAndCode >= 0.3)
        #expect(phases.report >= 0.2)
        #expect(abs(phases.importAndCode + phases.report + phases.afterReport - run.wall) < 1e-9)
        #expect(phases.afterLastLine >= 0 && phases.afterLastLine <= phases.afterReport)
    }

    @Test("a child that prints no report line has no phases")
    func noPhases() throws {
        let lines = TimedLines()
        let run = try ChildRun.run(["/bin/sh", "-c", "echo 'import: 0 imported'; exit 3"], lines: lines)
        #expect(run.exitStatus == 3)
        #expect(lines.lines.count == 1)
        #expect(EndToEndStage.phases(lines, wall: run.wall) == nil)
    }
}

import Foundation
import GRDB
import Testing

/// A command killed halfway must leave the project as it was. The write transaction keeps its undo
/// record in a rollback journal (see `WriteMode`): the next command to open the project rolls it back.
@Suite("An import killed halfway")
struct InterruptedImportTests {
    @Test("leaves the project as it was: its cases, its log, a sound file in WAL mode")
    func killed() throws {
        let folder = try Fixtures.temporaryFolder("killed")
        let project = folder.appendingPathComponent("studio.sqlite").path
        #expect(try CommandRunner.run(["init", project]).status == 0)
        #expect(try CommandRunner.run(["import", project, "corpora"]).status == 0)

        // Enough sheets that the import is still storing them when it is killed.
        let sheets = folder.appendingPathComponent("sheets")
        try FileManager.default.createDirectory(at: sheets, withIntermediateDirectories: true)
        let seed = try Data(contentsOf: Fixtures.seed)
        for index in 0..<3_000 {
            try seed.write(to: sheets.appendingPathComponent("sheet-\(index).txt"))
        }
        let process = Process()
        process.executableURL = CommandRunner.products.appendingPathComponent("quaderno")
        process.arguments = ["import", project, sheets.path]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // The first progress line comes once the import's transaction has begun; a second one comes
        // a tenth of a second later, with cases stored in it.
        var seen = ""
        while seen.components(separatedBy: "[").count < 3 {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import was still running: \(seen)")
        #expect(seen.contains("[1/3000]"))

        let report = try CommandRunner.run(["report", project, "--out", folder.appendingPathComponent("report").path])
        #expect(report.status == 0 && report.stdout.contains("14 cases"), "\(report.stdout)\(report.stderr)")
        let database = try DatabaseQueue(path: project)
        let (integrity, mode, cases, runs) = try database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check"), try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM cases"), try String.fetchAll(db, sql: "SELECT command FROM runs"))
        }
        #expect(integrity == "ok" && mode == "wal")
        #expect(cases == 14)
        #expect(runs == ["import"])
        #expect(FileManager.default.fileExists(atPath: project + "-journal") == false, "rolled back and removed")
    }
}

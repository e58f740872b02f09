import Foundation
import Testing
@testable import Quaderno

@Suite("Writing large files in pieces")
struct FileOutputTests {
    @Test("a table flushed a megabyte at a time is byte for byte the table built in memory")
    func flushedEqualsInMemory() throws {
        let folder = try Fixtures.temporaryFolder("file-output")
        let url = folder.appendingPathComponent("big.csv")
        var inMemory = CSVBuffer(dialect: .excel)
        var flushed = CSVBuffer(dialect: .excel)
        let output = try FileOutput(url)
        flushed.output = output
        for row in 0..<30_000 {
            for buffer in [0, 1] {
                func fill(_ csv: inout CSVBuffer) {
                    csv.text("riga \(row), \"citata\"\nsu due righe")
                    csv.integer(row)
                    csv.decimal(Double(row) / 7)
                    csv.text(row % 3 == 0 ? nil : "è così")
                    csv.endRow()
                }
                if buffer == 0 { fill(&inMemory) } else { fill(&flushed) }
            }
        }
        flushed.flush(to: output)
        #expect(FileManager.default.fileExists(atPath: url.path) == false, "nothing appears before finish()")
        try output.finish()
        let written = try Data(contentsOf: url)
        #expect(written.count > 1 << 20, "more than one flush")
        #expect(written == Data(inMemory.bytes))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("a file that cannot be written is an error naming it, and leaves nothing behind")
    func unwritable() throws {
        let missing = try Fixtures.temporaryFolder("file-output-missing").appendingPathComponent("no/such/dir/x.csv")
        let error = try #require(throws: QuadernoError.self) { try FileOutput(missing) }
        #expect(error.description.contains("x.csv") && error.description.contains("cannot write"))
    }
}

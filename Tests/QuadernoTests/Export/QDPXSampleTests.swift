import Foundation
import Testing
@testable import Quaderno

@Suite("REFI-QDA: real exports from NVivo and qc")
struct QDPXSampleTests {
    @Test("NVivo for Mac 15: all 262 codes with their hierarchy, both users, both text sources")
    func nvivo() throws {
        let read = try QDPXReader().read(REFITest.nvivoSample)
        let project = read.project
        #expect(project.name == "qc project")
        #expect(project.origin == "NVivo for Mac 15.0.0")
        #expect(project.allCodes.count == 262)
        #expect(project.codes.map(\.name) == ["rq1_definition", "rq2_curriculum_and_instruction", "rq3_process"])
        #expect(project.users.map(\.name) == ["chrisp", "cp"])
        #expect(project.users.map(\.id) == ["CP", "C"])
        #expect(project.creatingUser == "1b0b1791-be46-4557-9957-7333544cfaf2")
        let competencies = try #require(project.codes[0].children.first)
        #expect(competencies.name == "competencies")
        #expect(competencies.children.map(\.name) == ["programming"])
        #expect(project.allCodes.map(\.depth).max() == 6)
        let writing = try #require(project.allCodes.first { $0.code.name == "writing" })
        #expect(project.code(writing.parent ?? "")?.name == "english")
        #expect(project.sources.count == 2)
        #expect(project.sources.allSatisfy { $0.text == "\n" && $0.selections.isEmpty })
        #expect(read.warnings == [])
    }

    @Test("qc 1.3.2: 262 codes, both sources through their relative plainTextPath, 158 coded line selections")
    func qc() throws {
        let read = try QDPXReader().read(REFITest.qcSample)
        let project = read.project
        #expect(read.warnings == [])
        #expect(project.allCodes.count == 262)
        #expect(project.users.map(\.name) == ["cp"])
        #expect(project.sources.map(\.name) == ["board_2017.txt", "admin-1.txt"])
        #expect(project.sources.map { $0.text.unicodeScalars.count } == [52543, 31906])
        let selections = project.sources.flatMap(\.selections)
        #expect(selections.count == 158)
        #expect(selections.allSatisfy { $0.codings.isEmpty == false })
        #expect(project.allCodings.count == 205)
        #expect(Set(project.allCodings.map(\.coding.creatingUser)) == [project.users[0].guid])
        for (source, selection, _) in project.allCodings {
            #expect(source.quote(selection).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false)
        }
    }

    @Test("qc's line selections quote exactly their line, LF included: positions count code points as stored")
    func qcLinePositions() throws {
        let project = try QDPXReader().read(REFITest.qcSample).project
        let board = project.sources[0]
        // Each line with its terminating LF, 0-based, as qc numbers them in the selection's name.
        let lines = board.text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        for selection in board.selections {
            let number = try #require(Int(selection.name.replacingOccurrences(of: "line:", with: "")))
            #expect(board.quote(selection) == lines[number], "\(selection.name)")
        }
        let first = try #require(board.selections.first)
        #expect(board.quote(first) == "This district goal is engage every student in joyful, purposeful learning that \n")
        #expect(project.code(first.codings[0].code)?.name == "fun")
        let quotes = board.selections.map { board.quote($0) }
        #expect(quotes.contains("science, engaging computer science with enthusiasm, and look forward to the \n"))
    }

    @Test("both samples validate against Project.xsd and the REFI validator")
    func samplesValidate() throws {
        for sample in [REFITest.nvivoSample, REFITest.qcSample] {
            #expect(try REFITest.schemaFailures(sample) == [], "\(sample.lastPathComponent)")
            #expect(REFIValidator().validate(sample).map(\.description) == [], "\(sample.lastPathComponent)")
        }
    }

    @Test("importing a sample again into the same project replaces its cases and codings, adding none")
    func importTwice() throws {
        let project = try Project.create(at: try Fixtures.temporaryFolder("qdpx-twice").appendingPathComponent("p.sqlite"))
        let read = try QDPXReader().read(REFITest.qcSample)
        let first = try project.importExchange(read, file: REFITest.qcSample.path)
        let codings = try project.codings(coders: nil, includeOrphaned: true).count
        let second = try project.importExchange(read, file: REFITest.qcSample.path)
        #expect(second.cases == first.cases && first.cases.count == 2)
        #expect(try project.cases().map(\.id).sorted() == first.cases.sorted())
        #expect(try project.codings(coders: nil, includeOrphaned: true).count == codings && codings == 205)
    }

    @Test("an imported sample can be written again and still validates")
    func reexport() throws {
        let project = try QDPXReader().read(REFITest.qcSample).project
        let url = try Fixtures.temporaryFolder().appendingPathComponent("qc-again.qdpx")
        try QDPXWriter().write(project, to: url)
        #expect(try REFITest.schemaFailures(url) == [])
        #expect(try QDPXReader().read(url).project == project)
    }
}

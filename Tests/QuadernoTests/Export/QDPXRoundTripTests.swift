import Foundation
import Testing
@testable import Quaderno

@Suite("REFI-QDA: writing and reading back a QDPX project")
struct QDPXRoundTripTests {
    @Test("the project's texts have more UTF-16 units than code points (the offsets are really scalar offsets)")
    func textsExerciseScalars() {
        for text in REFITest.texts { #expect(text.utf16.count > text.unicodeScalars.count) }
    }

    @Test("a written project validates against Project.xsd and the REFI validator")
    func writtenProjectValidates() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("prova.qdpx")
        try QDPXWriter().write(REFITest.project(), to: url)
        #expect(try REFITest.schemaFailures(url) == [])
        #expect(REFIValidator().validate(url).map(\.description) == [])
    }

    @Test("reading back gives the same users, codes, variables, cases, selections and codings")
    func roundTrip() throws {
        let project = REFITest.project()
        let url = try Fixtures.temporaryFolder().appendingPathComponent("prova.qdpx")
        try QDPXWriter().write(project, to: url)
        let read = try QDPXReader().read(url)
        #expect(read.warnings == [])
        #expect(read.project.users == project.users)
        #expect(read.project.codes == project.codes)
        #expect(read.project.allCodes.map(\.depth) == [0, 1, 1, 0, 1, 2, 2, 1])
        #expect(read.project.variables == project.variables)
        #expect(read.project.cases == project.cases)
        #expect(read.project.sources == project.sources)
        #expect(read.project == project)
        #expect(read.project.allCodings.count == 8)
        for (source, selection, coding) in read.project.allCodings {
            #expect(source.quote(selection) == selection.name, "quote of \(selection.guid)")
            #expect(read.project.user(coding.creatingUser ?? "") != nil)
        }
        let both = read.project.sources[0].selections[0]
        #expect(both.codings.map(\.creatingUser) == [REFITest.giulia, REFITest.marco])
        #expect(read.project.sources[2].text.contains("\r\n"), "CR LF kept in the text file")
    }

    @Test("writing twice gives byte-identical files")
    func deterministic() throws {
        let folder = try Fixtures.temporaryFolder()
        let first = folder.appendingPathComponent("a.qdpx")
        let second = folder.appendingPathComponent("b.qdpx")
        try QDPXWriter().write(REFITest.project(), to: first)
        try QDPXWriter().write(REFITest.project(), to: second)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
        try QDPXWriter().write(REFITest.project(), to: first)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second), "overwriting in place")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.qdpx", "b.qdpx"],
                "no temporary files left behind")
    }

    @Test("the archive holds project.qde and sources/<guid>.txt referenced as internal://")
    func archiveLayout() throws {
        let project = REFITest.project()
        let url = try Fixtures.temporaryFolder().appendingPathComponent("prova.qdpx")
        try QDPXWriter().write(project, to: url)
        let package = try ZipPackage(url: url, file: url.path, limits: .standard)
        #expect(package.paths == ["project.qde"] + project.sources.map { "sources/\($0.guid).txt" })
        let xml = String(decoding: try package.data("project.qde"), as: UTF8.self)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\""))
        #expect(xml.contains("plainTextPath=\"internal://\(project.sources[0].guid).txt\""))
        #expect(String(decoding: try package.data("sources/\(project.sources[2].guid).txt"), as: UTF8.self) == REFITest.texts[2])
        #expect(xml.contains("&lt;co-progettazione&gt;") && xml.contains("&amp;"))
    }

    @Test("XML escaping: quotes, tabs and newlines in attributes survive; forbidden control characters become U+FFFD")
    func escaping() throws {
        var project = REFITest.project()
        project.codes[0].children[0].name = "Tab\there \"quoted\" <b> & &amp; &#38; line\nbreak\r"
        project.codes[0].children[0].description = "bell\u{07} NUL\u{00} and CR\r\nkept"
        project.description = "\u{1F} \u{FFFF}"
        let url = try Fixtures.temporaryFolder().appendingPathComponent("escape.qdpx")
        try QDPXWriter().write(project, to: url)
        #expect(try REFITest.schemaFailures(url) == [])
        let read = try QDPXReader().read(url).project
        #expect(read.codes[0].children[0].name == project.codes[0].children[0].name)
        #expect(read.codes[0].children[0].description == "bell\u{FFFD} NUL\u{FFFD} and CR\r\nkept")
        #expect(read.description == "\u{FFFD} \u{FFFD}")
    }

    @Test("the writer refuses a project with dangling references or selections outside their text")
    func writerChecks() throws {
        var project = REFITest.project()
        project.sources[0].selections[0].end = 10_000
        project.sources[1].selections[0].codings[0].code = UUIDv5.guid("code", "missing")
        project.codes[1].color = "red"
        let url = try Fixtures.temporaryFolder().appendingPathComponent("bad.qdpx")
        #expect {
            try QDPXWriter().write(project, to: url)
        } throws: { error in
            let message = (error as? QuadernoError)?.message ?? ""
            return (error as? QuadernoError)?.kind == .invalid && message.contains("outside the text")
                && message.contains("refers to no such GUID") && message.contains("not #RRGGBB")
        }
        #expect(FileManager.default.fileExists(atPath: url.path) == false)
    }
}

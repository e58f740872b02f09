import Foundation
import Testing
@testable import Quaderno

/// A project written the way other programs write them: GUIDs in braces and upper case, a BOM and CRLF
/// line ends in the text, a `.qde` not called project.qde, a relative path, an inline text, an
/// unknown element, a vendor extension and a PDF source.
@Suite("REFI-QDA: importing a QDPX written by another program")
struct QDPXForeignTests {
    static let anna = "{A1B2C3D4-0000-4000-8000-000000000001}"
    static let luca = "{A1B2C3D4-0000-4000-8000-000000000002}"
    static func code(_ number: Int) -> String { "{C0DE0000-0000-4000-8000-00000000000\(number)}" }
    static let text = "Prima riga: la comunità è coinvolta.\r\nSeconda riga: però i fondi mancano 😟.\r\n"
        + "Terza riga: finanziamento solo annuale."
    static let quotes = ["la comunità è coinvolta", "i fondi mancano 😟", "finanziamento solo annuale"]
    static let interview = "Intervista: tutto bene, grazie."

    static func selection(_ number: Int, _ quote: String, in text: String, codings: String) -> String {
        let (start, end) = REFITest.span(quote, in: text)
        return "<PlainTextSelection guid=\"{5E1E0000-0000-4000-8000-00000000000\(number)}\" name=\"s\(number)\" "
            + "startPosition=\"\(start)\" endPosition=\"\(end)\" creatingUser=\"\(anna)\">\(codings)</PlainTextSelection>"
    }

    static func coding(_ number: Int, code: String, user: String) -> String {
        "<Coding guid=\"{C0D10000-0000-4000-8000-00000000000\(number)}\" creatingUser=\"\(user)\"><CodeRef targetGUID=\"\(code)\"/></Coding>"
    }

    static var document: String {
        """
        <?xml version="1.0" encoding="utf-8"?>\r
        <Project xmlns="urn:QDA-XML:project:1.0" xmlns:v="urn:example:vendor" name="Esportazione" origin="AltroQDA 2.1">\r
          <Users><User guid="\(anna)" name="Anna"/><User guid="\(luca.lowercased())" name="Luca"/></Users>\r
          <CodeBook><Codes>\r
            <Code guid="\(code(1))" name="Risorse" isCodable="false">\r
              <Code guid="\(code(2))" name="Precarietà" isCodable="true" color="#F00"><Description>Fondi incerti</Description>\r
                <Code guid="\(code(3).lowercased())" name="Fondi annuali" isCodable="1"/>\r
              </Code>\r
            </Code>\r
            <Code guid="\(code(4))" name="Partecipazione" isCodable="true" color="#1565c0"/>\r
          </Codes></CodeBook>\r
          <Variables><Variable guid="{FA000000-0000-4000-8000-000000000001}" name="Anno" typeOfVariable="Integer"/></Variables>\r
          <Cases><Case guid="{CA5E0000-0000-4000-8000-000000000001}" name="Caso A">\r
            <VariableValue><VariableRef targetGUID="{FA000000-0000-4000-8000-000000000001}"/><IntegerValue> 2021 </IntegerValue></VariableValue>\r
            <SourceRef targetGUID="{5A5A0000-0000-4000-8000-000000000001}"/><SourceRef targetGUID="{5A5A0000-0000-4000-8000-000000000009}"/>\r
          </Case></Cases>\r
          <Sources>\r
            <TextSource guid="{5A5A0000-0000-4000-8000-000000000001}" name="Scheda A" plainTextPath="internal://5A5A0000-0000-4000-8000-000000000001.txt">\r
              \(selection(1, quotes[0], in: text, codings: coding(1, code: code(4), user: anna) + coding(2, code: code(4), user: luca)))\r
              \(selection(2, quotes[1], in: text, codings: coding(3, code: code(2), user: luca)))\r
              \(selection(3, quotes[2], in: text, codings: coding(4, code: code(3), user: anna)))\r
              \(selection(4, "Terza", in: text, codings: coding(5, code: code(8), user: anna)))\r
              <Bookmark position="3"/>\r
            </TextSource>\r
            <TextSource guid="{5A5A0000-0000-4000-8000-000000000002}" name="Intervista" plainTextPath="relative://intervista 2.txt">\r
              \(selection(5, "tutto bene", in: interview, codings: coding(6, code: code(4), user: luca)))\r
            </TextSource>\r
            <TextSource guid="{5A5A0000-0000-4000-8000-000000000003}" name="Nota"><PlainTextContent>Testo &amp; note</PlainTextContent>\r
              <PlainTextSelection guid="{5E1E0000-0000-4000-8000-000000000006}" startPosition="6" endPosition="12">\(coding(7, code: code(4), user: anna))</PlainTextSelection>\r
            </TextSource>\r
            <PDFSource guid="{5A5A0000-0000-4000-8000-000000000009}" name="Delibera.pdf" path="internal://delibera.pdf">\r
              <PDFSelection guid="{5E1E0000-0000-4000-8000-000000000009}" page="1" firstX="0" firstY="0" secondX="10" secondY="10">\(coding(9, code: code(4), user: anna))</PDFSelection>\r
            </PDFSource>\r
          </Sources>\r
          <v:Extra note="vendor data"/>\r
        </Project>\r

        """
    }

    static func write() throws -> URL {
        let folder = try Fixtures.temporaryFolder("foreign-qdpx")
        let url = folder.appendingPathComponent("altro.qdpx")
        let entries: [(String, Data)] = [
            ("Progetto esportato.qde", Data(document.utf8)),
            ("sources/5A5A0000-0000-4000-8000-000000000001.txt", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)),
            ("sources/delibera.pdf", Data("%PDF-1.4".utf8)),
        ]
        try QDPXWriter().writeArchive(entries, to: url)
        try Data(interview.utf8).write(to: folder.appendingPathComponent("intervista 2.txt"))
        return url
    }

    @Test("codings, coders and quotes come through; positions count CRLF as two code points and skip the BOM")
    func importsCodings() throws {
        let project = try QDPXReader().read(Self.write()).project
        #expect(project.users.map(\.name) == ["Anna", "Luca"])
        #expect(project.users[1].guid == "a1b2c3d4-0000-4000-8000-000000000002")
        #expect(project.codes.map(\.name) == ["Risorse", "Partecipazione"])
        #expect(project.codes[0].isCodable == false)
        #expect(project.codes[0].children[0].children.map(\.name) == ["Fondi annuali"])
        #expect(project.codes[0].children[0].color == "#FF0000")
        #expect(project.codes[0].children[0].description == "Fondi incerti")
        let scheda = try #require(project.sources.first)
        #expect(scheda.text == Self.text, "BOM removed, CRLF kept")
        #expect(scheda.selections.map { scheda.quote($0) } == Self.quotes + ["Terza"])
        #expect(scheda.selections[3].codings.isEmpty, "its only coding named a code that does not exist")
        let codings = project.allCodings.map { (project.code($0.coding.code)?.name ?? "?", $0.source.quote($0.selection),
                                                project.user($0.coding.creatingUser ?? "")?.name ?? "?") }
        #expect(codings.map(\.0) == ["Partecipazione", "Partecipazione", "Precarietà", "Fondi annuali", "Partecipazione",
                                     "Partecipazione"])
        #expect(codings.map(\.1) == Self.quotes[0...0] + Self.quotes + ["tutto bene", "& note"])
        #expect(codings.map(\.2) == ["Anna", "Luca", "Luca", "Anna", "Luca", "Anna"])
        #expect(project.sources.map(\.name) == ["Scheda A", "Intervista", "Nota"])
        #expect(project.cases.first?.sources == ["5a5a0000-0000-4000-8000-000000000001"])
        #expect(project.cases.first?.values.first?.value == .integer(2021))
    }

    @Test("the CRLF rule matters: with CRLF as one code point the third quote would be shifted")
    func crlfEvidence() throws {
        let lfOnly = Self.text.replacingOccurrences(of: "\r\n", with: "\n")
        let stored = REFITest.span(Self.quotes[2], in: Self.text)
        let normalised = REFITest.span(Self.quotes[2], in: lfOnly)
        #expect(stored.start - normalised.start == 2)
        #expect(Self.text.utf16.count != Self.text.unicodeScalars.count)
    }

    @Test("what cannot be imported is reported: the PDF source, unknown elements, a coding of a missing code")
    func warnings() throws {
        let warnings = try QDPXReader().read(Self.write()).warnings
        let expected = [
            "ignored unknown element <Bookmark> inside <TextSource>",
            "ignored unknown element <Extra> inside <Project>",
            "skipped the PDF source 'Delibera.pdf': Quaderno imports text sources only (1 coding(s) in it are not imported)",
            "skipped the coding c0d10000-0000-4000-8000-000000000005 in 'Scheda A': its code c0de0000-0000-4000-8000-000000000008 is not in the codebook",
            "the case 'Caso A' refers to a source that was not imported (5a5a0000-0000-4000-8000-000000000009); reference dropped",
        ]
        for message in expected {
            #expect(warnings.contains { $0.hasPrefix(message) }, "missing warning: \(message)\nall: \(warnings)")
        }
        #expect(warnings.count == expected.count, "\(warnings)")
    }

    @Test("the REFI validator reports the unknown element and the dangling code, and warns about the rest")
    func validates() throws {
        let issues = REFIValidator().validate(try Self.write())
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.path == "/Project/Sources[1]/TextSource[1]/Bookmark[1]" && $0.message.contains("not allowed") })
        #expect(errors.contains {
            $0.path == "/Project/Sources[1]/TextSource[1]/PlainTextSelection[4]/Coding[1]/CodeRef[1]"
                && $0.message == "targetGUID='\(Self.code(8))' points at no <Code>"
        })
        #expect(errors.allSatisfy { $0.file.hasSuffix("altro.qdpx (Progetto esportato.qde)") && $0.line != nil })
        #expect(issues.contains { $0.severity == .warning && $0.message.contains("another namespace") })
        #expect(issues.contains { $0.severity == .warning && $0.message.contains("#RGB") })
    }

    @Test("a bare .qde next to its sources/ folder reads the same; absolute and ../ paths are never followed")
    func bareQDE() throws {
        let folder = try Fixtures.temporaryFolder("bare-qde")
        let project = folder.appendingPathComponent("progetto")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("sources"), withIntermediateDirectories: true)
        let qde = project.appendingPathComponent("progetto.qde")
        try Data(Self.document.utf8).write(to: qde)
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Self.text.utf8))
            .write(to: project.appendingPathComponent("sources/5A5A0000-0000-4000-8000-000000000001.txt"))
        try Data(Self.interview.utf8).write(to: project.appendingPathComponent("intervista 2.txt"))
        let read = try QDPXReader().read(qde).project
        #expect(read.sources.map(\.name) == ["Scheda A", "Intervista", "Nota"])
        #expect(read.allCodings.map { $0.source.quote($0.selection) } == Self.quotes[0...0] + Self.quotes + ["tutto bene", "& note"])

        let secret = folder.appendingPathComponent("segreto.txt")
        try Data("Intervista: tutto bene, segreto.".utf8).write(to: secret)
        for path in ["relative://../segreto.txt", "absolute://\(secret.path)", secret.path, "file://\(secret.path)"] {
            try Data(Self.document.replacingOccurrences(of: "relative://intervista 2.txt", with: path).utf8).write(to: qde)
            let result = try QDPXReader().read(qde)
            #expect(result.project.sources.map(\.name) == ["Scheda A", "Nota"], "\(path)")
            #expect(result.warnings.contains { $0.contains("not followed for safety") }, "\(path)")
        }
    }
}

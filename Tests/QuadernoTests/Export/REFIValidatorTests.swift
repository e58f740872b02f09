import Foundation
import Testing
@testable import Quaderno

@Suite("REFI-QDA: the validator")
struct REFIValidatorTests {
    static let user = "6f1c1a3e-0000-4000-8000-000000000001"
    static let code = "c0de0000-0000-4000-8000-000000000001"

    /// A small valid project; `replacing` edits its text before writing.
    static func write(_ replacing: [(String, String)] = [], name: String = "test.qde") throws -> URL {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="prova">
              <Users><User guid="\(user)" name="Anna"/></Users>
              <CodeBook><Codes><Code guid="\(code)" name="Risorse" isCodable="true" color="#2E7D32"/></Codes></CodeBook>
              <Sources>
                <TextSource guid="5a5a0000-0000-4000-8000-000000000001" name="A">
                  <PlainTextContent>Perché sì 🎉 ok</PlainTextContent>
                  <PlainTextSelection guid="5e1e0000-0000-4000-8000-000000000001" startPosition="7" endPosition="13">
                    <Coding guid="c0d10000-0000-4000-8000-000000000001" creatingUser="\(user)"><CodeRef targetGUID="\(code)"/></Coding>
                  </PlainTextSelection>
                </TextSource>
              </Sources>
            </Project>
            """
        for (old, new) in replacing {
            #expect(xml.contains(old), "the test edit '\(old)' does not apply")
            xml = xml.replacingOccurrences(of: old, with: new)
        }
        return try Fixtures.write(xml, named: name)
    }

    static func errors(_ url: URL) -> [ValidationIssue] { REFIValidator().validate(url).filter { $0.severity == .error } }

    @Test("a valid project has no issues, for the validator and for the XSD")
    func valid() throws {
        let url = try Self.write()
        #expect(REFIValidator().validate(url) == [])
        #expect(try REFITest.schemaFailures(url) == [])
    }

    @Test("a dangling CodeRef is reported with its path and line (the XSD cannot see it)")
    func danglingCodeRef() throws {
        let url = try Self.write([("<CodeRef targetGUID=\"\(Self.code)\"/>", "<CodeRef targetGUID=\"c0de0000-0000-4000-8000-0000000000ff\"/>")])
        let errors = Self.errors(url)
        #expect(errors.count == 1)
        #expect(errors.first?.path == "/Project/Sources[1]/TextSource[1]/PlainTextSelection[1]/Coding[1]/CodeRef[1]")
        #expect(errors.first?.message == "targetGUID='c0de0000-0000-4000-8000-0000000000ff' points at no <Code>")
        #expect(errors.first?.line == 9)
        #expect(errors.first?.description.hasPrefix("\(url.path):9: error: /Project/Sources[1]") == true)
        #expect(try REFITest.schemaFailures(url) == [])
    }

    @Test("a bad GUID is reported, and references to it do not resolve")
    func badGUID() throws {
        let url = try Self.write([("<User guid=\"\(Self.user)\"", "<User guid=\"6f1c1a3e-0000-4000-8000\"")])
        let messages = Self.errors(url).map(\.message)
        #expect(messages.contains("guid='6f1c1a3e-0000-4000-8000' is not a GUID (8-4-4-4-12 hexadecimal digits)"))
        #expect(messages.contains("creatingUser='\(Self.user)' points at no <User>"))
        #expect(try REFITest.schemaFailures(url).isEmpty == false)
    }

    @Test("a bad color is reported; #RGB is only a warning")
    func badColor() throws {
        let bad = try Self.write([("color=\"#2E7D32\"", "color=\"#2E7D3G\"")])
        #expect(Self.errors(bad).map(\.message) == ["color='#2E7D3G' is not a color #RRGGBB"])
        #expect(Self.errors(bad).first?.path == "/Project/CodeBook[1]/Codes[1]/Code[1]")
        let short = try Self.write([("color=\"#2E7D32\"", "color=\"#2E7\"")])
        #expect(Self.errors(short) == [])
        #expect(REFIValidator().validate(short).map(\.severity) == [.warning])
    }

    @Test("a selection past the end of its text is reported (positions are code points: the emoji counts once)")
    func selectionPastEnd() throws {
        // "Perché sì 🎉 ok" has 14 code points (15 UTF-16 units).
        let fits = try Self.write([("endPosition=\"13\"", "endPosition=\"14\"")])
        #expect(Self.errors(fits) == [])
        let past = try Self.write([("endPosition=\"13\"", "endPosition=\"15\"")])
        #expect(Self.errors(past).map(\.message) == ["the selection 7..<15 ends past the end of its text (14 code points)"])
        let reversed = try Self.write([("startPosition=\"7\"", "startPosition=\"14\"")])
        #expect(Self.errors(reversed).map(\.message) == ["startPosition 14 and endPosition 13 do not make a span"])
    }

    @Test("duplicate GUIDs, missing attributes, the wrong namespace and a missing text file are reported")
    func structure() throws {
        let duplicate = try Self.write([("<Coding guid=\"c0d10000-0000-4000-8000-000000000001\"", "<Coding guid=\"\(Self.code)\"")])
        #expect(Self.errors(duplicate).map(\.message)
                == ["the GUID \(Self.code) is already used by <Code> at /Project/CodeBook[1]/Codes[1]/Code[1]"])
        let missing = try Self.write([(" isCodable=\"true\"", "")])
        #expect(Self.errors(missing).map(\.message) == ["the required attribute 'isCodable' is missing"])
        let namespace = try Self.write([("urn:QDA-XML:project:1.0", "urn:QDA-XML:project:2.0")])
        #expect(Self.errors(namespace).first?.message.contains("must be in the namespace urn:QDA-XML:project:1.0") == true)
        let noText = try Self.write([("<PlainTextContent>Perché sì 🎉 ok</PlainTextContent>", ""),
                                     ("name=\"A\"", "name=\"A\" plainTextPath=\"relative://assente.txt\"")])
        #expect(Self.errors(noText).map(\.message) == ["the text is missing: 'relative://assente.txt' is neither in the archive nor next to it"])
    }

    @Test("a file that is not XML gives one clear error")
    func notXML() throws {
        let url = try Fixtures.write("questo non è XML", named: "rotto.qde")
        let issues = REFIValidator().validate(url)
        #expect(issues.count == 1)
        #expect(issues.first?.message.hasPrefix("not well-formed XML") == true)
    }

    @Test("QDC codebooks are checked against the codebook rules")
    func codebook() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
              <Code guid="{C0DE0000-0000-4000-8000-000000000001}" name="A" isCodable="true" color="rosso"/>
              <Code guid="c0de0000-0000-4000-8000-000000000001" name="B" isCodable="maybe"/>
            </Codes><Sets><Set guid="5e700000-0000-4000-8000-000000000001" name="S">
              <MemberCode guid="c0de0000-0000-4000-8000-000000000002"/></Set></Sets></CodeBook>
            """
        let url = try Fixtures.write(xml, named: "broken.qdc")
        #expect(Self.errors(url).map(\.message) == [
            "color='rosso' is not a color #RRGGBB",
            "the GUID c0de0000-0000-4000-8000-000000000001 is already used by <Code> at /CodeBook/Codes[1]/Code[1]",
            "isCodable='maybe' must be true or false",
            "guid='c0de0000-0000-4000-8000-000000000002' points at no <Code>",
        ])
    }
}

import Foundation
import Testing
@testable import Quaderno

@Suite("Codebook files")
struct CodebookValidationTests {
    func issues(_ yaml: String) throws -> [CodebookIssue] {
        let url = try Fixtures.write(yaml, named: "codebook.yml")
        return try Codebook.validate(fileAt: url, path: "codebook.yml")
    }

    @Test("the default codebook is valid and complete")
    func defaultCodebook() throws {
        let url = Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml")
        #expect(try Codebook.validate(fileAt: url).filter { $0.severity == .error }.isEmpty)
        let codebook = try Codebook.load(from: url)
        for id in ["empowerment", "governance", "resistance", "complexity_regression"] {
            #expect(codebook.code(id) != nil, "required code \(id)")
        }
        #expect(codebook.code("empowerment")?.polarity == .positive)
        #expect(codebook.code("resistance")?.polarity == .negative)
        let leaves = codebook.codes.filter { code in codebook.codes.contains { $0.parent == code.id } == false }
        #expect(leaves.count >= 10)
        for code in leaves {
            #expect(code.cues.count >= 15, "\(code.id) has \(code.cues.count) cues")
            #expect(code.examples.count >= 2 && code.definition.isEmpty == false && code.include.isEmpty == false
                    && code.exclude.isEmpty == false, "\(code.id) is documented")
        }
    }

    @Test("every problem is reported with its line")
    func problems() throws {
        let found = try issues("""
        name: broken
        version: "1"
        colour: red
        codes:
          - id: a
            name: A
            polarity: positive
            cues: [uno]
          - id: a
            name: Again
            polarity: sideways
            cues: [due]
          - id: b
            name: B
            parent: missing
            cues: []
          - id: c
            name: C
            parent: d
            cues: ["re:(unclosed", ""]
            examples: [x]
            definitions: typo
          - id: d
            name: D
            parent: c
            color: green
            cues: [tre]
        """)
        let text = found.map(\.description)
        func has(_ line: Int, _ fragment: String) -> Bool {
            text.contains { $0.hasPrefix("codebook.yml:\(line):") && $0.contains(fragment) }
        }
        #expect(has(3, "unknown key 'colour'"), "\(text)")
        #expect(has(9, "duplicate code id 'a'"), "\(text)")
        #expect(has(11, "polarity must be positive, negative or neutral"), "\(text)")
        #expect(has(15, "unknown parent 'missing'"), "\(text)")
        #expect(has(16, "has no cues"), "\(text)")
        #expect(has(19, "loops back"), "\(text)")
        #expect(has(20, "invalid regular expression"), "\(text)")
        #expect(has(20, "the cue is empty"), "\(text)")
        #expect(has(22, "unknown key 'definitions'"), "\(text)")
        #expect(has(26, "color must be #RRGGBB"), "\(text)")
    }

    @Test("loading a broken codebook throws the first error with file and line")
    func loadThrows() throws {
        let url = try Fixtures.write("name: x\ncodes:\n  - id: Bad Id\n    cues: [a]\n", named: "bad.yml")
        #expect(throws: QuadernoError.self) { try Codebook.load(from: url, path: "bad.yml") }
        do {
            _ = try Codebook.load(from: url, path: "bad.yml")
        } catch let error as QuadernoError {
            #expect(error.description.hasPrefix("bad.yml:3:"))
        }
        let yaml = try Fixtures.write("name: [unclosed\n", named: "syntax.yml")
        let syntax = try Codebook.validate(fileAt: yaml, path: "syntax.yml")
        #expect(syntax.first?.description.contains("not valid YAML") == true)
    }
}

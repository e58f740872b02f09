import Foundation
import Testing
@testable import Quaderno

@Suite("re: cues run per unit")
struct ExpressionMatchingTests {
    typealias Matches = [[(cue: Int, range: Range<Int>)]]

    static func coder() throws -> AutoCoder {
        try AutoCoder(codebook: try Codebook.load(from: ExpressionPrefilterTests.codebookURL))
    }

    /// The plain implementation: every expression runs on every unit's text alone, no prefilter.
    static func referenceMatches(_ coder: AutoCoder, _ scalars: [Unicode.Scalar], units: [Range<Int>]) -> Matches {
        units.map { unit in
            let text = CodingSession.matchingText(scalars[unit])
            let map = UTF16ScalarMap(text)
            var found: [(cue: Int, range: Range<Int>)] = []
            for index in coder.expressionCues {
                let regex = coder.cues[index].pattern.expression!.regex
                for match in regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)) {
                    let start = map.scalarOffset(match.range.location)
                    let end = map.scalarOffset(match.range.location + match.range.length)
                    if end > start { found.append((index, (unit.lowerBound + start)..<(unit.lowerBound + end))) }
                }
            }
            return found
        }
    }

    static func same(_ found: Matches, _ expected: Matches) -> Bool {
        found.map { $0.map(\.cue) } == expected.map { $0.map(\.cue) }
            && found.map { $0.map(\.range) } == expected.map { $0.map(\.range) }
    }

    @Test("the sample corpus: the same matches as every expression on every unit", arguments: [CodingUnit.element, .sentence])
    func corpus(unit: CodingUnit) throws {
        let coder = try Self.coder()
        let session = coder.makeSession()
        let files = try FileManager.default.contentsOfDirectory(at: Fixtures.corpus, includingPropertiesForKeys: nil)
            .filter { ["txt", "html", "htm", "xhtml", "docx", "odt"].contains($0.pathExtension) }
        #expect(files.isEmpty == false)
        var matched = 0
        for file in files {
            let sheet = try Fixtures.importCase(file)
            let scalars = Array(sheet.text.unicodeScalars)
            let units = CodingUnits.spans(of: sheet, unit: unit, scalars: scalars).map(\.range)
            let expected = Self.referenceMatches(coder, scalars, units: units)
            #expect(Self.same(session.expressionMatches(scalars, units: units), expected), "\(file.lastPathComponent)")
            matched += expected.joined().count
        }
        #expect(matched > 0)
    }

    @Test("random texts: the same matches as every expression on every unit")
    func random() throws {
        let coder = try Self.coder()
        let session = coder.makeSession()
        var generator = SeededGenerator(state: 11)
        // Words of the patterns, cut at random, with scalars that defeat the prefilter (ß, ſ, the
        // Kelvin sign), accents, a scalar outside the BMP, and the separators the patterns stop at.
        let words = ["ritorno", "ricaduta", "logica", "logiche", "appalto", "gare", "gara", "committente", "fornitore",
                     "top", "down", "top-down", "indicatori", "condivisi", "co-costruiti", "definiti insieme",
                     "coinvolgimento", "partecipazione", "comunità", "COMUNITÀ", "tempi", "tempistiche", "lunghi",
                     "stretti", "quadro", "normativo", "norme", "incerto", "confuso", "della", "il", "e", ".", ";",
                     ":", "-", "\n", "LOGICA", "Tempi", "mercato", "ſtretti", "stra\u{00DF}e", "\u{212A}", "😀", "’",
                     "perché", "città"]
        var matched = 0
        for _ in 0..<400 {
            var scalars: [Unicode.Scalar] = []
            var units: [Range<Int>] = []
            for _ in 0..<(1 + generator.next() % 6) {
                let start = scalars.count
                for _ in 0..<(generator.next() % 12) {
                    var word = words[Int(generator.next() % UInt64(words.count))]
                    if generator.next() % 4 == 0 { word = String(word.prefix(Int(generator.next() % 6) + 1)) }
                    scalars += word.unicodeScalars
                    scalars += (generator.next() % 3 == 0 ? " " : "  ").unicodeScalars
                }
                units.append(start..<scalars.count)
                scalars += (generator.next() % 2 == 0 ? "\n" : " ").unicodeScalars
            }
            let expected = Self.referenceMatches(coder, scalars, units: units)
            #expect(Self.same(session.expressionMatches(scalars, units: units), expected),
                    "\(String(String.UnicodeScalarView(scalars)).debugDescription)")
            matched += expected.joined().count
        }
        #expect(matched > 100)
    }

    @Test("a match reaching into the next unit neither counts nor hides that unit's own match")
    func neighbours() throws {
        let coder = try Self.coder()
        let text = "Ritardi nei tempi\nTempi lunghi per tutti."
        let scalars = Array(text.unicodeScalars)
        let units = [0..<17, 18..<scalars.count]
        let found = coder.makeSession().expressionMatches(scalars, units: units)
        #expect(found[0].isEmpty)
        #expect(found[1].map(\.range) == [18..<30])
        #expect(Self.same(found, Self.referenceMatches(coder, scalars, units: units)))
    }
}

extension CodingSession {
    /// The matches of the `re:` cues in each unit, as if each expression ran on each unit's text alone.
    func expressionMatches(_ scalars: [Unicode.Scalar], units: [Range<Int>]) -> [[(cue: Int, range: Range<Int>)]] {
        units.map { expressionMatches(in: scalars[$0]) }
    }
}

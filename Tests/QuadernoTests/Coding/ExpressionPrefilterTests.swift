import Foundation
import Testing
@testable import Quaderno

@Suite("Literal prefilters of re: cues")
struct ExpressionPrefilterTests {
    static let codebookURL = Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml")

    static func patterns() throws -> [String] {
        try Codebook.load(from: codebookURL).codes.flatMap(\.cues).filter { $0.hasPrefix("re:") }
            .map { String($0.dropFirst(3)).trimmingWhitespace() }
    }

    func factors(_ pattern: String) -> [[String]]? {
        ExpressionPrefilter(pattern: pattern)?.factors.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test("the literals every match must contain")
    func required() {
        #expect(factors(#"\b(ritorn|ricad)\w*\b[^.;:]{0,25}?\blogic\w*\b"#) == [["ricad", "ritorn"], ["logic"]])
        #expect(factors(#"\btop[- ]?down\b"#) == [["top"], ["down"]])
        #expect(factors(#"\b(tempi|tempistich\w*)\b[^.;:]{0,40}?\b(lungh|strett)\w*"#)
                == [["tempi", "tempistich"], ["lungh", "strett"]])
        #expect(factors(#"\bHousing First\b"#) == [["housing first"]])
        #expect(factors(#"\bcommittent\w*\s*-?\s*fornitor\w*"#) == [["committent"], ["fornitor"]])
        #expect(factors("ab+c") == [["ab"]])
        #expect(factors("(?:abc|de)x?") == [["abc", "de"]])
        #expect(factors("comunità") == [["comunit"]])
        #expect(factors("(ab|cd(ef|gh))+") == [["ab", "cd"]], "each branch gives its best factor")
    }

    @Test("no prefilter when one cannot be proved")
    func unsupported() {
        for pattern in ["(?i)abc", "(?x)a b c", #"a\p{L}bc"#, "(?=abc)", "[[a]]bcd", "(abc|)", "abc|d.", "(abc)*",
                        #"\Qabc\E"#, #"(ab)\1"#, "a", "x{2}", #"a\tb"#, "ab)", "[]ab]cd", "a{,2}bc"] {
            #expect(factors(pattern) == nil, "\(pattern)")
        }
    }

    @Test("text that may match a case-insensitive ASCII letter without being one is not fold-safe")
    func foldSafety() {
        for scalar in "ßſİıǰŉ\u{212A}ﬁ\u{0301}𝐀".unicodeScalars { #expect(ExpressionPrefilter.isFoldSafe(scalar) == false) }
        for scalar in "aZ àèéìòù€–’«»\u{00A0}❑".unicodeScalars { #expect(ExpressionPrefilter.isFoldSafe(scalar)) }
    }

    @Test("a prefilter never rules out a text the expression matches")
    func soundness() throws {
        var generator = SeededGenerator(state: 7)
        let patterns = try Self.patterns()
        #expect(patterns.count == 7)
        #expect(patterns.allSatisfy { ExpressionPrefilter(pattern: $0) != nil })
        // Words from the patterns themselves, cut at random, so near misses and real matches both occur.
        let words = ["ritorno", "ricaduta", "logica", "logiche", "appalto", "gare", "gara", "committente", "fornitore",
                     "top", "down", "top-down", "indicatori", "condivisi", "co-costruiti", "definiti insieme",
                     "coinvolgimento", "partecipazione", "comunità", "tempi", "tempistiche", "lunghi", "stretti",
                     "quadro", "normativo", "norme", "incerto", "confuso", "della", "il", "e", ".", ";", "-", " ",
                     "LOGICA", "Tempi", "permanenza", "prestazioni", "mercato"]
        let prefilters = ExpressionLiterals(patterns.map { ExpressionPrefilter(pattern: $0) })
        let expressions = try patterns.map { try NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
        var matched = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<(1 + generator.next() % 14) {
                var word = words[Int(generator.next() % UInt64(words.count))]
                if generator.next() % 4 == 0 { word = String(word.prefix(Int(generator.next() % 6) + 1)) }
                text += word + (generator.next() % 3 == 0 ? " " : "  ")
            }
            let lower = CodingSession.matchingText(text.unicodeScalars)
            let candidates = Array(lower.utf8).withUnsafeBufferPointer { prefilters.candidates(in: $0) }
            for (index, expression) in expressions.enumerated() {
                let matches = expression.numberOfMatches(in: lower, range: NSRange(location: 0, length: lower.utf16.count))
                if matches > 0 {
                    matched += 1
                    #expect(candidates[index], "\(patterns[index]) matches \(lower.debugDescription)")
                }
            }
        }
        #expect(matched > 100)
    }
}

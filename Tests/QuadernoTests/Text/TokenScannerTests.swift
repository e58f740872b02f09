import Testing
@testable import Quaderno

@Suite("The tokenizer's fast path agrees with the tokenizer")
struct TokenScannerTests {
    static let rules = try! ItalianTextRules.bundled()
    let tokenizer = ItalianTokenizer(rules: Self.rules)

    /// Pieces random texts are made of: words the rules treat specially, accented letters precomposed
    /// and decomposed, every apostrophe and hyphen, boundaries, numbers, emoji, combining marks,
    /// letters outside the class table, case variants.
    static let pieces: [String] = [
        "a", "e", "E", "o", "po", "perche", "attivita", "cosi", "ne", "se", "che", "dell", "l", "un", "nell", "d",
        "co", "socio", "Co", "progettazione", "gara", "Gara", "GARA", "ma", "però", "tuttavia", "non", "senza",
        "Città", "citta\u{0300}", "ATTIVITA\u{0300}", "é", "È", "ß", "ſ", "İ", "ı", "K", "ﬁ", "Ω", "д", "中文",
        "٣", "½", "Ⅻ", "²", "1", "12", "51.726,00", "3,5", "1.", ".5", "x2", "2x",
        "'", "’", "ʼ", "´", "`", "‘", "-", "‐", "‑", "‒", "–", "—", ",", ".", ";", ":", "!", "?", "…", "(", ")",
        "[", "]", "\n", "\r", "•", "|", " ", " ", "  ", "\t", "\u{00A0}", "\u{2003}", "🙂", "👩‍👩‍👧", "\u{0301}",
        "\u{0308}", "\u{200D}", "€", "❑", "«", "»", "\"", "/", "#", "𝐀", "𝟏", "ǅ",
    ]

    static func randomText(_ generator: inout SeededGenerator, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }

    func expectAgreement(_ text: String, scanner: inout TokenScanner, sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        var typed: [TokenScanner.Typed] = []
        // The whole text, and a slice that starts and ends inside it (offsets stay absolute).
        for range in [0..<scalars.count, (scalars.count / 3)..<(scalars.count - scalars.count / 4)] {
            let expected = tokenizer.tokens(scalars[range])
            scanner.scan(scalars[range], into: &typed)
            let found = typed.map { Token(kind: $0.kind, form: scanner.types.forms[Int($0.type)], start: $0.start, end: $0.end) }
            #expect(found == expected, "\(text.debugDescription) \(range)", sourceLocation: sourceLocation)
        }
    }

    @Test("the same tokens, forms and offsets on random mixed text")
    func randomTexts() {
        var generator = SeededGenerator(state: 20_220_419)
        var scanner = TokenScanner(rules: Self.rules)
        for round in 0..<4000 {
            expectAgreement(Self.randomText(&generator, pieces: 1 + round % 40), scanner: &scanner)
        }
        #expect(scanner.types.count > 100)
    }

    @Test("the same tokens on the tokenizer's own examples")
    func examples() {
        var scanner = TokenScanner(rules: Self.rules)
        for text in ["dell'appalto", "Nome dell' Avviso", "perche' le attivita' E' cosi'", "un po' di tempo",
                     "la parola 'rete' tra apici", "co-progettazione co progettazione Co‑programmazione",
                     "🙂 La co-progettazione dell’Avviso: € 51.726,00", "a, b; c - d (e)\nf", "12abc 1-a a-1 1.a 1,2.3"] {
            expectAgreement(text, scanner: &scanner)
        }
    }

    @Test("the class table answers as the Unicode properties do")
    func classTable() {
        for value in UInt32(0)..<UInt32(ScalarClass.tableSize) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let flags = ScalarClass.table[Int(value)]
            #expect(flags == ScalarClass.computeFlags(scalar))
            #expect((flags & ScalarClass.word != 0) == ItalianTokenizer.isWordScalar(scalar))
            #expect((flags & ScalarClass.numeric != 0) == (scalar.properties.numericType != nil))
            #expect((flags & ScalarClass.whitespace != 0) == scalar.properties.isWhitespace)
        }
        for scalar in ("a".unicodeScalars + "Z9 '-.".unicodeScalars) {
            #expect(ScalarClass.flags(scalar) == ScalarClass.computeFlags(scalar))
        }
    }
}

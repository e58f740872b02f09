import Foundation
import Testing
@testable import Quaderno

/// The Swift stemmer against the reference implementation (`snowballstemmer` for Python), on the
/// vocabulary made by `scripts/make-stemmer-vocabulary.py`.
@Suite("Italian Snowball stemmer")
struct ItalianStemmerTests {
    struct Row {
        let word: String
        let stem: String
    }

    /// `Tests/Fixtures/stemmer/italian-vocabulary.tsv`, found next to the sources (from
    /// `#filePath`) or else in the test bundle, where the test target copies `Tests/Fixtures`.
    static func vocabularyURL(filePath: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while folder.path != "/" && folder.lastPathComponent != "Tests" {
            folder = folder.deletingLastPathComponent()
        }
        let source = folder.appendingPathComponent("Fixtures/stemmer/italian-vocabulary.tsv")
        if FileManager.default.fileExists(atPath: source.path) { return source }
        let bundled = Bundle.module.url(
            forResource: "italian-vocabulary", withExtension: "tsv", subdirectory: "Fixtures/stemmer"
        ) ?? Bundle.module.url(forResource: "Fixtures/stemmer/italian-vocabulary", withExtension: "tsv")
        return try #require(bundled, "italian-vocabulary.tsv is neither at \(source.path) nor in the test bundle")
    }

    /// The rows of the vocabulary. Lines and fields are split on bytes, not on `Character`s, so
    /// that a combining mark after a tab could not glue the two together.
    static func loadVocabulary() throws -> [Row] {
        let data = try Data(contentsOf: try vocabularyURL())
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(lines.first.map { String(decoding: $0, as: UTF8.self) } == "word\tstem")
        var rows: [Row] = []
        for line in lines.dropFirst() where !line.isEmpty {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            try #require(fields.count == 2, "malformed line: \(String(decoding: line, as: UTF8.self))")
            rows.append(Row(word: String(decoding: fields[0], as: UTF8.self),
                            stem: String(decoding: fields[1], as: UTF8.self)))
        }
        return rows
    }

    @Test("the vocabulary holds at least 3,000 distinct words")
    func vocabularySize() throws {
        let rows = try Self.loadVocabulary()
        #expect(rows.count >= 3_000)
        #expect(Set(rows.map(\.word)).count == rows.count, "words are distinct")
    }

    @Test("every vocabulary word stems exactly as the reference implementation")
    func wholeVocabulary() throws {
        let rows = try Self.loadVocabulary()
        let stemmer = ItalianStemmer()
        var mismatches: [String] = []
        var count = 0
        for row in rows {
            let stem = stemmer.stem(row.word)
            if stem != row.stem {
                count += 1
                if mismatches.count < 20 {
                    mismatches.append("\(row.word): expected \(row.stem), got \(stem)")
                }
            }
        }
        #expect(count == 0, """
            \(count) of \(rows.count) words stem differently; first \(mismatches.count):
            \(mismatches.joined(separator: "\n"))
            """)
    }

    @Test("spot checks", arguments: [
        // The words of the domain: derivations meet at one stem.
        ("comunità", "comun"), ("comune", "comun"), ("comuni", "comun"),
        ("comunitario", "comunitar"),
        ("attività", "attiv"), ("attivazione", "attiv"), ("attivamente", "attiv"),
        ("cooperativa", "cooper"), ("cooperative", "cooper"), ("cooperazione", "cooper"),
        ("coprogettazione", "coprogett"), ("coprogrammazione", "coprogramm"),
        ("partenariato", "partenar"), ("inclusione", "inclusion"), ("povertà", "povert"),
        ("sociologia", "sociolog"), ("finanziamenti", "finanz"), ("gestiscono", "gest"),
        // Attached pronouns: deleted after a gerund, turned into -e after an infinitive (which
        // step 2 then removes); "andarsene" keeps them because its -ar is outside RV.
        ("progettandolo", "progett"), ("aiutandoli", "aiut"), ("coinvolgerli", "coinvolg"),
        ("andarsene", "andarsen"),
        // Prelude: acute to grave, qu, i/u between vowels; step 3b: ch/gh.
        ("perché", "perc"), ("cittá", "citt"), ("questione", "question"),
        ("banche", "banc"), ("luoghi", "luog"),
        // Snowball 3: elided prefixes and the "divan" exception.
        ("dell'avviso", "avvis"), ("l'ente", "ente"), ("divano", "divan"),
        // Short and empty words pass through.
        ("a", "a"), ("è", "è"), ("", ""),
    ])
    func spotCheck(word: String, stem: String) {
        #expect(ItalianStemmer().stem(word) == stem)
    }
}

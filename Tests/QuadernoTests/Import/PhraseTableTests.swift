import Testing
@testable import Quaderno

@Suite("Phrase table (labels, territories, sections)")
struct PhraseTableTests {
    @Test("articles and prepositions are ignored, a * word matches the words it begins, the longest phrase wins")
    func rules() {
        var table = PhraseTable<String>()
        table.add("Val di Nievole", "valdinievole")
        table.add("Fiorentina", "fiorentina-sud-est")
        table.add("Fiorentina Nord-Ovest", "fiorentina-nord-ovest")
        table.add("Empolese*", "empolese")
        #expect(table.best(in: "Zona-distretto della Val Nievole") == "valdinievole")
        #expect(table.best(in: "SdS Fiorentina Nord Ovest") == "fiorentina-nord-ovest")
        #expect(table.best(in: "Zona Empolese-Valdelsa") == "empolese")
        #expect(table.best(in: "Zona Empolesi") == nil)
        #expect(table.best(in: "Versilia") == nil)
        // Two zones named, one with a longer phrase: it wins; with phrases as long: no single answer.
        #expect(table.matches(in: "Val di Nievole e Empolese").count == 2)
        #expect(table.best(in: "Val di Nievole e Empolese") == "valdinievole")
        #expect(table.best(in: "Fiorentina e Empolese") == nil)
    }

    @Test("matching through the first-word index finds what comparing every phrase finds, in the same order",
          arguments: [5, 23, 71])
    func indexEqualsScan(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let words = ["zona", "val", "valle", "alta", "bassa", "nord", "ovest", "pisana", "apuane", "serchio"]
        func word() -> String {
            let chosen = words[Int(random.next() % UInt64(words.count))]
            return random.next() % 4 == 0 ? String(chosen.prefix(3)) + "*" : chosen
        }
        var table = PhraseTable<Int>()
        var phrases: [(words: [String], value: Int)] = []
        for index in 0..<120 {
            let phrase = (0...Int(random.next() % 3)).map { _ in word() }
            // Several phrases share a value, as a zone has several spellings.
            phrases.append((phrase, index % 40))
            table.add(phrase.joined(separator: " "), index % 40)
        }
        for _ in 0..<200 {
            let text = (0..<Int(random.next() % 7)).map { _ in words[Int(random.next() % UInt64(words.count))] }
            var expected: [(value: Int, length: Int)] = []
            for phrase in phrases where Self.occurs(phrase.words, in: text) {
                if let index = expected.firstIndex(where: { $0.value == phrase.value }) {
                    expected[index].length = max(expected[index].length, phrase.words.count)
                } else {
                    expected.append((phrase.value, phrase.words.count))
                }
            }
            let found = table.matches(in: text.joined(separator: " "))
            #expect(found.map(\.value) == expected.map(\.value), "text: \(text)")
            #expect(found.map(\.length) == expected.map(\.length), "text: \(text)")
        }
    }

    /// Whether `phrase` (words, `*` ending a prefix) occurs in `text`, word after word.
    static func occurs(_ phrase: [String], in text: [String]) -> Bool {
        guard phrase.count <= text.count else { return false }
        return (0...(text.count - phrase.count)).contains { start in
            zip(phrase, text[start...]).allSatisfy { pattern, word in
                pattern.hasSuffix("*") ? word.hasPrefix(pattern.dropLast()) : pattern == word
            }
        }
    }
}

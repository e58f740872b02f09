/// Finds which known phrases a label or name contains, comparing folded words.
///
/// Each phrase is a sequence of words; a word ending in `*` matches any word it begins. Function
/// words (articles, prepositions, conjunctions) are ignored on both sides, so "Nome dell' Avviso",
/// "Nome dell'Avviso" and "nome avviso" are the same label. The longest matching phrase wins.
struct PhraseTable<Value: Sendable & Equatable>: Sendable {
    private struct Entry: Sendable {
        var words: [String]
        var value: Value
    }

    /// Words ignored when comparing labels.
    static var ignoredWords: Set<String> { labelFunctionWords }


    private var entries: [Entry] = []
    /// The entries whose phrase begins with a given (whole) word, and those whose phrase begins with
    /// a `*` word: a text is compared only with the phrases one of its words can begin.
    private var byFirstWord: [String: [Int]] = [:]
    private var beginningWithPrefix: [Int] = []

    /// Adds a phrase that stands for `value`.
    mutating func add(_ phrase: String, _ value: Value) {
        let words = PhraseTable.significantWords(phrase, keepingStars: true)
        guard let first = words.first else { return }
        if first.hasSuffix("*") {
            beginningWithPrefix.append(entries.count)
        } else {
            byFirstWord[first, default: []].append(entries.count)
        }
        entries.append(Entry(words: words, value: value))
    }

    /// The words of `text` that take part in matching.
    static func significantWords(_ text: String, keepingStars: Bool = false) -> [String] {
        let ignored = ignoredWords
        guard keepingStars else { return text.foldedWords.filter { ignored.contains($0) == false } }
        // A star ends a word of a phrase: keep it through folding, which drops punctuation.
        let marked = text.replacingOccurrences(of: "*", with: "qqstarqq")
        return marked.foldedWords.map { $0.replacingOccurrences(of: "qqstarqq", with: "*") }
            .filter { ignored.contains($0) == false }
    }

    /// All values whose phrase occurs in `text`, with the length of the longest matching phrase.
    func matches(in text: String) -> [(value: Value, length: Int)] {
        let words = PhraseTable.significantWords(text)
        var candidates = Set(beginningWithPrefix)
        for word in words { candidates.formUnion(byFirstWord[word] ?? []) }
        var found: [(value: Value, length: Int)] = []
        // In the order the phrases were added, as if every one were compared.
        for index in candidates.sorted() where PhraseTable.occurs(entries[index].words, in: words) {
            let entry = entries[index]
            if let index = found.firstIndex(where: { $0.value == entry.value }) {
                found[index].length = max(found[index].length, entry.words.count)
            } else {
                found.append((entry.value, entry.words.count))
            }
        }
        return found
    }

    /// The value of the longest phrase in `text`; nil when nothing matches or two values tie.
    func best(in text: String) -> Value? {
        let found = matches(in: text)
        guard let longest = found.map(\.length).max() else { return nil }
        let winners = found.filter { $0.length == longest }
        return winners.count == 1 ? winners[0].value : nil
    }

    /// Whether every significant word of `text` lies inside an occurrence of some phrase.
    func covers(_ text: String) -> Bool {
        let words = PhraseTable.significantWords(text)
        guard words.isEmpty == false else { return false }
        var covered = Array(repeating: false, count: words.count)
        for entry in entries where entry.words.count <= words.count {
            for start in 0...(words.count - entry.words.count)
            where zip(entry.words, words[start...]).allSatisfy({ PhraseTable.wordMatches($0, $1) }) {
                for index in start..<(start + entry.words.count) { covered[index] = true }
            }
        }
        return covered.allSatisfy { $0 }
    }

    private static func occurs(_ phrase: [String], in words: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) {
            var matched = true
            for (offset, pattern) in phrase.enumerated() where wordMatches(pattern, words[start + offset]) == false {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    private static func wordMatches(_ pattern: String, _ word: String) -> Bool {
        if pattern.hasSuffix("*") { return word.hasPrefix(pattern.dropLast()) }
        return pattern == word
    }
}

/// Articles, prepositions and conjunctions, ignored when comparing labels.
private let labelFunctionWords: Set<String> = ["il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una", "di", "del", "dello", "della", "dei",
     "degli", "delle", "dell", "d", "a", "al", "allo", "alla", "ai", "agli", "alle", "all", "da", "dal",
     "dallo", "dalla", "dai", "dagli", "dalle", "dall", "in", "nel", "nello", "nella", "nei", "negli",
     "nelle", "nell", "su", "sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull", "con", "per", "tra",
     "fra", "e", "ed", "o", "od"]

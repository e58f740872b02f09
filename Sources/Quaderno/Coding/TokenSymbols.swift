/// What each distinct word of a text can match, computed once per word type rather than per
/// occurrence: its normalised form, its stem, and the cue prefixes it begins with.
final class TokenSymbols {
    private let rules: ItalianTextRules
    private let stemmer = ItalianStemmer()
    private var cache: [String: [CuePattern.Word]] = [:]

    init(rules: ItalianTextRules) {
        self.rules = rules
    }

    /// The number of distinct word forms seen.
    var distinctForms: Int { cache.count }

    /// The patterns a word form satisfies for `automata` (their prefixes included); nil for articles.
    func symbols(for form: String, automata: [PhraseAutomaton]) -> [CuePattern.Word]? {
        if let cached = cache[form] { return cached.isEmpty ? nil : cached }
        guard let matching = rules.matchingForm(form) else {
            cache[form] = []
            return nil
        }
        var symbols: [CuePattern.Word] = [.exact(matching), .stem(stemmer.stem(matching))]
        for automaton in automata {
            for prefix in automaton.prefixes(of: matching) where symbols.contains(.prefix(prefix)) == false {
                symbols.append(.prefix(prefix))
            }
        }
        cache[form] = symbols
        return symbols
    }
}

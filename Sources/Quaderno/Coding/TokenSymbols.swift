/// What each distinct word of a text can match, computed once per word type rather than per
/// occurrence (a token-type cache): whether it is an article, and its interned patterns in the cue
/// automaton and in the negation automaton.
final class TokenSymbols {
    struct Entry {
        /// Articles take no part in matching.
        var ignored: Bool
        var cues: [Int]
        var negations: [Int]
        /// A contrast word (`ma`, `però`) ends a negation's clause.
        var endsClause: Bool
    }

    private let rules: ItalianTextRules
    private let cues: PhraseAutomaton
    private let negations: PhraseAutomaton
    private let stemmer = ItalianStemmer()
    private var cache: [String: Entry] = [:]
    private var byType: [Entry?] = []

    init(rules: ItalianTextRules, cues: PhraseAutomaton, negations: PhraseAutomaton) {
        self.rules = rules
        self.cues = cues
        self.negations = negations
    }

    /// The number of distinct word forms seen.
    var distinctForms: Int { cache.count }

    func entry(for form: String) -> Entry {
        if let cached = cache[form] { return cached }
        let entry: Entry
        if let matching = rules.matchingForm(form) {
            let stem = stemmer.stem(matching)
            entry = Entry(ignored: false, cues: cues.symbols(form: matching, stem: stem),
                          negations: negations.symbols(form: matching, stem: stem),
                          endsClause: rules.contrastWords.contains(form))
        } else {
            entry = Entry(ignored: true, cues: [], negations: [], endsClause: false)
        }
        cache[form] = entry
        return entry
    }

    /// The entry of a ``WordTypes`` type whose form is `forms[type]`, from an array indexed by type.
    @inline(__always)
    func entry(forType type: Int32, forms: [String]) -> Entry {
        let index = Int(type)
        if index < byType.count, let entry = byType[index] { return entry }
        if index >= byType.count { byType.append(contentsOf: repeatElement(nil, count: forms.count - byType.count)) }
        let entry = entry(for: forms[index])
        byType[index] = entry
        return entry
    }
}

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
    // Used by its session's thread only (see ``CodingSession``): no run-time exclusivity checks.
    @exclusivity(unchecked) private var cache: [String: Entry] = [:]

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

    /// For each ``WordTypes`` type: 0 until looked up, 1 when ignored, 2 otherwise.
    @exclusivity(unchecked) private(set) var stateByType: [UInt8] = []
    /// For each type looked up and not ignored: where its cue and negation symbols are in the pools,
    /// and whether it ends a clause.
    @exclusivity(unchecked) private(set) var cueRunByType: [PhraseAutomaton.Run] = []
    @exclusivity(unchecked) private(set) var negationRunByType: [PhraseAutomaton.Run] = []
    @exclusivity(unchecked) private(set) var endsClauseByType: [Bool] = []
    /// The symbols of every type looked up, one run per type.
    @exclusivity(unchecked) private(set) var cuePool: [Int32] = []
    @exclusivity(unchecked) private(set) var negationPool: [Int32] = []

    /// Looks up the entry of type `type` (whose form is `forms[type]`) if that was not done yet; its
    /// parts are then in the `...ByType` arrays.
    @inline(__always)
    func lookUp(type: Int32, forms: [String]) {
        let index = Int(type)
        if index < stateByType.count, stateByType[index] != 0 { return }
        if index >= stateByType.count {
            let added = forms.count - stateByType.count
            stateByType.append(contentsOf: repeatElement(0, count: added))
            cueRunByType.append(contentsOf: repeatElement(.empty, count: added))
            negationRunByType.append(contentsOf: repeatElement(.empty, count: added))
            endsClauseByType.append(contentsOf: repeatElement(false, count: added))
        }
        let entry = entry(for: forms[index])
        stateByType[index] = entry.ignored ? 1 : 2
        cueRunByType[index] = cues.run(start: cuePool.count, symbols: entry.cues)
        cuePool.append(contentsOf: entry.cues.map { Int32($0) })
        negationRunByType[index] = negations.run(start: negationPool.count, symbols: entry.negations)
        negationPool.append(contentsOf: entry.negations.map { Int32($0) })
        endsClauseByType[index] = entry.endsClause
    }
}

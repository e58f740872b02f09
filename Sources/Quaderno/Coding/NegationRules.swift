/// The phrases that negate or reverse a cue (`Resources/negation-cues.tsv`), compiled like cues.
struct NegationRules: Sendable {
    enum Kind: String, Sendable {
        case negation, reversal, notNegation = "not-negation"
    }

    let kinds: [Kind]
    let sources: [String]
    let automaton: PhraseAutomaton

    static func bundled(compiler: CueCompiler) throws -> NegationRules {
        var kinds: [Kind] = []
        var sources: [String] = []
        var phrases: [PhraseAutomaton.Pattern] = []
        for row in try BundledTable(named: "negation-cues").rows where row.count >= 2 {
            guard let kind = Kind(rawValue: row[0]) else { continue }
            let pattern = try compiler.compile(row[1])
            phrases.append((pattern.words, kinds.count))
            kinds.append(kind)
            sources.append(row[1])
        }
        return NegationRules(kinds: kinds, sources: sources, automaton: PhraseAutomaton(phrases))
    }
}

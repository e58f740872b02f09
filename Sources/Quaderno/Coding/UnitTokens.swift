/// One unit's tokens as the automata see them, kept by a ``CodingSession`` between units for the
/// arrays' capacity: the words cues can use (articles dropped), boundaries and commas, each with its
/// cue and negation symbols, and the automaton's matches.
struct UnitTokens {
    var kept: [TokenScanner.Typed] = []
    var cueRuns: [PhraseAutomaton.Run] = []
    var negationRuns: [PhraseAutomaton.Run] = []
    /// True for a clause boundary or a comma, which no match crosses.
    var breaks: [Bool] = []
    /// True for a clause boundary or a contrast word, where a negation's scope ends.
    var clauseEnds: [Bool] = []
    /// The cue automaton's matches, ordered by first token, then last token.
    var matches: [PhraseAutomaton.Match] = []

    mutating func removeAll() {
        kept.removeAll(keepingCapacity: true)
        cueRuns.removeAll(keepingCapacity: true)
        negationRuns.removeAll(keepingCapacity: true)
        breaks.removeAll(keepingCapacity: true)
        clauseEnds.removeAll(keepingCapacity: true)
        matches.removeAll(keepingCapacity: true)
    }

    /// The first kept token that ends after scalar `offset` (where a cue starting there begins).
    func firstToken(endingAfter offset: Int) -> Int {
        kept.firstIndex { $0.end > offset } ?? kept.count
    }

    /// The negations and reversals of the unit.
    func negationScope(rules: NegationRules, pool: [Int32], scalars: ArraySlice<Unicode.Scalar>) -> NegationScope {
        NegationScope(rules: rules, tokens: kept, runs: negationRuns, pool: pool, breaks: breaks,
                      clauseEnds: clauseEnds, scalars: scalars)
    }
}

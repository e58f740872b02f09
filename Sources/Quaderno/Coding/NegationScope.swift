/// Where negations and reversals apply in one text: from the end of each trigger to the end of its
/// clause (a boundary token or a contrast word such as "ma", "però", "tuttavia").
struct NegationScope {
    private struct Trigger {
        var last: Int
        var scopeEnd: Int
        /// The trigger's text, in scalar offsets; copied out only when a cancelled cue is kept.
        var start: Int
        var end: Int
    }

    private var triggers: [Trigger] = []
    private let scalars: ArraySlice<Unicode.Scalar>

    /// `clauseEnds[i]` is true for a boundary token or a contrast word.
    /// `runs[i]` (into `pool`) are token i's negation symbols.
    init(rules: NegationRules, tokens: [TokenScanner.Typed], runs: [PhraseAutomaton.Run], pool: [Int32], breaks: [Bool],
         clauseEnds: [Bool], scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = scalars
        let matches = rules.automaton.matches(runs, pool: pool, breaks: breaks)
        let ignored = matches.filter { rules.kinds[$0.id] == .notNegation }
        for match in matches where rules.kinds[match.id] != .notNegation {
            if ignored.contains(where: { $0.first <= match.first && match.last <= $0.last }) { continue }
            var end = match.last + 1
            while end < runs.count, clauseEnds[end] == false { end += 1 }
            triggers.append(Trigger(last: match.last, scopeEnd: end, start: tokens[match.first].start,
                                    end: tokens[match.last].end))
        }
    }

    /// The trigger cancelling a cue that starts at token `firstToken` (its number for
    /// ``text(ofTrigger:)``), or -1.
    func cancelling(firstToken: Int) -> Int32 {
        // The latest trigger in scope; the first of those that end at the same token.
        var best: Int32 = -1
        for (index, trigger) in triggers.enumerated() where trigger.last < firstToken && firstToken < trigger.scopeEnd {
            if best >= 0, triggers[Int(best)].last >= trigger.last { continue }
            best = Int32(index)
        }
        return best
    }

    /// The text of trigger `trigger` (as ``cancelling(firstToken:)`` numbers them).
    func text(ofTrigger trigger: Int32) -> String {
        let found = triggers[Int(trigger)]
        return String(scalars: scalars[found.start..<found.end])
    }
}

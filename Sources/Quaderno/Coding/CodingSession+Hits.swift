extension CodingSession {
    /// Scans a unit and fills `tokens` for the automata: the kept tokens with their symbols, and the
    /// cue automaton's matches.
    private func fill(_ tokens: inout UnitTokens, from scalars: ArraySlice<Unicode.Scalar>) {
        tokens.removeAll()
        scanner.scan(scalars, into: &scanned)
        let forms = scanner.types.forms
        for token in scanned where token.kind == .word || token.kind == .number {
            symbols.lookUp(type: token.type, forms: forms)
        }
        let states = symbols.stateByType
        let cues = symbols.cueRunByType
        let negations = symbols.negationRunByType
        let contrasts = symbols.endsClauseByType
        for token in scanned {
            switch token.kind {
            case .boundary, .comma:
                tokens.kept.append(token)
                tokens.cueRuns.append(.empty)
                tokens.negationRuns.append(.empty)
                tokens.breaks.append(true)
                tokens.clauseEnds.append(token.kind == .boundary)
            case .word, .number:
                let type = Int(token.type)
                // Articles take no part in matching.
                guard states[type] == 2 else { continue }
                tokens.kept.append(token)
                tokens.cueRuns.append(cues[type])
                tokens.negationRuns.append(negations[type])
                tokens.breaks.append(false)
                tokens.clauseEnds.append(contrasts[type])
            }
        }
        coder.automaton.matches(tokens.cueRuns, pool: symbols.cuePool, breaks: tokens.breaks, into: &tokens.matches)
    }

    /// Runs `body` on the unit's tokens, in the session's buffers (taken out so that filling them
    /// copies nothing, and given back after).
    private func withUnitTokens<Result>(_ scalars: ArraySlice<Unicode.Scalar>,
                                        _ body: (inout UnitTokens) -> Result) -> Result {
        var tokens = unitScratch
        unitScratch = UnitTokens()
        defer { unitScratch = tokens }
        fill(&tokens, from: scalars)
        return body(&tokens)
    }

    /// Every cue hit in part of a text, negated ones included, ordered by start and end (cues of words
    /// before `re:` cues where they tie), each with the phrase that cancels it. The slice's indices
    /// plus `offset` are offsets into the text, and so are the hits'; `expressions` are the `re:`
    /// matches in the slice (cue, range in its indices).
    func allHits(in scalars: ArraySlice<Unicode.Scalar>, offset: Int,
                 expressions: [(cue: Int, range: Range<Int>)]) -> [(hit: Hit, negatedBy: String?)] {
        withUnitTokens(scalars) { tokens in
            let triggers = tokens.negationScope(rules: coder.negation, pool: symbols.negationPool, scalars: scalars)
            var hits: [Hit] = []
            for match in tokens.matches {
                hits.append(Hit(cue: Int32(match.id), negation: triggers.cancelling(firstToken: match.first),
                                start: tokens.kept[match.first].start + offset, end: tokens.kept[match.last].end + offset))
            }
            for (cue, range) in expressions {
                let negation = triggers.cancelling(firstToken: tokens.firstToken(endingAfter: range.lowerBound))
                hits.append(Hit(cue: Int32(cue), negation: negation, start: range.lowerBound + offset,
                                end: range.upperBound + offset))
            }
            hits.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            return hits.map { ($0, $0.negated ? triggers.text(ofTrigger: $0.negation) : nil) }
        }
    }

    /// For each code group (``AutoCoder``'s `cueGroups`), the hit a unit is coded with: the first of
    /// ``allHits(in:offset:expressions:)`` that is not negated, or else the first. `chosen` has a slot
    /// per code, ``Hit/none`` where the code has no hit; a chosen negated hit's `negation` is the index
    /// of its phrase, appended to `negations`. Returns false, touching neither, when the unit has no hit.
    ///
    /// Word cues' matches come from the automaton already in that order, so a match is looked at only
    /// while its group has no hit that is not negated, and a negation is worked out only for such a
    /// match: past the walk, any other match costs one lookup, and no hit list is built or sorted.
    func chooseHits(in scalars: ArraySlice<Unicode.Scalar>, offset: Int, expressions: [(cue: Int, range: Range<Int>)],
                    into chosen: inout [Hit], negations: inout [String]) -> Bool {
        withUnitTokens(scalars) { tokens in
            guard tokens.matches.isEmpty == false || expressions.isEmpty == false else { return false }
            var scope: NegationScope?
            func cancelling(_ firstToken: Int) -> Int32 {
                if scope == nil {
                    scope = tokens.negationScope(rules: coder.negation, pool: symbols.negationPool, scalars: scalars)
                }
                return scope!.cancelling(firstToken: firstToken)
            }
            coder.cueGroups.withUnsafeBufferPointer { groups in
                chosen.withUnsafeMutableBufferPointer { chosen in
                    chosen.update(repeating: .none)
                    for match in tokens.matches {
                        let group = Int(groups[match.id])
                        // A group is settled once its hit is not negated: only an earlier hit can replace it.
                        guard chosen[group].settled == false else { continue }
                        let negation = cancelling(match.first)
                        guard negation < 0 || chosen[group].isNone else { continue }
                        chosen[group] = Hit(cue: Int32(match.id), negation: negation,
                                            start: tokens.kept[match.first].start + offset,
                                            end: tokens.kept[match.last].end + offset)
                    }
                    // A `re:` hit replaces the chosen one if it comes first, or if it is the first not
                    // negated; on a tie of start and end the earlier hit stays.
                    for (cue, range) in expressions {
                        let group = Int(groups[cue])
                        let start = range.lowerBound + offset
                        let end = range.upperBound + offset
                        let earlier = chosen[group].isNone || (start, end) < (chosen[group].start, chosen[group].end)
                        let open = chosen[group].settled == false
                        guard earlier || open else { continue }
                        let negation = cancelling(tokens.firstToken(endingAfter: range.lowerBound))
                        // One not negated wins if it is earlier or the chosen one is negated; a negated one
                        // only if it is earlier and the chosen one is negated too.
                        guard negation < 0 ? earlier || open : earlier && open else { continue }
                        chosen[group] = Hit(cue: Int32(cue), negation: negation, start: start, end: end)
                    }
                    // The phrases of the negated hits kept, in code order.
                    guard let scope else { return }
                    for index in chosen.indices where chosen[index].negated {
                        let text = scope.text(ofTrigger: chosen[index].negation)
                        chosen[index].negation = Int32(negations.count)
                        negations.append(text)
                    }
                }
            }
            return true
        }
    }
}

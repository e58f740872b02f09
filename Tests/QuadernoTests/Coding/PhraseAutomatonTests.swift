import Testing
@testable import Quaderno

@Suite("Phrase automaton")
struct PhraseAutomatonTests {
    /// A token of a generated text: its form (nil for a clause break), whose stem is its first four letters.
    typealias Token = String?

    static let forms = ["rete", "reti", "retaggio", "tavolo", "tavoli", "gara", "garante", "regia", "cabina", "zzz"]
    static let prefixes = ["ret", "tav", "gar"]

    static func stem(_ form: String) -> String { String(form.prefix(4)) }

    static func randomWord(_ random: inout SeededGenerator) -> CuePattern.Word {
        let form = forms[Int(random.next() % UInt64(forms.count - 1))]
        switch random.next() % 5 {
        case 0: return .prefix(prefixes[Int(random.next() % UInt64(prefixes.count))])
        case 1, 2: return .exact(form)
        default: return .stem(stem(form))
        }
    }

    /// Whether `word` accepts the token `form`.
    static func accepts(_ word: CuePattern.Word, _ form: String) -> Bool {
        switch word {
        case .exact(let exact): return form == exact
        case .stem(let stem): return Self.stem(form) == stem
        case .prefix(let prefix): return form.hasPrefix(prefix)
        case .gap: return false
        }
    }

    /// The ends of the matches of `words` that start at token `index`: a `...` lets up to
    /// ``CuePattern/maximumGap`` tokens of the same clause pass before the next word.
    static func ends(_ words: ArraySlice<CuePattern.Word>, from index: Int, in tokens: [Token]) -> Set<Int> {
        guard let word = words.first else { return [] }
        if word == .gap {
            var found: Set<Int> = []
            for skipped in 0...CuePattern.maximumGap {
                let next = index + skipped
                guard next < tokens.count, tokens[next] != nil else { break }
                found.formUnion(ends(words.dropFirst(), from: next, in: tokens))
            }
            return found
        }
        guard index < tokens.count, let form = tokens[index], accepts(word, form) else { return [] }
        return words.count == 1 ? [index] : ends(words.dropFirst(), from: index + 1, in: tokens)
    }

    @Test("the walk finds exactly the matches of each pattern on its own, once each, in text order",
          arguments: [3, 17, 99])
    func walkEqualsPatternByPattern(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        // Enough patterns that nodes have more than two children, several share their words, and
        // some words only ever come second.
        var patterns: [PhraseAutomaton.Pattern] = []
        for id in 0..<400 {
            var words: [CuePattern.Word] = [Self.randomWord(&random)]
            for _ in 0..<Int(random.next() % 3) {
                if random.next() % 4 == 0 { words.append(.gap) }
                words.append(Self.randomWord(&random))
            }
            patterns.append((words, id))
        }
        patterns.append((patterns[5].words, 400))
        let automaton = PhraseAutomaton(patterns)
        for _ in 0..<60 {
            let tokens: [Token] = (0..<30).map { _ in
                random.next() % 9 == 0 ? nil : Self.forms[Int(random.next() % UInt64(Self.forms.count))]
            }
            let found = Self.walk(automaton, tokens)
            var expected: Set<[Int]> = []
            for pattern in patterns {
                for first in tokens.indices {
                    for last in Self.ends(pattern.words[...], from: first, in: tokens) {
                        expected.insert([pattern.id, first, last])
                    }
                }
            }
            let listed = found.map { [$0.id, $0.first, $0.last] }
            #expect(Set(listed) == expected, "tokens: \(tokens)")
            #expect(listed.count == Set(listed).count, "a match reported twice")
            #expect(zip(found, found.dropFirst()).allSatisfy { ($0.first, $0.last) <= ($1.first, $1.last) })
        }
        #expect(automaton.matches([], pool: [], breaks: []).isEmpty)
    }

    /// The automaton's matches in `tokens` (nil for a break).
    static func walk(_ automaton: PhraseAutomaton, _ tokens: [Token]) -> [PhraseAutomaton.Match] {
        var runs: [PhraseAutomaton.Run] = []
        var pool: [Int32] = []
        for token in tokens {
            let symbols = token.map { automaton.symbols(form: $0, stem: Self.stem($0)) } ?? []
            runs.append(automaton.run(start: pool.count, symbols: symbols))
            pool.append(contentsOf: symbols.map(Int32.init))
        }
        return automaton.matches(runs, pool: pool, breaks: tokens.map { $0 == nil })
    }

    /// The matches of `patterns` in `tokens`, as (id, first, last).
    static func matches(_ patterns: [PhraseAutomaton.Pattern], _ tokens: [Token]) -> [[Int]] {
        walk(PhraseAutomaton(patterns), tokens).map { [$0.id, $0.first, $0.last] }
    }

    @Test("a walk begins where a cue completes, goes on only past a `...`, or ends the text or clause")
    func walkBeginnings() {
        // Only a `...` leads on from "tavolo": no word can follow it directly.
        let gapOnly: [PhraseAutomaton.Pattern] = [([.exact("tavolo"), .gap, .exact("regia")], 0)]
        #expect(Self.matches(gapOnly, ["tavolo", "zzz", "regia"]) == [[0, 0, 2]])
        #expect(Self.matches(gapOnly, ["tavolo", "regia"]) == [[0, 0, 1]])
        #expect(Self.matches(gapOnly, ["tavolo", nil, "regia"]).isEmpty)
        // One-word cues at the last word and before a break; a two-word cue cut by the break.
        let short: [PhraseAutomaton.Pattern] = [([.exact("gara")], 0), ([.exact("gara"), .exact("regia")], 1)]
        #expect(Self.matches(short, ["zzz", "gara"]) == [[0, 1, 1]])
        #expect(Self.matches(short, ["gara", nil, "regia"]) == [[0, 0, 0]])
        #expect(Self.matches(short, ["gara", "regia"]) == [[0, 0, 0], [1, 0, 1]])
    }

    @Test("a token's run says where a walk from it can go: on to the next word, past a `...`, or nowhere")
    func runReach() {
        let automaton = PhraseAutomaton([
            ([.exact("tavolo"), .exact("regia")], 0), ([.exact("tavolo"), .gap, .exact("patto")], 1),
            ([.exact("gara")], 2), ([.exact("regia"), .exact("pubblica")], 3),
        ])
        func run(_ word: String) -> PhraseAutomaton.Run {
            automaton.run(start: 0, symbols: automaton.symbols(form: word, stem: Self.stem(word)))
        }
        let gap = PhraseAutomaton.Summary.gapBit
        // "tavolo" leads to "regia" or past a gap; "regia" only to "pubblica".
        #expect(run("tavolo").reach & run("regia").bits != 0)
        #expect(run("tavolo").reach & gap != 0)
        #expect(run("regia").reach & gap == 0)
        #expect(run("regia").reach & run("pubblica").bits != 0)
        // A one-word cue is a match wherever the word is: its walk is always begun.
        #expect(run("gara").reach == UInt32.max)
        // "pubblica" and "patto" begin nothing.
        #expect(run("pubblica").reach == 0 && run("patto").reach == 0)
        #expect(run("pubblica").bits != 0 && run("zzz").bits == 0)
    }

    @Test("a node's gap bit is set only by a `...`: no symbol's filter bit is the gap bit")
    func gapBitIsOnlyTheGaps() {
        var used: UInt32 = 0
        var wrong: [Int] = []
        for symbol in 0..<200_000 {
            let bit = PhraseAutomaton.Summary.bit(symbol)
            if bit & PhraseAutomaton.Summary.gapBit != 0 || bit.nonzeroBitCount != 1 { wrong.append(symbol) }
            used |= bit
        }
        #expect(wrong.isEmpty, "symbols whose bit is the gap bit, or not one bit: \(wrong.prefix(5))")
        // The other 31 bits are all used, so the filter stays as fine as it can be.
        #expect(used == ~PhraseAutomaton.Summary.gapBit)
    }
}

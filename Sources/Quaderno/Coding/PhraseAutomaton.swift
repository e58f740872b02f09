/// All word-sequence cues compiled into one trie, so a text is scanned once whatever the number of
/// cues: at each token the walk follows only the edges its word can take (its form, its stem, the
/// prefixes it begins with), and the cost depends on the length of the longest cue, not on how
/// many cues there are.
struct PhraseAutomaton: Sendable {
    private struct Node: Sendable {
        var edges: [CuePattern.Word: Int] = [:]
        var outputs: [Int] = []
    }

    private var nodes = [Node()]
    /// Every prefix used by some cue, to find a word's prefixes without looking at each cue.
    private(set) var prefixes: Set<String> = []
    private(set) var longestPrefix = 0

    /// Adds a pattern's words, reporting `id` when they match.
    mutating func add(_ words: [CuePattern.Word], id: Int) {
        var node = 0
        for word in words {
            if case .prefix(let prefix) = word {
                prefixes.insert(prefix)
                longestPrefix = max(longestPrefix, prefix.count)
            }
            if let next = nodes[node].edges[word] {
                node = next
            } else {
                nodes.append(Node())
                nodes[node].edges[word] = nodes.count - 1
                node = nodes.count - 1
            }
        }
        nodes[node].outputs.append(id)
    }

    /// The prefix patterns a word form begins with.
    func prefixes(of form: String) -> [String] {
        guard prefixes.isEmpty == false else { return [] }
        var found: [String] = []
        var candidate = ""
        for character in form.prefix(longestPrefix) {
            candidate.append(character)
            if prefixes.contains(candidate) { found.append(candidate) }
        }
        return found
    }

    /// A match: pattern `id` over tokens `first...last` of the sequence.
    struct Match: Equatable, Sendable {
        var id: Int
        var first: Int
        var last: Int
    }

    /// Every match in `sequence`; `symbols[i]` lists the word patterns token `i` satisfies (empty for
    /// a boundary or comma, which no match crosses). After a `...` edge the walk may skip up to
    /// ``CuePattern/maximumGap`` words before the next word of the cue.
    func matches(_ symbols: [[CuePattern.Word]]) -> [Match] {
        var found: [Match] = []
        var active: [(node: Int, skips: Int)] = []
        var next: [(node: Int, skips: Int)] = []
        for first in symbols.indices {
            active = [(0, 0)]
            var index = first
            while index < symbols.count, active.isEmpty == false, symbols[index].isEmpty == false {
                next.removeAll(keepingCapacity: true)
                for state in active {
                    let node = nodes[state.node]
                    for symbol in symbols[index] {
                        if let child = node.edges[symbol], next.contains(where: { $0.node == child }) == false {
                            next.append((child, 0))
                        }
                    }
                    // Inside a gap: this word may be skipped.
                    if state.skips > 0, index > first { next.append((state.node, state.skips - 1)) }
                }
                for index in next.indices {
                    if let gap = nodes[next[index].node].edges[.gap] { next.append((gap, CuePattern.maximumGap)) }
                }
                swap(&active, &next)
                for (position, state) in active.enumerated()
                where active[..<position].contains(where: { $0.node == state.node }) == false {
                    for id in nodes[state.node].outputs { found.append(Match(id: id, first: first, last: index)) }
                }
                index += 1
            }
        }
        return found
    }
}

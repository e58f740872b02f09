/// All word-sequence cues compiled into one trie over interned word patterns, so a text is scanned
/// once whatever the number of cues: at each token the walk follows only the edges its word can take
/// (its form, its stem, the prefixes it begins with), and the cost depends on the length of the
/// longest cue, not on how many cues there are.
struct PhraseAutomaton: Sendable {
    private var edges = PhraseEdges()
    /// What a walk needs of a node, side by side so that one cache line holds it.
    private struct Node: Sendable {
        /// Bit ``childBit(_:)`` of the symbol of each edge leaving the node: a symbol whose bit is
        /// clear has no edge here, and the edge table need not be read.
        var children: UInt64 = 0
        /// Where a `...` leads, or -1.
        var gap: Int32 = -1
        /// The first of the patterns the node completes (an index into `outputIDs`), or -1.
        var firstOutput: Int32 = -1
    }

    private var nodes = [Node()]
    /// For each node: the last of the patterns it completes, or -1.
    private var lastOutput: [Int32] = [-1]
    /// The patterns nodes complete, each linked to the next one of its node (-1 at the end).
    private var outputIDs: [Int] = []
    private var nextOutput: [Int32] = []
    /// The interned word patterns the cues use.
    private(set) var symbolIDs: [CuePattern.Word: Int] = [:]
    /// Every prefix used by some cue, to find a word's prefixes without looking at each cue.
    private var prefixes: Set<String> = []
    private var longestPrefix = 0

    /// Adds a pattern's words, reporting `id` when they match.
    mutating func add(_ words: [CuePattern.Word], id: Int) {
        var node = 0
        for word in words {
            if word == .gap {
                if nodes[node].gap >= 0 {
                    node = Int(nodes[node].gap)
                } else {
                    let next = addNode()
                    nodes[node].gap = Int32(next)
                    node = next
                }
                continue
            }
            if case .prefix(let prefix) = word {
                prefixes.insert(prefix)
                longestPrefix = max(longestPrefix, prefix.count)
            }
            let symbol = symbolIDs[word] ?? {
                let new = symbolIDs.count
                symbolIDs[word] = new
                return new
            }()
            if let next = edges.child(node, symbol) {
                node = next
            } else {
                let next = addNode()
                edges.insert(node, symbol, child: next)
                nodes[node].children |= Self.childBit(symbol)
                node = next
            }
        }
        let output = Int32(outputIDs.count)
        outputIDs.append(id)
        nextOutput.append(-1)
        if lastOutput[node] >= 0 { nextOutput[Int(lastOutput[node])] = output } else { nodes[node].firstOutput = output }
        lastOutput[node] = output
    }

    private mutating func addNode() -> Int {
        nodes.append(Node())
        lastOutput.append(-1)
        return nodes.count - 1
    }

    /// One of 64 bits for a symbol (a multiplicative hash, so a node's few children rarely share one).
    @inline(__always)
    private static func childBit(_ symbol: Int) -> UInt64 {
        1 << UInt64((UInt32(truncatingIfNeeded: symbol) &* 0x9E37_79B1) >> 26)
    }

    /// The interned patterns a word satisfies: its matching form, its stem, the prefixes it begins
    /// with; empty when no cue uses any of them.
    func symbols(form: String, stem: String) -> [Int] {
        var found: [Int] = []
        if let exact = symbolIDs[.exact(form)] { found.append(exact) }
        if let stemmed = symbolIDs[.stem(stem)] { found.append(stemmed) }
        if prefixes.isEmpty == false {
            var candidate = ""
            for character in form.prefix(longestPrefix) {
                candidate.append(character)
                if prefixes.contains(candidate), let prefix = symbolIDs[.prefix(candidate)] { found.append(prefix) }
            }
        }
        return found
    }

    /// A match: pattern `id` over tokens `first...last` of the sequence.
    struct Match: Equatable, Sendable {
        var id: Int
        var first: Int
        var last: Int
    }

    /// Where a token's interned patterns are in a pool of symbols: `pool[start..<start + count]`.
    struct Run: Sendable {
        var start: Int32
        var count: Int32

        /// No patterns (a boundary, or a word no cue uses).
        static let empty = Run(start: 0, count: 0)
    }

    /// Every match in a token sequence. Token i's interned patterns are `runs[i]` of `pool`;
    /// `breaks[i]` is true for a clause boundary or comma, which no match crosses. After a `...` the
    /// walk may skip up to ``CuePattern/maximumGap`` words before the next word of the cue.
    func matches(_ runs: [Run], pool: [Int32], breaks: [Bool]) -> [Match] {
        var found: [Match] = []
        matches(runs, pool: pool, breaks: breaks, into: &found)
        return found
    }

    /// ``matches(_:pool:breaks:)`` appended to `found`, whose capacity a caller can keep between texts.
    func matches(_ runs: [Run], pool: [Int32], breaks: [Bool], into found: inout [Match]) {
        // The walk's states (node, words a gap may still skip), in two buffers that swap at each token.
        var active = WalkStates()
        var next = WalkStates()
        defer {
            active.deallocate()
            next.deallocate()
        }
        pool.withUnsafeBufferPointer { pool in
            nodes.withUnsafeBufferPointer { nodes in
                runs.withUnsafeBufferPointer { runs in
                    breaks.withUnsafeBufferPointer { breaks in
                        for first in runs.indices where runs[first].count > 0 {
                            // Most words start no cue: look at the root's edges before walking.
                            let run = runs[first]
                            var starts = false
                            for symbol in pool[Int(run.start)..<Int(run.start + run.count)]
                            where edges.child(0, Int(symbol)) != nil {
                                starts = true
                                break
                            }
                            guard starts else { continue }
                            active.removeAll()
                            active.append(node: 0, skips: 0)
                            var index = first
                            while index < runs.count, active.count > 0, breaks[index] == false {
                                next.removeAll()
                                let run = runs[index]
                                let symbols = pool[Int(run.start)..<Int(run.start + run.count)]
                                for position in 0..<active.count {
                                    let node = Int(active.nodes[position])
                                    let children = nodes[node].children
                                    for symbol in symbols where children & Self.childBit(Int(symbol)) != 0 {
                                        if let child = edges.child(node, Int(symbol)),
                                           next.contains(node: Int32(child), below: next.count) == false {
                                            next.append(node: Int32(child), skips: 0)
                                        }
                                    }
                                    let skips = active.skips[position]
                                    if skips > 0, index > first { next.append(node: Int32(node), skips: skips - 1) }
                                }
                                let reached = next.count
                                for position in 0..<reached {
                                    let gap = nodes[Int(next.nodes[position])].gap
                                    if gap >= 0 { next.append(node: gap, skips: Int32(CuePattern.maximumGap)) }
                                }
                                swap(&active, &next)
                                for position in 0..<active.count {
                                    let node = active.nodes[position]
                                    guard nodes[Int(node)].firstOutput >= 0,
                                          active.contains(node: node, below: position) == false else { continue }
                                    var output = Int(nodes[Int(node)].firstOutput)
                                    while output >= 0 {
                                        found.append(Match(id: outputIDs[output], first: first, last: index))
                                        output = Int(nextOutput[output])
                                    }
                                }
                                index += 1
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The states of a walk through a ``PhraseAutomaton``: a node and how many words a gap may still
/// skip. Plain memory rather than arrays, since the walk writes them for almost every word.
private struct WalkStates {
    private(set) var nodes: UnsafeMutablePointer<Int32>
    private(set) var skips: UnsafeMutablePointer<Int32>
    private(set) var count = 0
    private var capacity = 16

    init() {
        nodes = .allocate(capacity: capacity)
        skips = .allocate(capacity: capacity)
    }

    mutating func removeAll() { count = 0 }

    mutating func append(node: Int32, skips skip: Int32) {
        if count == capacity {
            let larger = capacity * 2
            let (newNodes, newSkips) = (UnsafeMutablePointer<Int32>.allocate(capacity: larger),
                                        UnsafeMutablePointer<Int32>.allocate(capacity: larger))
            newNodes.moveInitialize(from: nodes, count: count)
            newSkips.moveInitialize(from: skips, count: count)
            nodes.deallocate()
            skips.deallocate()
            (nodes, skips, capacity) = (newNodes, newSkips, larger)
        }
        nodes[count] = node
        skips[count] = skip
        count += 1
    }

    /// Whether one of the first `limit` states is at `node`.
    func contains(node: Int32, below limit: Int) -> Bool {
        for position in 0..<limit where nodes[position] == node { return true }
        return false
    }

    func deallocate() {
        nodes.deallocate()
        skips.deallocate()
    }
}

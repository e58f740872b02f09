/// All word-sequence cues compiled into one trie over interned word patterns, so a text is scanned
/// once whatever the number of cues: at each token the walk follows only the edges its word can take
/// (its form, its stem, the prefixes it begins with), and the cost depends on the length of the
/// longest cue, not on how many cues there are.
struct PhraseAutomaton: Sendable {
    /// A pattern to compile: its words, and the id reported when they match.
    typealias Pattern = (words: [CuePattern.Word], id: Int)

    /// What a walk reads of every node it reaches, in 8 bytes, so that the summaries of a large
    /// codebook stay in the processor's cache (those of the words that begin a cue in its fastest
    /// one) while the nodes do not: the pattern the node completes, and a filter of the words that
    /// may lead on from it. The walk reads the node itself only when the next word passes the filter.
    struct Summary: Sendable {
        /// The id of the pattern the node completes; -1 if none; `-2 - k` if several, listed in
        /// `outputLists[k]`.
        var output: Int32 = -1
        /// ``bit(_:)`` of the symbol of each edge, and ``gapBit`` when a `...` leads on. A word none
        /// of whose symbols' bits is set has no edge here; a set bit may be another symbol's.
        var next: UInt32 = 0

        /// Set in ``next`` when, and only when, the node has a `...`: no symbol's bit is this one, so
        /// a walk reads a node's record for its gap only where there is one (a large codebook's first
        /// words have many edges, and a shared bit sent a third of its walks to their records).
        static let gapBit: UInt32 = 1 << 31

        /// One of the other 31 bits for a symbol (a multiplicative hash, scaled to 0...30).
        @inline(__always)
        static func bit(_ symbol: Int) -> UInt32 {
            let hash = UInt64(UInt32(truncatingIfNeeded: symbol) &* 0x9E37_79B1)
            return 1 << UInt32((hash &* 31) >> 32)
        }
    }

    /// The rest of a node, in 32 bytes: its first two edges, so that following them reads nothing
    /// else, and where a `...` leads.
    struct Node: Sendable {
        var firstSymbol: Int32 = -1
        var firstChild: Int32 = -1
        var secondSymbol: Int32 = -1
        var secondChild: Int32 = -1
        /// Bit ``PhraseAutomaton/childBit(_:)`` of the symbol of each further edge (those in
        /// `edges`): a symbol whose bit is clear has no further edge here, and the table is not read.
        var moreChildren: UInt64 = 0
        /// Where a `...` leads, or -1.
        var gap: Int32 = -1

        /// The child along `symbol`, or -1, looking in `edges` only when the node has more than two.
        @inline(__always)
        func child(_ symbol: Int32, node: Int, edges: PhraseEdges) -> Int32 {
            if firstSymbol == symbol { return firstChild }
            if secondSymbol == symbol { return secondChild }
            guard moreChildren & PhraseAutomaton.childBit(Int(symbol)) != 0,
                  let child = edges.child(node, Int(symbol)) else { return -1 }
            return Int32(child)
        }
    }

    /// Node 0 is the root; symbol `s < firstSymbolCount` leads from it to node `s + 1`; the deeper
    /// nodes follow, breadth first (see ``PhraseTrie/layout()``).
    private let nodes: [Node]
    /// The summary of each node, by the same number.
    private let summaries: [Summary]
    private let edges: PhraseEdges
    /// The patterns of the nodes that complete more than one.
    private let outputLists: [[Int]]
    private let firstSymbolCount: Int32
    /// The interned word patterns the cues use.
    private let symbolIDs: [CuePattern.Word: Int]
    /// Every prefix used by some cue, to find a word's prefixes without looking at each cue.
    private let prefixes: Set<String>
    private let longestPrefix: Int

    /// The automaton of `patterns`, whose ids must fit in 31 bits.
    init(_ patterns: [Pattern]) {
        precondition(patterns.allSatisfy { $0.id >= 0 && $0.id < Int(Int32.max) }, "pattern id out of range")
        let trie = PhraseTrie(patterns)
        (nodes, summaries, edges, outputLists) = trie.layout()
        firstSymbolCount = Int32(trie.firstSymbolCount)
        symbolIDs = trie.symbolIDs
        let prefixes = symbolIDs.keys.compactMap { word -> String? in
            if case .prefix(let prefix) = word { return prefix }
            return nil
        }
        self.prefixes = Set(prefixes)
        longestPrefix = prefixes.map(\.count).max() ?? 0
    }

    /// One of 64 bits for a symbol (a multiplicative hash, so a node's few children rarely share one).
    @inline(__always)
    static func childBit(_ symbol: Int) -> UInt64 {
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

    /// Where a token's interned patterns are in a pool of symbols (`pool[start..<start + count]`), and
    /// what a walk needs to know of them without reading the automaton; made by ``run(start:symbols:)``.
    struct Run: Sendable {
        var start: Int32
        var count: Int32
        /// ``Summary/bit(_:)`` of each symbol: the filter a node's `next` is tested against.
        var bits: UInt32
        /// What a walk beginning at this token can do next: the `next` filters of the nodes its first
        /// symbols lead to, together; all bits when one of those nodes completes a pattern. A walk
        /// whose following token's `bits` miss these (and no `...` leads on) is not begun.
        var reach: UInt32

        /// No patterns (a boundary, or a word no cue uses).
        static let empty = Run(start: 0, count: 0, bits: 0, reach: 0)
    }

    /// The run of a token whose interned patterns, ``symbols(form:stem:)``, are at `start` in a pool.
    func run(start: Int, symbols: [Int]) -> Run {
        var bits: UInt32 = 0
        var reach: UInt32 = 0
        for symbol in symbols {
            bits |= Summary.bit(symbol)
            guard symbol < Int(firstSymbolCount) else { continue }
            let summary = summaries[symbol + 1]
            reach |= summary.output == -1 ? summary.next : UInt32.max
        }
        return Run(start: Int32(start), count: Int32(symbols.count), bits: bits, reach: reach)
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
                summaries.withUnsafeBufferPointer { summaries in
                    runs.withUnsafeBufferPointer { runs in
                        breaks.withUnsafeBufferPointer { breaks in
                            for first in runs.indices where runs[first].reach != 0 && breaks[first] == false {
                                let run = runs[first]
                                // Begun only if it can complete a pattern here, or go on to the next word or a `...`.
                                let following = first + 1 < runs.count && breaks[first + 1] == false ? runs[first + 1].bits : 0
                                guard run.reach & (following | Summary.gapBit) != 0 else { continue }
                                // The words that begin a cue are the first symbols, and lead to nodes 1...firstSymbolCount.
                                next.removeAll()
                                for symbol in pool[Int(run.start)..<Int(run.start + run.count)] where symbol < firstSymbolCount {
                                    if next.contains(node: symbol + 1, below: next.count) == false {
                                        next.append(node: symbol + 1, skips: 0)
                                    }
                                }
                                var index = first
                                while next.count > 0 {
                                    for position in 0..<next.count {
                                        let node = Int(next.nodes[position])
                                        guard summaries[node].next & Summary.gapBit != 0 else { continue }
                                        let gap = nodes[node].gap
                                        if gap >= 0 { next.append(node: gap, skips: Int32(CuePattern.maximumGap)) }
                                    }
                                    swap(&active, &next)
                                    for position in 0..<active.count {
                                        let node = active.nodes[position]
                                        let output = summaries[Int(node)].output
                                        guard output != -1, active.contains(node: node, below: position) == false else { continue }
                                        if output >= 0 {
                                            found.append(Match(id: Int(output), first: first, last: index))
                                        } else {
                                            for id in outputLists[Int(-2 - output)] {
                                                found.append(Match(id: id, first: first, last: index))
                                            }
                                        }
                                    }
                                    index += 1
                                    guard index < runs.count, breaks[index] == false else { break }
                                    next.removeAll()
                                    let run = runs[index]
                                    let symbols = pool[Int(run.start)..<Int(run.start + run.count)]
                                    let bits = run.bits
                                    for position in 0..<active.count {
                                        let node = Int(active.nodes[position])
                                        if summaries[node].next & bits != 0 {
                                            let record = nodes[node]
                                            for symbol in symbols {
                                                let child = record.child(symbol, node: node, edges: edges)
                                                if child >= 0, next.contains(node: child, below: next.count) == false {
                                                    next.append(node: child, skips: 0)
                                                }
                                            }
                                        }
                                        let skips = active.skips[position]
                                        if skips > 0 { next.append(node: Int32(node), skips: skips - 1) }
                                    }
                                }
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

/// A ``PhraseAutomaton`` while its patterns are added: a plain trie, its nodes numbered as they are
/// made. ``layout()`` renumbers the nodes in the order the walk reads them best.
struct PhraseTrie {
    /// The interned word patterns. The words that begin a pattern come first, so that, once laid
    /// out, symbol `s < firstSymbolCount` leads from the root to node `s + 1`.
    private(set) var symbolIDs: [CuePattern.Word: Int] = [:]
    private(set) var firstSymbolCount = 0
    private var children: [[(symbol: Int, child: Int)]] = [[]]
    private var childByEdge: [UInt64: Int] = [:]
    private var gaps: [Int] = [-1]
    private var outputs: [[Int]] = [[]]

    /// The trie of `patterns`. A pattern without words never matches; a `...` before the first word
    /// is ignored (``CueCompiler`` makes neither).
    init(_ patterns: [PhraseAutomaton.Pattern]) {
        for pattern in patterns {
            if let first = pattern.words.first(where: { $0 != .gap }) { _ = intern(first) }
        }
        firstSymbolCount = symbolIDs.count
        for pattern in patterns {
            let words = pattern.words.drop { $0 == .gap }
            guard words.isEmpty == false else { continue }
            add(words, id: pattern.id)
        }
    }

    private mutating func intern(_ word: CuePattern.Word) -> Int {
        if let known = symbolIDs[word] { return known }
        symbolIDs[word] = symbolIDs.count
        return symbolIDs.count - 1
    }

    private mutating func add(_ words: ArraySlice<CuePattern.Word>, id: Int) {
        var node = 0
        for word in words {
            if word == .gap {
                if gaps[node] < 0 { gaps[node] = makeNode() }
                node = gaps[node]
                continue
            }
            let symbol = intern(word)
            let edge = UInt64(node) << 32 | UInt64(symbol)
            if let child = childByEdge[edge] {
                node = child
            } else {
                let child = makeNode()
                childByEdge[edge] = child
                children[node].append((symbol, child))
                node = child
            }
        }
        outputs[node].append(id)
    }

    private mutating func makeNode() -> Int {
        children.append([])
        gaps.append(-1)
        outputs.append([])
        return children.count - 1
    }

    /// The nodes renumbered for the walk: the root, then the nodes one word deep in the order of
    /// their symbols (node `s + 1` for symbol `s`), then the rest breadth first, so that the nodes
    /// most walks read lie together; each node with its first two edges, the rest in `edges`, and its
    /// summary (what it completes, which symbols may lead on) in `summaries`.
    func layout() -> (nodes: [PhraseAutomaton.Node], summaries: [PhraseAutomaton.Summary], edges: PhraseEdges,
                      outputLists: [[Int]]) {
        var order = [Int](repeating: 0, count: firstSymbolCount + 1)
        var newID = [Int](repeating: -1, count: children.count)
        newID[0] = 0
        for (symbol, child) in children[0] {
            order[symbol + 1] = child
            newID[child] = symbol + 1
        }
        var position = 1
        while position < order.count {
            let old = order[position]
            position += 1
            for child in children[old].map(\.child) + (gaps[old] >= 0 ? [gaps[old]] : []) {
                newID[child] = order.count
                order.append(child)
            }
        }
        var nodes = [PhraseAutomaton.Node](repeating: PhraseAutomaton.Node(), count: order.count)
        var summaries = [PhraseAutomaton.Summary](repeating: PhraseAutomaton.Summary(), count: order.count)
        var edges = PhraseEdges()
        var outputLists: [[Int]] = []
        for (id, old) in order.enumerated() where id > 0 {
            var node = PhraseAutomaton.Node()
            var summary = PhraseAutomaton.Summary()
            if gaps[old] >= 0 {
                node.gap = Int32(newID[gaps[old]])
                summary.next |= PhraseAutomaton.Summary.gapBit
            }
            switch outputs[old].count {
            case 0: break
            case 1: summary.output = Int32(outputs[old][0])
            default:
                summary.output = Int32(-2 - outputLists.count)
                outputLists.append(outputs[old])
            }
            for (index, edge) in children[old].enumerated() {
                summary.next |= PhraseAutomaton.Summary.bit(edge.symbol)
                let child = Int32(newID[edge.child])
                switch index {
                case 0: (node.firstSymbol, node.firstChild) = (Int32(edge.symbol), child)
                case 1: (node.secondSymbol, node.secondChild) = (Int32(edge.symbol), child)
                default:
                    edges.insert(id, edge.symbol, child: Int(child))
                    node.moreChildren |= PhraseAutomaton.childBit(edge.symbol)
                }
            }
            nodes[id] = node
            summaries[id] = summary
        }
        return (nodes, summaries, edges, outputLists)
    }
}

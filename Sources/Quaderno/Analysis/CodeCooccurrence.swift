/// How often two codes are applied to the same unit and the same case (`cooccurrence.csv`).
public struct CooccurrenceRow: Sendable, Equatable {
    /// The first code (codebook order).
    public var codeA: String
    /// The second code.
    public var codeB: String
    /// Units (elements, sentences, cells) coded with both.
    public var elementsTogether: Int
    /// Cases with both codes somewhere.
    public var casesTogether: Int
    /// Units with both / units with either (0 when neither occurs).
    public var jaccard: Double
}

/// Pairwise co-occurrence of leaf codes.
public enum CodeCooccurrence {
    /// One row per pair of codes that occur at least once each, codebook order.
    public static func compute(_ view: CorpusView) -> [CooccurrenceRow] {
        compute(view, index: CorpusIndex(view))
    }

    /// The same rows from an index already made.
    static func compute(_ view: CorpusView, index: CorpusIndex) -> [CooccurrenceRow] {
        let counts = PairCounts(view, index: index)
        let codes = view.codebook.codes.compactMap { code in
            index.codeSlot(code.id).flatMap { counts.units[$0] > 0 ? (code.id, $0) : nil }
        }
        var rows: [CooccurrenceRow] = []
        for (position, first) in codes.enumerated() {
            for second in codes[(position + 1)...] {
                let together = counts.unitsTogether(first.1, second.1)
                let either = counts.units[first.1] + counts.units[second.1] - together
                rows.append(CooccurrenceRow(codeA: first.0, codeB: second.0, elementsTogether: together,
                                            casesTogether: counts.casesTogether(first.1, second.1),
                                            jaccard: either == 0 ? 0 : Double(together) / Double(either)))
            }
        }
        return rows
    }
}

/// Units and cases per code slot, and per pair of code slots, from one pass over the counted codings.
private struct PairCounts {
    /// Distinct units (case, start, end) per code slot.
    var units: [Int]
    /// Distinct cases per code slot.
    var cases: [Int]
    private var unitPairs: [Int: Int] = [:]
    private var casePairs: [Int: Int] = [:]
    private let slots: Int

    init(_ view: CorpusView, index: CorpusIndex) {
        slots = index.codeIDs.count
        units = [Int](repeating: 0, count: slots)
        cases = [Int](repeating: 0, count: slots)
        var spans: [(Int, Int, Int)] = []
        var inUnit: [Int] = []
        var inCase: [Int] = []
        for slot in index.caseIDs.indices {
            spans.removeAll(keepingCapacity: true)
            for coding in index.counted(inSlot: slot) {
                spans.append((view.codings[coding].start, view.codings[coding].end, index.codeOf[coding]))
            }
            guard spans.isEmpty == false else { continue }
            spans.sort { $0 < $1 }
            inCase.removeAll(keepingCapacity: true)
            var first = 0
            while first < spans.count {
                var last = first
                inUnit.removeAll(keepingCapacity: true)
                while last < spans.count, spans[last].0 == spans[first].0, spans[last].1 == spans[first].1 {
                    if inUnit.last != spans[last].2 { inUnit.append(spans[last].2) }
                    last += 1
                }
                count(inUnit, into: &units, pairs: &unitPairs)
                inCase += inUnit
                first = last
            }
            inCase.sort()
            var distinct: [Int] = []
            for code in inCase where distinct.last != code { distinct.append(code) }
            count(distinct, into: &cases, pairs: &casePairs)
        }
    }

    /// Adds one to each code of `codes` (distinct, ascending) and to each pair of them.
    private func count(_ codes: [Int], into singles: inout [Int], pairs: inout [Int: Int]) {
        for (position, code) in codes.enumerated() {
            singles[code] += 1
            for other in codes[(position + 1)...] { pairs[code * slots + other, default: 0] += 1 }
        }
    }

    /// Units coded with both slots.
    func unitsTogether(_ a: Int, _ b: Int) -> Int {
        a == b ? units[a] : unitPairs[min(a, b) * slots + max(a, b)] ?? 0
    }

    /// Cases with both slots.
    func casesTogether(_ a: Int, _ b: Int) -> Int {
        a == b ? cases[a] : casePairs[min(a, b) * slots + max(a, b)] ?? 0
    }
}

/// Small integer ids for what a ``CorpusView`` counts, made in one pass over its cases and codings, so
/// that the tables count with arrays of integers instead of copying codings and hashing strings.
///
/// Ids are interned with a `Dictionary`, so two strings are one id exactly when `==` says they are
/// equal: the grouping the tables did with `Dictionary(grouping:)` on the same strings.
struct CorpusIndex: Sendable {
    /// Distinct case ids: the view's cases first (in order), then ids only codings name.
    let caseIDs: [String]
    /// For each case of the view, its id's slot in ``caseIDs``.
    let slotOfCase: [Int]
    /// For each slot of ``caseIDs``, the first case of the view with that id, or -1.
    let caseOfSlot: [Int]
    /// Distinct code ids of the codings, in order of first appearance.
    let codeIDs: [String]
    /// Distinct coders of the codings, in order of first appearance.
    let coderNames: [String]
    /// Per coding of the view: its case slot, code slot and coder slot.
    let caseOf: [Int]
    let codeOf: [Int]
    let coderOf: [Int]
    /// Counted (not negated) codings grouped by case slot: the codings of slot `s` are
    /// `counted[countedStart[s]..<countedStart[s + 1]]`, indices into the view's codings, in view order.
    let countedStart: [Int]
    let counted: [Int]
    /// The polarity of each code slot (``CorpusView/polarity(of:)``).
    let codePolarity: [Polarity]
    /// Code slot by code id.
    private let codeSlots: [String: Int]

    init(_ view: CorpusView) {
        var cases = Interner()
        var codes = Interner()
        var coders = Interner()
        let slotOfCase = view.cases.map { cases.id($0.id) }
        var caseOf: [Int] = []
        var codeOf: [Int] = []
        var coderOf: [Int] = []
        caseOf.reserveCapacity(view.codings.count)
        codeOf.reserveCapacity(view.codings.count)
        coderOf.reserveCapacity(view.codings.count)
        let codings = view.codings
        for position in codings.indices {
            caseOf.append(cases.id(codings[position].caseID))
            codeOf.append(codes.id(codings[position].code))
            coderOf.append(coders.id(codings[position].coder))
        }
        var caseOfSlot = [Int](repeating: -1, count: cases.names.count)
        for (index, slot) in slotOfCase.enumerated().reversed() { caseOfSlot[slot] = index }

        // Counting sort of the counted codings by case slot (stable: view order within a case).
        var start = [Int](repeating: 0, count: cases.names.count + 1)
        for index in codings.indices where codings[index].negated == false { start[caseOf[index] + 1] += 1 }
        for slot in 0..<cases.names.count { start[slot + 1] += start[slot] }
        var next = start
        var counted = [Int](repeating: 0, count: start[cases.names.count])
        for index in codings.indices where codings[index].negated == false {
            counted[next[caseOf[index]]] = index
            next[caseOf[index]] += 1
        }

        caseIDs = cases.names
        self.slotOfCase = slotOfCase
        self.caseOfSlot = caseOfSlot
        codeIDs = codes.names
        coderNames = coders.names
        self.caseOf = caseOf
        self.codeOf = codeOf
        self.coderOf = coderOf
        countedStart = start
        self.counted = counted
        codeSlots = codes.ids
        codePolarity = codes.names.map { view.polarity(of: $0) }
    }

    /// The slot of a code id, nil when no coding uses it.
    func codeSlot(_ id: String) -> Int? { codeSlots[id] }

    /// The counted codings of a case slot (indices into the view's codings).
    func counted(inSlot slot: Int) -> ArraySlice<Int> { counted[countedStart[slot]..<countedStart[slot + 1]] }

    /// Number of counted codings.
    var countedCount: Int { counted.count }

    /// For each code slot, how many distinct units (`start`, `end`) of a case slot its counted codings
    /// cover, as (code slot, units) pairs in code-slot order; `scratch` is reused between calls.
    func directUnits(inSlot slot: Int, of view: CorpusView, scratch: inout [(Int, Int, Int)]) -> [(code: Int, units: Int)] {
        scratch.removeAll(keepingCapacity: true)
        for index in counted(inSlot: slot) {
            scratch.append((codeOf[index], view.codings[index].start, view.codings[index].end))
        }
        scratch.sort { $0 < $1 }
        var result: [(code: Int, units: Int)] = []
        var previous: (Int, Int, Int)?
        for unit in scratch where previous.map({ $0 != unit }) ?? true {
            if result.last?.code == unit.0 { result[result.count - 1].units += 1 } else { result.append((unit.0, 1)) }
            previous = unit
        }
        return result
    }
}

/// Gives each distinct string a small id, in order of first appearance.
struct Interner {
    private(set) var names: [String] = []
    private(set) var ids: [String: Int] = [:]
    private var last: (name: String, id: Int)?

    /// The id of `name`, new when it was not seen before.
    mutating func id(_ name: String) -> Int {
        if let last, last.name == name { return last.id }
        let id: Int
        if let known = ids[name] {
            id = known
        } else {
            id = names.count
            names.append(name)
            ids[name] = id
        }
        last = (name, id)
        return id
    }
}

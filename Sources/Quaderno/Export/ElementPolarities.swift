/// The polarity of the element a coding names (codings.csv's `element_polarity`): the element of that
/// id among the elements of the coding's case.
///
/// The lookup is by (case, element) pair; when a case or element id holds a `/` it falls back to the
/// `case/element` text key the table was first written with, so such ids resolve exactly as before.
/// When two elements share a key, the first (in case order) is the one found.
struct ElementPolarities {
    private let view: CorpusView
    private let index: CorpusIndex
    /// Elements of the cases of each case slot: `ids[start[slot]..<start[slot + 1]]`.
    private var start: [Int] = []
    private var ids: [String] = []
    private var polarities: [Polarity] = []
    /// The text-keyed table, only when some id holds a `/`.
    private var byKey: [String: Polarity]?

    init(_ view: CorpusView, index: CorpusIndex) {
        self.view = view
        self.index = index
        let slashed = view.cases.contains { sheet in
            sheet.id.utf8.contains(0x2F) || sheet.elements.contains { $0.id.utf8.contains(0x2F) }
        }
        if slashed {
            byKey = Dictionary(view.cases.flatMap { sheet in sheet.elements.map { ("\(sheet.id)/\($0.id)", $0.polarity) } },
                               uniquingKeysWith: { first, _ in first })
            return
        }
        var cases = [[Int]](repeating: [], count: index.caseIDs.count)
        for (position, slot) in index.slotOfCase.enumerated() { cases[slot].append(position) }
        start.reserveCapacity(cases.count + 1)
        for members in cases {
            start.append(ids.count)
            for member in members {
                for element in view.cases[member].elements {
                    ids.append(element.id)
                    polarities.append(element.polarity)
                }
            }
        }
        start.append(ids.count)
    }

    /// The polarity of element `id` of the case of coding number `coding`, nil when there is none.
    func polarity(of id: String, coding: Int) -> Polarity? {
        if let byKey { return byKey["\(view.codings[coding].caseID)/\(id)"] }
        let slot = index.caseOf[coding]
        for position in start[slot]..<start[slot + 1] where ids[position] == id { return polarities[position] }
        return nil
    }
}

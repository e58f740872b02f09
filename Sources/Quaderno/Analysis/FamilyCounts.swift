/// For every case id and codebook code, the units (distinct `start`–`end` spans) of the case that
/// counted codings of the code or one of its descendants cover: the numbers behind the matrix and the
/// frequencies, computed once.
struct FamilyCounts: Sendable {
    /// Codebook codes (columns), in codebook order.
    let columns: Int
    /// `counts[slot * columns + position]`, slot being a case slot of the index.
    private let counts: [Int]

    init(_ view: CorpusView, index: CorpusIndex) {
        let positions = view.codebook.codes.count
        columns = positions
        // For each code slot, the codebook positions whose family holds it.
        var containing = [[Int]](repeating: [], count: index.codeIDs.count)
        for (position, code) in view.codebook.codes.enumerated() {
            for member in view.family(of: code.id) {
                if let slot = index.codeSlot(member) { containing[slot].append(position) }
            }
        }
        for slot in containing.indices { containing[slot].sort() }
        var counts = [Int](repeating: 0, count: index.caseIDs.count * positions)
        var units: [(Int, Int, Int)] = []
        for slot in index.caseIDs.indices {
            units.removeAll(keepingCapacity: true)
            for coding in index.counted(inSlot: slot) {
                let start = view.codings[coding].start
                let end = view.codings[coding].end
                for position in containing[index.codeOf[coding]] { units.append((position, start, end)) }
            }
            guard units.isEmpty == false else { continue }
            units.sort { $0 < $1 }
            var previous = units[0]
            counts[slot * positions + previous.0] = 1
            for unit in units.dropFirst() where unit != previous {
                counts[slot * positions + unit.0] += 1
                previous = unit
            }
        }
        self.counts = counts
    }

    /// The units of a case slot for a codebook position.
    func units(slot: Int, position: Int) -> Int { counts[slot * columns + position] }

    /// Every position's units for a case slot, in codebook order.
    func row(slot: Int) -> [Int] { Array(counts[(slot * columns)..<((slot + 1) * columns)]) }
}

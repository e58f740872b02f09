extension CorpusView {
    /// The groupings the tables show: `all` with every case, then for each key its values (sorted)
    /// with the indices of their cases, in case order.
    func groupings(_ keys: [String]) -> [(key: String, groups: [(value: String, cases: [Int])])] {
        [("all", [("all", Array(cases.indices))])] + keys.map { key in
            var members: [String: [Int]] = [:]
            for (index, sheet) in cases.enumerated() { members[Self.group(of: sheet, by: key), default: []].append(index) }
            return (key, members.keys.sorted().map { ($0, members[$0]!) })
        }
    }
}

import Foundation

extension ExchangeProject {
    /// A REFI-QDA project from a Quaderno project: one user per coder, the latest codebook as nested
    /// codes, the case attributes as typed variables, one text source per case with a selection per
    /// coded unit and coder. Negated and orphaned codings are not exported. Every GUID is derived
    /// from Quaderno's ids (UUID v5), so exporting twice gives the same file.
    public static func from(_ project: Project, name: String) throws -> ExchangeProject {
        let cases = try project.cases()
        let stored = try project.codingValues().filter { $0.negated == false }
        var codebook = try project.latestCodebook() ?? Codebook(name: name, codes: [])
        for code in stored.map(\.code) where codebook.code(code) == nil {
            codebook.codes.append(Quaderno.Code(id: code, name: code))
        }
        let coders = Array(Set(stored.map(\.coder))).sorted()
        let users = coders.map { User(guid: UUIDv5.guid("user", $0), name: $0) }
        let variables = CaseVariables(cases)
        var exchange = ExchangeProject(name: name, description: "Exported by Quaderno from \(project.url.lastPathComponent)",
                                       creatingUser: users.first?.guid, users: users,
                                       codes: try ExchangeProject.codes(from: codebook), variables: variables.variables)
        let byCase = Dictionary(grouping: stored, by: \.caseID)
        for sheet in cases {
            let sourceGUID = UUIDv5.guid("source", sheet.id)
            var source = TextSource(guid: sourceGUID, name: sheet.id, text: sheet.text, description: sheet.source)
            let units = Dictionary(grouping: byCase[sheet.id] ?? []) { "\($0.start)-\($0.end)|\($0.coder)" }
            for key in units.keys.sorted(by: Self.unitOrder) {
                let codings = units[key]!
                let first = codings[0]
                let user = UUIDv5.guid("user", first.coder)
                source.selections.append(Selection(
                    guid: UUIDv5.guid("selection", "\(sheet.id)#\(key)"), name: first.elementID ?? first.unit,
                    start: first.start, end: first.end, creatingUser: user,
                    codings: codings.map { coding in
                        Coding(guid: UUIDv5.guid("coding", "\(sheet.id)#\(key)#\(coding.code)"),
                               code: QDCCodebook.guid(forCode: coding.code), creatingUser: user)
                    }))
            }
            exchange.sources.append(source)
            exchange.cases.append(Case(guid: UUIDv5.guid("case", sheet.id), name: sheet.id, description: sheet.title,
                                       values: variables.values(for: sheet), sources: [sourceGUID]))
        }
        return exchange
    }

    /// Selections by start offset, then end, then coder.
    private static func unitOrder(_ lhs: String, _ rhs: String) -> Bool {
        func parts(_ key: String) -> (Int, Int, String) {
            let halves = key.split(separator: "|", maxSplits: 1)
            let bounds = halves[0].split(separator: "-").compactMap { Int($0) }
            return (bounds.first ?? 0, bounds.last ?? 0, halves.count > 1 ? String(halves[1]) : "")
        }
        return parts(lhs) < parts(rhs)
    }
}

/// Case attributes as REFI-QDA variables, each typed by the values it holds.
struct CaseVariables {
    let variables: [ExchangeProject.Variable]
    private let keys: [String]

    init(_ cases: [Case]) {
        var keys: [String] = []
        for sheet in cases {
            for attribute in sheet.attributes where keys.contains(attribute.key) == false { keys.append(attribute.key) }
        }
        self.keys = keys
        variables = keys.map { key in
            let values = cases.compactMap { $0.attribute(key) }.filter { $0.isEmpty == false }
            return ExchangeProject.Variable(guid: UUIDv5.guid("variable", key), name: key, type: Self.type(of: values))
        }
    }

    func values(for sheet: Case) -> [ExchangeProject.VariableValue] {
        zip(keys, variables).compactMap { key, variable in
            guard let text = sheet.attribute(key), text.isEmpty == false else { return nil }
            let value: ExchangeProject.Value
            switch variable.type {
            case .integer: value = .integer(Int(text)!)
            case .float: value = .float(Decimal(string: text)!)
            case .date: value = .date(text)
            default: value = .text(text)
            }
            return ExchangeProject.VariableValue(variable: variable.guid, value: value)
        }
    }

    /// Integer when every value is a whole number, Float when every value is a number, Date when
    /// every value is an ISO date, else Text.
    static func type(of values: [String]) -> ExchangeProject.VariableType {
        guard values.isEmpty == false else { return .text }
        if values.allSatisfy({ Int($0) != nil }) { return .integer }
        if values.allSatisfy({ Double($0) != nil && Decimal(string: $0) != nil }) { return .float }
        if values.allSatisfy({ $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil }) { return .date }
        return .text
    }
}

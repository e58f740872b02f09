import Foundation

/// Consistency checks run before writing, so a written project always validates.
extension ExchangeProject {
    /// The same project with every GUID and GUID reference in canonical form (invalid ones unchanged).
    public func canonicalized() -> ExchangeProject {
        func key(_ guid: String) -> String { REFIGUID.canonical(guid) ?? guid }
        func key(_ guid: String?) -> String? { guid.map(key) }
        func values(_ list: [VariableValue]) -> [VariableValue] {
            list.map { VariableValue(variable: key($0.variable), value: $0.value) }
        }
        func codeTree(_ code: Code) -> Code {
            var copy = code
            copy.guid = key(code.guid)
            copy.children = code.children.map(codeTree)
            return copy
        }
        var copy = self
        copy.creatingUser = key(creatingUser)
        copy.users = users.map { User(guid: key($0.guid), name: $0.name, id: $0.id) }
        copy.codes = codes.map(codeTree)
        copy.variables = variables.map { Variable(guid: key($0.guid), name: $0.name, type: $0.type, description: $0.description) }
        copy.cases = cases.map { item in
            Case(guid: key(item.guid), name: item.name, description: item.description, values: values(item.values),
                 sources: item.sources.map(key), codes: item.codes.map(key), selections: item.selections.map(key))
        }
        copy.sources = sources.map { source in
            var source = source
            source.guid = key(source.guid)
            source.creatingUser = key(source.creatingUser)
            source.values = values(source.values)
            source.selections = source.selections.map { selection in
                var selection = selection
                selection.guid = key(selection.guid)
                selection.creatingUser = key(selection.creatingUser)
                selection.codings = selection.codings.map {
                    Coding(guid: key($0.guid), code: key($0.code), creatingUser: key($0.creatingUser))
                }
                return selection
            }
            return source
        }
        return copy
    }

    /// What would make the project an invalid REFI-QDA file: bad or duplicate GUIDs, references to
    /// nothing, bad colors, values of the wrong type, selections outside their text. Empty when the
    /// project can be written. Expects canonical GUIDs (see ``canonicalized()``).
    public func problems() -> [String] {
        var problems: [String] = []
        var seen = Set<String>()
        func identify(_ guid: String, _ what: String) {
            if REFIGUID.canonical(guid) == nil {
                problems.append("\(what) has an invalid GUID '\(guid)'")
            } else if seen.insert(guid).inserted == false {
                problems.append("\(what) reuses the GUID \(guid)")
            }
        }
        let userGUIDs = Set(users.map(\.guid))
        let codeGUIDs = Set(allCodes.map(\.code.guid))
        let variableTypes = Dictionary(variables.map { ($0.guid, $0.type) }, uniquingKeysWith: { first, _ in first })
        let sourceGUIDs = Set(sources.map(\.guid))
        let selectionGUIDs = Set(sources.flatMap { $0.selections.map(\.guid) })
        func refer(_ guid: String?, _ targets: Set<String>, _ what: String) {
            if let guid, targets.contains(guid) == false { problems.append("\(what) refers to no such GUID \(guid)") }
        }
        func check(_ values: [VariableValue], _ owner: String) {
            for value in values {
                guard let type = variableTypes[value.variable] else {
                    problems.append("\(owner) has a value for no such variable \(value.variable)")
                    continue
                }
                if type != value.value.type {
                    problems.append("\(owner) has a \(value.value.type.rawValue) value for the \(type.rawValue) variable \(value.variable)")
                }
                if let issue = ExchangeProject.lexicalProblem(value.value) { problems.append("\(owner): \(issue)") }
            }
        }
        refer(creatingUser, userGUIDs, "the project's creatingUser")
        for user in users { identify(user.guid, "user '\(user.name)'") }
        for placed in allCodes {
            identify(placed.code.guid, "code '\(placed.code.name)'")
            if let color = placed.code.color, REFIColor.normalized(color) == nil {
                problems.append("code '\(placed.code.name)' has color '\(color)', not #RRGGBB")
            }
        }
        for variable in variables { identify(variable.guid, "variable '\(variable.name)'") }
        for item in cases {
            identify(item.guid, "case '\(item.name)'")
            check(item.values, "case '\(item.name)'")
            for guid in item.sources { refer(guid, sourceGUIDs, "case '\(item.name)'") }
            for guid in item.codes { refer(guid, codeGUIDs, "case '\(item.name)'") }
            for guid in item.selections { refer(guid, selectionGUIDs, "case '\(item.name)'") }
        }
        for source in sources {
            identify(source.guid, "source '\(source.name)'")
            refer(source.creatingUser, userGUIDs, "source '\(source.name)'")
            check(source.values, "source '\(source.name)'")
            let length = source.text.unicodeScalars.count
            for selection in source.selections {
                let what = "selection \(selection.guid) of '\(source.name)'"
                identify(selection.guid, what)
                refer(selection.creatingUser, userGUIDs, what)
                if selection.start < 0 || selection.end < selection.start || selection.end > length {
                    problems.append("\(what) spans \(selection.start)..<\(selection.end), outside the text (\(length) code points)")
                }
                for coding in selection.codings {
                    identify(coding.guid, "coding \(coding.guid) in \(what)")
                    refer(coding.code, codeGUIDs, "coding \(coding.guid) in \(what)")
                    refer(coding.creatingUser, userGUIDs, "coding \(coding.guid) in \(what)")
                }
            }
        }
        return problems
    }

    /// Why a value cannot be written as its XML schema type, or nil when it can.
    static func lexicalProblem(_ value: Value) -> String? {
        switch value {
        case .float(let number) where number.isNaN: return "a Float value is not a number"
        case .date(let text) where text.wholeMatch(of: /-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?/) == nil:
            return "'\(text)' is not a date (YYYY-MM-DD)"
        case .dateTime(let text)
            where text.wholeMatch(of: /-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/) == nil:
            return "'\(text)' is not a date and time (YYYY-MM-DDThh:mm:ss)"
        default: return nil
        }
    }
}

import Foundation
import Yams

/// Reads a YAML codebook and checks it, keeping the line of every problem.
struct CodebookLoader {
    static let codebookKeys: Set<String> = ["name", "version", "language", "description", "codes"]
    static let codeKeys: Set<String> = ["id", "name", "polarity", "parent", "color", "definition", "include",
                                        "exclude", "examples", "cues"]

    let file: String
    private(set) var issues: [CodebookIssue] = []

    init(file: String) {
        self.file = file
    }

    /// The codebook in `yaml` (nil when it cannot be read at all), with ``issues`` filled in.
    mutating func load(_ yaml: String, compiler: CueCompiler) -> Codebook? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            issues.append(CodebookIssue(.error, file: file, line: Self.line(of: error), "not valid YAML: \(Self.problem(error))"))
            return nil
        }
        guard let mapping = root?.mapping else {
            error(root?.mark, "the codebook must be a mapping with name, version, language, description and codes")
            return nil
        }
        for (key, _) in mapping where Self.codebookKeys.contains(key.string ?? "") == false {
            error(key.mark, "unknown key '\(key.string ?? "?")'; the codebook keys are " +
                  Self.codebookKeys.sorted().joined(separator: ", "))
        }
        let name = mapping["name"]?.string ?? ""
        if name.isEmpty { error(root?.mark, "the codebook has no name") }
        guard let codeNodes = mapping["codes"]?.sequence else {
            error(mapping["codes"]?.mark ?? root?.mark, "'codes' must be a list of codes")
            return nil
        }
        var codes: [(code: Code, node: Node)] = []
        for node in codeNodes {
            if let code = readCode(node) { codes.append((code, node)) }
        }
        checkHierarchy(codes)
        for (code, node) in codes { checkCues(code, node: node, codes: codes.map(\.code), compiler: compiler) }
        return Codebook(name: name, version: mapping["version"]?.string ?? "",
                        language: mapping["language"]?.string ?? "it",
                        description: mapping["description"]?.string ?? "", codes: codes.map(\.code))
    }

    private mutating func readCode(_ node: Node) -> Code? {
        guard let mapping = node.mapping else {
            error(node.mark, "each code must be a mapping (id, name, polarity, definition, cues, ...)")
            return nil
        }
        for (key, _) in mapping where Self.codeKeys.contains(key.string ?? "") == false {
            error(key.mark, "unknown key '\(key.string ?? "?")' in a code; the code keys are " +
                  Self.codeKeys.sorted().joined(separator: ", "))
        }
        guard let id = mapping["id"]?.string, id.isEmpty == false else {
            error(node.mark, "a code has no id")
            return nil
        }
        if id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
            error(mapping["id"]?.mark, "code id '\(id)' must be lower-case letters, digits and _ (start with a letter)")
        }
        let polarityText = mapping["polarity"]?.string ?? "neutral"
        let polarity = Polarity(rawValue: polarityText)
        if polarity == nil || polarity == .unspecified {
            error(mapping["polarity"]?.mark, "code '\(id)': polarity must be positive, negative or neutral, not '\(polarityText)'")
        }
        let color = mapping["color"]?.string
        if let color, color.range(of: "^#[0-9A-Fa-f]{6}$", options: .regularExpression) == nil {
            error(mapping["color"]?.mark, "code '\(id)': color must be #RRGGBB, not '\(color)'")
        }
        return Code(id: id, name: mapping["name"]?.string ?? id, polarity: polarity ?? .neutral,
                    parent: mapping["parent"]?.string, color: color,
                    definition: mapping["definition"]?.string ?? "", include: strings(mapping["include"]),
                    exclude: strings(mapping["exclude"]), examples: strings(mapping["examples"]),
                    cues: strings(mapping["cues"]))
    }

    private mutating func checkHierarchy(_ codes: [(code: Code, node: Node)]) {
        var seen: [String: Int] = [:]
        for (code, node) in codes {
            if let first = seen[code.id] {
                error(node.mapping?["id"]?.mark, "duplicate code id '\(code.id)' (first defined on line \(first))")
            }
            seen[code.id] = seen[code.id] ?? node.mark?.line ?? 0
        }
        let parents = Dictionary(codes.map { ($0.code.id, $0.code.parent) }, uniquingKeysWith: { first, _ in first })
        for (code, node) in codes {
            guard let parent = code.parent else { continue }
            guard parents[parent] != nil else {
                error(node.mapping?["parent"]?.mark, "code '\(code.id)': unknown parent '\(parent)'")
                continue
            }
            var visited: Set<String> = [code.id]
            var current: String? = parent
            while let ancestor = current {
                if visited.contains(ancestor) {
                    error(node.mapping?["parent"]?.mark, "code '\(code.id)': the parent chain loops back (\(ancestor))")
                    break
                }
                visited.insert(ancestor)
                current = parents[ancestor] ?? nil
            }
        }
    }

    private mutating func checkCues(_ code: Code, node: Node, codes: [Code], compiler: CueCompiler) {
        let cueNodes = node.mapping?["cues"]?.sequence.map(Array.init) ?? []
        let hasChildren = codes.contains { $0.parent == code.id }
        if code.cues.isEmpty, hasChildren == false {
            error(node.mapping?["cues"]?.mark ?? node.mark, "code '\(code.id)' has no cues; add words or phrases "
                  + "that signal it (only a code with children may have none)")
        }
        var seen: Set<String> = []
        for (index, cue) in code.cues.enumerated() {
            let mark = index < cueNodes.count ? cueNodes[index].mark : node.mark
            if seen.insert(cue.lowercased()).inserted == false {
                issues.append(CodebookIssue(.warning, file: file, line: mark?.line, "code '\(code.id)': cue '\(cue)' is repeated"))
            }
            do {
                _ = try compiler.compile(cue)
            } catch let problem as QuadernoError {
                error(mark, "code '\(code.id)': cue '\(cue)': \(problem.message)")
            } catch {
                self.error(mark, "code '\(code.id)': cue '\(cue)': \(error)")
            }
        }
    }

    private func strings(_ node: Node?) -> [String] {
        guard let node else { return [] }
        if let sequence = node.sequence { return sequence.compactMap(\.string) }
        return node.string.map { [$0] } ?? []
    }

    private mutating func error(_ mark: Mark?, _ message: String) {
        issues.append(CodebookIssue(.error, file: file, line: mark?.line, message))
    }

    private static func line(of error: Error) -> Int? {
        if case let YamlError.scanner(_, _, mark, _) = error { return mark.line }
        if case let YamlError.parser(_, _, mark, _) = error { return mark.line }
        return nil
    }

    private static func problem(_ error: Error) -> String {
        if case let YamlError.scanner(_, problem, _, _) = error { return problem }
        if case let YamlError.parser(_, problem, _, _) = error { return problem }
        return "\(error)"
    }
}

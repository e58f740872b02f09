import Foundation

/// One pass of ``REFIValidator`` over a parsed document: walks the tree, then resolves references.
struct REFIValidationRun {
    let document: REFIXMLDocument
    let lookup: (String) -> REFIContainer.TextLookup
    private(set) var issues: [ValidationIssue] = []
    private var rules: [String: REFIElementRule] = [:]
    private var namespace = ""
    /// Every `guid` seen: its element name and path.
    var owners: [String: (kind: String, path: String)] = [:]
    /// References to resolve once every GUID is known.
    var references: [(node: XMLTreeNode, path: String, attribute: String, target: String, kinds: Set<String>)] = []
    var variableTypes: [String: String] = [:]
    var values: [(node: XMLTreeNode, path: String)] = []

    init(document: REFIXMLDocument, lookup: @escaping (String) -> REFIContainer.TextLookup) {
        self.document = document
        self.lookup = lookup
    }

    mutating func check() {
        let root = document.root
        switch root.name {
        case "Project": (rules, namespace) = (REFIElementRule.project, ProjectXMLEncoder.namespace)
        case "CodeBook": (rules, namespace) = (REFIElementRule.codebook, QDCCodebook.namespace)
        default:
            report(.error, root, "/\(root.name)", "the root element must be <Project> (.qdpx, .qde) or <CodeBook> (.qdc)")
            return
        }
        if root.namespace != namespace {
            report(.error, root, "/\(root.name)", "the root element must be in the namespace \(namespace), "
                   + "not \(root.namespace.map { "'\($0)'" } ?? "none")")
        }
        walk(root, path: "/\(root.name)", checked: true)
        resolve()
    }

    mutating func report(_ severity: ValidationIssue.Severity, _ node: XMLTreeNode, _ path: String, _ message: String) {
        issues.append(ValidationIssue(severity, file: document.file, line: document.line(node), path: path, message))
    }

    private mutating func walk(_ node: XMLTreeNode, path: String, checked: Bool) {
        let rule = checked ? rules[node.name] : nil
        if let rule {
            for attribute in rule.required where node.attributes[attribute] == nil {
                report(.error, node, path, "the required attribute '\(attribute)' is missing")
            }
            for name in rule.requiredChildren where node.child(name) == nil {
                report(.error, node, path, "the required element <\(name)> is missing")
            }
        }
        checkAttributes(node, path)
        checkContent(node, path)
        var counts: [String: Int] = [:]
        for child in node.elements {
            counts[child.name, default: 0] += 1
            let childPath = "\(path)/\(child.name)[\(counts[child.name]!)]"
            if child.namespace != namespace {
                report(.warning, child, childPath, "an element from another namespace "
                       + "(\(child.namespace ?? "none")); other programs will ignore it")
                continue
            }
            if let allowed = rule?.children, allowed.contains(child.name) == false {
                report(.error, child, childPath, "<\(child.name)> is not allowed inside <\(node.name)>")
                continue
            }
            walk(child, path: childPath, checked: rule?.children != nil)
        }
    }

    private mutating func checkAttributes(_ node: XMLTreeNode, _ path: String) {
        for (attribute, value) in node.attributes.sorted(by: { $0.key < $1.key }) {
            if REFIElementRule.guidAttributes.contains(attribute) {
                guard let guid = REFIGUID.canonical(value) else {
                    report(.error, node, path, "\(attribute)='\(value)' is not a GUID (8-4-4-4-12 hexadecimal digits)")
                    continue
                }
                if attribute == "guid", node.name == "MemberCode", namespace == QDCCodebook.namespace {
                    references.append((node, path, attribute, guid, ["Code"]))
                } else if attribute == "guid" {
                    if let first = owners[guid] {
                        report(.error, node, path, "the GUID \(value) is already used by <\(first.kind)> at \(first.path)")
                    } else {
                        owners[guid] = (node.name, path)
                    }
                } else if REFIElementRule.userAttributes.contains(attribute) {
                    references.append((node, path, attribute, guid, ["User"]))
                } else if attribute == "targetGUID", let kinds = REFIElementRule.referenceTargets[node.name] {
                    references.append((node, path, attribute, guid, kinds))
                } else if attribute == "sourceVertex" || attribute == "targetVertex" {
                    references.append((node, path, attribute, guid, ["Vertex"]))
                }
            } else if REFIElementRule.integerAttributes.contains(attribute), Int(value) == nil {
                report(.error, node, path, "\(attribute)='\(value)' is not an integer")
            } else if REFIElementRule.dateTimeAttributes.contains(attribute), isDateTime(value) == false {
                report(.error, node, path, "\(attribute)='\(value)' is not a date and time (YYYY-MM-DDThh:mm:ss)")
            } else if attribute == "color" {
                checkColor(node, path, value)
            } else if attribute == "isCodable", ["true", "false", "1", "0"].contains(value) == false {
                report(.error, node, path, "isCodable='\(value)' must be true or false")
            } else if attribute == "typeOfVariable" {
                if ExchangeProject.VariableType(rawValue: value) == nil {
                    report(.error, node, path, "typeOfVariable='\(value)' must be one of Text, Boolean, Integer, Float, Date, DateTime")
                }
                if let guid = node.attributes["guid"].flatMap(REFIGUID.canonical) { variableTypes[guid] = value }
            }
        }
    }

    private mutating func checkColor(_ node: XMLTreeNode, _ path: String, _ value: String) {
        let scalars = Array(value.unicodeScalars)
        let hex = scalars.first == "#" && scalars.dropFirst().allSatisfy(\.properties.isASCIIHexDigit)
        if hex && scalars.count == 7 { return }
        if hex && scalars.count == 4 {
            report(.warning, node, path, "color='\(value)' is short #RGB; some programs expect #RRGGBB")
        } else {
            report(.error, node, path, "color='\(value)' is not a color #RRGGBB")
        }
    }

    func isDateTime(_ text: String) -> Bool {
        ExchangeProject.lexicalProblem(.dateTime(text)) == nil
    }
}

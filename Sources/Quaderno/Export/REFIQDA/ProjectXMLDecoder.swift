import Foundation

/// Turns a parsed `project.qde` into an ``ExchangeProject``, tolerantly: what cannot be imported is
/// skipped with a warning, and what is kept is consistent (every coding's code exists, every coder is
/// a user, every selection lies inside its text).
struct ProjectXMLDecoder {
    let document: REFIXMLDocument
    let lookup: (String) -> REFIContainer.TextLookup
    var warnings = WarningLog()
    var project = ExchangeProject(name: "", origin: "")
    var codeGUIDs = Set<String>()
    var userGUIDs = Set<String>()
    var seenGUIDs = Set<String>()

    init(document: REFIXMLDocument, lookup: @escaping (String) -> REFIContainer.TextLookup) {
        self.document = document
        self.lookup = lookup
    }

    /// Elements REFI-QDA defines that Quaderno does not import, with the reason given in the warning.
    static let notImported: [String: String] = [
        "Notes": "notes are not imported", "NoteRef": "note references are not imported",
        "Links": "links are not imported", "Sets": "sets are not imported", "Graphs": "graphs are not imported",
    ]

    mutating func decode() throws -> ExchangeProject {
        let root = document.root
        guard root.name == "Project" else {
            throw QuadernoError(.malformed, file: document.file, line: document.line(root),
                                "the root element is <\(root.name)>, not a REFI-QDA <Project>",
                                hint: "choose a .qdpx or .qde project file (a .qdc is a codebook)")
        }
        if root.namespace != ProjectXMLEncoder.namespace {
            warnings.add("the project is not in the namespace \(ProjectXMLEncoder.namespace) "
                + "(found \(root.namespace.map { "'\($0)'" } ?? "none")); read anyway")
        }
        project.name = root.attributes["name"] ?? ""
        project.origin = root.attributes["origin"] ?? ""
        project.description = root.childText("Description")
        expect(root, ["Users", "CodeBook", "Variables", "Cases", "Sources", "Description"])
        for users in root.children("Users") {
            expect(users, ["User"])
            for node in users.children("User") { decodeUser(node) }
        }
        if let creator = root.attributes["creatingUserGUID"].flatMap(REFIGUID.canonical), userGUIDs.contains(creator) {
            project.creatingUser = creator
        }
        if let date = root.attributes["creationDateTime"] { project.creationDateTime = ISO8601DateFormatter().date(from: date) }
        for codebook in root.children("CodeBook") {
            expect(codebook, ["Codes"])
            for codes in codebook.children("Codes") { project.codes += decodeCodes(codes) }
        }
        for variables in root.children("Variables") {
            expect(variables, ["Variable"])
            project.variables += variables.children("Variable").compactMap { decodeVariable($0) }
        }
        for sources in root.children("Sources") {
            expect(sources, ["TextSource", "PDFSource", "PictureSource", "AudioSource", "VideoSource"])
            for node in sources.elements where node.namespace == root.namespace {
                if node.name == "TextSource" {
                    if let source = decodeSource(node) { project.sources.append(source) }
                } else if node.name.hasSuffix("Source") {
                    skipMediaSource(node)
                }
            }
        }
        let sourceGUIDs = Set(project.sources.map(\.guid))
        let selectionGUIDs = Set(project.sources.flatMap { $0.selections.map(\.guid) })
        for cases in root.children("Cases") {
            expect(cases, ["Case"])
            for node in cases.children("Case") {
                if let item = decodeCase(node, sourceGUIDs: sourceGUIDs, selectionGUIDs: selectionGUIDs) {
                    project.cases.append(item)
                }
            }
        }
        return project
    }

    /// Warns about children of `node` that are neither in `known` nor known-but-not-imported.
    mutating func expect(_ node: XMLTreeNode, _ known: Set<String>) {
        for child in node.elements {
            if child.namespace == document.root.namespace, known.contains(child.name) { continue }
            if child.namespace == document.root.namespace, let reason = Self.notImported[child.name] {
                warnings.add("ignored <\(child.name)>: \(reason)", key: "unsupported \(child.name)")
            } else {
                let place = document.line(child).map { " (line \($0))" } ?? ""
                warnings.add("ignored unknown element <\(child.name)> inside <\(node.name)>\(place)",
                             key: "unknown \(child.name) in \(node.name)")
            }
        }
    }

    /// The canonical GUID in `attribute`, or nil with a warning naming `what`.
    mutating func guid(_ node: XMLTreeNode, _ what: String, attribute: String = "guid") -> String? {
        guard let raw = node.attributes[attribute] else {
            warnings.add("\(what) has no \(attribute); skipped")
            return nil
        }
        guard let guid = REFIGUID.canonical(raw) else {
            warnings.add("\(what) has an invalid \(attribute) '\(raw)'; skipped")
            return nil
        }
        if attribute == "guid", seenGUIDs.insert(guid).inserted == false {
            warnings.add("the GUID \(guid) is used by more than one element (\(what))")
        }
        return guid
    }

    /// The user GUID in `attribute`, adding a placeholder user when the project does not list it.
    mutating func user(_ node: XMLTreeNode, attribute: String = "creatingUser") -> String? {
        guard let raw = node.attributes[attribute] else { return nil }
        guard let guid = REFIGUID.canonical(raw) else {
            warnings.add("ignored the invalid user GUID '\(raw)' in <\(node.name)>")
            return nil
        }
        if userGUIDs.insert(guid).inserted {
            project.users.append(ExchangeProject.User(guid: guid, name: "unknown user \(guid.prefix(8))"))
            warnings.add("the user \(guid) is not listed in <Users>; added as 'unknown user \(guid.prefix(8))'")
        }
        return guid
    }
}

import Foundation

/// A codebook read from a `.qdc` file (or taken from a project's code tree).
public struct QDCImport: Sendable {
    /// The codebook.
    public var codebook: Codebook
    /// What was repaired (ids made up for codes without one, duplicates renamed, ...).
    public var warnings: [String]
}

/// REFI-QDA codebooks (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`) to and from a ``Codebook``.
///
/// Codes nest by `parent`; GUIDs are ``UUIDv5/guid(_:_:)`` of `("code", id)`, so they match the codes
/// of a project exported with the same ids; `color` is `#RRGGBB`. The code's `Description` holds the
/// definition, then the include and exclude rules and the examples in readable form.
///
/// **Cues, ids and polarity cannot travel in QDC**, which has no place for them: they are written at
/// the end of the description in a `[Quaderno] … [/Quaderno]` block (see ``QDCDescription``) and read
/// back from it, so a round trip through QDC (or through another program that keeps descriptions)
/// preserves them. Codes come back depth first, a parent before its children. The codebook's own
/// name, version, language and description have no place in QDC either: reading gives the name the
/// caller passes and empty version and description.
public enum QDCCodebook {
    /// The codebook namespace.
    public static let namespace = "urn:QDA-XML:codebook:1.0"

    /// The GUID a code with `id` gets in QDC and QDPX exports.
    public static func guid(forCode id: String) -> String { UUIDv5.guid("code", id) }

    /// The `.qdc` document for `codebook`.
    ///
    /// Throws a ``QuadernoError`` of kind `invalid` when a code's color is not `#RRGGBB` (or `#RGB`).
    public static func xml(_ codebook: Codebook) throws -> String {
        let codes = try ExchangeProject.codes(from: codebook)
        var xml = XMLWriter()
        xml.start("CodeBook", [("xmlns", namespace), ("origin", "Quaderno")])
        ProjectXMLEncoder.writeCodes(codes, into: &xml)
        return xml.finish()
    }

    /// Writes `codebook` to `url` as a `.qdc` file (through a temporary file renamed into place).
    public static func write(_ codebook: Codebook, to url: URL) throws {
        let data = Data(try xml(codebook).utf8)
        try AtomicFile.write(to: url) { try data.write(to: $0) }
    }

    /// Reads the `.qdc` file at `url`; the codebook is named `name` (default: the file name).
    public static func read(_ url: URL, name: String? = nil, limits: ImportLimits = .standard) throws -> QDCImport {
        let container = try REFIContainer(url: url, limits: limits, documentExtension: "qdc")
        let document = try container.document()
        let root = document.root
        guard root.name == "CodeBook" else {
            throw QuadernoError(.malformed, file: document.file, line: document.line(root),
                                "the root element is <\(root.name)>, not a REFI-QDA <CodeBook>",
                                hint: "choose a .qdc codebook file")
        }
        var decoder = ProjectXMLDecoder(document: document) { _ in .missing("no sources in a codebook") }
        if root.namespace != namespace {
            decoder.warnings.add("the codebook is not in the namespace \(namespace); read anyway")
        }
        decoder.expect(root, ["Codes", "Sets"])
        let codes = root.children("Codes").flatMap { decoder.decodeCodes($0) }
        var result = codebook(from: codes, name: name ?? url.deletingPathExtension().lastPathComponent)
        result.warnings = decoder.warnings.messages + result.warnings
        return result
    }

    /// A codebook from a REFI-QDA code tree (a `.qdc`'s or an imported project's), depth first.
    ///
    /// Ids, polarity and cues come from the `[Quaderno]` block of each description when present;
    /// otherwise the id is made from the name (`Lavoro di rete` → `lavoro_di_rete`) and the polarity is
    /// neutral. Duplicate ids get `_2`, `_3`, … with a warning.
    public static func codebook(from codes: [ExchangeProject.Code], name: String) -> QDCImport {
        var result: [Code] = []
        var used = Set<String>()
        var warnings: [String] = []
        func visit(_ node: ExchangeProject.Code, parent: String?) {
            let fields = QDCDescription.parse(node.description)
            let base = fields.id.flatMap { $0.isEmpty ? nil : $0 } ?? slug(node.name)
            var id = base
            var counter = 2
            while used.contains(id) {
                id = "\(base)_\(counter)"
                counter += 1
            }
            if id != base { warnings.append("two codes have the id '\(base)'; the code '\(node.name)' became '\(id)'") }
            used.insert(id)
            result.append(Code(id: id, name: node.name, polarity: fields.polarity ?? .neutral, parent: parent,
                               color: node.color, definition: fields.definition, include: fields.include,
                               exclude: fields.exclude, examples: fields.examples, cues: fields.cues))
            for child in node.children { visit(child, parent: id) }
        }
        for code in codes { visit(code, parent: nil) }
        return QDCImport(codebook: Codebook(name: name, codes: result), warnings: warnings)
    }

    /// An id from a name: lower case ASCII letters, digits and `_`, starting with a letter.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if slug.isEmpty == false, slug.hasSuffix("_") == false {
                slug += "_"
            }
        }
        while slug.hasSuffix("_") { slug.removeLast() }
        if slug.first.map({ $0.isLetter }) != true { slug = "code" + (slug.isEmpty ? "" : "_" + slug) }
        return slug
    }
}

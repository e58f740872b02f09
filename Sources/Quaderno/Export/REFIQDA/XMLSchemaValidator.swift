import CLibXML2
import Foundation

/// Validates XML documents against an XML Schema (XSD) with libxml2's schema validator.
///
/// The schema is a trusted local file, read from disk; the documents validated are parsed from memory
/// with safe options only (no network, no entity substitution, no DTD loading). For REFI-QDA use
/// `Project.xsd` on a `.qdpx`/`.qde` and `Codebook.xsd` on a `.qdc` (see ``validate(fileAt:limits:)``).
public struct XMLSchemaValidator: Sendable {
    /// One schema violation (or well-formedness error) libxml2 reported.
    public struct Failure: Sendable, Equatable, CustomStringConvertible {
        /// The 1-based line in the document, 0 when unknown.
        public var line: Int
        /// libxml2's message, e.g. `Element '{urn:QDA-XML:project:1.0}Code': The attribute 'name' is required`.
        public var message: String

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    private let schema: Data
    private let schemaName: String

    /// Loads the schema at `schemaURL`.
    public init(schemaURL: URL) throws {
        do {
            schema = try Data(contentsOf: schemaURL)
        } catch {
            throw QuadernoError(.unreadable, file: schemaURL.path, "cannot read the schema", hint: "check the path")
        }
        schemaName = schemaURL.path
    }

    /// The violations in the XML document `document` (empty when it is valid); `name` labels it.
    ///
    /// Throws when the schema itself cannot be compiled.
    public func validate(_ document: Data, name: String = "document") throws -> [Failure] {
        xmlInitParser()
        var errors = quaderno_schema_errors(text: nil, length: 0, capacity: 0, count: 0)
        defer { free(errors.text) }
        let status = schema.withUnsafeBytes { schemaBytes in
            document.withUnsafeBytes { documentBytes in
                quaderno_schema_validate(schemaBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(schemaBytes.count),
                                         documentBytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                                         Int32(documentBytes.count), name, &errors)
            }
        }
        var failures: [Failure] = []
        if let text = errors.text {
            for record in String(cString: text).split(separator: "\n") {
                let parts = record.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                failures.append(Failure(line: Int(parts[0]) ?? 0, message: parts.count > 1 ? String(parts[1]) : ""))
            }
        }
        if status == -1 {
            throw QuadernoError(.invalid, file: schemaName, "the schema cannot be compiled: "
                                + (failures.first?.message ?? "unknown error"))
        }
        if status != 0, failures.isEmpty { failures.append(Failure(line: 0, message: "the document is not valid")) }
        if errors.count > 200 { failures.append(Failure(line: 0, message: "… and \(errors.count - 200) more")) }
        return failures
    }

    /// The violations in a REFI-QDA file: a `.qdpx` archive (its `.qde` is validated) or a bare
    /// `.qde`/`.qdc` XML file.
    public func validate(fileAt url: URL, limits: ImportLimits = .standard) throws -> [Failure] {
        let container = try REFIContainer(url: url, limits: limits, documentExtension: "qde")
        var data = Data()
        if let package = container.package, let entry = container.documentEntry {
            try package.read(entry) { data.append($0) }
        } else {
            data = try Data(contentsOf: url)
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = Data(data.dropFirst(3)) }
        return try validate(data, name: url.lastPathComponent)
    }
}

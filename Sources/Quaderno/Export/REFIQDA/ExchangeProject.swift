import Foundation

/// A REFI-QDA project as plain values: what a `.qdpx` file carries, independent of Quaderno's store.
///
/// Write it with ``QDPXWriter``, read one with ``QDPXReader``. Every GUID is kept in canonical form
/// (lower case, no braces; see ``REFIGUID``); ``UUIDv5/guid(_:_:)`` derives stable GUIDs from
/// Quaderno ids. Text positions are Unicode scalar (code point) offsets into a source's plain text,
/// 0-based, end exclusive, counting every code point as stored (a CRLF is two).
public struct ExchangeProject: Sendable, Equatable {
    /// The project's name (required by the schema).
    public var name: String
    /// The program that wrote the project (`Quaderno`, `NVivo for Mac 15.0.0`, ...).
    public var origin: String
    /// A free-text description of the project.
    public var description: String
    /// The GUID of the user who created the project, if known.
    public var creatingUser: String?
    /// When the project was created; nil keeps exports byte-identical from run to run.
    public var creationDateTime: Date?
    /// The coders and other users.
    public var users: [User]
    /// The top-level codes; each holds its children.
    public var codes: [Code]
    /// The case variables (attributes).
    public var variables: [Variable]
    /// The cases, with their variable values and the sources they group.
    public var cases: [Case]
    /// The text sources, with their selections and codings.
    public var sources: [TextSource]

    /// Creates a project.
    public init(name: String, origin: String = "Quaderno", description: String = "", creatingUser: String? = nil,
                creationDateTime: Date? = nil, users: [User] = [], codes: [Code] = [], variables: [Variable] = [],
                cases: [Case] = [], sources: [TextSource] = []) {
        self.name = name
        self.origin = origin
        self.description = description
        self.creatingUser = creatingUser
        self.creationDateTime = creationDateTime
        self.users = users
        self.codes = codes
        self.variables = variables
        self.cases = cases
        self.sources = sources
    }

    /// A person (or program) who codes.
    public struct User: Sendable, Equatable, Hashable {
        /// The user's GUID.
        public var guid: String
        /// The display name.
        public var name: String
        /// A short identifier such as initials, if any.
        public var id: String?

        /// Creates a user.
        public init(guid: String, name: String, id: String? = nil) {
            self.guid = guid
            self.name = name
            self.id = id
        }
    }

    /// The user with `guid` (in any GUID form), if any.
    public func user(_ guid: String) -> User? {
        let key = REFIGUID.canonical(guid) ?? guid
        return users.first { $0.guid == key }
    }

    /// The source with `guid` (in any GUID form), if any.
    public func source(_ guid: String) -> TextSource? {
        let key = REFIGUID.canonical(guid) ?? guid
        return sources.first { $0.guid == key }
    }

    /// Every coding in the project with the source and selection it belongs to, in document order.
    public var allCodings: [(source: TextSource, selection: Selection, coding: Coding)] {
        sources.flatMap { source in
            source.selections.flatMap { selection in selection.codings.map { (source, selection, $0) } }
        }
    }
}

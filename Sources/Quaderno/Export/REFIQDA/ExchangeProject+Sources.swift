/// Text sources, selections and codings.
extension ExchangeProject {
    /// A text document: its plain text and the spans coded in it.
    public struct TextSource: Sendable, Equatable {
        /// The source's GUID (also the name of its text file in a `.qdpx`: `sources/<guid>.txt`).
        public var guid: String
        /// The display name.
        public var name: String
        /// The plain text, exactly as stored (no BOM); positions count its Unicode scalars.
        public var text: String
        /// A free-text description.
        public var description: String
        /// The GUID of the user who added the source, if known.
        public var creatingUser: String?
        /// The coded spans, in order.
        public var selections: [Selection]
        /// Values of the project's variables for this source.
        public var values: [VariableValue]

        /// Creates a text source.
        public init(guid: String, name: String, text: String, description: String = "", creatingUser: String? = nil,
                    selections: [Selection] = [], values: [VariableValue] = []) {
            self.guid = guid
            self.name = name
            self.text = text
            self.description = description
            self.creatingUser = creatingUser
            self.selections = selections
            self.values = values
        }

        /// The text a selection quotes: the scalars at `start..<end` (clamped to the text).
        public func quote(_ selection: Selection) -> String {
            text.scalarSlice(selection.start, selection.end)
        }
    }

    /// A span of a text source (`PlainTextSelection`), with the codes applied to it.
    public struct Selection: Sendable, Equatable {
        /// The selection's GUID.
        public var guid: String
        /// A label (tools write the quoted text or a line reference here); may be empty.
        public var name: String
        /// Start, in Unicode scalars from the start of the source text (0-based).
        public var start: Int
        /// End (exclusive), in Unicode scalars.
        public var end: Int
        /// The GUID of the user who made the selection, if known.
        public var creatingUser: String?
        /// A free-text description (a memo on the span).
        public var description: String
        /// The codes applied to the span.
        public var codings: [Coding]

        /// Creates a selection.
        public init(guid: String, name: String = "", start: Int, end: Int, creatingUser: String? = nil,
                    description: String = "", codings: [Coding] = []) {
            self.guid = guid
            self.name = name
            self.start = start
            self.end = end
            self.creatingUser = creatingUser
            self.description = description
            self.codings = codings
        }
    }

    /// The application of one code to a selection by one user.
    public struct Coding: Sendable, Equatable {
        /// The coding's GUID.
        public var guid: String
        /// The GUID of the code applied.
        public var code: String
        /// The GUID of the user who coded, if known.
        public var creatingUser: String?

        /// Creates a coding.
        public init(guid: String, code: String, creatingUser: String? = nil) {
            self.guid = guid
            self.code = code
            self.creatingUser = creatingUser
        }
    }
}

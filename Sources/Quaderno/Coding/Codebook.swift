/// A codebook: the research instrument that says which codes exist and how to recognise them.
///
/// Read from YAML with ``Codebook/load(from:)``; see `codebooks/README.md` for the format.
public struct Codebook: Sendable, Equatable, Codable {
    /// A short name for the codebook.
    public var name: String
    /// The codebook's version, recorded with every coding run.
    public var version: String
    /// The language of the cues (`it`).
    public var language: String
    /// What the codebook is for.
    public var description: String
    /// The codes, in the order the file gives them.
    public var codes: [Code]

    /// Creates a codebook.
    public init(name: String, version: String = "", language: String = "it", description: String = "",
                codes: [Code]) {
        self.name = name
        self.version = version
        self.language = language
        self.description = description
        self.codes = codes
    }

    /// The code with `id`, if any.
    public func code(_ id: String) -> Code? { codes.first { $0.id == id } }
}

/// One code of a codebook.
public struct Code: Sendable, Equatable, Hashable, Codable {
    /// Stable identifier (`empowerment`), used in CSV files and projects.
    public var id: String
    /// Human-readable name.
    public var name: String
    /// Whether the code marks a positive or a negative dynamic, or neither.
    public var polarity: Polarity
    /// The parent code's id, for hierarchical codebooks.
    public var parent: String?
    /// A display color as `#RRGGBB`.
    public var color: String?
    /// What the code means.
    public var definition: String
    /// When to apply it.
    public var include: [String]
    /// When not to apply it.
    public var exclude: [String]
    /// Example passages.
    public var examples: [String]
    /// The cues that signal it: words, phrases, `prefix*`, `=exact` or `re:` regular expressions.
    public var cues: [String]

    /// Creates a code.
    public init(id: String, name: String, polarity: Polarity = .neutral, parent: String? = nil,
                color: String? = nil, definition: String = "", include: [String] = [],
                exclude: [String] = [], examples: [String] = [], cues: [String] = []) {
        self.id = id
        self.name = name
        self.polarity = polarity
        self.parent = parent
        self.color = color
        self.definition = definition
        self.include = include
        self.exclude = exclude
        self.examples = examples
        self.cues = cues
    }
}

/// One imported case sheet: its plain text and everything Quaderno found in it.
///
/// All offsets (`start`, `end`) are Unicode scalar offsets into ``text``, end exclusive, as REFI-QDA
/// defines positions: `text.unicodeScalars` sliced at `start..<end` is exactly the quoted text.
public struct Case: Sendable, Equatable {
    /// Identifier unique within a batch or project: the file name without extension.
    public var id: String
    /// The path of the file the case came from, as given by the user.
    public var source: String
    /// The format the file was read as.
    public var format: SourceFormat
    /// The sheet's title (the event or document title), empty when there is none.
    public var title: String
    /// The attributes in the order the sheet gives them, then derived ones such as `territory`.
    public var attributes: [Attribute]
    /// The tables, one per table in the sheet (page-break continuations merged).
    public var tables: [CaseTable]
    /// The elements of the summary section.
    public var elements: [Element]
    /// Euro amounts found in the text.
    public var amounts: [AmountMention]
    /// Dates found in the text.
    public var dates: [DateMention]
    /// Administrative references found in the text.
    public var references: [ReferenceMention]
    /// The layout of the text: headings, paragraphs, items and table cells with their offsets.
    public var segments: [Segment]
    /// Things the importer could not settle and a researcher should check.
    public var warnings: [String]
    /// The case's plain text.
    public var text: String

    /// Creates a case.
    public init(id: String, source: String, format: SourceFormat, title: String = "",
                attributes: [Attribute] = [], tables: [CaseTable] = [], elements: [Element] = [],
                amounts: [AmountMention] = [], dates: [DateMention] = [],
                references: [ReferenceMention] = [], segments: [Segment] = [], warnings: [String] = [],
                text: String = "") {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.attributes = attributes
        self.tables = tables
        self.elements = elements
        self.amounts = amounts
        self.dates = dates
        self.references = references
        self.segments = segments
        self.warnings = warnings
        self.text = text
    }

    /// The value of the first attribute with `key`, if any.
    public func attribute(_ key: String) -> String? {
        attributes.first { $0.key == key }?.value
    }

    /// Sets `key` to `value`, replacing an attribute with the same key or appending a new one.
    public mutating func setAttribute(_ key: String, _ value: String, label: String = "") {
        if let index = attributes.firstIndex(where: { $0.key == key }) {
            attributes[index].value = value
        } else {
            attributes.append(Attribute(key: key, label: label, value: value))
        }
    }

    /// The canonical territory (zona-distretto), when the gazetteer recognised one.
    public var territory: String? { attribute("territory") }

    /// The sum of the euro amounts found in the text.
    public var amountTotal: Double { amounts.reduce(0) { $0 + $1.value } }
}

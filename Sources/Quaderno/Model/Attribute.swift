/// A named property of a case, such as the proposing body or the territory.
public struct Attribute: Codable, Sendable, Equatable {
    /// The canonical key (`ente_proponente`) or a slug of the label for labels Quaderno does not know.
    public var key: String
    /// The label as the sheet wrote it (`Ente proponente`); empty for derived attributes.
    public var label: String
    /// The value as plain text.
    public var value: String

    /// Creates an attribute.
    public init(key: String, label: String, value: String) {
        self.key = key
        self.label = label
        self.value = value
    }
}

import Foundation

extension Case: Codable {
    enum CodingKeys: String, CodingKey {
        case id = "case_id", source, format, title, attributes, attributeList = "attribute_list", tables, elements
        case amounts, dates
        case references, segments, warnings, text
    }

    /// Decodes a case from the JSON shape `quaderno inspect --json` prints.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        source = try container.decode(String.self, forKey: .source)
        format = try container.decode(SourceFormat.self, forKey: .format)
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? ""
        if let list = try container.decodeIfPresent([Attribute].self, forKey: .attributeList) {
            attributes = list
        } else {
            // JSON objects have no order: without the list, keys come back sorted.
            let map = try container.decodeIfPresent(OrderedAttributes.self, forKey: .attributes)
            attributes = (map?.attributes ?? []).sorted { $0.key < $1.key }
        }
        tables = try container.decodeIfPresent([CaseTable].self, forKey: .tables) ?? []
        elements = try container.decodeIfPresent([Element].self, forKey: .elements) ?? []
        amounts = try container.decodeIfPresent([AmountMention].self, forKey: .amounts) ?? []
        dates = try container.decodeIfPresent([DateMention].self, forKey: .dates) ?? []
        references = try container.decodeIfPresent([ReferenceMention].self, forKey: .references) ?? []
        segments = try container.decodeIfPresent([Segment].self, forKey: .segments) ?? []
        warnings = try container.decodeIfPresent([String].self, forKey: .warnings) ?? []
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
    }

    /// Encodes the case in the JSON shape documented in the README (attributes as an object, and as
    /// an ordered list with their labels in `attribute_list`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(title, forKey: .title)
        try container.encode(OrderedAttributes(attributes: attributes), forKey: .attributes)
        try container.encode(attributes, forKey: .attributeList)
        try container.encode(tables, forKey: .tables)
        try container.encode(elements, forKey: .elements)
        try container.encode(amounts, forKey: .amounts)
        try container.encode(dates, forKey: .dates)
        try container.encode(references, forKey: .references)
        try container.encode(segments, forKey: .segments)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(text, forKey: .text)
    }
}

/// Attributes written as one JSON object, keys in the case's order.
struct OrderedAttributes: Codable {
    var attributes: [Attribute]

    init(attributes: [Attribute]) { self.attributes = attributes }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        attributes = try container.allKeys.map { key in
            Attribute(key: key.stringValue, label: "", value: try container.decode(String.self, forKey: key))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for attribute in attributes {
            try container.encode(attribute.value, forKey: Key(stringValue: attribute.key))
        }
    }
}

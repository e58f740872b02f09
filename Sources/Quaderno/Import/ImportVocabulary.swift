/// The data files that tell the importer what labels, headings and place names mean.
struct ImportVocabulary: Sendable {
    /// What a heading, label or column header announces.
    enum Meaning: String, Sendable {
        case identification, summary, positive, negative, filler
    }

    /// Label phrase → canonical attribute key.
    let attributeLabels: PhraseTable<String>
    /// Zone variant → canonical zone name.
    let territories: PhraseTable<String>
    /// Heading or label phrase → meaning.
    let sections: PhraseTable<Meaning>
    /// Headings and labels repeat from sheet to sheet of a survey: each is matched once.
    let meaningMemo = Memo<String, Set<Meaning>>(capacity: 20_000)
    /// Attribute labels repeat even more: each is resolved once.
    let attributeKeyMemo = Memo<String, String>(capacity: 20_000)
    /// Territory fields repeat across a zone's sheets: each is looked up once.
    let territoryMemo = Memo<String, [(value: String, length: Int)]>(capacity: 20_000)

    /// Loads the bundled data files.
    static func bundled() throws -> ImportVocabulary {
        var labels = PhraseTable<String>()
        for row in try BundledTable(named: "attribute-labels").rows where row.count >= 2 {
            labels.add(row[1], row[0])
        }
        var territories = PhraseTable<String>()
        for row in try BundledTable(named: "territories").rows where row.count >= 2 {
            territories.add(row[0], row[0])
            for variant in row[1].split(separator: "|") { territories.add(String(variant), row[0]) }
        }
        var sections = PhraseTable<Meaning>()
        for row in try BundledTable(named: "section-labels").rows where row.count >= 2 {
            if let meaning = Meaning(rawValue: row[0]) { sections.add(row[1], meaning) }
        }
        return ImportVocabulary(attributeLabels: labels, territories: territories, sections: sections)
    }

    /// The meanings a heading or label announces.
    func meanings(of text: String) -> Set<Meaning> {
        meaningMemo.value(for: text) { Set(sections.matches(in: $0).map(\.value)) }
    }

    /// The single polarity a label announces, nil when it announces none or both.
    func polarity(of text: String) -> Polarity? {
        let found = meanings(of: text)
        switch (found.contains(.positive), found.contains(.negative)) {
        case (true, false): return .positive
        case (false, true): return .negative
        default: return nil
        }
    }

    /// Whether `text` is a label announcing the polarity of what follows ("Aspetti positivi",
    /// "Criticità:") rather than an element: only polarity phrases and filler words, or a short
    /// text ending with a colon.
    func isPolarityLabel(_ text: String) -> Bool {
        let found = meanings(of: text)
        guard found.contains(.positive) || found.contains(.negative) else { return false }
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix(":"), PhraseTable<Meaning>.significantWords(trimmed).count <= 6 { return true }
        return sections.covers(trimmed)
    }

    /// The zones a territory field names, with the length of each one's longest matching variant.
    func territoryMatches(in field: String) -> [(value: String, length: Int)] {
        territoryMemo.value(for: field) { territories.matches(in: $0) }
    }

    /// The canonical key for an attribute label, or a slug of the label.
    func attributeKey(for label: String) -> String {
        attributeKeyMemo.value(for: label) { label in
            if let key = attributeLabels.best(in: label) { return key }
            let slug = PhraseTable<String>.significantWords(label).joined(separator: "_")
            return slug.isEmpty ? "attributo" : String(slug.prefix(48))
        }
    }
}

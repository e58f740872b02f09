/// The Italian function-word data the tokenizer and the cue matcher share
/// (`Resources/italian-function-words.tsv`).
struct ItalianTextRules: Sendable {
    /// Articles: ignored when matching (`la gara` = `gara`).
    let articles: Set<String>
    /// Articulated prepositions and elisions → the form they stand for (`della` → `di`, `dell'` → `di`);
    /// an elided article maps to the empty string.
    let baseForms: [String: String]
    /// Words cut before an apostrophe (`dell`, `l`, `un`), without the apostrophe.
    let elisions: Set<String>
    /// Prefixes written apart that belong to the next word (`co progettazione`).
    let boundPrefixes: Set<String>
    /// Words that end a negation's scope (`ma`, `però`).
    let contrastWords: Set<String>

    static func bundled() throws -> ItalianTextRules {
        var articles: Set<String> = []
        var bases: [String: String] = [:]
        var elisions: Set<String> = []
        var prefixes: Set<String> = []
        var contrast: Set<String> = []
        for row in try BundledTable(named: "italian-function-words").rows where row.count >= 2 {
            let form = row[0].lowercased()
            let base = row.count > 2 ? row[2].lowercased() : ""
            switch row[1] {
            case "article": articles.insert(form)
            case "preposition": bases[form] = base
            case "elision":
                elisions.insert(form)
                bases[form + "'"] = base
            case "bound-prefix": prefixes.insert(form)
            case "contrast": contrast.insert(form)
            default: continue
            }
        }
        return ItalianTextRules(articles: articles, baseForms: bases, elisions: elisions,
                                boundPrefixes: prefixes, contrastWords: contrast)
    }

    /// The form a word is matched as: nil for articles, the base for prepositions and elisions.
    func matchingForm(_ form: String) -> String? {
        if articles.contains(form) { return nil }
        if let base = baseForms[form] { return base.isEmpty ? nil : base }
        return form
    }
}

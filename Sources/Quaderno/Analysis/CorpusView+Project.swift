extension CorpusView {
    /// The view of a project for one coder: `coder` if given, else `auto` when it has codings, else
    /// the first coder. Orphaned codings are left out. The codebook is the latest used; without one,
    /// the codes found in the codings, in order of appearance.
    ///
    /// The cases hold what the analysis and the reports read (id, source, format, title, attributes,
    /// elements, amounts, warnings); their text, tables, dates, references and segments are not loaded
    /// (use ``Project/cases()`` for whole cases).
    public static func load(from project: Project, coder: String? = nil) throws -> (view: CorpusView, coder: String) {
        let coders = try project.coders()
        let chosen = coder ?? (coders.contains("auto") ? "auto" : coders.first ?? "auto")
        if let coder, coders.contains(coder) == false, coders.isEmpty == false {
            throw QuadernoError(.usage, file: project.url.path, "no codings by '\(coder)'",
                                hint: "coders in this project: \(coders.joined(separator: ", "))")
        }
        let codings = try project.codingValues(coders: [chosen])
        var codebook = try project.latestCodebook() ?? Codebook(name: "codes in use", codes: [])
        var known = Set(codebook.codes.map(\.id))
        for position in codings.indices where known.insert(codings[position].code).inserted {
            codebook.codes.append(Code(id: codings[position].code, name: codings[position].code))
        }
        return (CorpusView(cases: try project.caseSummaries(), codings: codings, codebook: codebook), chosen)
    }
}

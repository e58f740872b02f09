/// From Quaderno's codebook to a REFI-QDA code tree.
extension ExchangeProject {
    /// The code tree for `codebook`: GUIDs from ``QDCCodebook/guid(forCode:)``, children under their
    /// `parent`, descriptions as ``QDCDescription`` writes them (with the `[Quaderno]` block carrying
    /// id, polarity and cues when `quadernoBlock` is true).
    ///
    /// Throws a ``QuadernoError`` of kind `invalid` when a color is not `#RRGGBB` or `#RGB`.
    public static func codes(from codebook: Codebook, quadernoBlock: Bool = true) throws -> [Code] {
        let ids = Set(codebook.codes.map(\.id))
        let flat: [(code: Code, parent: String?)] = try codebook.codes.map { code in
            var color: String?
            if let raw = code.color {
                guard let normalized = REFIColor.normalized(raw) else {
                    throw QuadernoError(.invalid, "the code '\(code.id)' has color '\(raw)', not #RRGGBB",
                                        hint: "write colors as \"#2E7D32\"")
                }
                color = normalized
            }
            let exchange = Code(guid: QDCCodebook.guid(forCode: code.id), name: code.name, isCodable: true, color: color,
                                description: QDCDescription.text(for: code, quadernoBlock: quadernoBlock))
            let parent = code.parent.flatMap { ids.contains($0) ? QDCCodebook.guid(forCode: $0) : nil }
            return (exchange, parent)
        }
        return codeTree(flat)
    }
}

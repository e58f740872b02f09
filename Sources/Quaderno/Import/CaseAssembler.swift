/// Turns the blocks of one document into a ``Case``: the plain text with offsets, attributes,
/// tables, elements and mentions. Every format ends here, so a case reads the same whatever its file.
///
/// The parsers hand each block over as soon as it is complete (``add(_:)``), through the page-break
/// merge, and the case grows with them: a large file's blocks never exist all at once.
final class CaseAssembler {
    let vocabulary: ImportVocabulary
    private let reservingBytes: Int
    private var merger = PageBreakMerger()
    private var draft: CaseDraft

    /// An assembler for one document. `reservingBytes` is about how long its text will be in UTF-8
    /// (the file's size will do): the text is allocated once rather than regrown, since a regrown
    /// buffer briefly holds its old and its new storage.
    init(vocabulary: ImportVocabulary, reservingBytes: Int = 0) {
        self.vocabulary = vocabulary
        self.reservingBytes = reservingBytes
        draft = CaseDraft(vocabulary: vocabulary, reservingBytes: reservingBytes)
    }

    /// Takes the next block of the document.
    func add(_ block: Block) {
        merger.add(block) { draft.add($0) }
    }

    /// Forgets every block added so far, for a document that is read again with another parser.
    func restart() {
        merger = PageBreakMerger()
        draft = CaseDraft(vocabulary: vocabulary, reservingBytes: reservingBytes)
    }

    /// The case, once every block was added.
    func finish(id: String, source: String, format: SourceFormat, warnings: [String] = []) -> Case {
        merger.finish { draft.add($0) }
        return draft.finish(id: id, source: source, format: format, warnings: warnings)
    }
}

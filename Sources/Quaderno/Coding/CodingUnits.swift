/// The spans a coder codes in a case.
enum CodingUnits {
    struct Span {
        var range: Range<Int>
        var unit: String
        /// The element's id and polarity (nil and `.unspecified` for other units).
        var elementID: String?
        var polarity: Polarity = .unspecified
    }

    /// Elements always; with `.sentence` or `.cell` also the sentences or cells outside the elements.
    /// `scalars` (the case text's) are read only to split sentences.
    static func spans(of sheet: Case, unit: CodingUnit, scalars: [Unicode.Scalar]) -> [Span] {
        var spans = sheet.elements.map {
            Span(range: $0.start..<$0.end, unit: "element", elementID: $0.id, polarity: $0.polarity)
        }
        guard unit != .element else { return spans }
        let elementRanges = sheet.elements.map { $0.start..<$0.end }
        for segment in sheet.segments where segment.kind != .heading && segment.kind != .title {
            let range = segment.start..<segment.end
            guard elementRanges.contains(where: { $0.overlaps(range) }) == false else { continue }
            switch unit {
            case .cell where segment.kind == .cell:
                spans.append(Span(range: range, unit: "cell", elementID: nil))
            case .sentence:
                for sentence in SentenceSplitter.sentences(scalars, in: range) {
                    spans.append(Span(range: sentence, unit: "sentence", elementID: nil))
                }
            default:
                continue
            }
        }
        return spans.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

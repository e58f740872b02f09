/// One coding as the reports quote it: the coded text cut around its cue, and where it comes from.
struct ReportQuote: Sendable, Equatable {
    /// The case the quote comes from.
    var caseID: String
    /// The case's territory, `(none)` when not recognised.
    var territory: String
    /// The element coded, when the unit is an element.
    var elementID: String?
    /// The polarity the sheet gives the element (nil for other units).
    var elementPolarity: Polarity?
    /// Who coded.
    var coder: String
    /// The code applied.
    var code: String
    /// The quoted text before the cue (all of it when there is no cue).
    var before: String
    /// The cue as it reads in the text, empty when the coding has none or its offsets do not fit.
    var cue: String
    /// The quoted text after the cue.
    var after: String
    /// The cue as written in the codebook (`protagonismo`), when automatic.
    var cuePattern: String?
    /// Whether the code's polarity contradicts the element's: to review.
    var polarityConflict: Bool
    /// The negation or reversal phrase, when the coding is negated (not counted).
    var negatedBy: String?
    /// The coding's start offset, for ordering.
    var start: Int
    /// Whether the coding is negated.
    var negated: Bool

    /// Cuts `coding.text` at the cue: `cueStart − start ..< cueEnd − start` in Unicode scalars.
    /// Newlines become spaces, so a quote reads as one line.
    init(_ coding: Coding, in sheet: Case?) {
        caseID = coding.caseID
        territory = sheet.map { CorpusView.group(of: $0, by: "territory") } ?? "(none)"
        elementID = coding.elementID
        elementPolarity = coding.elementID.flatMap { id in sheet?.elements.first { $0.id == id }?.polarity }
        coder = coding.coder
        code = coding.code
        cuePattern = coding.cue
        polarityConflict = coding.polarityConflict
        negatedBy = coding.negated ? (coding.negatedBy ?? "") : nil
        negated = coding.negated
        start = coding.start
        let scalars = Array(coding.text.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[range].map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })
            return String(piece)
        }
        if let cueStart = coding.cueStart, let cueEnd = coding.cueEnd,
           coding.start <= cueStart, cueStart < cueEnd, cueEnd - coding.start <= scalars.count {
            let lower = cueStart - coding.start
            let upper = cueEnd - coding.start
            before = text(0..<lower)
            cue = text(lower..<upper)
            after = text(upper..<scalars.count)
        } else {
            before = text(0..<scalars.count)
            cue = ""
            after = ""
        }
    }

    /// The whole quoted text (newlines as spaces).
    var text: String { before + cue + after }
}

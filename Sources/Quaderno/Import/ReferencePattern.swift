import Foundation

/// How each kind of administrative act is written in the sheets.
struct ReferencePattern: Sendable {
    let kind: String
    let regex: NSRegularExpression

    private static let numberAndDate = #"\s*(?:n\.?\s*|n°\s*|nr\.?\s*|numero\s+)?(?<number>\d+(?:/\d{2,4})?)"#
        + #"(?:\s*,?\s*(?:del|dell'|in\s+data)\s*(?<date>"# + MentionExtractor.date + #"))?"#
    /// Up to four words between the act's name and its number ("Delibera di Giunta Regionale n. 5").
    private static let qualifiers = #"(?:\s+(?:di|della|del|dell'|[A-Z][\w.']*|dirigenziale|assembleare|consiliare|"#
        + #"commissariale|regionale|comunale)){0,4}?"#
    private static let lawNumber = #"\s*(?:n\.?\s*)?(?<number>\d+/\d{4}|\d+\s+del\s+\d{4})"#

    /// Checked in this order; a later pattern never claims text an earlier one matched.
    static let all: [ReferencePattern] = [
        ReferencePattern(kind: "decreto_legislativo",
                         #"\b(?:D\.\s?Lgs\.?|Dlgs\.?|Decreto\s+Legislativo)"# + lawNumber),
        ReferencePattern(kind: "legge_regionale", #"\b(?:L\.\s?R\.?|Legge\s+Regionale)"# + lawNumber),
        ReferencePattern(kind: "decreto_ministeriale",
                         #"\b(?:D\.\s?M\.?|DM|Decreto\s+Ministeriale|D\.\s+Ministero\b[^;:()\n]{0,90}?)"# + lawNumber),
        ReferencePattern(kind: "legge", #"\b(?:L\.|Legge)(?!\s?R\b)"# + lawNumber),
        ReferencePattern(kind: "determina",
                         #"\bDet(?:\.|ermina(?:zione)?\b)"# + qualifiers + numberAndDate),
        ReferencePattern(kind: "delibera", #"\bDel(?:\.|ibera(?:zione)?\b)"# + qualifiers + numberAndDate),
        ReferencePattern(kind: "decreto", #"\bDecreto(?!\s+(?:Legislativo|Ministeriale))"# + qualifiers
                         + numberAndDate),
    ]

    private init(kind: String, _ pattern: String) {
        self.kind = kind
        regex = MentionExtractor.regex(pattern)
    }
}

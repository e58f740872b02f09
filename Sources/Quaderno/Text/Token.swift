/// A word, number or clause boundary of a text, with its position in the original text.
struct Token: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A word (letters, possibly joined by hyphens); elided words keep their apostrophe (`dell'`).
        case word
        /// A number, with its separators (`51.726,00`).
        case number
        /// A comma: inside a clause.
        case comma
        /// The end of a clause: `. ; : ! ? ( )`, a spaced dash or a line break.
        case boundary
    }

    var kind: Kind
    /// The normalised form: NFC, lower case, typographic apostrophes as `'`, hyphens removed,
    /// an apostrophe typed for an accent repaired (`perche'` → `perché`).
    var form: String
    /// Start in Unicode scalars into the original text.
    var start: Int
    /// End (exclusive) in Unicode scalars.
    var end: Int
}

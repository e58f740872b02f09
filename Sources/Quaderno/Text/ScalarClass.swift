/// The character classes the tokenizer asks about, answered from a table for the first 12,288
/// scalars (ASCII, Latin, Greek, Cyrillic, general punctuation, symbols) and from the Unicode
/// properties above, with the same answers as ``ItalianTokenizer``'s own predicates.
enum ScalarClass {
    /// A letter, digit or combining mark that is not an apostrophe (``ItalianTokenizer/isWordScalar(_:)``).
    static let word: UInt8 = 1
    /// A scalar with a Unicode numeric type.
    static let numeric: UInt8 = 2
    /// Unicode `White_Space`.
    static let whitespace: UInt8 = 4
    /// One of ``ItalianTokenizer/apostrophes``.
    static let apostrophe: UInt8 = 8
    /// One of ``ItalianTokenizer/hyphens``.
    static let hyphen: UInt8 = 16
    /// One of ``ItalianTokenizer/boundaries``.
    static let boundary: UInt8 = 32

    static let tableSize = 0x3000

    /// The flags of the scalars below ``tableSize``, by value.
    static let table: [UInt8] = (0..<UInt32(tableSize)).map { value in
        Unicode.Scalar(value).map(computeFlags) ?? 0
    }

    /// The flags of a scalar, from its Unicode properties.
    static func computeFlags(_ scalar: Unicode.Scalar) -> UInt8 {
        var flags: UInt8 = 0
        if ItalianTokenizer.isWordScalar(scalar) { flags |= word }
        if scalar.properties.numericType != nil { flags |= numeric }
        if scalar.properties.isWhitespace { flags |= whitespace }
        if ItalianTokenizer.apostrophes.contains(scalar) { flags |= apostrophe }
        if ItalianTokenizer.hyphens.contains(scalar) { flags |= hyphen }
        if ItalianTokenizer.boundaries.contains(scalar) { flags |= boundary }
        return flags
    }

    /// The flags of a scalar.
    @inline(__always)
    static func flags(_ scalar: Unicode.Scalar) -> UInt8 {
        scalar.value < tableSize ? table.withUnsafeBufferPointer { $0[Int(scalar.value)] } : computeFlags(scalar)
    }

    @inline(__always)
    static func isWord(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & word != 0 }

    @inline(__always)
    static func isNumeric(_ scalar: Unicode.Scalar) -> Bool { flags(scalar) & numeric != 0 }
}

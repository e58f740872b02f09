import Foundation

/// Splits Italian text into tokens whose offsets point into the original text.
///
/// Elided words are split off (`dell'appalto` → `dell'`, `appalto`; also `dell' Avviso`), hyphens
/// inside words are dropped (`co-progettazione` → `coprogettazione`), a bound prefix written apart
/// is joined (`co progettazione`), and an apostrophe typed for an accent is repaired (`attivita'` →
/// `attività`, `E'` → `è`). Typographic apostrophes (’ ʼ ´ `) count as `'`.
struct ItalianTokenizer: Sendable {
    let rules: ItalianTextRules

    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "\u{00B4}", "`", "\u{2018}"]
    static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}"]
    static let boundaries: Set<Unicode.Scalar> = [".", ";", ":", "!", "?", "\u{2026}", "(", ")", "[", "]", "\n",
                                                  "\r", "\u{2022}", "|"]

    /// The tokens of a whole text; offsets are scalar offsets into it.
    func tokens(_ text: String) -> [Token] {
        tokens(Array(text.unicodeScalars)[...])
    }

    /// The tokens of part of a text; offsets are the slice's own (absolute) indices.
    func tokens(_ scalars: ArraySlice<Unicode.Scalar>) -> [Token] {
        var tokens: [Token] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                index = readWord(scalars, from: index, into: &tokens)
            } else if scalar == "," {
                tokens.append(Token(kind: .comma, form: ",", start: index, end: index + 1))
                index += 1
            } else if Self.boundaries.contains(scalar) || isSpacedDash(scalars, index) {
                tokens.append(Token(kind: .boundary, form: String(Character(scalar)), start: index, end: index + 1))
                index += 1
            } else {
                index += 1
            }
        }
        return joinBoundPrefixes(tokens, scalars)
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        guard apostrophes.contains(scalar) == false else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    private func isSpacedDash(_ scalars: ArraySlice<Unicode.Scalar>, _ index: Int) -> Bool {
        guard Self.hyphens.contains(scalars[index]) else { return false }
        let before = index == scalars.startIndex || scalars[index - 1].properties.isWhitespace
        let after = index + 1 >= scalars.endIndex || scalars[index + 1].properties.isWhitespace
        return before && after
    }

    /// Reads a word or number starting at `start`; returns the index after it.
    private func readWord(_ scalars: ArraySlice<Unicode.Scalar>, from start: Int, into tokens: inout [Token]) -> Int {
        var index = start
        var letters = String.UnicodeScalarView()
        var isNumber = scalars[start].properties.numericType != nil
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isWordScalar(scalar) {
                letters.append(scalar)
                index += 1
                continue
            }
            let next = index + 1 < scalars.endIndex ? scalars[index + 1] : " "
            if isNumber, scalar == "." || scalar == ",", next.properties.numericType != nil {
                letters.append(scalar)
                index += 1
            } else if Self.hyphens.contains(scalar), Self.isWordScalar(next), isNumber == false {
                index += 1
            } else {
                break
            }
            isNumber = isNumber && letters.allSatisfy { $0.properties.numericType != nil || $0 == "." || $0 == "," }
        }
        let word = Self.normalise(String(letters))
        guard index < scalars.endIndex, Self.apostrophes.contains(scalars[index]), isNumber == false else {
            tokens.append(Token(kind: isNumber ? .number : .word, form: word, start: start, end: index))
            return index
        }
        // An apostrophe after the word: an elision, an accent typed as apostrophe, or a quote.
        var after = index + 1
        while after < scalars.endIndex, scalars[after] == " " { after += 1 }
        let followedByWord = after < scalars.endIndex && Self.isWordScalar(scalars[after])
        if rules.elisions.contains(word), followedByWord {
            tokens.append(Token(kind: .word, form: word + "'", start: start, end: index + 1))
            return index + 1
        }
        let quoted = start > scalars.startIndex && Self.apostrophes.contains(scalars[start - 1])
        if quoted == false, let repaired = Self.repairAccent(word),
           index + 1 >= scalars.endIndex || Self.isWordScalar(scalars[index + 1]) == false {
            tokens.append(Token(kind: .word, form: repaired, start: start, end: index + 1))
            return index + 1
        }
        tokens.append(Token(kind: .word, form: word, start: start, end: index))
        return index
    }

    /// NFC, lower case. ASCII and precomposed letters are lower-cased scalar by scalar; only words
    /// with combining marks pay for Unicode normalisation.
    static func normalise(_ word: String) -> String {
        var lower = String.UnicodeScalarView()
        var decomposed = false
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                lower.append(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
            } else if scalar.properties.isUppercase {
                lower.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                if scalar.properties.generalCategory == .nonspacingMark { decomposed = true }
                lower.append(scalar)
            }
        }
        let result = String(lower)
        return decomposed ? result.precomposedStringWithCanonicalMapping : result
    }

    /// `perche` → `perché`, `attivita` → `attività`, `e` → `è`; nil when the word does not end in a vowel.
    static func repairAccent(_ word: String) -> String? {
        guard let last = word.last, "aeiou".contains(last) else { return nil }
        if word == "po" { return nil }
        if word.hasSuffix("che") || word == "ne" || word == "se" { return String(word.dropLast()) + "é" }
        let accented: [Character: Character] = ["a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù"]
        return String(word.dropLast()) + String(accented[last]!)
    }

    /// `co` + `progettazione` written apart become one token when only spaces separate them.
    private func joinBoundPrefixes(_ tokens: [Token], _ scalars: ArraySlice<Unicode.Scalar>) -> [Token] {
        guard rules.boundPrefixes.isEmpty == false else { return tokens }
        var joined: [Token] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .word, rules.boundPrefixes.contains(token.form), index + 1 < tokens.count,
               tokens[index + 1].kind == .word,
               scalars[token.end..<tokens[index + 1].start].allSatisfy({ $0 == " " }) {
                let next = tokens[index + 1]
                joined.append(Token(kind: .word, form: token.form + next.form, start: token.start, end: next.end))
                index += 2
                continue
            }
            joined.append(token)
            index += 1
        }
        return joined
    }
}

import Foundation

/// A compiled cue: a sequence of word patterns, or a regular expression.
struct CuePattern: Sendable {
    /// How one word of a cue matches a word of the text.
    enum Word: Hashable, Sendable {
        /// Any word with this Snowball stem (the default: inflections match).
        case stem(String)
        /// Exactly this normalised form (`=parola`, and function words).
        case exact(String)
        /// Any word beginning with this (`resisten*`).
        case prefix(String)
        /// `...`: up to ``CuePattern/maximumGap`` words of the same clause may come here.
        case gap
    }

    /// How many words a `...` in a cue may skip.
    static let maximumGap = 6

    /// The cue as written in the codebook.
    let source: String
    /// The words, in order; empty for a regular expression.
    let words: [Word]
    /// The expression of a `re:` cue.
    let expression: RegularExpressionBox?
}

/// NSRegularExpression is immutable and thread-safe once built.
final class RegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    /// Proves, when it can, that the expression has no match in a text without running it.
    let prefilter: ExpressionPrefilter?

    init(_ regex: NSRegularExpression, pattern: String) {
        self.regex = regex
        prefilter = ExpressionPrefilter(pattern: pattern)
    }
}

/// Compiles cues with the same tokenizer and normalisation the text goes through.
struct CueCompiler: Sendable {
    let rules: ItalianTextRules
    let tokenizer: ItalianTokenizer
    let stemmer = ItalianStemmer()

    init() throws {
        rules = try ItalianTextRules.bundled()
        tokenizer = ItalianTokenizer(rules: rules)
    }

    /// Compiles one cue; throws a message for an empty cue, an invalid expression or a cue with no words.
    func compile(_ cue: String) throws -> CuePattern {
        let trimmed = cue.trimmingWhitespace()
        guard trimmed.isEmpty == false else {
            throw QuadernoError(.invalid, "the cue is empty", hint: "remove it or write a word")
        }
        if trimmed.hasPrefix("re:") {
            let pattern = String(trimmed.dropFirst(3)).trimmingWhitespace()
            do {
                let regex = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
                return CuePattern(source: cue, words: [], expression: RegularExpressionBox(regex, pattern: pattern))
            } catch {
                throw QuadernoError(.invalid, "invalid regular expression '\(pattern)'",
                                    hint: "check the brackets and escapes (YAML needs \\\\ for one backslash)")
            }
        }
        var words: [CuePattern.Word] = []
        for part in trimmed.split(whereSeparator: \.isWhitespace) {
            if part == "..." || part == "…" {
                guard let last = words.last, last != .gap else {
                    throw QuadernoError(.invalid, "'...' must stand between two words", hint: "write e.g. 'tempi ... lunghi'")
                }
                words.append(.gap)
                continue
            }
            var text = Substring(part)
            let exact = text.hasPrefix("=")
            let prefix = text.hasSuffix("*")
            if exact { text = text.dropFirst() }
            if prefix { text = text.dropLast() }
            let tokens = tokenizer.tokens(String(text)).filter { $0.kind == .word || $0.kind == .number }
            for (index, token) in tokens.enumerated() {
                guard let form = rules.matchingForm(token.form) else { continue }
                let isFunctionWord = form != token.form || rules.baseForms[form] != nil
                if prefix, index == tokens.count - 1 {
                    guard form.count >= 3 else {
                        throw QuadernoError(.invalid, "the prefix '\(form)*' is too short (3 letters at least)")
                    }
                    words.append(.prefix(form))
                } else if exact || isFunctionWord || token.kind == .number {
                    words.append(.exact(form))
                } else {
                    words.append(.stem(stemmer.stem(form)))
                }
            }
        }
        guard words.isEmpty == false else {
            throw QuadernoError(.invalid, "the cue has no words to match (articles alone are ignored)")
        }
        guard words.last != .gap else {
            throw QuadernoError(.invalid, "'...' must stand between two words", hint: "write e.g. 'tempi ... lunghi'")
        }
        return CuePattern(source: cue, words: words, expression: nil)
    }
}

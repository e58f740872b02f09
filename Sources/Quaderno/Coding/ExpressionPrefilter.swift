import Foundation

/// A cheap test that proves a `re:` cue cannot match a text, so the expression need not run.
///
/// From the pattern it finds literals a match must contain: factors, each a set of ASCII strings
/// one of which every match contains (`logic` in `\b(ritorn|ricad)\w*\b[^.;:]{0,25}?\blogic\w*`;
/// `tempi` or `tempistich`, and `lungh` or `strett`, in `\b(tempi|tempistich\w*)\b[^.;:]{0,40}?\b(lungh|
/// strett)\w*`). It reads only a safe subset of the syntax (literals, `\b`, classes, `.`, groups, `|`,
/// quantifiers) and gives up on anything else (inline flags, look-arounds, back references, `\Q`,
/// `\p`, nested sets, ...). The text must be lower case (``CodingSession/matchingText(_:)``) and
/// "fold-safe": no scalar outside ASCII may match an ASCII letter case-insensitively (`ß`, `ſ`, `İ`,
/// the Kelvin sign, ligatures, ...), so only scalars known not to are allowed, and any other scalar
/// makes the expression run.
struct ExpressionPrefilter: Sendable {
    /// Every match contains, for each factor, one of its literals (lower case ASCII, UTF-8).
    let factors: [[[UInt8]]]

    /// The prefilter of a pattern compiled with `.caseInsensitive` only; nil when none can be proved.
    init?(pattern: String) {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        let required = parser.alternation()
        guard parser.failed == false, parser.index == parser.scalars.count else { return nil }
        // A factor with a one-letter literal rules almost nothing out: leave it aside.
        var seen: Set<Set<String>> = []
        let useful = required.filter { $0.isEmpty == false && $0.allSatisfy { $0.count >= 2 } && seen.insert($0).inserted }
        guard useful.isEmpty == false else { return nil }
        factors = useful.map { $0.sorted().map { Array($0.utf8) } }
    }

    /// Whether no scalar of the text can match an ASCII letter case-insensitively unless it is one.
    static func isFoldSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x80: return true
        case 0xDF, 0x130, 0x131, 0x149, 0x17F, 0x1F0: return false
        case 0x80..<0x300, 0x2000..<0x2100, 0x2190..<0x2C00: return true
        default: return false
        }
    }

    /// A recursive-descent reader of the supported syntax. Each method returns the factors a match of
    /// what it read must contain (none: nothing is required); `failed` is set on unsupported syntax.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        /// Set once something outside the supported syntax is met.
        var failed = false

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        private var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// `a|b|c`: the factors of a single branch; for several, one factor made of each branch's
        /// best, or nothing when some branch requires nothing.
        mutating func alternation() -> [Set<String>] {
            var branches = [sequence()]
            while failed == false, peek == "|" {
                index += 1
                branches.append(sequence())
            }
            guard failed == false else { return [] }
            if branches.count == 1 { return branches[0] }
            var union: Set<String> = []
            for branch in branches {
                guard let best = branch.max(by: { Self.score($0) < Self.score($1) }) else { return [] }
                union.formUnion(best)
            }
            return [union]
        }

        /// The length of a factor's shortest literal: longer rules out more.
        private static func score(_ factor: Set<String>) -> Int { factor.map(\.count).min() ?? 0 }

        private enum Atom {
            case literal(Character)
            case other([Set<String>])
            case zeroWidth
        }

        /// A sequence of quantified atoms: its literal runs and the factors of its required groups.
        mutating func sequence() -> [Set<String>] {
            var factors: [Set<String>] = []
            var run = ""
            func closeRun() {
                if run.isEmpty == false { factors.append([run]) }
                run = ""
            }
            while failed == false, let next = peek, next != "|", next != ")" {
                guard let atom = atom() else { failed = true; break }
                guard let minimum = quantifier() else { failed = true; break }
                switch atom {
                case .zeroWidth:
                    if quantified { failed = true }
                case .literal(let character):
                    if minimum == 0 {
                        closeRun()
                    } else {
                        run.append(character)
                        if quantified { closeRun() }
                    }
                case .other(let required):
                    closeRun()
                    if minimum > 0 { factors += required }
                }
            }
            closeRun()
            return failed ? [] : factors
        }

        /// Whether the last atom read had a quantifier.
        private var quantified = false

        private mutating func atom() -> Atom? {
            guard let scalar = peek else { return nil }
            index += 1
            switch scalar {
            case "\\":
                guard let escaped = peek, escaped.isASCII else { return nil }
                index += 1
                if "bB".unicodeScalars.contains(escaped) { return .zeroWidth }
                if "wWsSdD".unicodeScalars.contains(escaped) { return .other([]) }
                if escaped.properties.isAlphabetic || escaped.properties.numericType != nil { return nil }
                return .literal(Character(escaped))
            case "(":
                if peek == "?" {
                    guard index + 1 < scalars.count, scalars[index + 1] == ":" else { return nil }
                    index += 2
                }
                let inner = alternation()
                guard failed == false, peek == ")" else { return nil }
                index += 1
                return .other(inner)
            case "[":
                return characterClass() ? .other([]) : nil
            case ".":
                return .other([])
            case "^", "$":
                return .zeroWidth
            case "*", "+", "?", "{", "}", "]", "#":
                return nil
            default:
                guard scalar.isASCII, scalar.value >= 0x20, scalar.value < 0x7F else {
                    return scalar.isASCII ? nil : .other([])
                }
                let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
                return .literal(Character(lower))
            }
        }

        /// Skips a `[...]` set without nested sets; false when it cannot be read safely.
        private mutating func characterClass() -> Bool {
            if peek == "^" { index += 1 }
            if peek == "]" { return false }
            while let scalar = peek {
                index += 1
                switch scalar {
                case "]": return true
                case "[": return false
                case "\\":
                    guard let escaped = peek, escaped.isASCII,
                          "pPNQExuU0123456789".unicodeScalars.contains(escaped) == false else { return false }
                    index += 1
                default: continue
                }
            }
            return false
        }

        /// Reads an optional quantifier (and a lazy or possessive mark); returns the minimum count
        /// (1 without a quantifier), nil when it cannot be read.
        private mutating func quantifier() -> Int? {
            quantified = true
            var minimum: Int
            switch peek {
            case "*": minimum = 0; index += 1
            case "+": minimum = 1; index += 1
            case "?": minimum = 0; index += 1
            case "{":
                index += 1
                var digits = ""
                while let scalar = peek, ("0"..."9").contains(scalar) { digits.unicodeScalars.append(scalar); index += 1 }
                guard let low = Int(digits) else { return nil }
                minimum = low
                if peek == "," {
                    index += 1
                    while let scalar = peek, ("0"..."9").contains(scalar) { index += 1 }
                }
                guard peek == "}" else { return nil }
                index += 1
            default:
                quantified = false
                return 1
            }
            if peek == "?" || peek == "+" { index += 1 }
            return minimum
        }
    }
}

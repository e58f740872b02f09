/// ``ItalianTokenizer``'s fast path, for coding many texts: the same tokens, but each carries an
/// interned word type (see ``WordTypes``) instead of a form `String`, character classes come from a
/// table (``ScalarClass``) and a spelling met before costs one hash lookup. The rules are
/// ``ItalianTokenizer``'s, step by step; a property test checks the two agree on random text.
/// A value that grows as it scans: keep one per session, as a `var`.
struct TokenScanner {
    /// A token with its word type; offsets are Unicode scalar offsets, as ``Token``'s.
    struct Typed: Equatable {
        var kind: Token.Kind
        var type: Int32
        var start: Int
        var end: Int
    }

    /// The word types met so far, with their forms.
    private(set) var types: WordTypes
    private var letters: [Unicode.Scalar] = []
    private let classes = ScalarClass.table

    init(rules: ItalianTextRules) {
        types = WordTypes(rules: rules)
        letters.reserveCapacity(64)
    }

    /// The tokens of part of a text, replacing the contents of `tokens`; offsets are the slice's own
    /// (absolute) indices.
    mutating func scan(_ scalars: ArraySlice<Unicode.Scalar>, into tokens: inout [Typed]) {
        tokens.removeAll(keepingCapacity: true)
        let base = scalars.startIndex
        let classes = self.classes
        scalars.withUnsafeBufferPointer { text in
            classes.withUnsafeBufferPointer { table in
                let reader = Reader(text: text, table: table)
                var index = 0
                while index < text.count {
                    let scalar = text[index]
                    let flags = reader.flags(scalar)
                    if flags & ScalarClass.word != 0 {
                        index = readWord(reader, from: index, base: base, into: &tokens)
                    } else if scalar == "," {
                        tokens.append(Typed(kind: .comma, type: types.single(scalar), start: base + index,
                                            end: base + index + 1))
                        index += 1
                    } else if flags & ScalarClass.boundary != 0 || reader.isSpacedDash(index, flags) {
                        tokens.append(Typed(kind: .boundary, type: types.single(scalar), start: base + index,
                                            end: base + index + 1))
                        index += 1
                    } else {
                        index += 1
                    }
                }
                joinBoundPrefixes(&tokens, text, base: base)
            }
        }
    }

    /// The text and the class table, read without bounds checks.
    private struct Reader {
        let text: UnsafeBufferPointer<Unicode.Scalar>
        let table: UnsafeBufferPointer<UInt8>

        @inline(__always)
        func flags(_ scalar: Unicode.Scalar) -> UInt8 {
            scalar.value < ScalarClass.tableSize ? table[Int(scalar.value)] : ScalarClass.computeFlags(scalar)
        }

        @inline(__always)
        func has(_ index: Int, _ flag: UInt8) -> Bool { flags(text[index]) & flag != 0 }

        func isSpacedDash(_ index: Int, _ flags: UInt8) -> Bool {
            guard flags & ScalarClass.hyphen != 0 else { return false }
            let before = index == 0 || has(index - 1, ScalarClass.whitespace)
            let after = index + 1 >= text.count || has(index + 1, ScalarClass.whitespace)
            return before && after
        }
    }

    /// ``ItalianTokenizer``'s `readWord`: reads a word or number starting at `start`; returns the
    /// index after it.
    private mutating func readWord(_ reader: Reader, from start: Int, base: Int, into tokens: inout [Typed]) -> Int {
        let text = reader.text
        var index = start
        letters.removeAll(keepingCapacity: true)
        var hash = WordTypeTable.seed
        var isNumber = reader.has(start, ScalarClass.numeric)
        while index < text.count {
            let scalar = text[index]
            let flags = reader.flags(scalar)
            if flags & ScalarClass.word != 0 {
                letters.append(scalar)
                hash = WordTypeTable.mix(hash, scalar)
                index += 1
                continue
            }
            let next: Unicode.Scalar = index + 1 < text.count ? text[index + 1] : " "
            if isNumber, scalar == "." || scalar == ",", reader.flags(next) & ScalarClass.numeric != 0 {
                letters.append(scalar)
                hash = WordTypeTable.mix(hash, scalar)
                index += 1
            } else if flags & ScalarClass.hyphen != 0, reader.flags(next) & ScalarClass.word != 0, isNumber == false {
                index += 1
            } else {
                break
            }
            isNumber = isNumber && letters.allSatisfy {
                reader.flags($0) & ScalarClass.numeric != 0 || $0 == "." || $0 == ","
            }
        }
        let word = letters.withUnsafeBufferPointer { types.type(ofSpelling: $0, hash: hash) }
        guard index < text.count, reader.has(index, ScalarClass.apostrophe), isNumber == false else {
            tokens.append(Typed(kind: isNumber ? .number : .word, type: word, start: base + start, end: base + index))
            return index
        }
        // An apostrophe after the word: an elision, an accent typed as apostrophe, or a quote.
        var after = index + 1
        while after < text.count, text[after] == " " { after += 1 }
        let followedByWord = after < text.count && reader.has(after, ScalarClass.word)
        if types.isElision(word), followedByWord {
            tokens.append(Typed(kind: .word, type: types.elided(word), start: base + start, end: base + index + 1))
            return index + 1
        }
        let quoted = start > 0 && reader.has(start - 1, ScalarClass.apostrophe)
        if quoted == false, index + 1 >= text.count || reader.has(index + 1, ScalarClass.word) == false,
           let repaired = types.repaired(word) {
            tokens.append(Typed(kind: .word, type: repaired, start: base + start, end: base + index + 1))
            return index + 1
        }
        tokens.append(Typed(kind: .word, type: word, start: base + start, end: base + index))
        return index
    }

    /// ``ItalianTokenizer``'s `joinBoundPrefixes`, in place.
    private mutating func joinBoundPrefixes(_ tokens: inout [Typed], _ text: UnsafeBufferPointer<Unicode.Scalar>, base: Int) {
        var write = 0
        var read = 0
        while read < tokens.count {
            let token = tokens[read]
            if token.kind == .word, types.isBoundPrefix(token.type), read + 1 < tokens.count,
               tokens[read + 1].kind == .word,
               (token.end..<tokens[read + 1].start).allSatisfy({ text[$0 - base] == " " }) {
                let next = tokens[read + 1]
                tokens[write] = Typed(kind: .word, type: types.joined(token.type, next.type), start: token.start,
                                      end: next.end)
                write += 1
                read += 2
                continue
            }
            tokens[write] = token
            write += 1
            read += 1
        }
        tokens.removeLast(tokens.count - write)
    }
}

/// References to acts: the keyword of each kind, then its number (and date).
extension MentionScanner {
    /// Every reference that starts exactly at `index`, with the index of its kind in ``referenceKinds``.
    /// Whether a reference keyword can start at `index`, from its first bytes only: `d.`, `dl`, `dm`,
    /// `dec`, `det`, `del.`, `deli`, `l.`, `leg` (any case). Most words starting with `d` or `l`
    /// (`di`, `della`, `la`, `le`) fail here without the keyword scans of ``references(at:)``.
    func mayStartReference(at index: Int) -> Bool {
        let first = byte(index) | 0x20
        let second = byte(index + 1) | 0x20
        if first == 0x6C { return second == 0x2E || (second == 0x65 && byte(index + 2) | 0x20 == 0x67) }
        guard first == 0x64 else { return false }
        if second == 0x2E || second == 0x6C || second == 0x6D { return true }
        guard second == 0x65 else { return false }
        let third = byte(index + 2) | 0x20
        if third == 0x63 || third == 0x74 { return true }
        let fourth = byte(index + 3) | 0x20
        return third == 0x6C && (fourth == 0x2E || fourth == 0x69)
    }

    func references(at index: Int) -> [(kind: Int, end: Int, number: String, date: String?)] {
        let first = byte(index) | 0x20
        guard first == 0x64 || first == 0x6C, isWordBefore(index) == false else { return [] }
        var found: [(kind: Int, end: Int, number: String, date: String?)] = []
        func law(_ kind: Int, _ keywordEnds: [Int?]) {
            for case let end? in keywordEnds {
                if let (after, number) = lawNumber(at: end) {
                    found.append((kind, after, number, nil))
                    return
                }
            }
        }
        func act(_ kind: Int, _ keywordEnds: [Int?]) {
            for case let end? in keywordEnds {
                if let act = numberAndDate(afterQualifiers: end) {
                    found.append((kind, act.end, act.number, act.date))
                    return
                }
            }
        }
        let dDot = keyword("d.", at: index)
        let decreto = keyword("decreto", at: index)
        law(0, [dDot.flatMap { keyword("lgs", at: oneSpace($0)) }.map(optionalDot), keyword("dlgs", at: index).map(optionalDot),
                decreto.flatMap { word("legislativo", at: skippingWhitespace($0, atLeastOne: true)) }])
        let lDot = keyword("l.", at: index)
        let legge = word("legge", at: index)
        law(1, [lDot.flatMap { keyword("r", at: oneSpace($0)) }.map(optionalDot),
                legge.flatMap { word("regionale", at: skippingWhitespace($0, atLeastOne: true)) }])
        law(2, [dDot.flatMap { keyword("m", at: oneSpace($0)) }.map(optionalDot), keyword("dm", at: index),
                decreto.flatMap { word("ministeriale", at: skippingWhitespace($0, atLeastOne: true)) }])
        if let dDot, let ministero = word("ministero", at: skippingWhitespace(dDot, atLeastOne: true)),
           let (after, number) = lawNumber(after: ministero, within: 90) {
            found.append((2, after, number, nil))
        }
        if let lawStart = lDot ?? legge {
            let next = oneSpace(lawStart)
            let regional = (byte(next) | 0x20) == 0x72 && isWord(at: next + 1) == false
            if regional == false { law(3, [lawStart]) }
        }
        act(4, [keyword("det.", at: index), word("determina", at: index), word("determinazione", at: index)])
        act(5, [keyword("del.", at: index), word("delibera", at: index), word("deliberazione", at: index)])
        if let decreto {
            let next = skippingWhitespace(decreto, atLeastOne: true)
            let specific = next > decreto && (word("legislativo", at: next) != nil || word("ministeriale", at: next) != nil)
            if specific == false { act(6, [decreto]) }
        }
        return found
    }

    // MARK: Pieces

    private func optionalDot(_ index: Int) -> Int { byte(index) == 0x2E ? index + 1 : index }

    /// At most one whitespace character (`\s?`).
    private func oneSpace(_ index: Int) -> Int { index + whitespace(at: index) }

    private func skippingWhitespace(_ index: Int, atLeastOne: Bool = false) -> Int {
        let end = skipping(whitespace, from: index)
        return atLeastOne && end == index ? -1 : end
    }

    /// `n. 117/2017`, `117/2017`, `117 del 2017`.
    private func lawNumber(at index: Int) -> (end: Int, number: String)? {
        var position = skippingWhitespace(index)
        if (byte(position) | 0x20) == 0x6E, isDigit(byte(position + 1)) || byte(position + 1) == 0x2E || whitespace(at: position + 1) > 0 {
            position = skippingWhitespace(optionalDot(position + 1))
        }
        let run = digits(at: position)
        guard run > 0 else { return nil }
        let afterRun = position + run
        if byte(afterRun) == 0x2F, digits(at: afterRun + 1) >= 4 {
            return (afterRun + 5, text(position..<afterRun + 5))
        }
        let del = skippingWhitespace(afterRun, atLeastOne: true)
        if del > 0, let afterDel = word("del", at: del) {
            let year = skippingWhitespace(afterDel, atLeastOne: true)
            if year > 0, digits(at: year) >= 4 { return (year + 4, text(position..<year + 4)) }
        }
        return nil
    }

    /// A law number within `limit` characters (none of `; : ( )` or a line break in between).
    private func lawNumber(after index: Int, within limit: Int) -> (end: Int, number: String)? {
        var position = index
        for _ in 0...limit {
            if let found = lawNumber(at: position) { return found }
            guard let (scalar, length) = scalar(at: position), ";:()\n".unicodeScalars.contains(scalar) == false else { return nil }
            position += length
        }
        return nil
    }

    /// Up to four words (any), then a number and an optional date: the shortest that works.
    private func numberAndDate(afterQualifiers index: Int) -> (end: Int, number: String, date: String?)? {
        var position = index
        for _ in 0...4 {
            if let found = numberAndDate(at: position) { return found }
            let wordStart = skippingWhitespace(position, atLeastOne: true)
            guard wordStart > 0, isASCIILetter(byte(wordStart)) else { return nil }
            position = wordStart
            while isWord(at: position) || byte(position) == 0x2E || byte(position) == 0x27 {
                position += max(1, scalar(at: position)?.length ?? 1)
            }
        }
        return nil
    }

    /// `n. 60 del 13/03/2017`, `n° 5`, `nr. 3`, `numero 12 in data 1 marzo 2020`, `60/2017`.
    private func numberAndDate(at index: Int) -> (end: Int, number: String, date: String?)? {
        let start = skippingWhitespace(index)
        var candidates = [start]
        if (byte(start) | 0x20) == 0x6E {
            if let afterNumero = word("numero", at: start), skippingWhitespace(afterNumero, atLeastOne: true) > 0 {
                candidates.append(skippingWhitespace(afterNumero))
            }
            if let afterNr = keyword("nr", at: start) { candidates.append(skippingWhitespace(optionalDot(afterNr))) }
            if byte(start + 1) == 0xC2, byte(start + 2) == 0xB0 { candidates.append(skippingWhitespace(start + 3)) }
            candidates.append(skippingWhitespace(optionalDot(start + 1)))
        }
        for position in candidates {
            let run = digits(at: position)
            guard run > 0 else { continue }
            var end = position + run
            if byte(end) == 0x2F, digits(at: end + 1) >= 2 { end += 1 + min(4, digits(at: end + 1)) }
            let number = text(position..<end)
            var cursor = skippingWhitespace(end)
            if byte(cursor) == 0x2C { cursor = skippingWhitespace(cursor + 1) }
            var afterWord: Int?
            if let dell = keyword("dell'", at: cursor) {
                afterWord = dell
            } else if let del = keyword("del", at: cursor) {
                afterWord = del
            } else if let inWord = word("in", at: cursor), let data = word("data", at: skippingWhitespace(inWord, atLeastOne: true)) {
                afterWord = data
            }
            if let afterWord, let date = date(at: skippingWhitespace(afterWord)) {
                return (date.end, number, date.iso)
            }
            return (end, number, nil)
        }
        return nil
    }
}

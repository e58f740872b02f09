/// Markdown emphasis and escapes inside one line of sheet text.
enum InlineMarkup {
    /// A run of text and whether it was bold (`**x**` or `***x***`).
    struct Run: Equatable {
        var text: Substring
        var bold: Bool
    }

    /// Splits `line` into runs with emphasis markers removed: `***x***` and `**x**` are bold, `*x*` is
    /// italic (plain). A `*` that opens nothing or closes nothing stays as text; `\*` is a literal star.
    static func runs(_ line: Substring) -> [Run] {
        var copy = line
        let hasMarkers = copy.withUTF8 { bytes in bytes.contains { $0 == 0x2A || $0 == 0x5C } }
        if hasMarkers == false {
            return line.isEmpty ? [] : [Run(text: line, bold: false)]
        }
        var runs: [Run] = []
        parse(Array(line), bold: false, into: &runs)
        return runs.filter { $0.text.isEmpty == false }
    }

    private static func parse(_ characters: [Character], bold: Bool, into runs: inout [Run]) {
        var current = ""
        var index = 0
        func emit() {
            if current.isEmpty == false { runs.append(Run(text: Substring(current), bold: bold)) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1].isASCII,
               characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
                current.append(characters[index + 1])
                index += 2
                continue
            }
            guard character == "*" else {
                current.append(character)
                index += 1
                continue
            }
            var length = 0
            while index + length < characters.count, characters[index + length] == "*" { length += 1 }
            let next = index + length < characters.count ? characters[index + length] : " "
            if next.isWhitespace == false, let close = closing(characters, from: index + length, length: length) {
                emit()
                let inner = Array(characters[(index + length)..<close])
                parse(inner, bold: bold || length >= 2, into: &runs)
                index = close + length
            } else {
                current += String(repeating: "*", count: length)
                index += length
            }
        }
        emit()
    }

    /// The index of a run of exactly `length` stars that closes an emphasis opened before `start`.
    private static func closing(_ characters: [Character], from start: Int, length: Int) -> Int? {
        var index = start
        while index < characters.count {
            guard characters[index] == "*" else {
                index += characters[index] == "\\" ? 2 : 1
                continue
            }
            var run = 0
            while index + run < characters.count, characters[index + run] == "*" { run += 1 }
            if run == length, index > start, characters[index - 1].isWhitespace == false { return index }
            index += run
        }
        return nil
    }
}

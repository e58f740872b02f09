import Foundation

/// The document type declaration at the start of a markup file.
enum MarkupProlog {
    /// How far into the text a doctype and its internal subset are looked for.
    static let searchLimit = 1 << 20

    /// `text` without the internal subset of its `<!DOCTYPE name [ ... ]>`, if it has one.
    ///
    /// libxml2's HTML parser knows no internal subsets: it ends the doctype at the first `>` and reads
    /// the rest of the declarations (`<!ENTITY ...>`, `]>`) as page text. Real HTML never has one; an
    /// XHTML file that falls back to the HTML parser, or a hostile page, may. Only a doctype preceded by
    /// nothing but blank space, comments and processing instructions counts, and quoted strings and
    /// comments inside the subset are skipped, so a `]` inside them does not end it.
    static func withoutInternalSubset(_ text: String) -> String {
        var copy = text
        let hasBracket = copy.withUTF8 { bytes in
            bytes.baseAddress.map { memchr($0, 0x5B, min(bytes.count, 1 << 16)) != nil } ?? false
        }
        guard hasBracket else { return text }
        let scalars = Array(text.unicodeScalars.prefix(searchLimit))
        guard let doctype = doctypeStart(scalars),
              let open = scalars[doctype...].firstIndex(where: { $0 == "[" || $0 == ">" }), scalars[open] == "[",
              let close = subsetEnd(scalars, from: open + 1) else { return text }
        var result = String(String.UnicodeScalarView(scalars[..<open]))
        result.unicodeScalars.append(contentsOf: text.unicodeScalars.dropFirst(close + 1))
        return result
    }

    /// Where `<!DOCTYPE` starts, when only blank space, comments and processing instructions precede it.
    private static func doctypeStart(_ scalars: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace || scalar == "\u{FEFF}" {
                index += 1
            } else if has("<!--", in: scalars, at: index) {
                guard let end = find("-->", in: scalars, from: index + 4) else { return nil }
                index = end + 3
            } else if has("<?", in: scalars, at: index) {
                guard let end = find("?>", in: scalars, from: index + 2) else { return nil }
                index = end + 2
            } else {
                return has("<!doctype", in: scalars, at: index) ? index : nil
            }
        }
        return nil
    }

    /// The `]` that closes an internal subset whose content starts at `start`.
    private static func subsetEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var quote: Unicode.Scalar?
        var index = start
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == open { quote = nil }
            } else if scalar == "\"" || scalar == "'" {
                quote = scalar
            } else if scalar == "]" {
                return index
            } else if has("<!--", in: scalars, at: index) {
                guard let end = find("-->", in: scalars, from: index + 4) else { return nil }
                index = end + 3
                continue
            }
            index += 1
        }
        return nil
    }

    /// Whether `word` (ASCII) occurs at `index`, ignoring ASCII case.
    private static func has(_ word: String, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let word = Array(word.unicodeScalars)
        guard index + word.count <= scalars.count else { return false }
        return zip(word, scalars[index...]).allSatisfy { expected, actual in
            expected == actual || (actual.isASCII && Character(actual).lowercased() == String(expected))
        }
    }

    /// The first index at or after `start` where `word` occurs.
    private static func find(_ word: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        while index < scalars.count {
            if has(word, in: scalars, at: index) { return index }
            index += 1
        }
        return nil
    }
}

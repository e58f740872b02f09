import Foundation

extension String {
    /// Lower case without accents or apostrophes: the form used to compare labels and place names.
    ///
    /// `"Nome dell’ Avviso"` and `"nome dell'avviso"` both fold to words `nome`, `dell`, `avviso`.
    var foldedWords: [String] {
        let ascii = utf8.allSatisfy { $0 < 0x80 }
        let folded = ascii ? lowercased() : folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if current.isEmpty == false {
                words.append(current)
                current = ""
            }
        }
        if current.isEmpty == false { words.append(current) }
        return words
    }
}

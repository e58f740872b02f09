import Foundation

extension String {
    /// Lower case without accents or apostrophes: the form used to compare labels and place names.
    ///
    /// `"Nome dell’ Avviso"` and `"nome dell'avviso"` both fold to words `nome`, `dell`, `avviso`.
    var foldedWords: [String] {
        let ascii = utf8.allSatisfy { $0 < 0x80 }
        if ascii { return asciiFoldedWords }
        let folded = folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
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

    /// ``foldedWords`` of an all-ASCII string, straight from its bytes: letters and digits are the
    /// only ASCII scalars that are alphabetic or numeric.
    private var asciiFoldedWords: [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte | 0x20)
            default:
                if current.isEmpty == false {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if current.isEmpty == false { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}

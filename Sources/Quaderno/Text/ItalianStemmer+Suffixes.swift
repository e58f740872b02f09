// Suffix tables of the Italian Snowball stemmer, as listed in the published algorithm
// (https://snowballstem.org/algorithms/italian/stemmer.html) and in Snowball 3.1's italian.sbl.

extension ItalianStemmer {
    /// What step 1 does with a standard suffix once it is the longest one found.
    enum StandardRule: Int, Sendable {
        /// Delete if in R2.
        case delete
        /// Delete if in R2, then delete a preceding `ic` if in R2 (`-azione`, `-atore`).
        case deleteThenIc
        /// Replace `-logia`, `-logie` with `log` if in R2.
        case logia
        /// Replace `-uzione`, `-usione` and their plurals with `u` if in R2.
        case uzione
        /// Replace `-enza`, `-enze` with `ente` if in R2.
        case enza
        /// Delete if in RV (`-amento`, `-imento`).
        case deleteInRV
        /// `-amente`: delete if in R1, then a preceding `iv` (and `at` before it), `os`, `ic` or
        /// `abil` in R2.
        case adverb
        /// `-ità`: delete if in R2, then a preceding `abil`, `ic` or `iv` in R2.
        case quality
        /// `-ivo` and kin: delete if in R2, then a preceding `at` in R2, and before that `ic` in R2.
        case adjective
    }

    /// A set of suffixes, each with a small integer value, answering "which is the longest
    /// suffix of this word". Everything is stored flat (no per-entry arrays): entries are grouped
    /// by their last letter (all tables end in Latin-1 letters) and tried longest first.
    struct SuffixTable: Sendable {
        private struct Entry: Sendable {
            let start: Int
            let count: Int
            let value: Int
        }

        private let letters: [Unicode.Scalar]
        private let entries: [Entry]
        /// `entries[bucketStart[c] ..< bucketStart[c + 1]]` end with the letter of value `c`.
        private let bucketStart: [Int]

        init(_ table: [(String, Int)]) {
            let sorted = table.map { (Array($0.0.unicodeScalars), $0.1) }.sorted {
                let (l, r) = ($0.0.last!.value, $1.0.last!.value)
                return l != r ? l < r : $0.0.count > $1.0.count
            }
            var letters: [Unicode.Scalar] = []
            var entries: [Entry] = []
            var bucketStart = [Int](repeating: 0, count: 257)
            for (suffix, value) in sorted {
                precondition(suffix.last!.value < 256, "suffix tables end in Latin-1 letters")
                entries.append(Entry(start: letters.count, count: suffix.count, value: value))
                letters += suffix
                bucketStart[Int(suffix.last!.value) + 1] += 1
            }
            for c in 1...256 { bucketStart[c] += bucketStart[c - 1] }
            self.letters = letters
            self.entries = entries
            self.bucketStart = bucketStart
        }

        init(_ suffixes: [String], value: Int = 0) {
            self.init(suffixes.map { ($0, value) })
        }

        /// The longest suffix of `w[..<end]` that starts at or after `floor`, with its value.
        func longestMatch(in w: [Unicode.Scalar], end: Int, floor: Int) -> (length: Int, value: Int)? {
            guard end > floor else { return nil }
            let last = Int(w[end - 1].value)
            guard last < 256 else { return nil }
            var k = bucketStart[last]
            let bucketEnd = bucketStart[last + 1]
            while k < bucketEnd {
                let entry = entries[k]
                k += 1
                guard entry.count <= end - floor else { continue }
                var i = entry.count - 2  // the last letter already matches
                var j = end - 2
                while i >= 0 && letters[entry.start + i] == w[j] {
                    i -= 1
                    j -= 1
                }
                if i < 0 { return (entry.count, entry.value) }
            }
            return nil
        }
    }

    static let divan: [Unicode.Scalar] = Array("divan".unicodeScalars)
    static let ic: [Unicode.Scalar] = ["i", "c"]
    static let iv: [Unicode.Scalar] = ["i", "v"]
    static let at: [Unicode.Scalar] = ["a", "t"]
    static let log: [Unicode.Scalar] = ["l", "o", "g"]
    static let ente: [Unicode.Scalar] = ["e", "n", "t", "e"]

    /// Elided words removed from the start of a word (Snowball 3).
    static let elisions: [[Unicode.Scalar]] = [
        "all'", "d'", "dall'", "dell'", "gl'", "l'", "m'", "nell'",
        "quell'", "quest'", "s'", "sull'", "t'", "tutt'", "un'", "v'",
    ].map { Array($0.unicodeScalars) }

    /// Step 0: pronouns that can be attached to a gerund or an infinitive.
    static let pronouns = SuffixTable([
        "ci", "gli", "la", "le", "li", "lo", "mi", "ne", "si", "ti", "vi",
        "sene", "gliela", "gliele", "glieli", "glielo", "gliene",
        "mela", "mele", "meli", "melo", "mene",
        "tela", "tele", "teli", "telo", "tene",
        "cela", "cele", "celi", "celo", "cene",
        "vela", "vele", "veli", "velo", "vene",
    ])

    /// Step 0: verb endings before a pronoun; 1 (gerund) deletes the pronoun, 0 (infinitive)
    /// makes it `e`.
    static let pronounHosts = SuffixTable([("ando", 1), ("endo", 1), ("ar", 0), ("er", 0), ("ir", 0)])

    /// Step 1: standard suffixes and their rules.
    static let standardSuffixes: SuffixTable = {
        var entries: [(String, Int)] = []
        func add(_ suffixes: [String], _ rule: StandardRule) {
            entries += suffixes.map { ($0, rule.rawValue) }
        }
        add(["anza", "anze", "ico", "ici", "ica", "ice", "iche", "ichi", "ismo", "ismi",
             "abile", "abili", "ibile", "ibili", "ista", "iste", "isti", "istà", "istè", "istì",
             "oso", "osi", "osa", "ose", "mente", "atrice", "atrici", "ante", "anti"], .delete)
        add(["azione", "azioni", "atore", "atori"], .deleteThenIc)
        add(["logia", "logie"], .logia)
        add(["uzione", "uzioni", "usione", "usioni"], .uzione)
        add(["enza", "enze"], .enza)
        add(["amento", "amenti", "imento", "imenti"], .deleteInRV)
        add(["amente"], .adverb)
        add(["ità"], .quality)
        add(["ivo", "ivi", "iva", "ive"], .adjective)
        return SuffixTable(entries)
    }()

    /// Step 1, after `-amente`: stems of adverbs from adjectives (`iv` is followed by `at`).
    static let adverbStems: [[Unicode.Scalar]] = ["iv", "os", "ic", "abil"].map { Array($0.unicodeScalars) }

    /// Step 1, after `-ità`.
    static let qualityStems: [[Unicode.Scalar]] = ["abil", "ic", "iv"].map { Array($0.unicodeScalars) }

    /// Step 2: verb suffixes, deleted when wholly in RV. ("Yamo" is in Snowball's table but can
    /// only match a word written with a capital Y.)
    static let verbSuffixes = SuffixTable([
        "ammo", "ando", "ano", "are", "arono", "asse", "assero", "assi", "assimo",
        "ata", "ate", "ati", "ato", "ava", "avamo", "avano", "avate", "avi", "avo",
        "emmo", "enda", "ende", "endi", "endo",
        "erà", "erai", "eranno", "ere", "erebbe", "erebbero", "erei", "eremmo", "eremo",
        "ereste", "eresti", "erete", "erò", "erono", "essero", "ete",
        "eva", "evamo", "evano", "evate", "evi", "evo",
        "Yamo", "iamo", "immo",
        "irà", "irai", "iranno", "ire", "irebbe", "irebbero", "irei", "iremmo", "iremo",
        "ireste", "iresti", "irete", "irò", "irono",
        "isca", "iscano", "isce", "isci", "isco", "iscono", "issero",
        "ita", "ite", "iti", "ito", "iva", "ivamo", "ivano", "ivate", "ivi", "ivo",
        "ono", "uta", "ute", "uti", "uto", "ar", "ir",
    ])
}

/// The distinct token forms a ``TokenScanner`` has met, numbered from 0: one type per normalised
/// form (`Gara` and `gara` are one type), with what the tokenizer's rules say about each, worked out
/// once per type.
struct WordTypes {
    private let rules: ItalianTextRules
    /// The normalised form of each type.
    private(set) var forms: [String] = []
    private var typeOfForm: [String: Int32] = [:]
    private var spellings = WordTypeTable()
    private var elisionFlags: [Bool] = []
    private var boundPrefixFlags: [Bool] = []
    /// The type of the form with an apostrophe appended; -1 until needed.
    private var elidedTypes: [Int32] = []
    /// The type of the form with its accent repaired; -1 until needed, -2 when there is none.
    private var repairedTypes: [Int32] = []
    private var joins: [UInt64: Int32] = [:]

    init(rules: ItalianTextRules) {
        self.rules = rules
    }

    /// The number of types.
    var count: Int { forms.count }

    /// The type of a form, added if new.
    mutating func type(ofForm form: String) -> Int32 {
        if let type = typeOfForm[form] { return type }
        let type = Int32(forms.count)
        forms.append(form)
        typeOfForm[form] = type
        elisionFlags.append(rules.elisions.contains(form))
        boundPrefixFlags.append(rules.boundPrefixes.contains(form))
        elidedTypes.append(-1)
        repairedTypes.append(-1)
        return type
    }

    /// The type of the word spelt `letters` (hashed with ``WordTypeTable/mix(_:_:)``): the type of
    /// its normalised form (``ItalianTokenizer/normalise(_:)``).
    @inline(__always)
    mutating func type(ofSpelling letters: UnsafeBufferPointer<Unicode.Scalar>, hash: UInt64) -> Int32 {
        if let type = spellings.value(for: letters, hash: hash) { return type }
        var spelling = String.UnicodeScalarView()
        spelling.append(contentsOf: letters)
        let type = type(ofForm: ItalianTokenizer.normalise(String(spelling)))
        spellings.insert(letters, hash: hash, value: type)
        return type
    }

    /// The type of a comma or clause boundary: the scalar itself.
    mutating func single(_ scalar: Unicode.Scalar) -> Int32 {
        var key = scalar
        return withUnsafePointer(to: &key) { pointer in
            let buffer = UnsafeBufferPointer(start: pointer, count: 1)
            let hash = WordTypeTable.mix(WordTypeTable.seed, scalar)
            if let type = spellings.value(for: buffer, hash: hash) { return type }
            let type = type(ofForm: String(Character(scalar)))
            spellings.insert(buffer, hash: hash, value: type)
            return type
        }
    }

    /// Whether the type is a word cut before an apostrophe (`dell`, `l`, `un`).
    func isElision(_ type: Int32) -> Bool { elisionFlags[Int(type)] }

    /// Whether the type is a prefix written apart that belongs to the next word (`co`).
    func isBoundPrefix(_ type: Int32) -> Bool { boundPrefixFlags[Int(type)] }

    /// The type of the form followed by an apostrophe (`dell` → `dell'`).
    mutating func elided(_ type: Int32) -> Int32 {
        let cached = elidedTypes[Int(type)]
        if cached >= 0 { return cached }
        let elided = self.type(ofForm: forms[Int(type)] + "'")
        elidedTypes[Int(type)] = elided
        return elided
    }

    /// The type of the form with an apostrophe typed for an accent repaired (``ItalianTokenizer/repairAccent(_:)``).
    mutating func repaired(_ type: Int32) -> Int32? {
        let cached = repairedTypes[Int(type)]
        if cached >= 0 { return cached }
        if cached == -2 { return nil }
        guard let form = ItalianTokenizer.repairAccent(forms[Int(type)]) else {
            repairedTypes[Int(type)] = -2
            return nil
        }
        let repaired = self.type(ofForm: form)
        repairedTypes[Int(type)] = repaired
        return repaired
    }

    /// The type of two forms written as one (`co` + `progettazione`).
    mutating func joined(_ first: Int32, _ second: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        if let type = joins[key] { return type }
        let type = self.type(ofForm: forms[Int(first)] + forms[Int(second)])
        joins[key] = type
        return type
    }
}

/// Unicode-scalar offsets: the positions REFI-QDA and every Quaderno offset use.
extension String {
    /// The number of Unicode scalars (code points) in the string.
    public var scalarCount: Int { unicodeScalars.count }

    /// The text between two scalar offsets, end exclusive; clamps offsets that fall outside the string.
    public func scalarSlice(_ start: Int, _ end: Int) -> String {
        let scalars = unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: max(0, start), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        let upper = scalars.index(lower, offsetBy: max(0, end - max(0, start)), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }

    /// A string of `scalars`, encoded straight into its UTF-8 storage: appending them one by one to a
    /// `UnicodeScalarView` costs several times as much.
    init(scalars: some Collection<Unicode.Scalar>) {
        let byteCount = scalars.reduce(0) { $0 + UTF8.width($1) }
        self.init(unsafeUninitializedCapacity: byteCount) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return count
        }
    }
}

/// Builds a text by appending pieces and reports each piece's scalar range in the result.
struct TextBuilder {
    private(set) var text = ""
    private(set) var count = 0

    init(reservingBytes bytes: Int = 0) {
        if bytes > 0 { text.reserveCapacity(bytes) }
    }

    /// Appends `piece` and returns its scalar range in the text.
    @discardableResult
    mutating func append(_ piece: String) -> Range<Int> {
        let start = count
        text += piece
        var piece = piece
        // A scalar is a byte that does not continue another (valid UTF-8: a String's).
        count += piece.withUTF8 { $0.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
        return start..<count
    }

    /// Whether the text ends with a newline (or is empty).
    var atLineStart: Bool { text.isEmpty || text.unicodeScalars.last == "\n" }
}

/// Maps UTF-16 offsets (Foundation's `NSRange`) to Unicode scalar offsets in the same string.
struct UTF16ScalarMap {
    /// UTF-16 offsets of the second half of each surrogate pair, ascending.
    private let trailSurrogates: [Int]

    init(_ text: String) {
        var trails: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.value > 0xFFFF { trails.append(offset + 1) }
            offset += scalar.value > 0xFFFF ? 2 : 1
        }
        trailSurrogates = trails
    }

    /// The map of a text whose surrogate pairs' second halves are at these UTF-16 offsets, ascending.
    init(trailSurrogates: [Int]) {
        self.trailSurrogates = trailSurrogates
    }

    /// The scalar offset of a UTF-16 offset that lies on a scalar boundary.
    func scalarOffset(_ utf16Offset: Int) -> Int {
        guard trailSurrogates.isEmpty == false else { return utf16Offset }
        var low = 0
        var high = trailSurrogates.count
        while low < high {
            let mid = (low + high) / 2
            if trailSurrogates[mid] < utf16Offset { low = mid + 1 } else { high = mid }
        }
        return utf16Offset - low
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The Unicode scalar whose UTF-8 starts at `index`, with its length in bytes; nil past the end,
    /// for a sequence cut short, or for a value that is not a scalar.
    @inline(__always)
    func utf8Scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard index < count else { return nil }
        let lead = self[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= count else { return nil }
        var value = UInt32(lead) & UInt32(0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(self[index + offset] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, length) }
    }
}

/// A text's Unicode scalars together with where each begins in its UTF-8, so the text between two
/// scalar offsets is a byte copy rather than a scalar-by-scalar rebuild.
struct ScalarIndexedText {
    /// The text.
    let text: String
    /// Its scalars.
    let scalars: [Unicode.Scalar]
    /// `utf8Offsets[i]` is where scalar `i` begins; the last entry is the UTF-8 length.
    private let utf8Offsets: [Int32]

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, scalarCount in
                offsets = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { offsets, offsetCount in
                    var index = 0
                    while index < bytes.count {
                        offsets[count] = Int32(truncatingIfNeeded: index)
                        let lead = UInt32(bytes[index])
                        // A String holds valid UTF-8: the lead byte gives the length.
                        if lead < 0x80 {
                            scalars[count] = Unicode.Scalar(UInt8(lead))
                            index += 1
                        } else if lead < 0xE0 {
                            scalars[count] = Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))!
                            index += 2
                        } else if lead < 0xF0 {
                            scalars[count] = Unicode.Scalar((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                                                                | UInt32(bytes[index + 2] & 0x3F))!
                            index += 3
                        } else {
                            scalars[count] = Unicode.Scalar((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                                                                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F))!
                            index += 4
                        }
                        count += 1
                    }
                    offsets[count] = Int32(truncatingIfNeeded: bytes.count)
                    offsetCount = count + 1
                }
                scalarCount = count
            }
        }
        self.scalars = scalars
        utf8Offsets = offsets
    }

    /// The text between two scalar offsets, end exclusive.
    func slice(_ range: Range<Int>) -> String {
        let lower = Int(utf8Offsets[range.lowerBound])
        let upper = Int(utf8Offsets[range.upperBound])
        return text.utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self)
        } ?? String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: lower)..<text.utf8.index(
            text.utf8.startIndex, offsetBy: upper)])!
    }
}

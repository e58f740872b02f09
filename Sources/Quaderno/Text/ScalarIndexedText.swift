/// A text's Unicode scalars together with where each begins in its UTF-8, so the text between two
/// scalar offsets is a byte copy rather than a scalar-by-scalar rebuild.
struct ScalarIndexedText {
    /// The text.
    let text: String
    /// Its scalars (with ``init(_:decoding:)``, U+0000 outside the ranges decoded).
    let scalars: [Unicode.Scalar]
    /// `utf8Offsets[i]` is where scalar `i` begins; the last entry is the UTF-8 length.
    private let utf8Offsets: [Int32]

    /// Decodes the whole text.
    init(_ text: String) {
        self.init(text, decodingAll: true, ranges: [])
    }

    /// Decodes only the scalars within `ranges` (scalar offsets into the text): ``scalars`` still has
    /// one entry per scalar of the text, U+0000 outside the ranges, and ``slice(_:)`` accepts only
    /// ranges within one of them. Cheaper when they cover little of the text, as a case's elements.
    init(_ text: String, decoding ranges: [Range<Int>]) {
        self.init(text, decodingAll: false, ranges: ranges)
    }

    private init(_ text: String, decodingAll: Bool, ranges: [Range<Int>]) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            if decodingAll {
                (scalars, offsets) = Self.decodeAll(bytes)
            } else {
                (scalars, offsets) = Self.decode(bytes, ranges: ranges)
            }
        }
        self.scalars = scalars
        utf8Offsets = offsets
    }

    /// The scalar starting at byte `index` of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        // A String holds valid UTF-8: the lead byte gives the length.
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        if lead < 0xE0 { return (Unicode.Scalar((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F))!, 2) }
        if lead < 0xF0 {
            return (Unicode.Scalar((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                                       | UInt32(bytes[index + 2] & 0x3F))!, 3)
        }
        return (Unicode.Scalar((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                                   | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F))!, 4)
    }

    /// The length in bytes of the scalar whose lead byte is `lead`.
    @inline(__always)
    private static func length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    private static func decodeAll(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Unicode.Scalar], [Int32]) {
        var count = 0
        var offsets: [Int32] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, scalarCount in
            offsets = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { offsets, offsetCount in
                var index = 0
                while index < bytes.count {
                    offsets[count] = Int32(truncatingIfNeeded: index)
                    let (scalar, length) = scalar(bytes, at: index)
                    scalars[count] = scalar
                    index += length
                    count += 1
                }
                offsets[count] = Int32(truncatingIfNeeded: bytes.count)
                offsetCount = count + 1
            }
            scalarCount = count
        }
        return (scalars, offsets)
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) -> ([Unicode.Scalar], [Int32]) {
        let total = leadBytes(bytes, from: 0, to: bytes.count)
        var scalars = [Unicode.Scalar](repeating: "\0", count: total)
        var offsets = [Int32](repeating: 0, count: total + 1)
        offsets[total] = Int32(truncatingIfNeeded: bytes.count)
        scalars.withUnsafeMutableBufferPointer { scalars in
            offsets.withUnsafeMutableBufferPointer { offsets in
                var index = 0
                var count = 0
                for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                    let upper = min(range.upperBound, total)
                    if range.lowerBound < count {
                        // Overlaps what was decoded: go on from there.
                        guard upper > count else { continue }
                    } else {
                        (index, count) = skip(bytes, from: index, count: count, to: min(range.lowerBound, total))
                    }
                    while count < upper {
                        offsets[count] = Int32(truncatingIfNeeded: index)
                        let (scalar, length) = scalar(bytes, at: index)
                        scalars[count] = scalar
                        index += length
                        count += 1
                    }
                    offsets[count] = Int32(truncatingIfNeeded: index)
                }
            }
        }
        return (scalars, offsets)
    }

    /// The bytes of a 64-bit word (little-endian) that begin a scalar: not `10xxxxxx`.
    @inline(__always)
    private static func leadBytes(_ word: UInt64) -> Int {
        8 &- (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// How many scalars begin in `bytes[start..<end]`, eight bytes at a time.
    private static func leadBytes(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index &+ 8 <= end {
            count &+= leadBytes(word(bytes, at: index))
            index &+= 8
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count &+= 1 }
            index &+= 1
        }
        return count
    }

    /// From byte `index`, where scalar `count` begins, to where scalar `target` (not before it) begins.
    private static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, count: Int,
                             to target: Int) -> (index: Int, count: Int) {
        var index = index
        var count = count
        // `count` is the number of scalars begun before `index`.
        while index &+ 8 <= bytes.count {
            let leads = leadBytes(word(bytes, at: index))
            if count &+ leads > target { break }
            count &+= leads
            index &+= 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if count == target { break }
                count &+= 1
            }
            index &+= 1
        }
        return (index, count)
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

/// A text's Unicode scalars together with where each begins in its UTF-8, so the text between two
/// scalar offsets is a byte copy rather than a scalar-by-scalar rebuild.
struct ScalarIndexedText {
    /// The text.
    let text: String
    /// The decoded scalars: all of the text's, or (``init(_:decoding:)``) those of the ranges, one
    /// range after another. ``scalars(in:)`` finds a range's.
    let scalars: [Unicode.Scalar]
    /// `utf8Offsets[i]` is where `scalars[i]` begins in the text's UTF-8.
    private let utf8Offsets: [Int32]
    /// The stretches of the text that were decoded, in order, none overlapping.
    private let pieces: [Piece]

    /// Scalars `start..<end` of the text, stored from `scalars[stored]`; `endByte` is where the
    /// stretch ends in the UTF-8.
    private struct Piece {
        var start: Int
        var end: Int
        var stored: Int
        var endByte: Int
    }

    /// Decodes the whole text.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        var byteCount = 0
        text.utf8.withContiguousStorageIfAvailable { bytes in
            (scalars, offsets) = Self.decodeAll(bytes)
            byteCount = bytes.count
        }
        self.scalars = scalars
        utf8Offsets = offsets
        pieces = [Piece(start: 0, end: scalars.count, stored: 0, endByte: byteCount)]
    }

    /// Decodes only the scalars within `ranges` (scalar offsets into the text), which may overlap and
    /// come in any order; ``scalars(in:)`` and ``slice(_:)`` then accept only ranges within one of
    /// them. Costs as much as the ranges, not the text: a case's elements are a small part of it.
    init(_ text: String, decoding ranges: [Range<Int>]) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        var pieces: [Piece] = []
        // Overlapping and touching ranges are decoded once, as one stretch.
        var merged: [Range<Int>] = []
        for range in ranges.filter({ $0.isEmpty == false }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        scalars.reserveCapacity(merged.reduce(0) { $0 + $1.count })
        offsets.reserveCapacity(scalars.capacity)
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            var count = 0
            for range in merged {
                (index, count) = Self.skip(bytes, from: index, count: count, to: range.lowerBound)
                guard count == range.lowerBound else { break }  // past the end of the text
                let stored = scalars.count
                while count < range.upperBound, index < bytes.count {
                    offsets.append(Int32(truncatingIfNeeded: index))
                    let (scalar, length) = Self.scalar(bytes, at: index)
                    scalars.append(scalar)
                    index += length
                    count += 1
                }
                pieces.append(Piece(start: range.lowerBound, end: count, stored: stored, endByte: index))
            }
        }
        self.scalars = scalars
        utf8Offsets = offsets
        self.pieces = pieces
    }

    /// The decoded stretch holding `range`, which must lie within one of the decoded ranges.
    private func piece(holding range: Range<Int>) -> Piece? {
        // The last stretch starting at or before the range.
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].start <= range.lowerBound { low = middle + 1 } else { high = middle }
        }
        guard low > 0, range.upperBound <= pieces[low - 1].end else { return nil }
        return pieces[low - 1]
    }

    /// The scalars of `range` (scalar offsets into the text) and what to add to the slice's indices
    /// to get offsets into the text. An empty range outside every decoded one gives an empty slice.
    func scalars(in range: Range<Int>) -> (scalars: ArraySlice<Unicode.Scalar>, offset: Int) {
        guard let piece = piece(holding: range) else {
            precondition(range.isEmpty, "scalars \(range) were not decoded")
            return (scalars[0..<0], range.lowerBound)
        }
        let offset = piece.start - piece.stored
        return (scalars[(range.lowerBound - offset)..<(range.upperBound - offset)], offset)
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

    /// The bytes of a 64-bit word (little-endian) that begin a scalar: not `10xxxxxx`.
    @inline(__always)
    private static func leadBytes(_ word: UInt64) -> Int {
        8 &- (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
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

    /// The text between two scalar offsets, end exclusive, within one of the decoded ranges.
    func slice(_ range: Range<Int>) -> String {
        text.utf8Slice(utf8Range(range))
    }

    /// Where the text between two scalar offsets (end exclusive, within one of the decoded ranges) is
    /// in the text's UTF-8.
    func utf8Range(_ range: Range<Int>) -> Range<Int> {
        guard let piece = piece(holding: range) else {
            precondition(range.isEmpty, "scalars \(range) were not decoded")
            return 0..<0
        }
        let offset = piece.start - piece.stored
        func byte(_ scalar: Int) -> Int {
            scalar == piece.end ? piece.endByte : Int(utf8Offsets[scalar - offset])
        }
        return byte(range.lowerBound)..<byte(range.upperBound)
    }
}

extension String {
    /// The text of UTF-8 bytes `range` (which begin and end on scalar boundaries).
    func utf8Slice(_ range: Range<Int>) -> String {
        let (lower, upper) = (range.lowerBound, range.upperBound)
        return utf8.withContiguousStorageIfAvailable {
            String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self)
        } ?? String(utf8[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])!
    }
}

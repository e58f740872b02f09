/// A decoded text held as pieces of about a megabyte, so that a markup parser can be fed one piece
/// at a time and each piece freed once parsed: a large file's text then shrinks while its case grows.
///
/// Pieces end just after a `>` or an ASCII blank where they can, so no tag name and no entity
/// reference (`&egrave;`) is split between two pieces; failing that, at a character boundary before
/// any `&` that might start a reference.
struct TextPieces {
    /// The usual size of a piece, in UTF-8 bytes.
    static let standardBytes = 1 << 20

    private(set) var pieces: [String]

    init(_ pieces: [String]) {
        self.pieces = pieces.isEmpty ? [""] : pieces
    }

    /// The text of `bytes[start...]` (UTF-8 or a single-byte encoding), cut where ``cuts(_:from:size:)``
    /// says and each piece decoded by `decode`.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, size: Int,
         decode: (Range<Int>) throws -> String) rethrows {
        let bounds = [start] + Self.cuts(bytes, from: start, size: size) + [bytes.count]
        self.init(try zip(bounds, bounds.dropFirst()).map { try decode($0..<$1) })
    }

    /// The whole text (a single piece is returned as it is, without a copy).
    func joined() -> String {
        pieces.count == 1 ? pieces[0] : pieces.joined()
    }

    /// Whether any scalar of the text satisfies `predicate`.
    func contains(where predicate: (Unicode.Scalar) -> Bool) -> Bool {
        pieces.contains { $0.unicodeScalars.contains(where: predicate) }
    }

    /// The first `count` UTF-8 bytes of the text (all of it when shorter).
    func head(_ count: Int) -> [UInt8] {
        var head: [UInt8] = []
        for var piece in pieces where head.count < count {
            piece.withUTF8 { head.append(contentsOf: $0.prefix(count - head.count)) }
        }
        return head
    }

    /// Replaces the start of the text, at least its first `minimumBytes` bytes (or all of it), with
    /// `transform` of it.
    mutating func rewriteHead(minimumBytes: Int, _ transform: (String) -> String) {
        var taken = 0
        var bytes = 0
        while taken < pieces.count, bytes < minimumBytes {
            bytes += pieces[taken].utf8.count
            taken += 1
        }
        let head = transform(taken == 1 ? pieces[0] : pieces[..<taken].joined())
        pieces.replaceSubrange(..<taken, with: [head])
    }

    /// Hands each piece to `body` in order and frees it once `body` returns.
    mutating func consume(_ body: (String) -> Void) {
        for index in pieces.indices {
            body(pieces[index])
            pieces[index] = ""
        }
        pieces = [""]
    }

    /// Where to cut `bytes[start...]` (text in UTF-8 or a single-byte encoding) into pieces of at
    /// most `size` bytes: the end of every piece but the last.
    static func cuts(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> [Int] {
        var cuts: [Int] = []
        var lower = start
        while bytes.count - lower > size {
            let end = lower + size
            var cut = end
            // Just after a `>` or a blank in the piece's second half...
            while cut > lower + size / 2, isBreak(bytes[cut - 1]) == false { cut -= 1 }
            if cut == lower + size / 2 {
                // ...else before a byte that continues no UTF-8 sequence, and before a trailing `&`.
                cut = end
                while cut > lower + 1, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                var scan = cut - 1
                while scan > max(lower, cut - 40), bytes[scan] != 0x26, bytes[scan] != 0x3B { scan -= 1 }
                if bytes[scan] == 0x26, scan > lower { cut = scan }
            }
            cuts.append(cut)
            lower = cut
        }
        return cuts
    }

    private static func isBreak(_ byte: UInt8) -> Bool {
        byte == 0x3E || byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

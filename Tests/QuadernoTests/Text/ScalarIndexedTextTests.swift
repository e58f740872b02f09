import Testing
@testable import Quaderno

@Suite("Scalars with their UTF-8 offsets")
struct ScalarIndexedTextTests {
    @Test("the scalars are the text's, and a slice is the text between two scalar offsets")
    func slices() {
        var generator = SeededGenerator(state: 11)
        for round in 0..<500 {
            let text = TokenScannerTests.randomText(&generator, pieces: round % 30)
            let indexed = ScalarIndexedText(text)
            let scalars = Array(text.unicodeScalars)
            #expect(indexed.scalars == scalars)
            let lower = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count))
            let upper = lower + Int(generator.next() % UInt64(scalars.count - lower + 1))
            let slice = indexed.slice(lower..<upper)
            #expect(Array(slice.unicodeScalars) == Array(scalars[lower..<upper]))
            #expect(slice == text.scalarSlice(lower, upper))
        }
    }

    @Test("a string made from scalars holds exactly them, at every UTF-8 length and each length's edges")
    func stringFromScalars() {
        let edges: [UInt32] = [0, 0x41, 0x7F, 0x80, 0xE8, 0x7FF, 0x800, 0x20AC, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                               0x1_0000, 0x1_F642, 0x10_FFFF]
        var generator = SeededGenerator(state: 13)
        for round in 0..<300 {
            let scalars = (0..<(round % 40)).map { _ -> Unicode.Scalar in
                let edge = edges[Int(generator.next() % UInt64(edges.count))]
                let near = edge &+ UInt32(generator.next() % 3) &- 1
                return Unicode.Scalar(near) ?? Unicode.Scalar(edge)!
            }
            let made = String(scalars: scalars[...])
            #expect(Array(made.unicodeScalars) == scalars)
            #expect(made.utf8.count == scalars.reduce(0) { $0 + UTF8.width($1) })
        }
    }

    @Test("decoding only some ranges gives their scalars and slices as decoding the whole text does")
    func partial() {
        var generator = SeededGenerator(state: 12)
        for round in 0..<500 {
            let text = TokenScannerTests.randomText(&generator, pieces: round % 30)
            let whole = ScalarIndexedText(text)
            let count = whole.scalars.count
            // Sorted or not, apart, touching, overlapping, nested, empty, at either end.
            var ranges: [Range<Int>] = []
            for _ in 0..<(generator.next() % 5) {
                let lower = Int(generator.next() % UInt64(count + 1))
                ranges.append(lower..<(lower + Int(generator.next() % UInt64(count - lower + 1))))
            }
            let partial = ScalarIndexedText(text, decoding: ranges)
            // Only the ranges are decoded, each scalar once however the ranges overlap.
            #expect(partial.scalars.count == Set(ranges.flatMap { Array($0) }).count)
            for range in ranges {
                let (scalars, offset) = partial.scalars(in: range)
                #expect(Array(scalars) == Array(whole.scalars[range]))
                #expect(scalars.startIndex + offset == range.lowerBound)
                #expect(partial.slice(range) == whole.slice(range))
            }
        }
    }
}

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
}

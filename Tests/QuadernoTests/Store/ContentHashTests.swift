import Foundation
import Testing
@testable import Quaderno

@Suite("Content hash of a file")
struct ContentHashTests {
    @Test("64-bit FNV-1a in 16 hex digits, then the length in hex: what projects already store")
    func format() {
        // FNV-1a's published test values: the empty input is the offset basis; "a" and "foobar".
        #expect(ContentHash.of(Data()) == "cbf29ce484222325-0")
        #expect(ContentHash.of("a") == "af63dc4c8601ec8c-1")
        #expect(ContentHash.of("foobar") == "85944171f73967e8-6")
        // Leading zeros are kept, and the length is hex too; the same as `%016llx-%llx`.
        var generator = SeededGenerator(state: 11)
        for count in [1, 2, 15, 16, 17, 255, 256, 4_097] {
            let bytes = Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            #expect(ContentHash.of(bytes) == String(format: "%016llx-%llx", hash, UInt64(count)))
        }
        #expect(ContentHash.of("case-38600") == "000c97120c4b43bb-a", "three leading zeros")
    }
}

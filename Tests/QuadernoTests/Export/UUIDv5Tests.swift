import Foundation
import Testing
@testable import Quaderno

@Suite("REFI-QDA GUIDs: SHA-1 and UUIDv5")
struct UUIDv5Tests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("SHA-1 matches the FIPS 180 and common test vectors")
    func sha1Vectors() {
        #expect(hex(SHA1.hash(Array("".utf8))) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(SHA1.hash(Array("The quick brown fox jumps over the lazy dog".utf8)))
                == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")
        #expect(hex(SHA1.hash(Array("Perché sì 🎉".utf8))) == "a29c1a80989c89de40819e6a08a7cef987329d89")
        #expect(hex(SHA1.hash([UInt8](repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("SHA-1 pads correctly around the 64-byte block boundary")
    func sha1Boundaries() {
        let expected: [Int: String] = [
            55: "8ae2d46729cfe68ff927af5eec9c7d1b66d65ac2", 56: "636e2ec698dac903498e648bd2f3af641d3c88cb",
            63: "6d942da0c4392b123528f2905c713a3ce28364bd", 64: "c6138d514ffa2135bfce0ed0b8fac65669917ec7",
            65: "69bd728ad6e13cd76ff19751fde427b00e395746", 119: "41c89d06001bab4ab78736b44efe7ce18ce6ae08",
            120: "d3dbd653bd8597b7475321b60a36891278e6a04a",
        ]
        for (length, digest) in expected {
            #expect(hex(SHA1.hash((0..<length).map { UInt8($0) })) == digest, "length \(length)")
        }
    }

    @Test("UUIDv5 matches RFC namespaces' known values")
    func uuidVectors() {
        #expect(UUIDv5.make("python.org", namespace: UUIDv5.dns).uuidString.lowercased() == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(UUIDv5.make("www.example.com", namespace: UUIDv5.dns).uuidString.lowercased()
                == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        #expect(UUIDv5.make("https://www.ietf.org/rfc/rfc9562.txt", namespace: UUIDv5.url).uuidString.lowercased()
                == "f980d090-dd00-5d2f-ba9c-4cac4bdad58b")
    }

    @Test("Quaderno's namespace is derived as documented and GUIDs are stable")
    func quadernoNamespace() {
        #expect(UUIDv5.make("urn:quaderno:refi-qda", namespace: UUIDv5.url) == UUIDv5.quaderno)
        #expect(UUIDv5.guid("code", "empowerment") == "45b8e3e7-376f-58d2-93a6-774a7e70a09f")
        #expect(UUIDv5.guid("code", "empowerment") == QDCCodebook.guid(forCode: "empowerment"))
        #expect(UUIDv5.guid("case", "empowerment") != UUIDv5.guid("code", "empowerment"))
        let guid = UUIDv5.guid("user", "Giulia")
        #expect(REFIGUID.canonical(guid) == guid)
        #expect(Array(guid.unicodeScalars)[14] == "5")
    }

    @Test("GUIDs in braces or upper case are accepted and canonicalised")
    func canonicalGUIDs() {
        let guid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
        #expect(REFIGUID.canonical("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}") == guid)
        #expect(REFIGUID.canonical(" 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ") == guid)
        #expect(REFIGUID.canonical("3f2504e0-4f89-11d3-9a0c-0305e82c330") == nil)
        #expect(REFIGUID.canonical("3f2504e0x4f89-11d3-9a0c-0305e82c3301") == nil)
        #expect(REFIGUID.canonical("{3f2504e0-4f89-11d3-9a0c-0305e82c3301") == nil)
        #expect(REFIGUID.canonical("3g2504e0-4f89-11d3-9a0c-0305e82c3301") == nil)
    }
}

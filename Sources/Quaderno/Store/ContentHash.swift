import Foundation

/// A 64-bit FNV-1a fingerprint of a file's bytes, to tell whether a re-imported file changed.
enum ContentHash {
    static func of(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        // `%016llx-%llx` written by hand: `String(format:)` costs a few dynamic casts per call.
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits + "-" + String(data.count, radix: 16)
    }

    static func of(_ text: String) -> String { of(Data(text.utf8)) }
}

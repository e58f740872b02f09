/// Appends values to a byte buffer in the compact form ``CaseArchive`` stores: unsigned LEB128
/// integers, length-prefixed UTF-8 strings, a presence byte before optional values.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    /// A non-negative integer, seven bits per byte, low bits first.
    mutating func int(_ value: Int) {
        var rest = UInt64(max(0, value))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func double(_ value: Double) {
        var pattern = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: pattern))
            pattern >>= 8
        }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        guard let value else { return byte(0) }
        byte(1)
        string(value)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }
}

/// Reads what ``ArchiveWriter`` wrote; any value that runs past the end, or an impossible count,
/// throws ``ArchiveReader/Corrupt``.
struct ArchiveReader {
    /// The archive ended early or holds a value that cannot be.
    struct Corrupt: Error {
        var offset: Int
        var problem: String
    }

    private let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws -> UInt8 {
        guard offset < bytes.count else { throw Corrupt(offset: offset, problem: "ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 63 else { throw Corrupt(offset: offset, problem: "integer too long") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw Corrupt(offset: offset, problem: "integer out of range") }
        return Int(value)
    }

    /// A count of items that each take at least one byte, so it cannot exceed what is left.
    mutating func count() throws -> Int {
        let value = try int()
        guard value <= bytes.count - offset else { throw Corrupt(offset: offset, problem: "count \(value) too large") }
        return value
    }

    mutating func double() throws -> Double {
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(try byte()) << (8 * UInt64(index)) }
        return Double(bitPattern: pattern)
    }

    mutating func string() throws -> String {
        let length = try count()
        let start = offset
        offset += length
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }

    mutating func optionalString() throws -> String? {
        switch try byte() {
        case 0: return nil
        case 1: return try string()
        case let flag: throw Corrupt(offset: offset - 1, problem: "presence flag \(flag)")
        }
    }

    /// Steps over a string without making it.
    mutating func skipString() throws {
        offset += try count()
    }

    mutating func skipOptionalString() throws {
        switch try byte() {
        case 0: return
        case 1: try skipString()
        case let flag: throw Corrupt(offset: offset - 1, problem: "presence flag \(flag)")
        }
    }

    mutating func skipStrings() throws {
        let count = try count()
        for _ in 0..<count { try skipString() }
    }

    mutating func strings() throws -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers with a fixed number of decimals as the C library prints them (`%.Nf`, decimal point), the
/// text `String(format:)` gives, without going through Foundation's formatter for every cell.
enum FixedDecimals {
    /// `%.{digits}f` of `value` as UTF-8 bytes (`digits` in 0...9).
    static func bytes(_ value: Double, digits: Int) -> [UInt8] {
        precondition((0...9).contains(digits))
        let format: [CChar] = [0x25, 0x2E, CChar(0x30 + digits), 0x66, 0]  // "%.Nf"
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let length = format.withUnsafeBufferPointer { format in
                Int(withVaList([value]) { vsnprintf(buffer.baseAddress!, 400, format.baseAddress!, $0) })
            }
            return buffer.prefix(max(0, min(length, 399))).map { UInt8(bitPattern: $0) }
        }
    }

    /// `%.{digits}f` of `value` as a string.
    static func string(_ value: Double, digits: Int) -> String {
        String(decoding: bytes(value, digits: digits), as: UTF8.self)
    }
}

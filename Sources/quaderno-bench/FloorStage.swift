import Foundation
import Quaderno
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// The floor: reading the files and libxml2 parsing them with nothing done with the result.
enum FloorStage {
    /// Reads every file like `cat` does: open, read into one 64 KB buffer until the end, close.
    static func read(_ urls: [URL], passes: Int, budget: Double) throws -> Throughput {
        let size = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        let (timing, bytes) = try Measure.time(passes: passes, budget: budget) { () throws -> Int in
            var total = 0
            for url in urls {
                let descriptor = open(url.path, O_RDONLY)
                guard descriptor >= 0 else { throw BenchError("cannot open \(url.path)") }
                while true {
                    let count = systemRead(descriptor, buffer, size)
                    if count <= 0 { break }
                    total += count
                }
                close(descriptor)
            }
            return total
        }
        return Throughput(files: urls.count, bytes: bytes, timing: timing)
    }

    /// The files' bytes, read outside any timing.
    static func load(_ urls: [URL]) throws -> [Data] {
        try urls.map { try Data(contentsOf: $0) }
    }

    /// `htmlReadMemory` + `xmlFreeDoc` on every document.
    static func dom(_ documents: [Data], passes: Int, budget: Double) -> Throughput {
        let (timing, _) = Measure.time(passes: passes, budget: budget) {
            for document in documents { LibXML2Floor.domParse(document) }
        }
        return Throughput(files: documents.count, bytes: documents.reduce(0) { $0 + $1.count }, timing: timing)
    }

    /// The push parser with no-op SAX callbacks on every document.
    static func push(_ documents: [Data], passes: Int, budget: Double) -> Throughput {
        let (timing, _) = Measure.time(passes: passes, budget: budget) {
            for document in documents { LibXML2Floor.pushParse(document) }
        }
        return Throughput(files: documents.count, bytes: documents.reduce(0) { $0 + $1.count }, timing: timing)
    }
}

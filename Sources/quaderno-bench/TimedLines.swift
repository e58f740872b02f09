import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child's standard output read line by line on a thread of its own as the child prints it, each
/// line with the seconds since the child started: when `analyze` printed its `import:`, `code:` and
/// `report:` lines tells how long each phase took.
final class TimedLines: @unchecked Sendable {
    private(set) var lines: [(seconds: Double, text: String)] = []
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    /// Starts reading `descriptor` (closed at its end); times count from `start` (``Measure/now()``).
    func read(_ descriptor: Int32, since start: Double) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            var pending: [UInt8] = []
            while true {
                let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                let now = Measure.now() - start
                bytes += buffer[..<count]
                pending += buffer[..<count]
                while let newline = pending.firstIndex(of: 0x0A) {
                    lines.append((now, String(decoding: pending[..<newline], as: UTF8.self)))
                    pending.removeSubrange(...newline)
                }
            }
            if pending.isEmpty == false { lines.append((Measure.now() - start, String(decoding: pending, as: UTF8.self))) }
            close(descriptor)
            done.signal()
        }
    }

    /// Waits for the end of the output and writes all of it to `path`.
    func finish(writingTo path: String) throws {
        done.wait()
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// The time of the first line that starts with `prefix`.
    func time(ofLineStarting prefix: String) -> Double? {
        lines.first { $0.text.hasPrefix(prefix) }?.seconds
    }
}

/// `read(2)` (inside ``TimedLines`` the name is its method's).
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

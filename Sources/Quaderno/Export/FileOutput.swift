import Foundation

/// A file written in pieces into a temporary file beside it, then moved into place, so a reader
/// never sees half a file (as `Data.write(to:options: .atomic)` does, without the whole file in
/// memory first).
final class FileOutput {
    let url: URL
    private let partial: String
    private var descriptor: Int32
    private var failure: Int32 = 0

    init(_ url: URL) throws {
        self.url = url
        partial = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        descriptor = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.error(url, errno) }
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(partial)
        }
    }

    /// Appends `bytes`; the first failure is kept and reported by ``finish()``.
    func write(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while failure == 0, offset < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { failure = count < 0 ? errno : EIO } else { offset += count }
        }
    }

    /// Closes the file and moves it into place, or removes it and throws what went wrong.
    func finish() throws {
        let closed = close(descriptor)
        descriptor = -1
        if failure == 0, closed != 0 { failure = errno }
        if failure == 0, rename(partial, url.path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(partial)
            throw Self.error(url, failure)
        }
    }

    private static func error(_ url: URL, _ code: Int32) -> QuadernoError {
        QuadernoError(.usage, file: url.path, "cannot write the file: \(String(cString: strerror(code)))",
                      hint: "check that the folder is writable and the disk has space")
    }
}

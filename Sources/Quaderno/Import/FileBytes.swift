import Foundation

/// Reads a whole file with one `open`, `fstat` and `read` loop, checking that it exists, is not a
/// folder and is within the import limit. Foundation's `Data(contentsOf:)` plus a separate size
/// check cost several system calls more per file, which shows on a corpus of thousands of sheets.
enum FileBytes {
    static func read(_ url: URL, file: String, limit: Int) throws -> Data {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT { throw QuadernoError(.unreadable, file: file, "no such file", hint: "check the path") }
            if code == EISDIR { throw QuadernoError(.unreadable, file: file, "is a folder, not a file") }
            throw QuadernoError(.unreadable, file: file, "cannot read the file: \(String(cString: strerror(code)))")
        }
        defer { close(descriptor) }
        var status = stat()
        let size = try checked(fstat(descriptor, &status), status, file: file, limit: limit)
        var data = Data(count: size)
        var total = 0
        var failure: Int32 = 0
        data.withUnsafeMutableBytes { buffer in
            while total < size {
                let count = Foundation.read(descriptor, buffer.baseAddress! + total, size - total)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                total += count
            }
        }
        guard failure == 0 else {
            throw QuadernoError(.unreadable, file: file, "cannot read the file: \(String(cString: strerror(failure)))")
        }
        // A file that changed size while being read is read as far as it went.
        if total < size { data.removeSubrange(total..<size) }
        return data
    }

    /// The size of the file at `url` without reading it, with the same checks as ``read(_:file:limit:)``.
    static func size(_ url: URL, file: String, limit: Int) throws -> Int {
        var status = stat()
        let result = stat(url.path, &status)
        if result != 0, errno == ENOENT { throw QuadernoError(.unreadable, file: file, "no such file", hint: "check the path") }
        return try checked(result, status, file: file, limit: limit)
    }

    /// The size from a `stat` or `fstat` call, unless it failed, named a folder or is over `limit`.
    private static func checked(_ result: Int32, _ status: stat, file: String, limit: Int) throws -> Int {
        guard result == 0 else {
            throw QuadernoError(.unreadable, file: file, "cannot read the file: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw QuadernoError(.unreadable, file: file, "is a folder, not a file")
        }
        let size = Int(status.st_size)
        guard size <= limit else {
            throw QuadernoError(.unreadable, file: file,
                                "the file is \(size >> 20) MB, more than the \(limit >> 20) MB limit",
                                hint: "split the document, or raise the limit")
        }
        return size
    }
}

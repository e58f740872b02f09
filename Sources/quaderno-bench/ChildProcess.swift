import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process run to completion with its own resource usage (`wait4`), so its peak memory is
/// its own and not the maximum over every child this process ever waited for.
struct ChildRun: Codable, Sendable {
    var command: [String]
    var exitStatus: Int
    var wall: Double
    var userCPU: Double
    var systemCPU: Double
    /// Peak resident memory of the child, in bytes.
    var maxRSS: Int

    /// How ``maxRSS`` was measured.
    var maxRSSSource = "wait4"

    /// Runs a command under `/usr/bin/time` when there is one, so its peak memory is its own.
    ///
    /// `posix_spawn` starts children with `vfork` semantics, and Linux keeps `ru_maxrss` across `execve`,
    /// so a spawned child's `ru_maxrss` starts at this (large) process's resident size. `time` forks a
    /// fresh process for the command and reports that one's peak.
    static func runMeasuringPeak(_ arguments: [String], stdout: String, stderr: String,
                                 scratch: URL, lines: TimedLines? = nil) throws -> ChildRun {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
            var run = try run(arguments, stdout: stdout, stderr: stderr, lines: lines)
            run.maxRSSSource = "wait4 (includes the benchmark's own size: no /usr/bin/time)"
            return run
        }
        let report = scratch.appendingPathComponent("time-\(getpid())-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: report) }
        var run = try run(["/usr/bin/time", "-f", "%M", "-o", report.path] + arguments, stdout: stdout, stderr: stderr,
                          lines: lines)
        run.command = arguments
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        if let kilobytes = text.split(separator: "\n").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }).last {
            run.maxRSS = kilobytes * 1024
            run.maxRSSSource = "/usr/bin/time %M"
        }
        return run
    }

    /// Runs `arguments[0]` (a path) with `arguments`, standard output and error to files (or /dev/null).
    /// With `lines`, standard output goes through a pipe and each line is timed as it arrives, then
    /// written to the `stdout` file.
    static func run(_ arguments: [String], stdout: String = "/dev/null", stderr: String = "/dev/null",
                    environment: [String: String] = [:], lines: TimedLines? = nil) throws -> ChildRun {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipeEnds: [Int32] = [-1, -1]
        if lines != nil, pipe(&pipeEnds) != 0 { throw BenchError("cannot make a pipe for \(arguments[0])") }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if lines != nil {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = Measure.now()
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        if let lines {
            close(pipeEnds[1])
            if spawned == 0 { lines.read(pipeEnds[0], since: start) } else { close(pipeEnds[0]) }
        }
        guard spawned == 0 else {
            throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed for \(arguments[0])") }
        }
        let wall = Measure.now() - start
        try lines?.finish(writingTo: stdout)
        let exited = status & 0x7f == 0
        #if os(Linux)
        let rss = Int(usage.ru_maxrss) * 1024
        #else
        let rss = Int(usage.ru_maxrss)
        #endif
        return ChildRun(command: arguments, exitStatus: exited ? Int((status >> 8) & 0xff) : 128 + Int(status & 0x7f),
                        wall: wall, userCPU: Measure.seconds(usage.ru_utime), systemCPU: Measure.seconds(usage.ru_stime),
                        maxRSS: rss)
    }

    /// Runs a command and returns its standard output (empty when it cannot run).
    static func output(_ arguments: [String]) -> String {
        let folder = FileManager.default.temporaryDirectory
        let file = folder.appendingPathComponent("quaderno-bench-\(getpid())-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: file) }
        guard let run = try? run(arguments, stdout: file.path, stderr: file.path), run.exitStatus == 0,
              let text = try? String(contentsOf: file, encoding: .utf8) else { return "" }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The absolute path of `name` on PATH, if any.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

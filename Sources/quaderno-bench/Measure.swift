import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One timed pass: wall-clock and CPU (user + system of this process) seconds.
struct Sample: Codable, Sendable {
    var wall: Double
    var cpu: Double
}

/// Repeated passes of one measurement. Rates use ``best`` (the fastest pass): on a shared machine
/// the slower passes measure the neighbours, not the code.
struct Timing: Codable, Sendable {
    var samples: [Sample]
    /// The fastest wall time.
    var best: Double
    /// The median wall time.
    var median: Double
    /// CPU seconds of the fastest pass; well below ``best`` means the pass waited (I/O, other processes).
    var bestCPU: Double

    init(_ samples: [Sample]) {
        self.samples = samples
        let sorted = samples.sorted { $0.wall < $1.wall }
        best = sorted.first?.wall ?? 0
        bestCPU = sorted.first?.cpu ?? 0
        median = sorted.isEmpty ? 0 : sorted[sorted.count / 2].wall
    }
}

#if os(Linux)
private let rusageSelf = RUSAGE_SELF.rawValue
#else
private let rusageSelf = RUSAGE_SELF
#endif

enum Measure {
    /// Monotonic seconds.
    static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// User + system CPU seconds of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    /// Peak resident memory of this process so far, in bytes (`ru_maxrss`).
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    /// Current resident memory in bytes (`/proc/self/statm`), 0 where unavailable.
    static func currentRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Resets the kernel's peak-RSS mark (`VmHWM`) so ``highWaterRSS()`` measures from now on
    /// (Linux: `echo 5 > /proc/self/clear_refs`); false where that is not possible.
    static func resetPeakRSS() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return highWaterRSS() > 0
        } catch {
            return false
        }
    }

    /// `VmHWM` from `/proc/self/status` in bytes: the peak since the last ``resetPeakRSS()``; 0 if unknown.
    static func highWaterRSS() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }

    /// The 1-minute load average, -1 where unavailable.
    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first, let value = Double(first) else { return -1 }
        return value
    }

    /// Short measurements repeat until they have run this long (seconds), up to ``maximumPasses``:
    /// on a shared machine the best of many short passes is steadier than the best of three.
    nonisolated(unsafe) static var minimumTime = 1.0
    static let maximumPasses = 30

    /// Runs `body` `passes` times (fewer once `budget` seconds are spent, more while the passes so far
    /// took less than ``minimumTime``); the result of the last pass is returned with the timing.
    static func time<T>(passes: Int, budget: Double, _ body: () throws -> T) rethrows -> (Timing, T) {
        var samples: [Sample] = []
        var result: T?
        var spent = 0.0
        while samples.isEmpty || (samples.count < passes && spent < budget)
            || (spent < minimumTime && samples.count < maximumPasses) {
            let (wall0, cpu0) = (now(), cpuSeconds())
            let value = try body()
            let sample = Sample(wall: now() - wall0, cpu: cpuSeconds() - cpu0)
            samples.append(sample)
            spent += sample.wall
            result = value
        }
        return (Timing(samples), result!)
    }
}

/// Megabytes (10^6 bytes) per second.
func mbps(_ bytes: Int, _ seconds: Double) -> Double {
    seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
}

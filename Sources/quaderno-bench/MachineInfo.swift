import Foundation
import Quaderno

/// The machine and the build the numbers come from.
struct MachineInfo: Codable, Sendable {
    var uname: String
    var cpuModel: String
    var activeCores: Int
    var cores: Int
    var memoryBytes: UInt64
    var swiftVersion: String
    var libxml2: String
    /// The commit checked out, read from `.git` (HEAD and refs) without running git; whether the
    /// working tree had changes is not known.
    var gitCommit: String
    var date: String
    var loadAverageAtStart: Double
    /// Build configuration of this binary.
    var configuration: String

    static func current(repository: URL) -> MachineInfo {
        #if DEBUG
        let configuration = "debug"
        #else
        let configuration = "release"
        #endif
        let swift = ChildRun.which("swift").map { ChildRun.output([$0, "--version"]) } ?? ""
        return MachineInfo(
            uname: ChildRun.which("uname").map { ChildRun.output([$0, "-a"]) } ?? "?",
            cpuModel: cpuModel(), activeCores: ProcessInfo.processInfo.activeProcessorCount,
            cores: ProcessInfo.processInfo.processorCount, memoryBytes: ProcessInfo.processInfo.physicalMemory,
            swiftVersion: swift.split(separator: "\n").first.map(String.init) ?? "?", libxml2: LibXML2Floor.version,
            gitCommit: gitCommit(repository), date: ISO8601DateFormatter().string(from: Date()),
            loadAverageAtStart: Measure.loadAverage(), configuration: configuration)
    }

    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "?" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
        }
        return "?"
    }

    /// HEAD's commit from the files in `.git`.
    static func gitCommit(_ repository: URL) -> String {
        let git = repository.appendingPathComponent(".git")
        guard let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines) else { return "unknown" }
        guard head.hasPrefix("ref: ") else { return head }
        let ref = String(head.dropFirst(5))
        if let commit = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8) {
            return commit.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8) {
            for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
                return String(line.prefix { $0 != " " })
            }
        }
        return "unknown (\(ref) has no commit yet)"
    }
}

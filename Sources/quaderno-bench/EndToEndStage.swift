import Foundation

/// `quaderno analyze` on a generated corpus, as a user runs it: a fresh output folder, a child process.
enum EndToEndStage {
    static func run(quaderno: String, corpus: URL, codebook: String, cues: Int, work: URL,
                    floorSeconds: Double, label: String) throws -> EndToEndResult {
        let out = work.appendingPathComponent("analyze-\(label)")
        try? FileManager.default.removeItem(at: out)
        let stdout = work.appendingPathComponent("analyze-\(label).out")
        let stderr = work.appendingPathComponent("analyze-\(label).err")
        let run = try ChildRun.runMeasuringPeak([quaderno, "analyze", corpus.path, "--codebook", codebook, "--out", out.path],
                                                stdout: stdout.path, stderr: stderr.path, scratch: work)
        let printed = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
        var output = printed.split(separator: "\n").filter { $0.hasPrefix("import:") || $0.hasPrefix("code:") }
            .joined(separator: " | ")
        if run.exitStatus != 0 {
            let errors = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            output += " | exit \(run.exitStatus): " + errors.split(separator: "\n").suffix(3).joined(separator: " / ")
        }
        let project = out.appendingPathComponent("project.sqlite")
        let projectBytes = (try? FileManager.default.attributesOfItem(atPath: project.path)[.size] as? NSNumber)?.intValue ?? 0
        return EndToEndResult(run: run, cues: cues, floorSeconds: floorSeconds,
                              ratioToFloor: floorSeconds > 0 ? run.wall / floorSeconds : 0, output: output,
                              projectBytes: projectBytes)
    }
}

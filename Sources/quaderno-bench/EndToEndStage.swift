import Foundation

/// `quaderno analyze` on a generated corpus, as a user runs it: a fresh output folder, a child process;
/// then once more into the same folder, as a user runs it again with nothing changed.
enum EndToEndStage {
    static func run(quaderno: String, corpus: URL, codebook: String, cues: Int, work: URL,
                    floorSeconds: Double, label: String) throws -> EndToEndResult {
        let out = work.appendingPathComponent("analyze-\(label)")
        try? FileManager.default.removeItem(at: out)
        let arguments = [quaderno, "analyze", corpus.path, "--codebook", codebook, "--out", out.path]
        let (run, output) = try analyze(arguments, work: work, label: label)
        let project = out.appendingPathComponent("project.sqlite")
        let projectBytes = (try? FileManager.default.attributesOfItem(atPath: project.path)[.size] as? NSNumber)?.intValue ?? 0
        let (again, againOutput) = try analyze(arguments, work: work, label: "\(label)-again")
        return EndToEndResult(run: run, cues: cues, floorSeconds: floorSeconds,
                              ratioToFloor: floorSeconds > 0 ? run.wall / floorSeconds : 0, output: output,
                              projectBytes: projectBytes, again: again, againOutput: againOutput)
    }

    /// Runs `arguments` as a child (output in `analyze-LABEL.out` and `.err`) and returns the run with
    /// its `import:` and `code:` lines (and its last errors if it failed).
    private static func analyze(_ arguments: [String], work: URL, label: String) throws -> (ChildRun, String) {
        let stdout = work.appendingPathComponent("analyze-\(label).out")
        let stderr = work.appendingPathComponent("analyze-\(label).err")
        let run = try ChildRun.runMeasuringPeak(arguments, stdout: stdout.path, stderr: stderr.path, scratch: work)
        let printed = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
        var output = printed.split(separator: "\n").filter { $0.hasPrefix("import:") || $0.hasPrefix("code:") }
            .joined(separator: " | ")
        if run.exitStatus != 0 {
            let errors = (try? String(contentsOf: stderr, encoding: .utf8)) ?? ""
            output += " | exit \(run.exitStatus): " + errors.split(separator: "\n").suffix(3).joined(separator: " / ")
        }
        return (run, output)
    }
}

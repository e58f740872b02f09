import Foundation

/// `quaderno analyze` on a generated corpus, as a user runs it: a fresh output folder, a child process;
/// then once more into the same folder, as a user runs it again with nothing changed.
enum EndToEndStage {
    static func run(quaderno: String, corpus: URL, codebook: String, cues: Int, work: URL,
                    floorSeconds: Double, label: String) throws -> EndToEndResult {
        let out = work.appendingPathComponent("analyze-\(label)")
        try? FileManager.default.removeItem(at: out)
        let arguments = [quaderno, "analyze", corpus.path, "--codebook", codebook, "--out", out.path]
        // Printed into a pipe, the child's lines would wait in its output buffer until it exits: `stdbuf`
        // (coreutils) makes it send each line as it prints it, so that the lines can be timed.
        let lines = TimedLines()
        let lineBuffered = ChildRun.which("stdbuf").map { [$0, "-oL"] + arguments }
        let (run, output) = try analyze(lineBuffered ?? arguments, work: work, label: label,
                                        lines: lineBuffered == nil ? nil : lines)
        let project = out.appendingPathComponent("project.sqlite")
        let projectBytes = (try? FileManager.default.attributesOfItem(atPath: project.path)[.size] as? NSNumber)?.intValue ?? 0
        let (again, againOutput) = try analyze(arguments, work: work, label: "\(label)-again")
        return EndToEndResult(run: run, cues: cues, floorSeconds: floorSeconds,
                              ratioToFloor: floorSeconds > 0 ? run.wall / floorSeconds : 0, output: output,
                              projectBytes: projectBytes, again: again, againOutput: againOutput,
                              phases: phases(lines, wall: run.wall))
    }

    /// How long `analyze` took to import and code, to report, and after its last line, from when it
    /// printed its `code:` and `report:` lines and its last one (nil if it printed none of them).
    static func phases(_ lines: TimedLines, wall: Double) -> AnalyzePhases? {
        // The last lines may be read from the pipe just after the child's end is seen: no line is
        // later than the end.
        guard let codeLine = lines.time(ofLineStarting: "code:"), let reportLine = lines.time(ofLineStarting: "report:"),
              let lastLine = lines.lines.last?.seconds else { return nil }
        let (coded, reported, last) = (min(codeLine, wall), min(reportLine, wall), min(lastLine, wall))
        return AnalyzePhases(importAndCode: coded, report: reported - coded, afterReport: wall - reported,
                             afterLastLine: wall - last)
    }

    /// Runs `arguments` as a child (output in `analyze-LABEL.out` and `.err`) and returns the run with
    /// its `import:` and `code:` lines (and its last errors if it failed).
    private static func analyze(_ arguments: [String], work: URL, label: String,
                                lines: TimedLines? = nil) throws -> (ChildRun, String) {
        let stdout = work.appendingPathComponent("analyze-\(label).out")
        let stderr = work.appendingPathComponent("analyze-\(label).err")
        let run = try ChildRun.runMeasuringPeak(arguments, stdout: stdout.path, stderr: stderr.path, scratch: work,
                                                lines: lines)
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

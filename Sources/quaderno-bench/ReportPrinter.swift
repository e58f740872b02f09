import Foundation

/// The run as a plain-text table (also pasted into BENCHMARKS.md).
enum ReportPrinter {
    static func render(_ report: BenchReport) -> String {
        let machine = report.machine
        var lines: [String] = []
        lines.append("Quaderno benchmark, \(machine.date), commit \(machine.gitCommit.prefix(12)) (\(machine.configuration) build)")
        lines.append("\(machine.cpuModel), \(machine.activeCores) cores, \(gigabytes(machine.memoryBytes)) GB RAM, "
            + "\(machine.swiftVersion), libxml2 \(machine.libxml2); load average at start \(f2(machine.loadAverageAtStart))")
        lines.append("seed \(report.seed), best of up to \(report.passes) passes; MB = 10^6 bytes; "
            + "sample corpus: \(report.corpusFiles) files")
        lines.append("")
        lines.append(row("codebook", "cues", "codes", "re:", "YAML KB", "load s"))
        for book in report.codebooks {
            lines.append(row("", "\(book.cues)", "\(book.codes)", "\(book.expressionCues)",
                             f1(Double(book.fileBytes) / 1e3), f3(book.loadSeconds)))
        }
        if let large = report.large {
            lines.append("")
            lines.append("Large HTML dossier: \(f1(Double(large.bytes) / 1e6)) MB, \(large.sections) sections, "
                + "\(large.importResult.elements) elements")
            lines.append(row("measure", "seconds", "MB/s", "note"))
            lines.append(row("read (cat-like)", f3(large.read.timing.best), f1(large.read.megabytesPerSecond), ""))
            lines.append(row("libxml2 DOM", f3(large.dom.timing.best), f1(large.dom.megabytesPerSecond), ""))
            lines.append(row("libxml2 push, no-op SAX", f3(large.push.timing.best), f1(large.push.megabytesPerSecond), ""))
            lines.append(row("Quaderno import", f3(large.importResult.throughput.timing.best),
                             f1(large.importResult.throughput.megabytesPerSecond),
                             "\(f0(large.importPercentOfPush))% of push"))
            for probe in large.probes {
                lines.append(row("peak RSS, \(probe.mode) (child)", f3(probe.seconds), "",
                                 "\(f0(Double(probe.peakRSS) / 1e6)) MB = \(f2(probe.peakOverFile))× file "
                                 + "(+\(f0(Double(probe.peakRSS - probe.baselineRSS) / 1e6)) MB = \(f2(probe.growthOverFile))×)"))
            }
        }
        for corpus in report.corpora { lines += render(corpus) }
        lines.append("")
        lines.append("bench process peak RSS \(f0(Double(report.processPeakRSS) / 1e6)) MB; whole run \(f1(report.totalSeconds)) s")
        lines.append("")
        lines.append("Targets")
        for target in report.targets {
            let mark = target.met.map { $0 ? "met    " : "NOT met" } ?? "n/a    "
            lines.append("  [\(mark)] \(target.target): \(target.measured)")
        }
        for note in report.notes { lines.append("note: \(note)") }
        return lines.joined(separator: "\n")
    }

    static func render(_ corpus: CorpusResult) -> [String] {
        var lines = [""]
        lines.append("Corpus of \(corpus.cases) sheets: \(corpus.textFiles) sheet text (\(f1(Double(corpus.textBytes) / 1e6)) MB) + "
            + "\(corpus.htmlFiles) HTML (\(f1(Double(corpus.htmlBytes) / 1e6)) MB), \(f0(corpus.meanSheetBytes)) bytes/sheet; "
            + "load average \(f2(corpus.loadAverage))")
        lines.append(row("measure", "seconds", "MB/s", "note"))
        lines.append(row("read every file (cat-like)", f3(corpus.read.timing.best), f1(corpus.read.megabytesPerSecond),
                         "\(corpus.read.files) files"))
        lines.append(row("libxml2 DOM, HTML files", f3(corpus.dom.timing.best), f1(corpus.dom.megabytesPerSecond), ""))
        lines.append(row("libxml2 push, HTML files", f3(corpus.push.timing.best), f1(corpus.push.megabytesPerSecond),
                         "no-op SAX callbacks"))
        for (name, result) in [("import sheet text", corpus.importText), ("import HTML", corpus.importHTML)] {
            var note = "\(result.elements) elements, \(result.casesWithTerritory)/\(result.cases) territories"
            if result.failures > 0 { note += ", \(result.failures) FAILED" }
            if name == "import HTML" { note = "\(f0(corpus.htmlImportPercentOfPush))% of push; " + note }
            lines.append(row(name, f3(result.throughput.timing.best), f1(result.throughput.megabytesPerSecond), note))
        }
        for coding in corpus.coding {
            lines.append(row("compile \(coding.cues) cues", f3(coding.compile.best), "", "AutoCoder(codebook:)"))
            lines.append(row("code \(coding.cues) cues", f3(coding.code.best), f1(coding.caseMegabytesPerSecond),
                             "\(f1(coding.elementMegabytesPerSecond)) MB/s of elements, "
                             + "\(f0(coding.elementTokensPerSecond / 1e3))k tokens/s, \(coding.codings) codings"))
        }
        if let ratio = corpus.codingRatio, let first = corpus.coding.first, let last = corpus.coding.last {
            lines.append(row("code \(last.cues) / \(first.cues) cues", "", "", "\(f2(ratio))× (fastest passes); "
                + "\(f2(corpus.codingRatioPerRound ?? 0))× (median of rounds); codings ×\(f1(Double(last.codings) / Double(max(1, first.codings))))"))
        }
        if let aggregation = corpus.aggregation {
            lines.append(row("aggregate (\(aggregation.cues) cues)", f3(aggregation.totalSeconds), "",
                             "view \(f3(aggregation.view.best)) + report \(f3(aggregation.report.best)) + "
                             + "write \(f3(aggregation.write.best)), \(aggregation.codings) codings"))
        }
        if let run = corpus.endToEnd {
            lines.append(row("analyze CLI (\(run.cues) cues)", f3(run.run.wall),
                             f1(mbps(corpus.textBytes + corpus.htmlBytes, run.run.wall)),
                             "\(f1(run.ratioToFloor))× floor \(f3(run.floorSeconds)) s; cpu \(f1(run.run.userCPU + run.run.systemCPU)) s; "
                             + "peak RSS \(f0(Double(run.run.maxRSS) / 1e6)) MB; exit \(run.run.exitStatus)"))
            if let phases = run.phases {
                lines.append(row("  of which import and code", f3(phases.importAndCode), "",
                                 "until its code: line; then report \(f3(phases.report)) s, "
                                 + "the rest \(f3(phases.afterReport)) s (after its last line \(f3(phases.afterLastLine)) s)"))
            }
            let skipped = run.againOutput.contains(" 0 imported, 0 updated,") && run.againOutput.contains("code: 0 codings on 0 cases")
            lines.append(row("analyze CLI again, unchanged", f3(run.again.wall), "",
                             (skipped ? "nothing imported or coded" : run.againOutput)
                             + "; cpu \(f1(run.again.userCPU + run.again.systemCPU)) s; "
                             + "peak RSS \(f0(Double(run.again.maxRSS) / 1e6)) MB; exit \(run.again.exitStatus)"))
        }
        return lines
    }

    static func row(_ name: String, _ a: String, _ b: String, _ c: String) -> String {
        let line = "  " + pad(name, 32) + lpad(a, 9) + lpad(b, 9) + "   " + c
        return String(line.reversed().drop { $0 == " " }.reversed())
    }

    static func row(_ name: String, _ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
        "  " + pad(name, 10) + lpad(a, 7) + lpad(b, 7) + lpad(c, 5) + lpad(d, 9) + lpad(e, 9)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func lpad(_ text: String, _ width: Int) -> String {
        text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
    }

    static func f0(_ value: Double) -> String { String(format: "%.0f", value) }
    static func f1(_ value: Double) -> String { String(format: "%.1f", value) }
    static func f2(_ value: Double) -> String { String(format: "%.2f", value) }
    static func f3(_ value: Double) -> String { String(format: "%.3f", value) }
    static func gigabytes(_ bytes: UInt64) -> String { String(format: "%.1f", Double(bytes) / 1e9) }
}

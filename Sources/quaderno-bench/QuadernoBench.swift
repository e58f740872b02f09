import ArgumentParser
import Foundation
import Quaderno

@main
struct QuadernoBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quaderno-bench",
        abstract: "Measure Quaderno at scale next to libxml2's own floor (see BENCHMARKS.md).",
        discussion: """
            Generates a deterministic corpus from corpora/ (half sheet text, half HTML), codebooks grown from \
            codebooks/coprogettazione.yml and one large HTML dossier, then times reading, libxml2 parsing, \
            import, coding, aggregation and `quaderno analyze` on the same files. Run from the repository root \
            after `swift build -c release` (the end-to-end run uses the `quaderno` binary next to this one).
            """)

    @Option(help: "Corpus sizes (sheets), comma-separated.")
    var cases = "1000,10000"

    @Option(help: "Codebook sizes (cues), comma-separated.")
    var cues = "100,1000,10000"

    @Option(name: .customLong("large-html-mb"), help: "Size of the large HTML file in MB (0 to skip it).")
    var largeHTMLMB = 50.0

    @Option(help: "Write every number as JSON to this file.")
    var json: String?

    @Option(help: "Folder for the generated files, reports and analyze projects.")
    var work = ".build-bench-work"

    @Flag(name: .customLong("skip-e2e"), help: "Do not run `quaderno analyze`.")
    var skipEndToEnd = false

    @Option(name: .customLong("e2e-cues"), help: "Cues of the codebook `analyze` and the aggregation use.")
    var endToEndCues = 1000

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 20_220_419

    @Option(help: "Passes per measurement; the fastest counts.")
    var passes = 3

    @Option(help: "Stop repeating a measurement once its passes took this many seconds.")
    var budget = 20.0

    @Option(name: .customLong("min-time"), help: "Repeat a measurement (up to 30 passes) until it has run this many seconds.")
    var minimumTime = 1.0

    @Option(help: "The repository root (corpora/, codebooks/, Sources/Quaderno/Resources/).")
    var repository = "."

    @Option(help: "The quaderno executable (default: the one next to this binary).")
    var quaderno: String?

    @Option(name: .customLong("probe-import"), help: .hidden)
    var probeImport: String?

    @Option(name: .customLong("probe-dom"), help: .hidden)
    var probeDOM: String?

    @Option(name: .customLong("probe-push"), help: .hidden)
    var probePush: String?

    func run() throws {
        for (mode, file) in [("import", probeImport), ("dom", probeDOM), ("push", probePush)] {
            if let file { return try MemoryProbe.child(mode: mode, file: file) }
        }
        let started = Measure.now()
        Measure.minimumTime = minimumTime
        let caseCounts = try Self.list(cases, "--cases")
        let cueCounts = try Self.list(cues, "--cues").sorted()
        let repositoryURL = URL(fileURLWithPath: repository).standardizedFileURL
        let workURL = URL(fileURLWithPath: work).standardizedFileURL
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        let machine = MachineInfo.current(repository: repositoryURL)

        BenchContext.log("reading the sample corpus")
        let importer = try Importer()
        let corpusFolder = repositoryURL.appendingPathComponent("corpora")
        let vocabulary = try CorpusVocabulary.load(corpus: corpusFolder, importer: importer)
        let resources = repositoryURL.appendingPathComponent("Sources/Quaderno/Resources")
        let territories = try Territories.load(resources.appendingPathComponent("territories.tsv"))
        let (codebooks, infos) = try makeCodebooks(Set(cueCounts + [endToEndCues]).sorted(), vocabulary: vocabulary,
                                                   repository: repositoryURL, work: workURL)
        let context = BenchContext(
            repository: repositoryURL, work: workURL, seed: seed, passes: passes, budget: budget, importer: importer,
            vocabulary: vocabulary, territories: territories, codebooks: codebooks, codingCues: cueCounts,
            endToEndCues: endToEndCues, quaderno: skipEndToEnd ? nil : try quadernoPath())

        let large = largeHTMLMB > 0 ? try LargeStage.run(megabytes: largeHTMLMB, context) : nil
        var corpora: [CorpusResult] = []
        for count in caseCounts { corpora.append(try CorpusStage.run(cases: count, context)) }

        var report = BenchReport(
            machine: machine, arguments: Array(CommandLine.arguments.dropFirst()), seed: seed, passes: passes,
            corpusFiles: vocabulary.files,
            vocabulary: ["titles": vocabulary.titles.count, "sentences": vocabulary.sentences.count,
                         "positives": vocabulary.positives.count, "negatives": vocabulary.negatives.count],
            codebooks: infos, large: large, corpora: corpora, processPeakRSS: Measure.peakRSS(),
            totalSeconds: Measure.now() - started, targets: [], notes: notes(machine))
        report.targets = Targets.check(report)
        print(ReportPrinter.render(report))
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            BenchContext.log("wrote \(json)")
        }
    }

    /// Generates, writes and loads (timed) one codebook per size.
    private func makeCodebooks(_ sizes: [Int], vocabulary: CorpusVocabulary, repository: URL,
                               work: URL) throws -> ([Int: BenchContext.LoadedCodebook], [CodebookInfo]) {
        let base = try Codebook.load(from: repository.appendingPathComponent("codebooks/coprogettazione.yml"))
        let functionWords = try CodebookGenerator.functionWords(
            repository.appendingPathComponent("Sources/Quaderno/Resources/italian-function-words.tsv"))
        let texts = vocabulary.sentences + vocabulary.positives + vocabulary.negatives
            + vocabulary.values.keys.sorted().flatMap { vocabulary.values[$0] ?? [] }
        let generator = CodebookGenerator(base: base, texts: texts, functionWords: functionWords)
        var loaded: [Int: BenchContext.LoadedCodebook] = [:]
        var infos: [CodebookInfo] = []
        for size in sizes {
            BenchContext.log("codebook of \(size) cues")
            let url = work.appendingPathComponent("codebook-\(size).yml")
            let codebook = try CodebookGenerator.writeAndLoad(try generator.codebook(cues: size, seed: seed), to: url)
            let (timing, _) = try Measure.time(passes: passes, budget: budget) { try Codebook.load(from: url) }
            loaded[size] = BenchContext.LoadedCodebook(codebook: codebook, path: url.path)
            let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
            infos.append(CodebookInfo(
                cues: size, codes: codebook.codes.count,
                expressionCues: codebook.codes.flatMap(\.cues).filter { $0.hasPrefix("re:") }.count, path: url.path,
                fileBytes: bytes, loadSeconds: timing.best))
        }
        return (loaded, infos)
    }

    private func quadernoPath() throws -> String? {
        if let quaderno {
            guard FileManager.default.isExecutableFile(atPath: quaderno) else { throw BenchError("no executable at \(quaderno)") }
            return quaderno
        }
        guard let me = Bundle.main.executablePath else { return nil }
        let sibling = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("quaderno").path
        guard FileManager.default.isExecutableFile(atPath: sibling) else {
            throw BenchError("no quaderno executable next to \(me): run `swift build -c release` first, "
                + "pass --quaderno PATH, or --skip-e2e")
        }
        return sibling
    }

    private func notes(_ machine: MachineInfo) -> [String] {
        var notes = ["all files are read from the page cache (they were just written); timings are warm",
                     "libxml2 floors parse from memory; the end-to-end floor adds reading every file"]
        if machine.loadAverageAtStart > 0.5 {
            notes.append("the machine was busy at the start (load \(String(format: "%.2f", machine.loadAverageAtStart))); "
                + "compare wall and CPU seconds in the JSON")
        }
        if let threads = ProcessInfo.processInfo.environment["QUADERNO_THREADS"] {
            notes.append("QUADERNO_THREADS=\(threads) was set for the analyze runs")
        }
        return notes
    }

    static func list(_ text: String, _ option: String) throws -> [Int] {
        let values = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")) }
        guard values.isEmpty == false, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("\(option) takes positive whole numbers separated by commas, not '\(text)'")
        }
        return values.map { $0! }
    }
}

/// Bytes processed by one timed pass over some files.
struct Throughput: Codable, Sendable {
    var files: Int
    var bytes: Int
    var timing: Timing
    /// MB (10^6 bytes) per second of the fastest pass.
    var megabytesPerSecond: Double

    init(files: Int, bytes: Int, timing: Timing) {
        self.files = files
        self.bytes = bytes
        self.timing = timing
        megabytesPerSecond = mbps(bytes, timing.best)
    }
}

/// The generated codebooks.
struct CodebookInfo: Codable, Sendable {
    var cues: Int
    var codes: Int
    var expressionCues: Int
    var path: String
    var fileBytes: Int
    /// `Codebook.load` (YAML, checks, every cue compiled once), fastest pass.
    var loadSeconds: Double
}

/// Importing files with `Importer.importFile`.
struct ImportResult: Codable, Sendable {
    var throughput: Throughput
    var cases: Int
    var failures: Int
    var elements: Int
    var casesWithTerritory: Int
}

/// Coding every imported case with one codebook and one `CodingSession`.
struct CodingResult: Codable, Sendable {
    var cues: Int
    /// `AutoCoder(codebook:)`.
    var compile: Timing
    /// `session.code(case)` for every case.
    var code: Timing
    var cases: Int
    var elements: Int
    var caseTextBytes: Int
    var elementTextBytes: Int
    var elementTokens: Int
    var codings: Int
    var negatedCodings: Int
    var distinctWordForms: Int
    /// Case text (all of it) per second, and element text (what `.element` coding scans) per second.
    var caseMegabytesPerSecond: Double
    var elementMegabytesPerSecond: Double
    var elementTokensPerSecond: Double
}

/// `CorpusView` + `CorpusReport` + `ReportWriter.write` without the store.
struct AggregationResult: Codable, Sendable {
    var cues: Int
    var codings: Int
    var view: Timing
    var report: Timing
    var write: Timing
    var totalSeconds: Double
    var folder: String
}

/// `quaderno analyze` run as a child process.
struct EndToEndResult: Codable, Sendable {
    var run: ChildRun
    var cues: Int
    var floorSeconds: Double
    /// Wall time over (reading every file + libxml2 push parse of the HTML).
    var ratioToFloor: Double
    var output: String
    var projectBytes: Int
    /// `analyze` again into the same folder, nothing changed: nothing to import or code, the report.
    var again: ChildRun
    var againOutput: String
    /// The first run phase by phase, from when it printed its lines.
    var phases: AnalyzePhases?
}

/// `analyze`'s phases, in seconds, from the times its lines were printed: until the `code:` line
/// (starting, importing and coding: one transaction), from there to the `report:` line (reading the
/// project and writing the reports), and from there to the end (headlines, closing the project,
/// exiting), of which the time after its last line.
struct AnalyzePhases: Codable, Sendable {
    var importAndCode: Double
    var report: Double
    var afterReport: Double
    var afterLastLine: Double
}

/// One corpus size.
struct CorpusResult: Codable, Sendable {
    var cases: Int
    var textFiles: Int
    var htmlFiles: Int
    var textBytes: Int
    var htmlBytes: Int
    var meanSheetBytes: Double
    var generateSeconds: Double
    var loadAverage: Double
    var read: Throughput
    var dom: Throughput
    var push: Throughput
    var importText: ImportResult
    var importHTML: ImportResult
    /// HTML import throughput as a percentage of the push parser's on the same files.
    var htmlImportPercentOfPush: Double
    var coding: [CodingResult]
    /// Coding time at the most cues over the time at the fewest (fastest passes).
    var codingRatio: Double?
    /// The same ratio taken within each round (the codebooks take turns), median over the rounds.
    var codingRatioPerRound: Double?
    var aggregation: AggregationResult?
    var endToEnd: EndToEndResult?
    var peakRSSAfter: Int
}

/// What a child process measured importing or parsing one file.
struct ProbeResult: Codable, Sendable {
    var mode: String
    var fileBytes: Int
    var seconds: Double
    /// Resident memory before reading the file and at its peak (bytes).
    var baselineRSS: Int
    var peakRSS: Int
    /// How the peak was read: the kernel's high-water mark reset just before the job, or the child's
    /// lifetime peak where the mark cannot be reset.
    var peakSource: String
    var peakOverFile: Double
    var growthOverFile: Double
    var elements: Int
}

/// The large HTML file.
struct LargeResult: Codable, Sendable {
    var path: String
    var bytes: Int
    var sections: Int
    var generateSeconds: Double
    var read: Throughput
    var dom: Throughput
    var push: Throughput
    var importResult: ImportResult
    var importPercentOfPush: Double
    var probes: [ProbeResult]
}

/// A target of the issue and whether this run meets it.
struct TargetResult: Codable, Sendable {
    var target: String
    var measured: String
    var met: Bool?
}

/// Everything one run measured.
struct BenchReport: Codable, Sendable {
    var machine: MachineInfo
    var arguments: [String]
    var seed: UInt64
    var passes: Int
    var corpusFiles: Int
    var vocabulary: [String: Int]
    var codebooks: [CodebookInfo]
    var large: LargeResult?
    var corpora: [CorpusResult]
    var processPeakRSS: Int
    var totalSeconds: Double
    var targets: [TargetResult]
    var notes: [String]
}

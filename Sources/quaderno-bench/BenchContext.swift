import Foundation
import Quaderno

/// What every stage of a run shares.
struct BenchContext {
    /// A generated codebook, loaded, and where its YAML is.
    struct LoadedCodebook {
        var codebook: Codebook
        var path: String
    }

    let repository: URL
    let work: URL
    let seed: UInt64
    let passes: Int
    let budget: Double
    let importer: Importer
    let vocabulary: CorpusVocabulary
    let territories: Territories
    let codebooks: [Int: LoadedCodebook]
    /// The cue counts coding is measured with, and the one `analyze` and the aggregation use.
    let codingCues: [Int]
    let endToEndCues: Int
    /// The `quaderno` executable for the end-to-end run, nil to skip it.
    let quaderno: String?

    var corpus: SyntheticCorpus { SyntheticCorpus(vocabulary: vocabulary, territories: territories, seed: seed) }

    /// Progress on standard error, so standard output stays the table.
    static func log(_ message: String) {
        FileHandle.standardError.write(Data("quaderno-bench: \(message)\n".utf8))
    }
}

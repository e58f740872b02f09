import Foundation
import Testing
@testable import Quaderno
@testable import quaderno_bench

/// The benchmark's generator (not its timings): deterministic, importable, and codebooks of the size asked.
@Suite("Synthetic corpus")
struct SyntheticCorpusTests {
    static let resources = Fixtures.root.appendingPathComponent("Sources/Quaderno/Resources")

    static func corpus(seed: UInt64 = 7) throws -> SyntheticCorpus {
        let vocabulary = try CorpusVocabulary.load(corpus: Fixtures.corpus, importer: Fixtures.importer)
        let territories = try Territories.load(resources.appendingPathComponent("territories.tsv"))
        return SyntheticCorpus(vocabulary: vocabulary, territories: territories, seed: seed)
    }

    @Test("the same seed gives the same sheets; another seed gives others")
    func deterministic() throws {
        let first = try Self.corpus(seed: 7)
        let again = try Self.corpus(seed: 7)
        let other = try Self.corpus(seed: 8)
        for index in 1...20 {
            #expect(first.plan(index).render() == again.plan(index).render())
        }
        #expect((1...20).contains { first.plan($0).render() != other.plan($0).render() })
        #expect(first.plan(1).format == .sheetText)
        #expect(first.plan(2).format == .html)
    }

    @Test("generated sheets import with their elements, polarities and territory")
    func importable() throws {
        let corpus = try Self.corpus()
        let folder = try Fixtures.temporaryFolder("synthetic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try corpus.write(count: 120, to: folder)
        #expect(files.count == 120)
        #expect(files.filter { $0.format == .html }.count == 60)
        var zones: Set<String> = []
        for file in files {
            let sheet = try Fixtures.importer.importFile(at: file.url)
            #expect(sheet.elements.count == file.positives + file.negatives, "\(file.url.lastPathComponent)")
            #expect(sheet.elements.filter { $0.polarity == .positive }.count == file.positives,
                    "\(file.url.lastPathComponent)")
            #expect(sheet.elements.filter { $0.polarity == .negative }.count == file.negatives,
                    "\(file.url.lastPathComponent)")
            #expect(sheet.territory == file.zone, "\(file.url.lastPathComponent): \(sheet.warnings)")
            #expect((4_000...8_000).contains(file.bytes), "\(file.url.lastPathComponent) is \(file.bytes) bytes")
            zones.insert(file.zone)
        }
        #expect(zones.count >= 15)
    }

    @Test("the large dossier imports as one case with its summary", arguments: [1.0])
    func dossier(megabytes: Double) throws {
        let corpus = try Self.corpus()
        let folder = try Fixtures.temporaryFolder("dossier")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Dossier(vocabulary: corpus.vocabulary, territories: corpus.territories, seed: 7)
            .write(bytes: Int(megabytes * 1e6), to: folder.appendingPathComponent("dossier.html"))
        #expect(file.bytes >= Int(megabytes * 1e6))
        let sheet = try Fixtures.importer.importFile(at: file.url)
        #expect(sheet.elements.count == file.positives + file.negatives)
        #expect(sheet.territory == file.zone)
    }

    @Test("codebooks have the requested number of cues and load", arguments: [100, 1_000, 10_000])
    func codebooks(cues: Int) throws {
        let corpus = try Self.corpus()
        let base = try Codebook.load(from: Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml"))
        let vocabulary = corpus.vocabulary
        let generator = CodebookGenerator(
            base: base, texts: vocabulary.sentences + vocabulary.positives + vocabulary.negatives,
            functionWords: try CodebookGenerator.functionWords(Self.resources.appendingPathComponent("italian-function-words.tsv")))
        let codebook = try generator.codebook(cues: cues, seed: 7)
        #expect(CodebookGenerator.cueCount(codebook) == cues)
        #expect(try generator.codebook(cues: cues, seed: 7) == codebook)
        let folder = try Fixtures.temporaryFolder("codebook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("codebook-\(cues).yml")
        let loaded = try CodebookGenerator.writeAndLoad(codebook, to: url)
        #expect(CodebookGenerator.cueCount(loaded) == cues)
        #expect(try Codebook.validate(fileAt: url).filter { $0.severity == .error }.isEmpty)
        _ = try AutoCoder(codebook: loaded)
    }
}

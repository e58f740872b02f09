import Foundation

/// One large HTML file: a regional dossier that gathers many sheets' sections into long tables and
/// lists built from the corpus sentences, with one identification table and one summary.
struct Dossier: Sendable {
    let vocabulary: CorpusVocabulary
    let territories: Territories
    let seed: UInt64

    /// What the written dossier holds.
    struct File: Sendable {
        var url: URL
        var bytes: Int
        var sections: Int
        var positives: Int
        var negatives: Int
        var zone: String
    }

    /// Writes a dossier of at least `bytes` bytes to `url`, streaming section by section.
    func write(bytes target: Int, to url: URL) throws -> File {
        var random = SeededGenerator(seed: seed, stream: 0xD055_1E6)
        let zone = random.pick(territories.zones)
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw BenchError("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written = 0
        func emit(_ text: String) throws {
            let data = Data(text.utf8)
            try handle.write(contentsOf: data)
            written += data.count
        }
        let title = "Dossier regionale sulla co-progettazione – raccolta delle esperienze"
        var head = "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(title)</title>\n"
        head += "</head>\n<body>\n<h1>\(title)</h1>\n\n<h2>\(SheetPlan.identificationHeading)</h2>\n<table border=\"1\">\n"
        head += "  <tr><td><strong>Ente proponente</strong></td><td>\(Territories.proposingBody(zone, random: &random))</td></tr>\n"
        head += "  <tr><td><strong>Ambito territoriale di competenza</strong></td><td>Zona Distretto \(zone.canonical)</td></tr>\n"
        head += "</table>\n\n"
        try emit(head)
        let positives = random.sample(vocabulary.positives, min(40, vocabulary.positives.count))
        let negatives = random.sample(vocabulary.negatives, min(30, vocabulary.negatives.count))
        var tail = "<h2>\(HTMLRenderer.escape(SheetPlan.summaryHeading))</h2>\n<h3>Punti di forza</h3>\n<ul>\n"
        tail += positives.map { "  <li>\(HTMLRenderer.escape($0))</li>\n" }.joined() + "</ul>\n<h3>Criticità</h3>\n<ul>\n"
        tail += negatives.map { "  <li>\(HTMLRenderer.escape($0))</li>\n" }.joined() + "</ul>\n</body>\n</html>\n"
        var sections = 0
        while written + tail.utf8.count < target {
            sections += 1
            try emit(section(sections, &random))
        }
        try emit(tail)
        return File(url: url, bytes: written, sections: sections, positives: positives.count,
                    negatives: negatives.count, zone: zone.canonical)
    }

    /// One section: a heading (no title from the corpus: a title such as "Scheda di sintesi" would open a
    /// summary), a paragraph, a paragraph, a 40-row table and a 20-item list.
    private func section(_ number: Int, _ random: inout SeededGenerator) -> String {
        let sentence = { (random: inout SeededGenerator) in HTMLRenderer.escape(random.pick(vocabulary.sentences)) }
        var out = "<h2>Progetto \(number) – zona \(random.pick(territories.zones).canonical)</h2>\n"
        out += "<p>\(sentence(&random)) \(sentence(&random))</p>\n<table border=\"1\">\n  <thead><tr>"
        out += random.pick(vocabulary.contentHeaders).map { "<th>\(HTMLRenderer.escape($0))</th>" }.joined()
        out += "</tr></thead>\n  <tbody>\n"
        for _ in 0..<40 {
            out += "    <tr><td>\(sentence(&random))</td><td><ul><li>\(sentence(&random))</li><li>\(sentence(&random))</li></ul></td>"
            out += "<td>\(random.pick(SyntheticCorpus.funds)): \(SyntheticCorpus.amount(random.int(5_000...900_000), &random))</td></tr>\n"
        }
        out += "  </tbody>\n</table>\n<h3>Attività realizzate</h3>\n<ul>\n"
        for _ in 0..<20 { out += "  <li>\(sentence(&random))</li>\n" }
        return out + "</ul>\n\n"
    }
}

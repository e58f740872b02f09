import Foundation
import Quaderno

/// What the synthetic sheets are made of: the sentences, table cells, attribute values and elements of
/// the real sample corpus, read with the public ``Importer``.
struct CorpusVocabulary: Sendable {
    /// Sheet titles (`Scheda di rilevazione – ...`).
    var titles: [String] = []
    /// Attribute labels and values by canonical key (`avviso`, `tipologia_ets`, ...).
    var labels: [String: [String]] = [:]
    var values: [String: [String]] = [:]
    /// Header rows of three-column (content) and two-column (procedure) tables.
    var contentHeaders: [[String]] = []
    var procedureHeaders: [[String]] = []
    /// Paragraphs, list items and cell texts outside the summary and the identification data.
    var sentences: [String] = []
    /// Summary elements by the polarity the importer gave them.
    var positives: [String] = []
    var negatives: [String] = []
    /// How many files were read.
    var files = 0

    /// The attribute keys a generated sheet carries, in the survey's order.
    static let attributeKeys = ["avviso", "ente_proponente", "ambito_territoriale", "tipologia_ets", "motivazioni"]

    /// Imports every sheet under `folder` and collects the pools.
    static func load(corpus folder: URL, importer: Importer) throws -> CorpusVocabulary {
        var vocabulary = CorpusVocabulary()
        for file in try InputFiles.collect([folder.path]) {
            let sheet = try importer.importFile(at: file.url, path: file.path)
            vocabulary.add(sheet)
        }
        vocabulary.finish()
        guard vocabulary.sentences.count >= 20, vocabulary.positives.count >= 5, vocabulary.negatives.count >= 5 else {
            throw BenchError("the corpus in \(folder.path) is too small to build sheets from "
                + "(\(vocabulary.sentences.count) sentences, \(vocabulary.positives.count)+\(vocabulary.negatives.count) elements)")
        }
        return vocabulary
    }

    private mutating func add(_ sheet: Case) {
        files += 1
        if sheet.title.isEmpty == false, Self.usable(sheet.title), Self.announcesSection(sheet.title) == false {
            titles.append(sheet.title)
        }
        var skipped: Set<String> = []
        for attribute in sheet.attributes {
            skipped.insert(attribute.label)
            skipped.insert(attribute.value)
            guard Self.attributeKeys.contains(attribute.key), Self.usable(attribute.label) else { continue }
            labels[attribute.key, default: []].append(attribute.label)
            if Self.usable(attribute.value) { values[attribute.key, default: []].append(attribute.value) }
        }
        for table in sheet.tables {
            skipped.formUnion(table.header)
            guard table.header.allSatisfy(Self.usable), table.header.allSatisfy({ $0.isEmpty == false }) else { continue }
            if table.header.count == 3 { contentHeaders.append(table.header) }
            if table.header.count == 2, Self.isSummaryHeader(table.header) == false { procedureHeaders.append(table.header) }
        }
        for element in sheet.elements where Self.usableElement(element.text) {
            switch element.polarity {
            case .positive: positives.append(element.text)
            case .negative: negatives.append(element.text)
            default: continue
            }
        }
        let scalars = Array(sheet.text.unicodeScalars)
        let elementRanges = sheet.elements.map { $0.start..<$0.end }
        for segment in sheet.segments where [.paragraph, .item, .cell].contains(segment.kind) {
            guard segment.section.lowercased().contains("identificativ") == false,
                  elementRanges.contains(where: { $0.overlaps(segment.start..<segment.end) }) == false else { continue }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[segment.start..<segment.end])
            guard text.count >= 25, skipped.contains(text) == false, Self.usable(text),
                  Self.startsWithMarker(text) == false else { continue }
            sentences.append(text)
        }
    }

    private mutating func finish() {
        func unique(_ list: [String]) -> [String] {
            var seen: Set<String> = []
            return list.filter { seen.insert($0).inserted }
        }
        titles = unique(titles)
        sentences = unique(sentences)
        positives = unique(positives)
        negatives = unique(negatives)
        labels = labels.mapValues(unique)
        values = values.mapValues(unique)
        contentHeaders = unique(contentHeaders.map { $0.joined(separator: "\t") }).map { $0.components(separatedBy: "\t") }
        procedureHeaders = unique(procedureHeaders.map { $0.joined(separator: "\t") }).map { $0.components(separatedBy: "\t") }
        if titles.isEmpty { titles = ["Scheda di rilevazione – Co-progettazione"] }
        if contentHeaders.isEmpty { contentHeaders = [Self.seedContentHeader] }
        if procedureHeaders.isEmpty { procedureHeaders = [Self.seedProcedureHeader] }
        for (key, label) in zip(Self.attributeKeys, Self.seedLabels) where labels[key, default: []].contains(label) == false {
            labels[key, default: []].insert(label, at: 0)
        }
    }

    /// Text that survives being written back as sheet text or HTML unchanged: no markup characters,
    /// no emphasis markers, no tabs or line breaks.
    static func usable(_ text: String) -> Bool {
        text.isEmpty == false && text.unicodeScalars.allSatisfy { scalar in
            !"&<>\t\n\r*_#|`\\".unicodeScalars.contains(scalar)
        }
    }

    /// An element that reads back as itself: usable, long enough, and not opening with a list marker.
    static func usableElement(_ text: String) -> Bool {
        usable(text) && text.count >= 20 && startsWithMarker(text) == false
    }

    /// Whether a text opens with something the sheet parser would take as a bullet or a number.
    static func startsWithMarker(_ text: String) -> Bool {
        guard let first = text.first else { return true }
        return first.isNumber || "-+•❑▪◦‣●■□○➢➤✓✔–—·♦◆➔→".contains(first)
    }

    /// Whether a heading would open a section of its own (`Scheda di sintesi` announces a summary), so
    /// it cannot serve as a sheet title.
    static func announcesSection(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["sintesi", "riassunto", "bilancio", "valutazione", "positiv", "negativ", "critic", "forza", "debolezz",
                "identificativ"].contains { lower.contains($0) }
    }

    private static func isSummaryHeader(_ header: [String]) -> Bool {
        let joined = header.joined(separator: " ").lowercased()
        return joined.contains("forza") || joined.contains("debolezz") || joined.contains("positiv")
            || joined.contains("negativ") || joined.contains("critic")
    }

    /// The seed sheet's labels, in ``attributeKeys`` order.
    static let seedLabels = [
        "Nome dell'Avviso", "Ente proponente", "Ambito territoriale di competenza", "Tipologia di ETS coinvolti",
        "Indicare - ove possibile ed ove espresse - le motivazioni della scelta della co-programmazione/co-progettazione",
    ]
    static let seedContentHeader = [
        "Descrizione delle attività richieste",
        "Punti indicati nello schema di progetto messo a disposizione dall'ente pubblico (per le co-progettazioni)",
        "Risorse messe a disposizione dall'ente pubblico e dall'ente privato (per le co-progettazioni) – richiesta di cofinanziamento",
    ]
    static let seedProcedureHeader = [
        "Elencare e spiegare sinteticamente i passaggi in cui si è articolato il procedimento",
        "organizzazione e modalità di gestione dei tavoli di co-programmazione/co-progettazione (es: titolarità del "
            + "coordinamento dei tavoli, modalità di individuazione dei partecipanti, mezzi per la gestione dei conflitti...)",
    ]
}

/// A benchmark set-up failure, printed as `quaderno-bench: message`.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

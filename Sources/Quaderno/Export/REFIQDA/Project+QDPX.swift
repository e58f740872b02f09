import Foundation
import GRDB

/// What importing a REFI-QDA project did.
public struct ExchangeImportSummary: Sendable {
    /// Case ids created or replaced, one per text source.
    public var cases: [String] = []
    /// Codes in the imported codebook.
    public var codes = 0
    /// Coders (users) with codings.
    public var coders: [String] = []
    /// Codings imported as manual codings of their coder.
    public var codings = 0
    /// What was skipped or repaired, from the reader and from the import.
    public var warnings: [String] = []

    /// `2 cases, 262 codes, 158 codings by 1 coder(s)`.
    public var line: String {
        "\(cases.count) cases, \(codes) codes, \(codings) codings by \(coders.count) coder(s)"
            + (warnings.isEmpty ? "" : ", \(warnings.count) warning(s)")
    }
}

extension Project {
    /// Imports a REFI-QDA project (read by ``QDPXReader``): its codes become a codebook, each text
    /// source a case (attributes from the case variables that refer to it), each coded selection a
    /// manual coding of its user. A case already imported from the same file and source is replaced
    /// together with its codings. One transaction: on error nothing is kept.
    public func importExchange(_ imported: QDPXImport, file: String) throws -> ExchangeImportSummary {
        let exchange = imported.project
        var summary = ExchangeImportSummary()
        summary.warnings = imported.warnings
        let converted = QDCCodebook.codebook(from: exchange.codes, name: exchange.name.isEmpty ? file : exchange.name)
        summary.warnings += converted.warnings
        let codebook = converted.codebook
        let placed = exchange.allCodes
        guard placed.count == codebook.codes.count else {
            throw QuadernoError(.invalid, file: file, "the code tree could not be read consistently")
        }
        let codeIDs = Dictionary(zip(placed.map(\.code.guid), codebook.codes.map(\.id)), uniquingKeysWith: { first, _ in first })
        let userNames = Dictionary(exchange.users.map { ($0.guid, $0.name.isEmpty ? $0.guid : $0.name) },
                                   uniquingKeysWith: { first, _ in first })
        summary.codes = codebook.codes.count
        return try transaction("import-qdpx", arguments: [file]) { db, run in
            let codebookID = try storeCodebook(codebook, source: codebook.yamlText, db: db)
            let inserter = try CodingInserter(db: db, origin: "manual", codebookID: codebookID, run: run)
            let writer = try CaseWriter(db: db)
            let keyless = try hasKeylessCases(db)
            // A source is named by its file and its name in it: `FILE#NAME`, and the file's key for the key.
            let fileURL = URL(fileURLWithPath: file)
            let fileKey = sourceKey(of: fileURL)
            var coders: Set<String> = []
            for source in exchange.sources {
                let owner = exchange.cases.filter { $0.sources.contains(source.guid) }
                let (key, typed) = (fileKey + "#" + source.name, file + "#" + source.name)
                let existing = try storedCase(key: key, typed: typed, keyless: keyless, db: db)
                let id = try existing?.id ?? uniqueCaseID(for: owner.count == 1 ? owner[0].name : source.name, db: db)
                let origin = try existing?.source
                    ?? newSource(typed: typed, absolute: fileURL.standardizedFileURL.path + "#" + source.name, db: db)
                var sheet = Case(id: id, source: origin, format: .text, title: owner.first?.description ?? source.name,
                                 text: source.text)
                for value in owner.first?.values ?? [] {
                    let name = exchange.variable(value.variable)?.name ?? value.variable
                    sheet.setAttribute(name, value.value.lexical, label: name)
                }
                try db.execute(sql: "DELETE FROM codings WHERE case_id = ?", arguments: [id])
                try store(sheet, hash: ContentHash.of(source.text), writer: writer, run: run, replacing: existing != nil,
                          sourceKey: key)
                summary.cases.append(id)
                for selection in source.selections {
                    for coding in selection.codings {
                        guard let code = codeIDs[coding.code] else { continue }
                        let userGUID = coding.creatingUser ?? selection.creatingUser ?? exchange.creatingUser
                        let coder = userGUID.flatMap { userNames[$0] } ?? "unknown"
                        coders.insert(coder)
                        try inserter.insert(Coding(caseID: id, elementID: nil, unit: "span", code: code, coder: coder,
                                                   start: selection.start, end: selection.end,
                                                   text: source.quote(selection)))
                        summary.codings += 1
                    }
                }
            }
            summary.coders = coders.sorted()
            try db.execute(sql: "UPDATE runs SET summary = ?, codebook_id = ? WHERE id = ?",
                           arguments: [summary.line, codebookID, run])
            return summary
        }
    }

    /// Writes the project as a REFI-QDA .qdpx file (atomically, identical bytes for identical content).
    public func exportQDPX(to url: URL, name: String? = nil) throws -> ExchangeProject {
        let exchange = try ExchangeProject.from(self, name: name ?? url.deletingPathExtension().lastPathComponent)
        try QDPXWriter().write(exchange, to: url)
        return exchange
    }
}

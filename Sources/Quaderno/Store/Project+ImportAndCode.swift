import Foundation

extension Project {
    /// ``importFiles(_:importer:progress:)`` then ``code(with:source:coder:unit:recodeAll:)``, as
    /// `analyze` runs them, in one transaction: each case imported is coded on the thread that parsed
    /// it and its codings are stored with it, while the next files are parsed; then the cases not
    /// imported now whose codings are out of date (or all, with `recodeAll`) are coded as `code` codes
    /// them. The run log shows an import run and a coding run, as when the two are run one after the
    /// other, and the project ends up the same.
    public func importAndCode(_ files: [(url: URL, path: String)], importer: Importer, codebook: Codebook,
                              source: String, coder: String = "auto", unit: CodingUnit = .element,
                              recodeAll: Bool = false,
                              progress: ((Int, Int, String) -> Void)? = nil) throws -> (imported: ImportSummary,
                                                                                        coded: CodingSummary) {
        // As in `code`, every row refers to a case, codebook or run written in this transaction, and
        // nothing here deletes a case (whose dependent rows foreign keys would delete): SQLite need not
        // check each reference, which for the codings cost more than coding them.
        try transaction("import", arguments: Self.distinct(files).map(\.path), checkingForeignKeys: false) { db, importRun in
            let codingRun = try Self.beginRun("code", arguments: Self.codingArguments(codebook, coder: coder, unit: unit),
                                              db: db)
            let pass = try CodingPass(db: db, run: codingRun, codebook: codebook, source: source, coder: coder,
                                      unit: unit, recodeAll: recodeAll, project: self)
            let imported = try importFiles(files, importer: importer, db: db, run: importRun, coding: pass,
                                           progress: progress, interruptAfter: nil)
            try pass.codeRemaining(project: self, batch: Self.codingBatch)
            try Self.finishRun(codingRun, db: db)
            return (imported, pass.summary)
        }
    }
}

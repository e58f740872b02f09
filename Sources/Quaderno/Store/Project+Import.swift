import Foundation
import GRDB

extension Project {
    /// Imports files into the project in one transaction. Unchanged files are skipped; a changed file
    /// replaces its case and its automatic codings, and its manual codings are re-anchored to where
    /// their quoted text now is (or kept as orphaned). Files that fail are reported, not stored.
    ///
    /// - Parameter progress: called before each file with its position, the total and its path.
    public func importFiles(_ files: [(url: URL, path: String)], importer: Importer,
                            progress: ((Int, Int, String) -> Void)? = nil) throws -> ImportSummary {
        try importFiles(files, importer: importer, progress: progress, interruptAfter: nil)
    }

    /// `interruptAfter` simulates a crash after that many stored cases (tests only).
    func importFiles(_ files: [(url: URL, path: String)], importer: Importer, progress: ((Int, Int, String) -> Void)?,
                     interruptAfter: Int?) throws -> ImportSummary {
        try transaction("import", arguments: Self.distinct(files).map(\.path)) { db, run in
            try importFiles(files, importer: importer, db: db, run: run, coding: nil, progress: progress,
                            interruptAfter: interruptAfter)
        }
    }

    /// A file named twice (or inside two folders given) is imported once.
    static func distinct(_ files: [(url: URL, path: String)]) -> [(url: URL, path: String)] {
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }
    }

    /// The import of run `run`, inside its transaction. With `coding`, each case stored is coded too,
    /// on the parsing threads, and its codings stored with it.
    func importFiles(_ files: [(url: URL, path: String)], importer: Importer, db: Database, run: Int64,
                     coding: CodingPass?, progress: ((Int, Int, String) -> Void)?,
                     interruptAfter: Int?) throws -> ImportSummary {
        let files = Self.distinct(files)
        var summary = ImportSummary()
        var reserved: Set<String> = []
        let writer = try CaseWriter(db: db)
        let keyless = try hasKeylessCases(db)
        var position = 0
        // Files are parsed on every core a batch at a time and stored in input order. The next
        // batch is read, hashed and sent to the parsers before this one is awaited, so the parsers
        // never wait for the reading, and it is parsed while this one is being stored.
        let batches = stride(from: 0, to: files.count, by: Self.importBatch).map {
            files[$0..<min($0 + Self.importBatch, files.count)]
        }
        func start(_ batch: ArraySlice<(url: URL, path: String)>) throws -> ParsingBatch {
            var pending: [Pending] = []
            var failures: [Int: QuadernoError] = [:]
            // Reading and hashing the batch is most of what a run with few changed files does:
            // it is done on every core, and only the lookups in the project on this thread.
            let contents = Self.readAndHash(batch, limit: importer.limits.maximumFileBytes)
            for (offset, file) in batch.enumerated() {
                do {
                    let (data, hash) = try contents[offset].get()
                    if let work = try triage(file, data: data, hash: hash, keyless: keyless, db: db,
                                             reserved: &reserved, summary: &summary) {
                        pending.append(work)
                    }
                } catch let error as QuadernoError {
                    failures[offset] = error.inFile(file.path)
                }
            }
            return ParsingBatch(files: batch, pending: pending, failures: failures, importer: importer, coding: coding)
        }
        var next = try batches.first.map(start)
        for index in batches.indices {
            guard let current = next else { break }
            next = index + 1 < batches.count ? try start(batches[index + 1]) : nil
            var results = current.results()
            for (offset, file) in current.files.enumerated() {
                position += 1
                progress?(position, files.count, file.path)
                if let failure = current.failures[offset] {
                    summary.failed.append(failure)
                    continue
                }
                guard let (work, result) = results.removeValue(forKey: file.path) else { continue }
                if let limit = interruptAfter, summary.imported.count + summary.updated.count >= limit {
                    throw QuadernoError(.unreadable, file: file.path, "import interrupted")
                }
                switch result {
                case .failure(let error): summary.failed.append(error)
                case .success(let parsed):
                    try save(parsed, work, writer: writer, db: db, run: run, summary: &summary)
                    if let codings = parsed.codings { try coding?.store(codings, hash: work.hash) }
                }
            }
        }
        let seen = Set(summary.imported + summary.updated + summary.unchanged)
        summary.gone = try goneCases(db, seen: seen).map(\.source)
        try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?", arguments: [summary.line, run])
        return summary
    }

    /// The cases, other than those with an id in `seen`, whose file is no longer where its
    /// ``SourceKey`` says (cases from a REFI-QDA project, whose key names a source inside a file
    /// with `#`, are left out).
    func goneCases(_ db: Database, seen: Set<String> = []) throws -> [(id: String, source: String)] {
        let folder = url.deletingLastPathComponent()
        var gone: [(id: String, source: String)] = []
        let rows = try Row.fetchCursor(db, sql: Self.goneCasesSQL)
        while let row = try rows.next() {
            let key: String = row[2]
            guard seen.contains(row[0]) == false, key.contains("#") == false,
                  FileManager.default.fileExists(atPath: SourceKey.file(key, projectFolder: folder).path) == false
            else { continue }
            gone.append((row[0], row[1]))
        }
        return gone
    }

    /// The cases with a ``SourceKey``, in id order (read from `cases_lookup`, not from the rows).
    static let goneCasesSQL = "SELECT id, source, source_key FROM cases WHERE source_key IS NOT NULL ORDER BY id"

    /// A batch of files being parsed and archived on other threads (every core), collected with
    /// ``results()``.
    final class ParsingBatch: @unchecked Sendable {
        let files: ArraySlice<(url: URL, path: String)>
        let failures: [Int: QuadernoError]
        private let pending: [Pending]
        private var parsed: [Result<ParsedCase, QuadernoError>] = []
        private let done = DispatchSemaphore(value: 0)

        init(files: ArraySlice<(url: URL, path: String)>, pending: [Pending], failures: [Int: QuadernoError],
             importer: Importer, coding: CodingPass?) {
            self.files = files
            self.failures = failures
            self.pending = pending.map { var work = $0; work.data = Data(); return work }
            let (sessions, unit, coder) = (coding?.sessions, coding?.unit ?? .element, coding?.name ?? "")
            DispatchQueue.global().async { [self] in
                parsed = ParallelWork.map(pending.count, state: { sessions?.lease() }) { lease, index -> Result<ParsedCase, QuadernoError> in
                    let file = pending[index].file
                    return Result {
                        let sheet = try importer.importFile(pending[index].data, url: file.url, path: pending[index].source,
                                                            caseID: pending[index].id)
                        return ParsedCase(sheet: sheet, archive: CaseArchive.encode(sheet),
                                          codings: lease?.session.autoCodings(of: sheet, unit: unit, coder: coder))
                    }
                    .mapError { ($0 as? QuadernoError)?.inFile(file.path) ?? QuadernoError(.unreadable, file: file.path, "\($0)") }
                }
                done.signal()
            }
        }

        /// Waits for the batch and returns each parsed file with its triage, by path.
        func results() -> [String: (Pending, Result<ParsedCase, QuadernoError>)] {
            done.wait()
            return Dictionary(uniqueKeysWithValues: zip(pending.map(\.file.path), zip(pending, parsed)))
        }
    }

    /// Files parsed together on every core before being stored.
    static let importBatch = 256

    /// A file that needs parsing: new or changed since it was last imported.
    struct Pending: Sendable {
        var file: (url: URL, path: String)
        var id: String
        var hash: String
        var isUpdate: Bool
        /// Its ``SourceKey``, and its `source` as reports show it: the path as typed when the file is
        /// new, the stored one when it is updated (typed another way, it is still the same file).
        var key: String
        var source: String
        /// The file's bytes, read once for the hash and the parser.
        var data: Data
    }

    /// A case as a worker thread leaves it: parsed, archived for the `case_data` column, and coded
    /// when the import codes too.
    struct ParsedCase: Sendable {
        var sheet: Case
        var archive: [UInt8]
        var codings: AutoCodings?
    }

    /// Each file's bytes and ``ContentHash``, or why it could not be read, in the order given.
    private static func readAndHash(_ files: ArraySlice<(url: URL, path: String)>,
                                    limit: Int) -> [Result<(data: Data, hash: String), QuadernoError>] {
        let files = Array(files)
        return ParallelWork.map(files.count) { index in
            Result {
                let data = try FileBytes.read(files[index].url, file: files[index].path, limit: limit)
                return (data, ContentHash.of(data))
            }
            .mapError { ($0 as? QuadernoError) ?? QuadernoError(.unreadable, file: files[index].path, "\($0)") }
        }
    }

    /// Decides what a file (its bytes and their hash) needs: nothing when unchanged (recorded as
    /// such), else its case id.
    private func triage(_ file: (url: URL, path: String), data: Data, hash: String, keyless: Bool, db: Database,
                        reserved: inout Set<String>, summary: inout ImportSummary) throws -> Pending? {
        let key = sourceKey(of: file.url)
        let existing = try storedCase(key: key, typed: file.path, keyless: keyless, db: db)
        if let existing, existing.hash == hash {
            summary.unchanged.append(existing.id)
            return nil
        }
        let id = try existing?.id ?? uniqueCaseID(for: file.url.path, db: db, reserved: reserved)
        reserved.insert(id)
        let source = try existing?.source
            ?? newSource(typed: file.path, absolute: SourceKey.standardizedPath(file.url), db: db)
        return Pending(file: file, id: id, hash: hash, isUpdate: existing != nil, key: key, source: source, data: data)
    }

    /// The stored case of the file with `key`; else one stored before files had keys whose source is
    /// the path as `typed`, which is given the key. `keyless` says whether the project has such cases
    /// (see ``hasKeylessCases(_:)``).
    func storedCase(key: String, typed: String, keyless: Bool, db: Database) throws -> (id: String, hash: String, source: String)? {
        if let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, content_hash, source FROM cases WHERE source_key = ?"),
                                      arguments: [key]) {
            return (row[0], row[1], row[2])
        }
        guard keyless, let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT id, content_hash, source FROM cases WHERE source = ? AND source_key IS NULL
            """), arguments: [typed]) else { return nil }
        try db.execute(sql: "UPDATE cases SET source_key = ? WHERE id = ?", arguments: [key, row[0] as String])
        return (row[0], row[1], row[2])
    }

    /// Whether some case was stored before cases had a ``SourceKey``.
    func hasKeylessCases(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE source_key IS NULL)") ?? false
    }

    /// The `source` of a new case: the path as typed, or the `absolute` one when another file already
    /// has that source (the same relative path typed from another folder).
    func newSource(typed: String, absolute: String, db: Database) throws -> String {
        let taken = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM cases WHERE source = ?"), arguments: [typed]) ?? false
        return taken ? absolute : typed
    }

    private func save(_ parsed: ParsedCase, _ work: Pending, writer: CaseWriter, db: Database, run: Int64,
                      summary: inout ImportSummary) throws {
        let sheet = parsed.sheet
        // A case coded as it is imported is not read again: it is not kept in the cache.
        try store(sheet, archive: parsed.archive, hash: work.hash, writer: writer, run: run, replacing: work.isUpdate,
                  sourceKey: work.key, caching: parsed.codings == nil)
        guard work.isUpdate else {
            summary.imported.append(work.id)
            return
        }
        summary.updated.append(work.id)
        try db.execute(sql: "DELETE FROM codings WHERE case_id = ? AND origin = 'auto'", arguments: [work.id])
        let moved = try ManualCodingAnchor.reanchor(caseID: work.id, in: sheet, db: db)
        summary.reanchored += moved.reanchored
        summary.orphaned += moved.orphaned
    }

    /// A case id from a file or source name (without extension) that no stored or `reserved` case
    /// has: `name`, `name-2`, `name-3`, ...
    func uniqueCaseID(for name: String, db: Database, reserved: Set<String> = []) throws -> String {
        let stem = FileStem.of(name)
        let base = stem.isEmpty ? "case" : stem
        var candidate = base
        var suffix = 2
        while try reserved.contains(candidate)
                || Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM cases WHERE id = ?"), arguments: [candidate]) == true {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// Writes a case and its attributes and elements, replacing what the project had for its id,
    /// and keeps it in the case cache unless `caching` is false. `replacing: false` promises the id is
    /// new; `sourceKey` is the ``SourceKey`` of its file.
    func store(_ sheet: Case, archive: [UInt8]? = nil, hash: String, writer: CaseWriter, run: Int64?,
               replacing: Bool = true, sourceKey: String? = nil, caching: Bool = true) throws {
        try writer.write(sheet, archive: archive ?? CaseArchive.encode(sheet), hash: hash, importedAt: Self.now(),
                         run: run, replacing: replacing, sourceKey: sourceKey)
        if caching { caseCache.put(sheet, hash: hash) }
    }
}

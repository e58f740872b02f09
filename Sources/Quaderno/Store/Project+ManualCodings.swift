import Foundation
import GRDB

extension Project {
    /// Imports one coder's manual codings from CSV, replacing that coder's earlier manual codings.
    ///
    /// Columns: `case_id`; `code` (or `codes`, several separated by `;`); and where: `element_id`, or
    /// `element` (an element id or an element's exact text, as in corpora/gold.csv), or `start` and
    /// `end` (Unicode scalar offsets into the case text, end exclusive), or `text` (a quote found in
    /// the case). Every row is checked first; if any row is wrong, nothing is stored and every
    /// problem is reported as `FILE:LINE: message`.
    public func importManualCodings(_ table: CSVTable, file: String, coder: String) throws -> Int {
        guard coder.isEmpty == false, coder != "auto" else {
            throw QuadernoError(.usage, file: file, "manual codings need a coder's name other than 'auto'",
                                hint: "pass --coder NAME")
        }
        let columns = "columns: case_id, code (or codes), and element_id, element, start and end, or text"
        guard let caseColumn = table.column("case_id"), let codeColumn = table.column("code") ?? table.column("codes") else {
            throw QuadernoError(.invalid, file: file, line: 1, "the header needs case_id and code columns", hint: columns)
        }
        let elementColumn = table.column("element_id") ?? table.column("element")
        let startColumn = table.column("start")
        let endColumn = table.column("end")
        let quoteColumn = table.column("text")
        guard elementColumn != nil || quoteColumn != nil || (startColumn != nil && endColumn != nil) else {
            throw QuadernoError(.invalid, file: file, line: 1, "the header does not say where each coding goes",
                                hint: columns)
        }
        let cases = Dictionary(uniqueKeysWithValues: try cases().map { ($0.id, $0) })
        let known = Set(try latestCodebook()?.codes.map(\.id) ?? [])
        var codings: [Coding] = []
        var problems: [QuadernoError] = []
        for (row, line) in zip(table.rows, table.lines) {
            func problem(_ message: String, _ hint: String? = nil) {
                problems.append(QuadernoError(.invalid, file: file, line: line, message, hint: hint))
            }
            let codes = row[codeColumn].split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingWhitespace() }
                .filter { $0.isEmpty == false }
            guard let sheet = cases[row[caseColumn].trimmingWhitespace()] else {
                problem("no case '\(row[caseColumn])' in the project", "case ids are the file names without extension")
                continue
            }
            if let unknown = codes.first(where: { known.isEmpty == false && known.contains($0) == false }) {
                problem("code '\(unknown)' is not in the project's codebook", "known codes: \(known.sorted().joined(separator: ", "))")
                continue
            }
            let elementKey = elementColumn.map { row[$0].trimmingWhitespace() } ?? ""
            let quote = quoteColumn.map { row[$0] } ?? ""
            var range: Range<Int>
            var element: Element?
            if elementKey.isEmpty == false {
                guard let found = sheet.elements.first(where: { $0.id == elementKey || $0.text == elementKey }) else {
                    problem("case '\(sheet.id)' has no element '\(elementKey.prefix(60))'",
                            "give an element id (e1, e2, ... as in elements.csv) or an element's exact text")
                    continue
                }
                element = found
                range = found.start..<found.end
            } else if quote.isEmpty == false {
                let scalars = Array(sheet.text.unicodeScalars)
                guard let start = ManualCodingAnchor.nearestOccurrence(of: Array(quote.unicodeScalars), in: scalars, near: 0) else {
                    problem("the text '\(quote.prefix(60))' is not in case '\(sheet.id)'", "copy the quote exactly from the case text")
                    continue
                }
                range = start..<(start + quote.unicodeScalars.count)
                element = sheet.elements.first { $0.start <= start && range.upperBound <= $0.end }
            } else {
                let length = sheet.text.unicodeScalars.count
                guard let start = startColumn.flatMap({ Int(row[$0].trimmingWhitespace()) }),
                      let end = endColumn.flatMap({ Int(row[$0].trimmingWhitespace()) }),
                      0 <= start, start < end, end <= length else {
                    problem("start and end must be whole numbers with 0 ≤ start < end ≤ \(length) (the case text's length)")
                    continue
                }
                range = start..<end
                element = sheet.elements.first { $0.start <= start && end <= $0.end }
            }
            let text = sheet.text.scalarSlice(range.lowerBound, range.upperBound)
            let isElement = element.map { $0.start == range.lowerBound && $0.end == range.upperBound } ?? false
            for code in codes {
                codings.append(Coding(caseID: sheet.id, elementID: element?.id, unit: isElement ? "element" : "span",
                                      code: code, coder: coder, start: range.lowerBound, end: range.upperBound, text: text))
            }
        }
        if let first = problems.first {
            throw ManualCodingErrors(problems: problems, first: first)
        }
        return try transaction("codings import", arguments: [file, "--coder", coder]) { db, run in
            try db.execute(sql: "DELETE FROM codings WHERE coder = ? AND origin = 'manual'", arguments: [coder])
            let inserter = try CodingInserter(db: db, origin: "manual", codebookID: nil, run: run)
            for coding in codings { try inserter.insert(coding) }
            try db.execute(sql: "UPDATE runs SET summary = ? WHERE id = ?",
                           arguments: ["\(codings.count) manual codings by \(coder)", run])
            return codings.count
        }
    }
}

/// Every problem found in a manual codings file; nothing was stored.
public struct ManualCodingErrors: Error, Sendable, CustomStringConvertible {
    /// One error per bad row.
    public var problems: [QuadernoError]
    /// The first problem.
    public var first: QuadernoError

    /// All problems, one per line.
    public var description: String {
        problems.map(\.description).joined(separator: "\n") + "\n\(problems.count) problem(s); nothing was imported"
    }
}

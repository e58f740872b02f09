import Foundation
import GRDB

extension Project {
    /// Imports one coder's manual codings from CSV, replacing that coder's earlier manual codings.
    ///
    /// Columns: `case_id`, `code`, and either `element_id` or `start` and `end` (Unicode scalar
    /// offsets into the case text, end exclusive). Every row is checked first; if any row is wrong,
    /// nothing is stored and every problem is reported as `FILE:LINE: message`.
    public func importManualCodings(_ table: CSVTable, file: String, coder: String) throws -> Int {
        guard coder.isEmpty == false, coder != "auto" else {
            throw QuadernoError(.usage, file: file, "manual codings need a coder's name other than 'auto'",
                                hint: "pass --coder NAME")
        }
        guard let caseColumn = table.column("case_id"), let codeColumn = table.column("code") else {
            throw QuadernoError(.invalid, file: file, line: 1, "the header needs case_id and code columns",
                                hint: "columns: case_id, element_id (or start and end), code")
        }
        let elementColumn = table.column("element_id")
        let startColumn = table.column("start")
        let endColumn = table.column("end")
        guard elementColumn != nil || (startColumn != nil && endColumn != nil) else {
            throw QuadernoError(.invalid, file: file, line: 1, "the header needs element_id, or start and end",
                                hint: "columns: case_id, element_id (or start and end), code")
        }
        let cases = Dictionary(uniqueKeysWithValues: try cases().map { ($0.id, $0) })
        let known = Set(try latestCodebook()?.codes.map(\.id) ?? [])
        var codings: [Coding] = []
        var problems: [QuadernoError] = []
        for (row, line) in zip(table.rows, table.lines) {
            func problem(_ message: String, _ hint: String? = nil) {
                problems.append(QuadernoError(.invalid, file: file, line: line, message, hint: hint))
            }
            let code = row[codeColumn].trimmingWhitespace()
            guard let sheet = cases[row[caseColumn].trimmingWhitespace()] else {
                problem("no case '\(row[caseColumn])' in the project", "case ids are the file names without extension")
                continue
            }
            if code.isEmpty { problem("the code is empty"); continue }
            if known.isEmpty == false, known.contains(code) == false {
                problem("code '\(code)' is not in the project's codebook", "known codes: \(known.sorted().joined(separator: ", "))")
                continue
            }
            let elementID = elementColumn.map { row[$0].trimmingWhitespace() } ?? ""
            var range: Range<Int>
            var element: Element?
            if elementID.isEmpty == false {
                guard let found = sheet.elements.first(where: { $0.id == elementID }) else {
                    problem("case '\(sheet.id)' has no element '\(elementID)'", "element ids are e1, e2, ... (see elements.csv)")
                    continue
                }
                element = found
                range = found.start..<found.end
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
            codings.append(Coding(caseID: sheet.id, elementID: element?.id, unit: element == nil ? "span" : "element",
                                  code: code, coder: coder, start: range.lowerBound, end: range.upperBound, text: text))
        }
        if let first = problems.first {
            throw ManualCodingErrors(problems: problems, first: first)
        }
        return try transaction("codings import", arguments: [file, "--coder", coder]) { db, run in
            try db.execute(sql: "DELETE FROM codings WHERE coder = ? AND origin = 'manual'", arguments: [coder])
            for coding in codings { try insert(coding, origin: "manual", codebookID: nil, run: run, db: db) }
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

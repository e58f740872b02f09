import Foundation
import Testing
@testable import Quaderno

/// A session's compact codings (``AutoCodings``) written out as ``Coding`` values: every value must
/// come from the right unit, code, cue and negation, and the counts must agree with the values.
@Suite("Coding: compact codings written out")
struct AutoCodingsTests {
    static let codebookURL = Fixtures.root.appendingPathComponent("codebooks/coprogettazione.yml")

    /// The sample corpus and the seed, imported.
    static func cases() throws -> [Case] {
        let files = try InputFiles.collect([Fixtures.corpus.path]).map(\.url) + [Fixtures.seed]
        return try files.map { try Fixtures.importer.importFile(at: $0) }
    }

    @Test("each coding quotes its unit, names a code and cue of the codebook, and the counts match", arguments: [
        CodingUnit.element, .sentence, .cell,
    ])
    func writtenOut(unit: CodingUnit) throws {
        let codebook = try Codebook.load(from: Self.codebookURL)
        let session = try AutoCoder(codebook: codebook).makeSession()
        var (total, negated, conflicts, nonElements) = (0, 0, 0, 0)
        for sheet in try Self.cases() {
            let made = session.autoCodings(of: sheet, unit: unit, coder: "Quaderno")
            let codings = made.codings
            #expect(codings.count == made.count)
            #expect(codings.count(where: \.negated) == made.negatedCount)
            #expect(codings.count(where: \.polarityConflict) == made.conflictCount)
            let scalars = Array(sheet.text.unicodeScalars)
            for coding in codings {
                #expect(coding.caseID == sheet.id && coding.coder == "Quaderno")
                #expect(coding.text == String(String.UnicodeScalarView(scalars[coding.start..<coding.end])))
                let cueStart = try #require(coding.cueStart), cueEnd = try #require(coding.cueEnd)
                #expect(coding.start <= cueStart && cueStart < cueEnd && cueEnd <= coding.end)
                let code = try #require(codebook.code(coding.code))
                #expect(code.cues.contains(try #require(coding.cue)), "\(coding.code): \(coding.cue ?? "")")
                if let element = coding.elementID {
                    let found = try #require(sheet.elements.first { $0.id == element })
                    #expect(coding.unit == "element" && (found.start, found.end) == (coding.start, coding.end))
                } else {
                    #expect(coding.unit == unit.rawValue)
                    nonElements += 1
                }
                #expect(coding.negated == (coding.negatedBy != nil))
            }
            // One coding per code and unit.
            #expect(Set(codings.map { "\($0.start)-\($0.end)-\($0.code)" }).count == codings.count)
            var appended: [Coding] = []
            session.code(sheet, unit: unit, coder: "Quaderno", into: &appended)
            #expect(appended == codings)
            total += made.count
            negated += made.negatedCount
            conflicts += made.conflictCount
        }
        #expect(total > 50 && negated > 0 && conflicts > 0)
        #expect(unit == .element ? nonElements == 0 : nonElements > 0)
    }
}

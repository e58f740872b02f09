import Foundation
import Testing
@testable import Quaderno

@Suite("Agreement and evaluation on coded cases")
struct CoderAgreementTests {
    static let sheet: Case = {
        let elements = (1...4).map { Element(id: "e\($0)", polarity: .positive, polaritySource: "heading", text: "t\($0)",
                                              start: ($0 - 1) * 3, end: ($0 - 1) * 3 + 2) }
        return Case(id: "c", source: "c.txt", format: .sheet, elements: elements, text: "t1 t2 t3 t4")
    }()

    func coding(_ coder: String, _ element: Int, _ code: String, negated: Bool = false) -> Coding {
        let e = Self.sheet.elements[element - 1]
        return Coding(caseID: "c", elementID: e.id, code: code, coder: coder, start: e.start, end: e.end, text: e.text,
                      negated: negated)
    }

    @Test("presence/absence per element: identical coders agree perfectly, negated codings do not count")
    func perfect() throws {
        let codings = [coding("a", 1, "x"), coding("b", 1, "x"), coding("a", 2, "y"), coding("b", 2, "y"),
                       coding("b", 3, "x", negated: true)]
        let agreement = try CoderAgreement(cases: [Self.sheet], codings: codings, coders: ["a", "b"], codes: ["x", "y"],
                                           unit: .element, automaticCoders: [])
        let x = try #require(agreement.rows.first { $0.code == "x" })
        #expect(x.units == 4 && x.percentAgreement == 1 && x.cohenKappa == 1 && x.alpha == 1)
        #expect(agreement.rows.last?.code == "overall" && agreement.rows.last?.units == 8)
    }

    @Test("kappa matches the two-by-two table it implies")
    func kappaFromCodings() throws {
        // Element-level presence of x: a = [1,1,0,0], b = [1,0,1,0] → agreement 0.5, kappa 0.
        let codings = [coding("a", 1, "x"), coding("a", 2, "x"), coding("b", 1, "x"), coding("b", 3, "x")]
        let agreement = try CoderAgreement(cases: [Self.sheet], codings: codings, coders: ["a", "b"], codes: ["x"],
                                           unit: .element, automaticCoders: [])
        let row = try #require(agreement.rows.first)
        #expect(row.percentAgreement == 0.5)
        #expect(abs(row.cohenKappa! - 0) < 1e-12)
        #expect(row.fleissKappa == nil)
    }

    @Test("a code nobody used is undefined with a reason, not NaN; a coder who coded nothing there is missing")
    func undefined() throws {
        let other = Case(id: "d", source: "d.txt", format: .sheet, elements: Self.sheet.elements, text: Self.sheet.text)
        let codings = [coding("a", 1, "x"), coding("b", 1, "x")]
        let agreement = try CoderAgreement(cases: [Self.sheet, other], codings: codings, coders: ["a", "b"],
                                           codes: ["x", "never"], unit: .element, automaticCoders: [])
        let never = try #require(agreement.rows.first { $0.code == "never" })
        #expect(never.alpha == nil && never.cohenKappa == nil && never.notes.isEmpty == false)
        #expect(agreement.rows.first { $0.code == "x" }?.units == 4, "case d was coded by nobody")
        let withAuto = try CoderAgreement(cases: [Self.sheet, other], codings: codings, coders: ["a", "b"],
                                          codes: ["x"], unit: .element, automaticCoders: ["a"])
        #expect(withAuto.rows.first?.units == 4, "b still did not code case d")
        #expect(throws: QuadernoError.self) {
            _ = try CoderAgreement(cases: [Self.sheet], codings: codings, coders: ["a"], codes: ["x"], unit: .case,
                                   automaticCoders: [])
        }
    }

    @Test("evaluation counts missed and extra codings per code")
    func evaluation() throws {
        let codings = [coding("gold", 1, "x"), coding("gold", 2, "y"), coding("auto", 1, "x"), coding("auto", 3, "y")]
        let evaluation = try CoderEvaluation(codings: codings, gold: "gold", evaluated: "auto")
        #expect(evaluation.scores.micro.truePositives == 1)
        #expect(evaluation.disagreements.map { "\($0.unit) \($0.code) \($0.side)" } == ["e2 y missed", "e3 y extra"])
        #expect(throws: QuadernoError.self) { _ = try CoderEvaluation(codings: codings, gold: "nobody", evaluated: "auto") }
    }
}

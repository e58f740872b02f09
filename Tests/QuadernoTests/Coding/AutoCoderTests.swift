import Foundation
import Testing
@testable import Quaderno

@Suite("Cue matching, negation and codings")
struct AutoCoderTests {
    static let codebook = Codebook(name: "test", codes: [
        Code(id: "resistance", name: "Resistenza", polarity: .negative, cues: ["resistenza", "diffidenza"]),
        Code(id: "complexity_regression", name: "Regressione", polarity: .negative,
             cues: ["logica dell'appalto", "ritorno alla gara", "tempi ... compressi"]),
        Code(id: "governance", name: "Governance", polarity: .positive,
             cues: ["tavolo condiviso", "cabina di regia", "partenariato", "=pari =dignità"]),
        Code(id: "innovation", name: "Innovazione", polarity: .positive, cues: ["sperimentazion*", "re:\\bhousing first\\b"]),
    ])
    static let coder = try! AutoCoder(codebook: codebook)

    func hits(_ text: String) -> [CueHit] { Self.coder.makeSession().hits(in: text) }

    @Test("a word cue matches its inflections; a prefix and an exact form match as written")
    func cueKinds() {
        #expect(hits("Forti resistenze iniziali").map(\.code) == ["resistance"])
        #expect(hits("Le sperimentazioni avviate").map(\.code) == ["innovation"])
        #expect(hits("riconosciuta pari dignità").map(\.code) == ["governance"])
        #expect(hits("pari dignitose").isEmpty, "=pari dignità is exact")
        #expect(hits("Il modello Housing First funziona").map(\.code) == ["innovation"])
    }

    @Test("phrases ignore articles and reduce articulated prepositions; ... allows a short gap")
    func phrases() {
        #expect(hits("un ritorno a gara").map(\.code) == ["complexity_regression"])
        #expect(hits("il ritorno alle gare").map(\.code) == ["complexity_regression"])
        #expect(hits("la logica degli appalti").map(\.code) == ["complexity_regression"])
        #expect(hits("i tempi della co-progettazione sono stati compressi").map(\.code) == ["complexity_regression"])
        #expect(hits("i tempi. Compressi").isEmpty, "a gap never crosses a clause boundary")
        #expect(hits("tempi di una procedura lunga e articolata che sono poi stati compressi").isEmpty, "gap of 6 words at most")
    }

    @Test("'non si sono registrate resistenze' is not resistance")
    func negation() throws {
        let found = hits("Non si sono registrate resistenze da parte degli uffici")
        let hit = try #require(found.first)
        #expect(hit.code == "resistance")
        #expect(hit.negated)
        #expect(hit.negatedBy == "Non")
    }

    @Test("'superare la logica dell'appalto' is not complexity regression")
    func reversal() throws {
        let hit = try #require(hits("Si è scelto di superare la logica dell'appalto").first)
        #expect(hit.code == "complexity_regression")
        #expect(hit.negatedBy == "superare")
    }

    @Test("'assenza di un tavolo condiviso' is not governance")
    func absence() throws {
        let hit = try #require(hits("Assenza di un tavolo condiviso con i servizi").first)
        #expect(hit.code == "governance")
        #expect(hit.negatedBy == "Assenza di")
    }

    @Test("the scope of a negation ends at the clause or at a contrast word")
    func scope() {
        #expect(hits("Non c'era una cabina di regia, ma un partenariato solido").map(\.negated) == [true, false])
        #expect(hits("Non è stato facile. Il partenariato ha tenuto").map(\.negated) == [false])
        #expect(hits("Nessun ritorno alla gara; resta la diffidenza").map(\.negated) == [true, false])
        #expect(hits("Essere partner - e non più fornitori - ha creato un partenariato").map(\.negated) == [false])
        #expect(hits("non solo partenariato ma anche altro").map(\.negated) == [false], "non solo does not negate")
    }

    @Test("one coding per element and code; negated codings are kept and marked; conflicts flagged")
    func codings() throws {
        let sheet = try Fixtures.importer.importText("""
        # Riassunto degli elementi

        ## Punti di forza
        - Partenariato forte e una cabina di regia condivisa, nel partenariato di zona
        - Nessuna diffidenza tra gli enti

        ## Criticità
        - Una sperimentazione interrotta
        """, caseID: "sample")
        let codings = Self.coder.code(sheet)
        let first = codings.filter { $0.elementID == "e1" }
        #expect(first.map(\.code) == ["governance"], "three governance cues, one coding")
        let second = try #require(codings.first { $0.elementID == "e2" })
        #expect(second.code == "resistance" && second.negated && second.negatedBy == "Nessuna")
        #expect(second.polarityConflict == false, "negated codings do not conflict")
        let third = try #require(codings.first { $0.elementID == "e3" })
        #expect(third.code == "innovation" && third.polarityConflict, "positive code on a negative element")
        let scalars = Array(sheet.text.unicodeScalars)
        for coding in codings {
            #expect(String(String.UnicodeScalarView(scalars[coding.start..<coding.end])) == coding.text)
            if let start = coding.cueStart, let end = coding.cueEnd {
                #expect(coding.start <= start && end <= coding.end)
            }
        }
    }

    @Test("coding into an array appends each case's codings after what it already holds")
    func codingInto() throws {
        let cases = try FileManager.default.contentsOfDirectory(at: Fixtures.corpus, includingPropertiesForKeys: nil)
            .filter { ["md", "csv"].contains($0.pathExtension) == false }
            .sorted { $0.path < $1.path }
            .map(Fixtures.importCase) + [Fixtures.importCase(Fixtures.seed)]
        let session = Self.coder.makeSession()
        let earlier = Coding(caseID: "earlier", elementID: nil, unit: "span", code: "x", coder: "Anna", start: 0, end: 1, text: "a")
        var gathered = [earlier]
        for sheet in cases { session.code(sheet, into: &gathered) }
        let separately = cases.flatMap { Self.coder.code($0) }
        #expect(Set(separately.map(\.caseID)).count >= 2, "codings of several cases")
        #expect(gathered == [earlier] + separately)
    }

    @Test("coding never changes the case: its text and offsets stay as imported")
    func caseUnchanged() throws {
        let sheet = try Fixtures.importCase(Fixtures.seed)
        let copy = sheet
        _ = Self.coder.code(sheet, unit: .sentence)
        #expect(sheet == copy)
    }

    @Test("sentence and cell units code the other sections too")
    func units() throws {
        let sheet = try Fixtures.importCase(Fixtures.seed)
        let coder = try AutoCoder(codebook: Codebook(name: "t", codes: [
            Code(id: "tavolo", name: "Tavolo", polarity: .neutral, cues: ["tavolo di coprogettazione"])]))
        #expect(coder.code(sheet, unit: .element).isEmpty)
        let sentences = coder.code(sheet, unit: .sentence)
        #expect(sentences.contains { $0.unit == "sentence" && $0.text.hasPrefix("Si è costituito un tavolo di co-progettazione") })
        let cells = coder.code(sheet, unit: .cell)
        #expect(cells.contains { $0.unit == "cell" && $0.elementID == nil })
    }

    @Test("the one-pass automaton finds exactly what a cue-by-cue scan finds", arguments: [7, 42, 1234])
    func automatonEqualsNaiveScan(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let vocabulary = ["rete", "tavolo", "gara", "appalto", "logica", "della", "di", "il", "condivisa", "regia",
                          "cabina", "partner", "progetto", "comunità", "resistenze", "non", "nuovo", "modello"]
        let cues = (0..<300).map { _ in
            (0..<Int(random.next() % 3 + 1)).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                .joined(separator: " ")
        }
        let compiler = try CueCompiler()
        let valid = Set(cues).filter { (try? compiler.compile($0)) != nil }
        let codebook = Codebook(name: "random", codes: [Code(id: "c", name: "c", cues: Array(valid))])
        let coder = try AutoCoder(codebook: codebook)
        let session = coder.makeSession()
        for _ in 0..<40 {
            let text = (0..<12).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
            let found = Set(session.hits(in: text).map { "\($0.cue)@\($0.start)" })
            var expected: Set<String> = []
            let words = compiler.tokenizer.tokens(text).filter { compiler.rules.matchingForm($0.form) != nil }
            for cue in valid {
                let pattern = try compiler.compile(cue).words
                for start in words.indices where start + pattern.count <= words.count {
                    let matches = zip(pattern, words[start...]).allSatisfy { word, token in
                        let form = compiler.rules.matchingForm(token.form)!
                        switch word {
                        case .stem(let stem): return compiler.stemmer.stem(form) == stem
                        case .exact(let exact): return form == exact
                        default: return false
                        }
                    }
                    if matches { expected.insert("\(cue)@\(words[start].start)") }
                }
            }
            #expect(found == expected, "text: \(text)")
        }
    }
}

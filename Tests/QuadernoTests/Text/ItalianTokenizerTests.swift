import Testing
@testable import Quaderno

@Suite("Italian normalisation and tokens")
struct ItalianTokenizerTests {
    let tokenizer = ItalianTokenizer(rules: try! ItalianTextRules.bundled())

    func forms(_ text: String) -> [String] {
        tokenizer.tokens(text).filter { $0.kind == .word || $0.kind == .number }.map(\.form)
    }

    @Test("apostrophe variants are one apostrophe and elided words are split off")
    func elisions() {
        #expect(forms("dell'appalto") == ["dell'", "appalto"])
        #expect(forms("dell’appalto") == ["dell'", "appalto"])
        #expect(forms("dellʼappalto") == ["dell'", "appalto"])
        #expect(forms("Nome dell' Avviso") == ["nome", "dell'", "avviso"])
        #expect(forms("l'ente e un'associazione, nell'ambito sull'accordo d'intesa all'inizio")
                == ["l'", "ente", "e", "un'", "associazione", "nell'", "ambito", "sull'", "accordo", "d'", "intesa",
                    "all'", "inizio"])
    }

    @Test("an apostrophe typed for an accent is repaired")
    func accents() {
        #expect(forms("perche' le attivita' E' cosi'") == ["perché", "le", "attività", "è", "così"])
        #expect(forms("un po' di tempo") == ["un", "po", "di", "tempo"])
        #expect(forms("la parola 'rete' tra apici") == ["la", "parola", "rete", "tra", "apici"])
    }

    @Test("hyphen and space variants of compounds are the same word")
    func compounds() {
        #expect(forms("co-progettazione") == ["coprogettazione"])
        #expect(forms("coprogettazione") == ["coprogettazione"])
        #expect(forms("co progettazione") == ["coprogettazione"])
        #expect(forms("Co‑programmazione") == ["coprogrammazione"], "non-breaking hyphen")
        #expect(forms("socio-educativi") == ["socioeducativi"])
    }

    @Test("NFC and case folding")
    func normalisation() {
        let decomposed = "ATTIVITA\u{0300}"
        #expect(forms(decomposed) == ["attività"])
        #expect(forms("Città") == forms("citta\u{0300}"))
    }

    @Test("offsets are Unicode scalar offsets into the original text")
    func offsets() {
        let text = "🙂 La co-progettazione dell’Avviso: € 51.726,00"
        let scalars = Array(text.unicodeScalars)
        for token in tokenizer.tokens(text) {
            var slice = ""
            slice.unicodeScalars.append(contentsOf: scalars[token.start..<token.end])
            #expect(slice.isEmpty == false)
            if token.kind == .word, token.form == "coprogettazione" { #expect(slice == "co-progettazione") }
            if token.form == "dell'" { #expect(slice == "dell’") }
            if token.kind == .number { #expect(slice == "51.726,00") }
        }
        #expect(tokenizer.tokens(text).contains { $0.kind == .boundary && $0.form == ":" })
    }

    @Test("clause boundaries: . ; : parentheses, spaced dashes and line breaks; commas are not")
    func boundaries() {
        let kinds = tokenizer.tokens("a, b; c - d (e)\nf").map(\.kind)
        #expect(kinds == [.word, .comma, .word, .boundary, .word, .boundary, .word, .boundary, .word, .boundary,
                          .boundary, .word])
    }

    @Test("sentences split at full stops, not at abbreviations")
    func sentences() {
        let text = "Det. n. 60 del 2017 approvata. Il tavolo (p.es. la SdS) ha lavorato! Poi\naltro"
        let scalars = Array(text.unicodeScalars)
        let parts = SentenceSplitter.sentences(scalars, in: 0..<scalars.count).map { String(String.UnicodeScalarView(scalars[$0])) }
        #expect(parts == ["Det. n. 60 del 2017 approvata.", "Il tavolo (p.es. la SdS) ha lavorato!", "Poi", "altro"])
    }
}

import Foundation
import Testing
@testable import Quaderno

@Suite("REFI-QDA: QDC codebooks")
struct QDCCodebookTests {
    static let codebook = Codebook(name: "Coprogettazione Toscana", version: "1.0.0", codes: [
        Code(id: "empowerment", name: "Empowerment e protagonismo", polarity: .positive, color: "#2E7D32",
             definition: "Chi partecipa prende parola e decide.\nAnche i più giovani.",
             include: ["gruppi che gestiscono un'attività", "decisioni prese insieme,\nanche informalmente"],
             exclude: ["semplice informazione (usare community_involvement)"],
             examples: ["«i ragazzi hanno progettato lo spazio»"],
             cues: ["protagonis*", "prendere parola", "=ATS", "re:co-?progett\\w+", "décision & <scelta>"]),
        Code(id: "resources", name: "Risorse", polarity: .neutral, definition: "Solo raggruppamento."),
        Code(id: "resource_precarity", name: "Precarietà delle risorse", polarity: .negative, parent: "resources",
             color: "#c62828", definition: "Fondi incerti o annuali.", include: ["finanziamenti a progetto"],
             cues: ["precari*", "fondi annuali"]),
        Code(id: "annual_funding", name: "Fondi annuali", polarity: .negative, parent: "resource_precarity",
             definition: "", examples: ["solo per un anno"], cues: ["annual*"]),
        Code(id: "resource_continuity", name: "Continuità delle risorse", polarity: .positive, parent: "resources",
             definition: "Definizione con una riga finale vuota.\n", cues: []),
        Code(id: "legal_uncertainty", name: "Incertezza giuridica", polarity: .negative,
             definition: "Include:\nuna riga che sembra un'intestazione.", cues: ["norme poco chiare"]),
    ])

    @Test("the exported QDC validates against Codebook.xsd and the REFI validator")
    func exportValidates() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("coprogettazione.qdc")
        try QDCCodebook.write(Self.codebook, to: url)
        #expect(try REFITest.schemaFailures(url, schema: REFITest.codebookSchema) == [])
        #expect(REFIValidator().validate(url).map(\.description) == [])
        let xml = try String(contentsOf: url, encoding: .utf8)
        #expect(xml.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"Quaderno\">"))
        #expect(xml.contains("guid=\"\(QDCCodebook.guid(forCode: "empowerment"))\""))
        #expect(xml.contains("color=\"#2E7D32\""))
    }

    @Test("a round trip keeps every field, cues included, and the nesting")
    func roundTrip() throws {
        let url = try Fixtures.temporaryFolder().appendingPathComponent("coprogettazione.qdc")
        try QDCCodebook.write(Self.codebook, to: url)
        let read = try QDCCodebook.read(url, name: "Coprogettazione Toscana")
        #expect(read.warnings == [])
        #expect(read.codebook.codes == Self.codebook.codes)
        #expect(read.codebook.name == "Coprogettazione Toscana")
        #expect(try QDCCodebook.read(url).codebook.name == "coprogettazione")
    }

    @Test("descriptions are readable, with the cues in a recognisable block")
    func readableDescription() throws {
        let text = QDCDescription.text(for: Self.codebook.codes[0])
        #expect(text == """
            Chi partecipa prende parola e decide.
            Anche i più giovani.

            Include:
            - gruppi che gestiscono un'attività
            - decisioni prese insieme,
              anche informalmente

            Exclude:
            - semplice informazione (usare community_involvement)

            Examples:
            - «i ragazzi hanno progettato lo spazio»

            [Quaderno]
            id: empowerment
            polarity: positive
            cue: protagonis*
            cue: prendere parola
            cue: =ATS
            cue: re:co-?progett\\w+
            cue: décision & <scelta>
            [/Quaderno]
            """)
    }

    @Test("the codebook also travels inside a QDPX project and comes back with its cues")
    func throughQDPX() throws {
        let project = ExchangeProject(name: "solo codebook", codes: try ExchangeProject.codes(from: Self.codebook))
        let url = try Fixtures.temporaryFolder().appendingPathComponent("codebook.qdpx")
        try QDPXWriter().write(project, to: url)
        #expect(try REFITest.schemaFailures(url) == [])
        let read = try QDPXReader().read(url).project
        #expect(read.codes[1].children.map(\.name) == ["Precarietà delle risorse", "Continuità delle risorse"])
        #expect(QDCCodebook.codebook(from: read.codes, name: "x").codebook.codes == Self.codebook.codes)
    }

    @Test("codes from another program get ids from their names, duplicates numbered")
    func foreignCodes() throws {
        let nvivo = try QDPXReader().read(REFITest.nvivoSample).project
        let imported = QDCCodebook.codebook(from: nvivo.codes, name: "nvivo")
        let codes = imported.codebook.codes
        #expect(codes.count == 262)
        #expect(Set(codes.map(\.id)).count == 262)
        #expect(codes.filter { $0.name == "citizenship" }.map(\.id) == ["citizenship", "citizenship_2", "citizenship_3"])
        #expect(codes.first { $0.id == "competencies" }?.parent == "rq1_definition")
        #expect(imported.warnings.count == codes.filter { $0.id.contains(/_\d+$/) }.count)
        #expect(QDCCodebook.slug("Precarietà delle risorse (2°)") == "precarieta_delle_risorse_2")
        #expect(QDCCodebook.slug("2020 – fondi") == "code_2020_fondi")
    }

    @Test("a color that is not #RRGGBB is refused on export")
    func badColor() {
        var codebook = Self.codebook
        codebook.codes[1].color = "verde"
        #expect(throws: QuadernoError.self) { try QDCCodebook.xml(codebook) }
    }
}

import Foundation
import Testing
@testable import Quaderno

/// Builders and checks shared by the REFI-QDA tests.
enum REFITest {
    static let projectSchema = Fixtures.refiQDA.appendingPathComponent("Project.xsd")
    static let codebookSchema = Fixtures.refiQDA.appendingPathComponent("Codebook.xsd")
    static let nvivoSample = Fixtures.refiQDA.appendingPathComponent("samples/nvivo-mac-15-export.qdpx")
    static let qcSample = Fixtures.refiQDA.appendingPathComponent("samples/qc-1.3.2-export.qdpx")

    /// The scalar range of the first occurrence of `needle` in `text`.
    static func span(_ needle: String, in text: String) -> (start: Int, end: Int) {
        let haystack = Array(text.unicodeScalars)
        let pattern = Array(needle.unicodeScalars)
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            return (start, start + pattern.count)
        }
        Issue.record("'\(needle)' is not in the text")
        return (0, 0)
    }

    /// The XSD failures of a file, as text for failure messages.
    static func schemaFailures(_ url: URL, schema: URL = projectSchema) throws -> [String] {
        try XMLSchemaValidator(schemaURL: schema).validate(fileAt: url).map(\.description)
    }

    /// The validator's errors (warnings left out), as text.
    static func validatorErrors(_ url: URL) -> [String] {
        REFIValidator().validate(url).filter { $0.severity == .error }.map(\.description)
    }

    static let giulia = UUIDv5.guid("user", "giulia")
    static let marco = UUIDv5.guid("user", "marco")

    static let texts = [
        "Coprogettazione a Empoli 🎉: i giovani hanno preso parola e deciso insieme. Perché sì, è stato un successo; "
            + "però le risorse arrivano solo per progetti annuali.",
        "L'ente capofila ha convocato il tavolo 👩‍👩‍👧 più volte.\u{0C}La comunità è stata coinvolta nelle scelte, "
            + "ma la burocrazia — «troppe carte» — ha rallentato tutto.",
        "Riga uno: finanziamento triennale garantito.\r\nRiga due: formazione congiunta tra operatori ed ETS.\r\n"
            + "Riga tre:\tnessun accordo scritto 😕.",
    ]

    static func code(_ id: String) -> String { UUIDv5.guid("code", id) }

    /// A project with two coders, nested codes, typed variables and three Italian cases.
    static func project() -> ExchangeProject {
        let codes = [
            ExchangeProject.Code(guid: code("strengths"), name: "Punti di forza", isCodable: false, color: "#2E7D32",
                                 description: "Dinamiche favorevoli: «partecipazione» & <co-progettazione>.", children: [
                ExchangeProject.Code(guid: code("empowerment"), name: "Empowerment e protagonismo", color: "#43a047",
                                     description: "Chi partecipa prende parola e decide."),
                ExchangeProject.Code(guid: code("joint_training"), name: "Formazione congiunta"),
            ]),
            ExchangeProject.Code(guid: code("weaknesses"), name: "Criticità", color: "#C62828", children: [
                ExchangeProject.Code(guid: code("resources"), name: "Risorse", children: [
                    ExchangeProject.Code(guid: code("resource_precarity"), name: "Precarietà delle risorse",
                                         description: "Fondi \"a progetto\", 'annuali'.\nSeconda riga."),
                    ExchangeProject.Code(guid: code("resource_continuity"), name: "Continuità delle risorse"),
                ]),
                ExchangeProject.Code(guid: code("bureaucratic_burden"), name: "Peso burocratico"),
            ]),
        ]
        let variables = [
            ExchangeProject.Variable(guid: UUIDv5.guid("variable", "ente"), name: "Ente proponente", type: .text),
            ExchangeProject.Variable(guid: UUIDv5.guid("variable", "anno"), name: "Anno", type: .integer),
            ExchangeProject.Variable(guid: UUIDv5.guid("variable", "budget"), name: "Budget (€)", type: .float,
                                     description: "Importo totale"),
            ExchangeProject.Variable(guid: UUIDv5.guid("variable", "avvio"), name: "Data di avvio", type: .date),
            ExchangeProject.Variable(guid: UUIDv5.guid("variable", "concluso"), name: "Concluso", type: .boolean),
        ]
        let entities = ["Comune di Empoli", "Società della Salute Pisana", "Unione dei Comuni Valdarno & Valdisieve"]
        var sources: [ExchangeProject.TextSource] = []
        var cases: [ExchangeProject.Case] = []
        let codings: [[(String, String, String)]] = [
            [("i giovani hanno preso parola e deciso insieme", "empowerment", giulia),
             ("i giovani hanno preso parola e deciso insieme", "empowerment", marco),
             ("le risorse arrivano solo per progetti annuali", "resource_precarity", giulia)],
            [("La comunità è stata coinvolta nelle scelte", "empowerment", marco),
             ("la burocrazia — «troppe carte» — ha rallentato tutto", "bureaucratic_burden", giulia)],
            [("finanziamento triennale garantito.\r\nRiga due", "resource_continuity", giulia),
             ("formazione congiunta tra operatori ed ETS", "joint_training", marco),
             ("nessun accordo scritto 😕", "bureaucratic_burden", marco)],
        ]
        for (index, text) in texts.enumerated() {
            let caseID = "case-\(index + 1)"
            var selections: [String: ExchangeProject.Selection] = [:]
            var order: [String] = []
            for (quote, codeID, coder) in codings[index] {
                let (start, end) = span(quote, in: text)
                if selections[quote] == nil {
                    order.append(quote)
                    selections[quote] = ExchangeProject.Selection(guid: UUIDv5.guid("selection", "\(caseID):\(start)-\(end)"),
                                                                  name: quote, start: start, end: end, creatingUser: coder)
                }
                selections[quote]!.codings.append(ExchangeProject.Coding(
                    guid: UUIDv5.guid("coding", "\(caseID):\(start)-\(end):\(codeID):\(coder)"), code: code(codeID),
                    creatingUser: coder))
            }
            let sourceGUID = UUIDv5.guid("source", caseID)
            sources.append(ExchangeProject.TextSource(guid: sourceGUID, name: "Scheda \(index + 1)", text: text,
                                                      creatingUser: giulia, selections: order.map { selections[$0]! }))
            cases.append(ExchangeProject.Case(guid: UUIDv5.guid("case", caseID), name: "Caso \(index + 1)", values: [
                ExchangeProject.VariableValue(variable: variables[0].guid, value: .text(entities[index])),
                ExchangeProject.VariableValue(variable: variables[1].guid, value: .integer(2019 + index)),
                ExchangeProject.VariableValue(variable: variables[2].guid, value: .float(Decimal(string: "51726.5")! * Decimal(index + 1))),
                ExchangeProject.VariableValue(variable: variables[3].guid, value: .date("202\(index)-03-1\(index)")),
                ExchangeProject.VariableValue(variable: variables[4].guid, value: .boolean(index != 1)),
            ], sources: [sourceGUID], codes: index == 0 ? [code("strengths")] : []))
        }
        return ExchangeProject(name: "Coprogettazione Toscana — prova", description: "Tre casi, due codificatori.",
                               users: [ExchangeProject.User(guid: giulia, name: "Giulia Rossi", id: "GR"),
                                       ExchangeProject.User(guid: marco, name: "Marco Bianchi", id: "MB")],
                               codes: codes, variables: variables, cases: cases, sources: sources)
    }
}

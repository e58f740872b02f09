/// The CSV tables of a report: column sets are a contract (extra columns may follow, never fewer).
extension CorpusReport {
    typealias Table = (header: [String], rows: [[CSVWriter.Field]])

    /// Attributes written as their own columns in cases.csv, before the others.
    static let leadingAttributes = ["territory", "ente_proponente", "avviso", "tipologia_ets"]

    var casesTable: Table {
        var others: [String] = []
        for sheet in view.cases {
            for attribute in sheet.attributes where Self.leadingAttributes.contains(attribute.key) == false
                && others.contains(attribute.key) == false {
                others.append(attribute.key)
            }
        }
        let header = ["case_id", "source", "format"] + Self.leadingAttributes
            + ["n_positive", "n_negative", "amount_eur_total"] + others + ["title", "n_unspecified", "n_warnings"]
        let rows: [[CSVWriter.Field]] = view.cases.map { sheet in
            [.text(sheet.id), .text(sheet.source), .text(sheet.format.rawValue)]
                + Self.leadingAttributes.map { .text(sheet.attribute($0) ?? "") }
                + [.integer(sheet.elements.filter { $0.polarity == .positive }.count),
                   .integer(sheet.elements.filter { $0.polarity == .negative }.count), .decimal(sheet.amountTotal)]
                + others.map { .text(sheet.attribute($0) ?? "") }
                + [.text(sheet.title), .integer(sheet.elements.filter { $0.polarity == .unspecified }.count),
                   .integer(sheet.warnings.count)]
        }
        return (header, rows)
    }

    var elementsTable: Table {
        let header = ["case_id", "element_id", "polarity", "polarity_source", "start", "end", "text", "polarity_evidence"]
        let rows: [[CSVWriter.Field]] = view.cases.flatMap { sheet in
            sheet.elements.map { element in
                [.text(sheet.id), .text(element.id), .text(element.polarity.rawValue), .text(element.polaritySource),
                 .integer(element.start), .integer(element.end), .text(element.text), .text(element.polarityEvidence ?? "")]
            }
        }
        return (header, rows)
    }

    var codingsTable: Table {
        let header = ["case_id", "element_id", "code", "code_polarity", "element_polarity", "coder", "start", "end", "cue",
                      "negated", "polarity_conflict", "text", "unit", "cue_start", "cue_end", "negated_by"]
        let elements = Dictionary(uniqueKeysWithValues: view.cases.flatMap { sheet in
            sheet.elements.map { ("\(sheet.id)/\($0.id)", $0.polarity) }
        })
        let rows: [[CSVWriter.Field]] = view.codings.map { coding in
            let elementPolarity = coding.elementID.flatMap { elements["\(coding.caseID)/\($0)"] }
            return [.text(coding.caseID), .text(coding.elementID ?? ""), .text(coding.code),
                    .text(view.polarity(of: coding.code).rawValue), .text(elementPolarity?.rawValue ?? ""),
                    .text(coding.coder), .integer(coding.start), .integer(coding.end), .text(coding.cue ?? ""),
                    .flag(coding.negated), .flag(coding.polarityConflict), .text(coding.text), .text(coding.unit),
                    coding.cueStart.map { .integer($0) } ?? .text(""), coding.cueEnd.map { .integer($0) } ?? .text(""),
                    .text(coding.negatedBy ?? "")]
        }
        return (header, rows)
    }

    var frequenciesTable: Table {
        (["group_by", "group", "code", "cases_with_code", "codings", "cases_in_group", "share"],
         frequencies.map { [.text($0.groupBy), .text($0.group), .text($0.code), .integer($0.casesWithCode),
                            .integer($0.codings), .integer($0.casesInGroup), .decimal($0.share)] })
    }

    var matrixTable: Table {
        (["case_id", "territory"] + matrix.codes,
         matrix.rows.map { row in [.text(row.caseID), .text(row.territory)] + row.counts.map { .integer($0) } })
    }

    var cooccurrenceTable: Table {
        (["code_a", "code_b", "elements_together", "cases_together", "jaccard"],
         cooccurrence.map { [.text($0.codeA), .text($0.codeB), .integer($0.elementsTogether), .integer($0.casesTogether),
                             .decimal($0.jaccard)] })
    }

    var polarityTable: Table {
        (["group_by", "group", "positive_elements", "negative_elements", "positive_codings", "negative_codings", "balance"],
         polarity.map { [.text($0.groupBy), .text($0.group), .integer($0.positiveElements), .integer($0.negativeElements),
                         .integer($0.positiveCodings), .integer($0.negativeCodings), .decimal($0.balance)] })
    }
}

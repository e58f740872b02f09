/// The CSV tables of a report: column sets are a contract (extra columns may follow, never fewer).
///
/// Each table is written straight into a ``CSVBuffer``, row by row, without building rows of fields.
extension CorpusReport {
    /// Attributes written as their own columns in cases.csv, before the others.
    static let leadingAttributes = ["territory", "ente_proponente", "avviso", "tipologia_ets"]

    /// The tables of ``ReportWriter/fileNames``, in order, with the function that writes each.
    static let tables: [(name: String, write: @Sendable (CorpusReport, inout CSVBuffer) -> Void)] = [
        ("cases.csv", { $0.writeCases(&$1) }), ("elements.csv", { $0.writeElements(&$1) }),
        ("codings.csv", { $0.writeCodings(&$1) }), ("frequencies.csv", { $0.writeFrequencies(&$1) }),
        ("matrix.csv", { $0.writeMatrix(&$1) }), ("cooccurrence.csv", { $0.writeCooccurrence(&$1) }),
        ("polarity.csv", { $0.writePolarity(&$1) }),
    ]

    func writeCases(_ csv: inout CSVBuffer) {
        var others: [String] = []
        var seen = Set(Self.leadingAttributes)
        for sheet in view.cases {
            for attribute in sheet.attributes where seen.insert(attribute.key).inserted { others.append(attribute.key) }
        }
        header(["case_id", "source", "format"] + Self.leadingAttributes
               + ["n_positive", "n_negative", "amount_eur_total"] + others + ["title", "n_unspecified", "n_warnings"], &csv)
        for sheet in view.cases {
            csv.text(sheet.id)
            csv.text(sheet.source)
            csv.text(sheet.format.rawValue)
            for key in Self.leadingAttributes { csv.text(sheet.attribute(key) ?? "") }
            let counts = sheet.elementCounts
            csv.integer(counts.positive)
            csv.integer(counts.negative)
            csv.decimal(sheet.amountTotal)
            for key in others { csv.text(sheet.attribute(key) ?? "") }
            csv.text(sheet.title)
            csv.integer(counts.unspecified)
            csv.integer(sheet.warnings.count)
            csv.endRow()
        }
    }

    func writeElements(_ csv: inout CSVBuffer) {
        header(["case_id", "element_id", "polarity", "polarity_source", "start", "end", "text", "polarity_evidence"], &csv)
        for sheet in view.cases.indices {
            let elements = view.cases[sheet].elements
            for element in elements.indices {
                csv.text(view.cases[sheet].id)
                csv.text(elements[element].id)
                csv.text(elements[element].polarity.rawValue)
                csv.text(elements[element].polaritySource)
                csv.integer(elements[element].start)
                csv.integer(elements[element].end)
                csv.text(elements[element].text)
                csv.text(elements[element].polarityEvidence ?? "")
                csv.endRow()
            }
        }
    }

    /// The header of codings.csv; ``writeCodings(_:extra:)`` writes its rows.
    static let codingsHeader = ["case_id", "element_id", "code", "code_polarity", "element_polarity", "coder", "start",
                                "end", "cue", "negated", "polarity_conflict", "text", "unit", "cue_start", "cue_end",
                                "negated_by"]

    /// codings.csv; `extra` adds fields at the end of the header and of each row (by coding index).
    func writeCodings(_ csv: inout CSVBuffer, extraHeader: [String] = [], extra: ((Int, inout CSVBuffer) -> Void)? = nil) {
        header(Self.codingsHeader + extraHeader, &csv)
        let polarities = index.codePolarity.map(\.rawValue)
        let elementPolarity = ElementPolarities(view, index: index)
        let codings = view.codings
        for position in codings.indices {
            csv.text(codings[position].caseID)
            csv.text(codings[position].elementID ?? "")
            csv.text(codings[position].code)
            csv.text(polarities[index.codeOf[position]])
            csv.text(codings[position].elementID.flatMap { elementPolarity.polarity(of: $0, coding: position) }?.rawValue ?? "")
            csv.text(codings[position].coder)
            csv.integer(codings[position].start)
            csv.integer(codings[position].end)
            csv.text(codings[position].cue ?? "")
            csv.flag(codings[position].negated)
            csv.flag(codings[position].polarityConflict)
            csv.text(codings[position].text)
            csv.text(codings[position].unit)
            if let start = codings[position].cueStart { csv.integer(start) } else { csv.text("") }
            if let end = codings[position].cueEnd { csv.integer(end) } else { csv.text("") }
            csv.text(codings[position].negatedBy ?? "")
            extra?(position, &csv)
            csv.endRow()
        }
    }

    func writeFrequencies(_ csv: inout CSVBuffer) {
        header(["group_by", "group", "code", "cases_with_code", "codings", "cases_in_group", "share"], &csv)
        for row in frequencies {
            csv.text(row.groupBy)
            csv.text(row.group)
            csv.text(row.code)
            csv.integer(row.casesWithCode)
            csv.integer(row.codings)
            csv.integer(row.casesInGroup)
            csv.decimal(row.share)
            csv.endRow()
        }
    }

    func writeMatrix(_ csv: inout CSVBuffer) {
        header(["case_id", "territory"] + matrix.codes, &csv)
        for row in matrix.rows {
            csv.text(row.caseID)
            csv.text(row.territory)
            for count in row.counts { csv.integer(count) }
            csv.endRow()
        }
    }

    func writeCooccurrence(_ csv: inout CSVBuffer) {
        header(["code_a", "code_b", "elements_together", "cases_together", "jaccard"], &csv)
        for row in cooccurrence {
            csv.text(row.codeA)
            csv.text(row.codeB)
            csv.integer(row.elementsTogether)
            csv.integer(row.casesTogether)
            csv.decimal(row.jaccard)
            csv.endRow()
        }
    }

    func writePolarity(_ csv: inout CSVBuffer) {
        header(["group_by", "group", "positive_elements", "negative_elements", "positive_codings", "negative_codings",
                "balance"], &csv)
        for row in polarity {
            csv.text(row.groupBy)
            csv.text(row.group)
            csv.integer(row.positiveElements)
            csv.integer(row.negativeElements)
            csv.integer(row.positiveCodings)
            csv.integer(row.negativeCodings)
            csv.decimal(row.balance)
            csv.endRow()
        }
    }

    private func header(_ names: [String], _ csv: inout CSVBuffer) {
        for name in names { csv.text(name) }
        csv.endRow()
    }
}

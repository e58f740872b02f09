/// The report as a self-contained HTML page (placeholder until the full renderer lands).
enum HTMLReport {
    static func render(_ report: CorpusReport) -> String {
        "<!DOCTYPE html><html><body><h1>Quaderno report</h1><p>\(report.view.cases.count) cases</p></body></html>"
    }
}

/// The report as Markdown (placeholder until the full renderer lands).
enum MarkdownReport {
    static func render(_ report: CorpusReport) -> String {
        "# Quaderno report\n\n\(report.view.cases.count) cases\n"
    }
}

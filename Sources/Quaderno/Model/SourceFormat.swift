/// The kind of file a case was imported from.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    /// The workshop-sheet text export (`#` headings, TAB-separated rows, inline HTML), also Markdown.
    case sheet
    /// An HTML page, parsed by libxml2's HTML parser in recovery mode.
    case html
    /// An XHTML page (well-formed XML in the XHTML namespace).
    case xhtml
    /// Any other XML document.
    case xml
    /// A Word document (Office Open XML).
    case docx
    /// A LibreOffice/OpenDocument text document.
    case odt
    /// Plain text without sheet structure: paragraphs only.
    case text
}

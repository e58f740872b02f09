import Foundation

/// Reads one file into blocks: detects the format from the content first and the extension second,
/// decodes the text, and runs the matching parser, which hands each block to a ``CaseAssembler``.
struct DocumentReader {
    let limits: ImportLimits
    /// The size of the pieces markup is decoded and parsed in (see ``TextPieces``).
    var pieceBytes = TextPieces.standardBytes

    /// What the reader learnt besides the blocks.
    struct Result {
        var format: SourceFormat
        var warnings: [String]
    }

    /// Reads the bytes of the file at `url`, already in memory and within the size limit (read by
    /// ``FileBytes``), into `assembler`; the url gives the extension, and the package reader reopens
    /// zip files from it.
    func read(_ data: consuming Data, url: URL, file: String, into assembler: CaseAssembler) throws -> Result {
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try readPackage(url, file: file, into: assembler)
        }
        var (text, _) = try TextDecoding.decode(data, file: file, pieceBytes: pieceBytes)
        let wasEmpty = data.isEmpty
        data = Data()  // the text is all that is needed from here on
        guard Self.hasVisibleText(text) else {
            throw QuadernoError(.malformed, file: file, wasEmpty ? "the file is empty" : "the file has no text, "
                                + "only blank space", hint: "export the sheet again")
        }
        switch Self.markupKind(text, extension: url.pathExtension.lowercased()) {
        case .html: return try readMarkup(&text, .html, file: file, into: assembler)
        case .xhtml: return try readMarkup(&text, .xhtml, file: file, into: assembler)
        case .xml: return try readGenericXML(&text, file: file, into: assembler)
        default:
            let whole = text.joined()
            text = TextPieces([])
            var parser = SheetTextParser(whole, builder: DocumentBuilder(deliver: assembler.add))
            parser.parse()
            try Self.refuse(parser.refusal, file: file)
            return Result(format: parser.sawStructure ? .sheet : .text, warnings: [])
        }
    }

    /// Whether `text` has a character that is neither white space nor an invisible format character
    /// (a byte-order mark or zero-width space in the middle of blank lines is still blank).
    static func hasVisibleText(_ text: TextPieces) -> Bool {
        text.contains { scalar in
            scalar.properties.isWhitespace == false && scalar.properties.generalCategory != .format
        }
    }

    /// The markup a text is written in, from its first bytes, then from its extension. Leading
    /// comments are skipped; text that does not start with a tag is never markup, whatever its
    /// extension (a sheet saved as `.html` is still a sheet; its inline HTML is read line by line).
    static func markupKind(_ text: TextPieces, extension pathExtension: String) -> SourceFormat {
        let head = TextDecoding.lowercasedHead(text)
        func skipBlank(_ index: Int) -> Int {
            var index = index
            while index < head.count, [0x20, 0x09, 0x0A, 0x0D].contains(head[index]) { index += 1 }
            if head[index...].starts(with: [0xEF, 0xBB, 0xBF]) { return skipBlank(index + 3) }
            return index
        }
        var start = skipBlank(0)
        while head[start...].starts(with: Array("<!--".utf8)),
              let end = TextDecoding.firstIndex(of: Array("-->".utf8), in: head, from: start) {
            start = skipBlank(end + 3)
        }
        let rest = Array(head[start...])
        func has(_ marker: String) -> Bool { TextDecoding.firstIndex(of: Array(marker.utf8), in: rest, from: 0) != nil }
        func begins(_ marker: String) -> Bool { rest.starts(with: Array(marker.utf8)) }
        let isXHTML = has("http://www.w3.org/1999/xhtml") || has("dtd xhtml")
        if begins("<?xml") {
            return isXHTML || has("<html") ? .xhtml : .xml
        }
        if begins("<!doctype html") || begins("<html") {
            return isXHTML && pathExtension != "html" && pathExtension != "htm" ? .xhtml : .html
        }
        guard begins("<") else { return .sheet }
        switch pathExtension {
        case "html", "htm": return .html
        case "xhtml": return .xhtml
        case "xml": return .xml
        default: return .sheet
        }
    }

    /// Parses HTML or XHTML. HTML pieces are freed as they are parsed; XHTML's are kept until the
    /// parse succeeds, since a document that is not well-formed is read again as HTML.
    private func readMarkup(_ text: inout TextPieces, _ format: SourceFormat, file: String,
                            into assembler: CaseAssembler) throws -> Result {
        let builder = DocumentBuilder(deliver: assembler.add)
        let stream = XMLStream.open(format == .html ? .html : .xml, file: file, handler: HTMLMapper(builder: builder))
        if format == .html {
            // The doctype may be anywhere in the first million scalars: at most 4 MB of UTF-8.
            text.rewriteHead(minimumBytes: 4 * MarkupProlog.searchLimit, MarkupProlog.withoutInternalSubset)
            text.consume { stream.feed($0) }
        } else {
            for piece in text.pieces { stream.feed(EntityReferences.numeric(piece)) }
        }
        stream.finish()
        if format == .xhtml, let problem = stream.fatalProblem {
            assembler.restart()
            var result = try readMarkup(&text, .html, file: file, into: assembler)
            result.format = .xhtml
            result.warnings.insert("not well-formed XHTML (line \(problem.line): \(problem.message)); "
                + "read with the forgiving HTML parser instead", at: 0)
            return result
        }
        var warnings: [String] = []
        if stream.recoveredProblems > 0 {
            warnings.append("libxml2 repaired \(stream.recoveredProblems) markup problem(s) "
                + "(unclosed or stray tags); check the tables if something looks out of place")
        }
        try Self.finish(builder, file: file)
        return Result(format: format, warnings: warnings)
    }

    private func readGenericXML(_ text: inout TextPieces, file: String, into assembler: CaseAssembler) throws -> Result {
        let collector = XMLTreeCollector()
        let stream = XMLStream.open(.xml, file: file, handler: collector)
        text.consume { stream.feed(EntityReferences.numeric($0)) }
        stream.finish()
        if let problem = stream.fatalProblem {
            throw Self.xmlError(problem, stream: stream, file: file, hint: "fix the XML, or save the sheet as HTML or text")
        }
        guard let root = collector.root else {
            throw QuadernoError(.malformed, file: file, "the XML document has no root element")
        }
        let builder = DocumentBuilder(deliver: assembler.add)
        var mapper = GenericXMLMapper(builder: builder)
        mapper.walk(root)
        var warnings: [String] = []
        if collector.flattenedElements > 0 {
            warnings.append("\(collector.flattenedElements) element(s) nested deeper than "
                + "\(XMLTreeCollector.maximumDepth) levels were read as plain text")
        }
        try Self.finish(builder, file: file)
        return Result(format: .xml, warnings: warnings)
    }

    private func readPackage(_ url: URL, file: String, into assembler: CaseAssembler) throws -> Result {
        let package = try ZipPackage(url: url, file: file, limits: limits)
        let builder = DocumentBuilder(deliver: assembler.add)
        let format: SourceFormat
        let entry: String
        let handler: MarkupHandler
        if package.contains("word/document.xml") {
            (format, entry, handler) = (.docx, "word/document.xml", DOCXMapper(builder: builder))
        } else if package.contains("content.xml") {
            let mimetype = package.contains("mimetype") ? String(decoding: try package.data("mimetype"), as: UTF8.self) : ""
            guard mimetype.isEmpty || mimetype.hasPrefix("application/vnd.oasis.opendocument.text") else {
                throw QuadernoError(.malformed, file: file, "an OpenDocument file of type '\(mimetype)', not a text document",
                                    hint: "save the sheet as .odt (Writer), .docx or .html")
            }
            (format, entry, handler) = (.odt, "content.xml", ODTMapper(builder: builder))
        } else {
            throw QuadernoError(.malformed, file: file, "a zip archive that is neither a Word (.docx) nor an "
                                + "OpenDocument (.odt) document", hint: "import the sheet itself, not an archive of it")
        }
        let stream = XMLStream.open(.xml, file: file, handler: handler)
        try package.read(entry) { stream.feed($0) }
        stream.finish()
        if let problem = stream.fatalProblem {
            throw Self.xmlError(problem, stream: stream, file: "\(file) (\(entry))",
                                hint: "re-save the document in its office program")
        }
        try Self.finish(builder, file: file)
        return Result(format: format, warnings: [])
    }

    /// Delivers the builder's last blocks, unless a table was too large to lay out.
    private static func finish(_ builder: DocumentBuilder, file: String) throws {
        builder.finish()
        try refuse(builder.refusal, file: file)
    }

    private static func refuse(_ refusal: String?, file: String) throws {
        guard let refusal else { return }
        throw QuadernoError(.unsafe, file: file, refusal,
                            hint: "refused to bound memory; check the table's colspan and rowspan values")
    }

    /// The error for XML that libxml2 could not parse: `.unsafe` when the document declared its own
    /// entities (an XXE or billion-laughs file, or one that relies on expansion Quaderno refuses),
    /// `.malformed` otherwise.
    static func xmlError(_ problem: XMLStream.Problem, stream: XMLStream, file: String, hint: String) -> QuadernoError {
        guard stream.declaresEntities else {
            return QuadernoError(.malformed, file: file, line: problem.line, "not well-formed XML: \(problem.message)",
                                 hint: hint)
        }
        return QuadernoError(.unsafe, file: file, line: problem.line, "the document declares its own entities "
                             + "(<!ENTITY>), which Quaderno never expands: \(problem.message)",
                             hint: "refused for safety; remove the DOCTYPE declarations or re-save the document")
    }
}

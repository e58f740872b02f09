import Foundation
import Testing
import ZIPFoundation
@testable import Quaderno

/// Writes generated files in real formats, imports them and checks the offset contract on every case.
enum ImportProbe {
    /// Writes `bytes` as `name` in a fresh temporary folder, imports the file and checks its offsets.
    static func importBytes(_ bytes: [UInt8], named name: String, importer: Importer = Fixtures.importer,
                            sourceLocation: SourceLocation = #_sourceLocation) throws -> Case {
        try importURL(Fixtures.write(bytes, named: name), importer: importer, sourceLocation: sourceLocation)
    }

    /// Writes `text` as UTF-8 and imports it.
    static func importText(_ text: String, named name: String,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> Case {
        try importBytes(Array(text.utf8), named: name, sourceLocation: sourceLocation)
    }

    /// Imports a file written by the test (the file and its folder are removed afterwards).
    static func importURL(_ url: URL, importer: Importer = Fixtures.importer,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> Case {
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let sheet = try importer.importFile(at: url, path: url.lastPathComponent)
        expectOffsetsQuote(sheet, sourceLocation: sourceLocation)
        return sheet
    }

    /// The `QuadernoError` importing `url` throws; records an issue when it succeeds or throws anything else.
    static func error(_ url: URL, importer: Importer = Fixtures.importer,
                      sourceLocation: SourceLocation = #_sourceLocation) -> QuadernoError? {
        do {
            let sheet = try importURL(url, importer: importer, sourceLocation: sourceLocation)
            Issue.record("expected an error, got a case of \(sheet.text.count) characters", sourceLocation: sourceLocation)
        } catch let error as QuadernoError {
            return error
        } catch {
            Issue.record("expected a QuadernoError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }

    /// The error importing `bytes` written as `name`.
    static func error(_ bytes: [UInt8], named name: String, importer: Importer = Fixtures.importer,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> QuadernoError? {
        error(try Fixtures.write(bytes, named: name), importer: importer, sourceLocation: sourceLocation)
    }

    /// `text` as single-byte data: ASCII as is, the characters of `bytes` as the given byte values.
    static func singleByte(_ text: String, _ bytes: [Character: UInt8]) -> [UInt8] {
        text.flatMap { character -> [UInt8] in
            if let byte = bytes[character] { return [byte] }
            precondition(character.isASCII, "unmapped non-ASCII character \(character)")
            return Array(String(character).utf8)
        }
    }
}

/// Zip packages written with ZIPFoundation: minimal DOCX and ODT documents, and hostile archives.
enum ZipFixture {
    static let word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// Writes a zip of `entries` (path, bytes), deflated, as `name` in a fresh folder.
    static func write(_ entries: [(String, Data)], named name: String) throws -> URL {
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in entries {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// A DOCX whose `word/document.xml` has `body` inside `w:document/w:body`.
    static func docx(body: String, named name: String = "sheet.docx") throws -> URL {
        try write(docxEntries(document: documentXML(body)), named: name)
    }

    /// The entries of a minimal DOCX around a given `word/document.xml`.
    static func docxEntries(document: String) -> [(String, Data)] {
        let types = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        return [("[Content_Types].xml", Data(types.utf8)), ("word/document.xml", Data(document.utf8))]
    }

    static func documentXML(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(word)\"><w:body>"
            + body + "</w:body></w:document>"
    }

    /// A Word paragraph with an optional style and list level.
    static func paragraph(_ text: String, style: String? = nil, listLevel: Int? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let listLevel { properties += "<w:numPr><w:ilvl w:val=\"\(listLevel)\"/><w:numId w:val=\"1\"/></w:numPr>" }
        let runs = text.isEmpty ? "" : "<w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    /// An ODT whose `content.xml` has `text` inside `office:body/office:text`.
    static func odt(text: String, mimetype: String = "application/vnd.oasis.opendocument.text",
                    named name: String = "sheet.odt") throws -> URL {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">\
            <office:body><office:text>\(text)</office:text></office:body></office:document-content>
            """
        return try write([("mimetype", Data(mimetype.utf8)), ("content.xml", Data(content.utf8))], named: name)
    }

    /// A DOCX whose `word/document.xml` is `size` bytes: a valid opening, then `lol ` repeated. The
    /// entry is deflated while streaming, so the test never holds the inflated bytes.
    static func bomb(size: Int, named name: String = "bomb.docx") throws -> URL {
        let opening = Data(documentXML("<w:p><w:r><w:t>").utf8)
        let pattern = Data(String(repeating: "lol ", count: 1 << 18).utf8)
        let url = try Fixtures.temporaryFolder().appendingPathComponent(name)
        let archive = try Archive(url: url, accessMode: .create)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size),
                             compressionMethod: .deflate, bufferSize: pattern.count) { position, length in
            var chunk = pattern.prefix(length)
            if position == 0 { chunk.replaceSubrange(0..<opening.count, with: opening) }
            return chunk
        }
        return url
    }
}

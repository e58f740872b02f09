import CLibXML2
import Foundation

/// libxml2 on its own, for benchmarks: how fast the library Quaderno builds on parses HTML when nothing
/// is done with the result. `quaderno-bench` compares Quaderno's import with these two floors.
///
/// Both use the options ``XMLStream`` uses for HTML (recover, no network, no error or warning output,
/// input taken as UTF-8; no NOBLANKS) and the same process-wide entity guard.
///
/// ```swift
/// let data = try Data(contentsOf: url)
/// LibXML2Floor.pushParse(data)   // SAX events into callbacks that do nothing
/// LibXML2Floor.domParse(data)    // a tree, freed at once
/// ```
public enum LibXML2Floor {
    /// The libxml2 version the package was built against (`2.9.14`).
    public static var version: String { LIBXML_DOTTED_VERSION }

    /// Parses `data` as HTML into a tree with `htmlReadMemory`, then frees it with `xmlFreeDoc`.
    /// Returns false when libxml2 returned no document.
    @discardableResult
    public static func domParse(_ data: Data) -> Bool {
        _ = ready
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        return data.withUnsafeBytes { bytes -> Bool in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count > 0 else { return false }
            guard let document = htmlReadMemory(base, Int32(bytes.count), "floor.html", "UTF-8", Int32(options)) else {
                return false
            }
            xmlFreeDoc(document)
            return true
        }
    }

    /// Parses `data` as HTML with the push parser, in chunks of `chunkSize` bytes as ``XMLStream`` feeds
    /// them, into SAX callbacks (start, end, characters, errors) that do nothing.
    public static func pushParse(_ data: Data, chunkSize: Int = 1 << 16) {
        _ = ready
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElement = { _, _, _ in }
        sax.endElement = { _, _ in }
        sax.characters = { _, _, _ in }
        sax.ignorableWhitespace = { _, _, _ in }
        sax.cdataBlock = { _, _, _ in }
        sax.serror = { _, _ in }
        guard let context = htmlCreatePushParserCtxt(&sax, nil, nil, 0, "floor.html", XML_CHAR_ENCODING_UTF8) else {
            return
        }
        defer { htmlFreeParserCtxt(context) }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
        _ = htmlCtxtUseOptions(context, Int32(options))
        data.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            var offset = 0
            let step = max(1, chunkSize)
            while offset < bytes.count {
                let length = min(step, bytes.count - offset)
                _ = htmlParseChunk(context, base.advanced(by: offset), Int32(length), 0)
                offset += length
            }
        }
        _ = htmlParseChunk(context, nil, 0, 1)
    }

    /// The library set-up ``XMLStream`` does: initialise libxml2 and refuse every external entity.
    private static let ready: Void = {
        xmlInitParser()
        quaderno_install_entity_guard()
    }()
}

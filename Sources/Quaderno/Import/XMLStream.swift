import CLibXML2
import Foundation

/// Receives the events of a streaming (SAX) parse.
protocol MarkupHandler: AnyObject {
    /// An element starts. `name` is the local name (lower-cased for HTML); `namespace` is the URI for XML.
    func startElement(_ name: String, namespace: String?, attributes: [String: String])
    /// An element ends.
    func endElement(_ name: String, namespace: String?)
    /// Character data, already decoded (entities and character references resolved by libxml2).
    func characters(_ text: String)
    /// The same as UTF-8 bytes, valid only during the call; by default decoded for ``characters(_:)``.
    func characters(utf8: UnsafeBufferPointer<UInt8>)
    /// An HTML element starts, as libxml2 reports it: its name, and a NULL-terminated list of attribute
    /// names and values, all NUL-terminated bytes valid only during the call. By default made into
    /// strings (names lower-cased) for ``startElement(_:namespace:attributes:)``.
    func startHTMLElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?)
    /// An HTML element ends; by default its name is made into a string for ``endElement(_:namespace:)``.
    func endHTMLElement(_ name: UnsafePointer<UInt8>)
}

extension MarkupHandler {
    func characters(utf8: UnsafeBufferPointer<UInt8>) {
        characters(String(decoding: utf8, as: UTF8.self))
    }

    func startHTMLElement(_ name: UnsafePointer<UInt8>, attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        startElement(lowercasedName(name), namespace: nil, attributes: htmlAttributes(attributes))
    }

    func endHTMLElement(_ name: UnsafePointer<UInt8>) {
        endElement(lowercasedName(name), namespace: nil)
    }
}

/// The only code that touches libxml2: a push (SAX) parser for HTML or XML that owns its context.
///
/// Input is UTF-8 (Quaderno decodes files itself, so the document's own encoding declaration is
/// ignored). Options are the safe ones only: no network, no entity substitution, no DTD loading, no
/// XInclude, no HUGE; a process-wide external-entity loader refuses every URL. No tree is built.
final class XMLStream {
    /// Which libxml2 parser to use.
    enum Dialect {
        /// The HTML parser in recovery mode: never fails, repairs unclosed and stray tags.
        case html
        /// The XML parser: well-formedness errors are fatal.
        case xml
    }

    /// A parse problem libxml2 reported.
    struct Problem {
        var line: Int
        var message: String
        var fatal: Bool
    }

    private let dialect: Dialect
    private let box: HandlerBox
    private var context: xmlParserCtxtPtr?
    private let handler: UnsafeMutablePointer<xmlSAXHandler>

    /// Opens a parser that sends events to `handler`; `file` names the document to libxml2, nil for a
    /// fragment of one (given no name with a folder in it, libxml2 asks the system for the working
    /// directory, a system call per parser: 16,800 of them for 1,000 sheets of inline HTML).
    ///
    /// Kept out of line on purpose: Swift 6.3's optimiser otherwise promotes a short-lived stream to
    /// the stack without initialising it, and the release build crashes when the stream is freed.
    @inline(never)
    static func open(_ dialect: Dialect, file: String?, handler: MarkupHandler) -> XMLStream {
        XMLStream(dialect, file: file, handler: handler)
    }

    private init(_ dialect: Dialect, file: String?, handler: MarkupHandler) {
        _ = XMLStream.libraryReady
        self.dialect = dialect
        self.box = HandlerBox(handler)
        self.handler = UnsafeMutablePointer<xmlSAXHandler>.allocate(capacity: 1)
        self.handler.initialize(to: xmlSAXHandler())
        XMLStream.installCallbacks(&self.handler.pointee, dialect: dialect)
        let userData = Unmanaged.passUnretained(box).toOpaque()
        switch dialect {
        case .html:
            context = htmlCreatePushParserCtxt(self.handler, userData, nil, 0, file, XML_CHAR_ENCODING_UTF8)
            let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            _ = htmlCtxtUseOptions(context, Int32(options))
        case .xml:
            context = xmlCreatePushParserCtxt(self.handler, userData, nil, 0, file)
            let options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_NOCDATA.rawValue
            _ = xmlCtxtUseOptions(context, Int32(options))
            _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        }
    }

    deinit {
        if let context {
            if dialect == .html { htmlFreeParserCtxt(context) } else { xmlFreeParserCtxt(context) }
        }
        handler.deallocate()
    }

    /// The first fatal problem, or nil while the document is well-formed (HTML never has one).
    var fatalProblem: Problem? { box.fatal }

    /// How many recoverable problems libxml2 repaired.
    var recoveredProblems: Int { box.recovered }

    /// Whether the document declared entities (`<!ENTITY ...>` in its DTD). They are never stored or
    /// expanded, so a reference to one is a fatal problem; this tells the reader why.
    var declaresEntities: Bool { box.declaresEntities }

    /// Whether the handler asked to stop (see ``stop()``).
    private(set) var stopped = false

    /// Feeds the next chunk of UTF-8 bytes.
    func feed(_ bytes: UnsafeRawBufferPointer) {
        guard let context, stopped == false, bytes.count > 0 else { return }
        var offset = 0
        let step = 1 << 16
        while offset < bytes.count, stopped == false, dialect == .html || box.fatal == nil {
            let length = min(step, bytes.count - offset)
            let pointer = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            if dialect == .html {
                _ = htmlParseChunk(context, pointer, Int32(length), 0)
            } else {
                _ = xmlParseChunk(context, pointer, Int32(length), 0)
            }
            offset += length
        }
    }

    /// Feeds a whole text as UTF-8, without copying it.
    func feed(_ text: String) {
        feed(Substring(text))
    }

    /// Feeds part of a text as UTF-8, without copying it.
    func feed(_ text: Substring) {
        var text = text
        text.withUTF8 { feed(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds all of `data`.
    func feed(_ data: Data) {
        data.withUnsafeBytes { feed($0) }
    }

    /// Ends the document: flushes libxml2's buffers and delivers the remaining events.
    func finish() {
        guard let context, stopped == false else { return }
        if dialect == .html { _ = htmlParseChunk(context, nil, 0, 1) } else { _ = xmlParseChunk(context, nil, 0, 1) }
    }

    /// Stops the parse; later chunks are ignored.
    func stop() {
        guard let context, stopped == false else { return }
        stopped = true
        xmlStopParser(context)
    }

    /// The code point of an HTML 4 named entity (`egrave` → 232), from libxml2's HTML table.
    static func htmlEntityValue(_ name: String) -> UInt32? {
        let bytes = Array(name.utf8) + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            htmlEntityLookup(buffer.baseAddress).map { UInt32($0.pointee.value) }
        }
    }

    /// The line libxml2 is reading, for messages.
    var line: Int { Int(quaderno_ctxt_line(context)) }

    /// One-time library set-up: initialise libxml2 and refuse every external entity.
    private static let libraryReady: Void = {
        xmlInitParser()
        quaderno_install_entity_guard()
    }()
}

/// Holds the Swift handler for the C callbacks, which receive it as `userData`.
final class HandlerBox {
    let handler: MarkupHandler
    var fatal: XMLStream.Problem?
    var recovered = 0
    var declaresEntities = false

    init(_ handler: MarkupHandler) { self.handler = handler }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> HandlerBox? {
        guard let pointer else { return nil }
        return Unmanaged<HandlerBox>.fromOpaque(pointer).takeUnretainedValue()
    }
}

/// Converts a NUL-terminated libxml2 string.
func xmlString(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    return String(cString: pointer)
}

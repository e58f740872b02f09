import CLibXML2

extension XMLStream {
    /// Fills the SAX handler with the few callbacks Quaderno needs; everything else stays NULL, so no
    /// tree is built and no entity is ever stored, looked up or expanded. (`entityDecl` only notes that
    /// the document declared one, so errors can say why its references fail.)
    static func installCallbacks(_ sax: inout xmlSAXHandler, dialect: Dialect) {
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.characters = { context, characters, length in
            guard let box = HandlerBox.from(context), let characters, length > 0 else { return }
            let buffer = UnsafeBufferPointer(start: characters, count: Int(length))
            box.handler.characters(utf8: buffer)
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        sax.serror = { context, error in
            guard let error else { return }
            // For a push parser `context` is the userData we passed.
            guard let box = HandlerBox.from(context) else { return }
            let level = error.pointee.level
            let message = error.pointee.message.map { String(cString: $0) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "parse error"
            if level == XML_ERR_FATAL, box.fatal == nil {
                box.fatal = XMLStream.Problem(line: Int(error.pointee.line), message: message, fatal: true)
            } else {
                box.recovered += 1
            }
        }
        switch dialect {
        case .html:
            sax.startElement = { context, name, attributes in
                guard let box = HandlerBox.from(context), let name else { return }
                box.handler.startHTMLElement(name, attributes: attributes)
            }
            sax.endElement = { context, name in
                guard let box = HandlerBox.from(context), let name else { return }
                box.handler.endHTMLElement(name)
            }
        case .xml:
            sax.entityDecl = { context, _, _, _, _, _ in
                HandlerBox.from(context)?.declaresEntities = true
            }
            sax.startElementNs = { context, localName, _, uri, _, _, count, _, attributes in
                guard let box = HandlerBox.from(context) else { return }
                box.handler.startElement(xmlString(localName), namespace: uri.map { xmlString($0) },
                                         attributes: namespacedAttributes(attributes, count: Int(count)))
            }
            sax.endElementNs = { context, localName, _, uri in
                guard let box = HandlerBox.from(context) else { return }
                box.handler.endElement(xmlString(localName), namespace: uri.map { xmlString($0) })
            }
        }
    }
}

/// An HTML element or attribute name in lower case. libxml2's HTML parser already lowers the names
/// it reads, so the copy is made only when an upper-case letter is left.
func lowercasedName(_ pointer: UnsafePointer<xmlChar>?) -> String {
    guard let pointer else { return "" }
    var index = 0
    while pointer[index] != 0 {
        if pointer[index] &- 0x41 < 26 { return String(cString: pointer).lowercased() }
        index += 1
    }
    return String(cString: pointer)
}

/// HTML attributes: a NULL-terminated list of name, value pairs.
func htmlAttributes(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> [String: String] {
    guard let list else { return [:] }
    var result: [String: String] = [:]
    var index = 0
    while let name = list[index] {
        result[lowercasedName(name)] = xmlString(list[index + 1])
        index += 2
    }
    return result
}

/// The value of the HTML attribute named `wanted` (lower case) in such a list, or nil.
func htmlAttribute(_ wanted: String, in list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> String? {
    guard let list else { return nil }
    var index = 0
    while let name = list[index] {
        if lowercasedName(name) == wanted { return xmlString(list[index + 1]) }
        index += 2
    }
    return nil
}

/// SAX2 attributes: `count` groups of (localname, prefix, URI, value start, value end).
private func namespacedAttributes(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?,
                                  count: Int) -> [String: String] {
    guard let list, count > 0 else { return [:] }
    var result: [String: String] = [:]
    for index in 0..<count {
        let base = index * 5
        guard let start = list[base + 3], let end = list[base + 4] else { continue }
        let buffer = UnsafeBufferPointer(start: start, count: end - start)
        var value = String(decoding: buffer, as: UTF8.self)
        // Without entity substitution libxml2 keeps `&amp;` in attribute values as `&#38;`.
        if value.contains("&#38;") { value = value.replacingOccurrences(of: "&#38;", with: "&") }
        result[xmlString(list[base])] = value
    }
    return result
}

import Testing
@testable import Quaderno

/// The HTML mapper finds an element's meaning from libxml2's C bytes through a packed-name table;
/// it must agree with the name list for every name, in any case, and know nothing else.
@Suite("HTML tag names read from bytes")
struct HTMLTagTests {
    static func fromBytes(_ name: String) -> HTMLTag {
        Array(name.utf8CString).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) { HTMLTag.named($0) }
        }
    }

    @Test("every known name, lower, upper or mixed case, gives its tag")
    func knownNames() {
        #expect(HTMLTag.known.count > 50)
        for (name, tag) in HTMLTag.known {
            #expect(Self.fromBytes(name) == tag, "\(name)")
            #expect(Self.fromBytes(name.uppercased()) == tag, "\(name.uppercased())")
            let mixed = String(name.enumerated().map { $0.offset.isMultiple(of: 2) ? Character($0.element.uppercased()) : $0.element })
            #expect(Self.fromBytes(mixed) == tag, "\(mixed)")
        }
    }

    @Test("names close to known ones, long names and non-ASCII names are other elements")
    func unknownNames() {
        var names = ["", "span", "tbody", "h7", "h0", "t", "tdd", "bb", "strongg", "blockquotes", "ul2", "lì", "tè",
                     "font", "a", "i", "em", "sectionsectionsection", "figcaptionfigcapt", "divdivdivdivdivdiv"]
        // Every known name with a letter added or removed, where that is not itself a known name.
        for name in HTMLTag.known.keys {
            names.append(name + "x")
            names.append(String(name.dropLast()))
            names.append("x" + name)
        }
        for name in names where HTMLTag.known[name] == nil {
            #expect(Self.fromBytes(name) == .other, "\(name)")
        }
    }

    @Test("cells read colspan and rowspan from libxml2's attribute list, in any case")
    func cellSpans() throws {
        let html = """
            <table><tr><th>A</th><th>B</th><th>C</th></tr>
            <tr><TD ColSpan=" 2 ">largo</TD><td ROWSPAN=2>alto</td></tr>
            <tr><td>x</td><td>y</td></tr></table>
            """
        let sheet = try ImportProbe.importText(HTMLImportTests.page(html), named: "spans.html")
        let table = try #require(sheet.tables.first)
        #expect(table.header == ["A", "B", "C"])
        #expect(table.rows == [["largo", "largo", "alto"], ["x", "y", "alto"]])
    }
}

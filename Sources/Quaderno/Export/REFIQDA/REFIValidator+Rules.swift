/// What the REFI-QDA schemas require of each element, as far as the validator checks it.
struct REFIElementRule {
    /// Attributes that must be present.
    var required: [String] = []
    /// Child elements allowed (nil: not checked, for media sources whose content Quaderno ignores).
    var children: Set<String>? = []
    /// Child elements that must be present at least once.
    var requiredChildren: [String] = []

    /// Attributes whose value must be a GUID.
    static let guidAttributes: Set<String> = [
        "guid", "targetGUID", "creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID",
        "representedGUID", "sourceVertex", "targetVertex", "originGUID", "fromSyncPoint", "toSyncPoint",
    ]
    /// Attributes whose value must be a user's GUID.
    static let userAttributes: Set<String> = ["creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID"]
    /// Attributes whose value must be an `xsd:integer`.
    static let integerAttributes: Set<String> = [
        "startPosition", "endPosition", "firstX", "firstY", "secondX", "secondY", "page", "begin", "end",
        "timeStamp", "position",
    ]
    /// Attributes whose value must be an `xsd:dateTime`.
    static let dateTimeAttributes: Set<String> = ["creationDateTime", "modifiedDateTime"]
    /// Elements whose `targetGUID` must name an element of one of these kinds.
    static let referenceTargets: [String: Set<String>] = [
        "CodeRef": ["Code"], "MemberCode": ["Code"],
        "SourceRef": ["TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"],
        "MemberSource": ["TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"],
        "SelectionRef": ["PlainTextSelection", "PictureSelection", "PDFSelection", "AudioSelection", "VideoSelection",
                         "TranscriptSelection"],
        "VariableRef": ["Variable"], "NoteRef": ["Note"], "MemberNote": ["Note"],
    ]
    /// The value elements of a `VariableValue` and the variable type each belongs to.
    static let valueTypes: [String: String] = [
        "TextValue": "Text", "BooleanValue": "Boolean", "IntegerValue": "Integer", "FloatValue": "Float",
        "DateValue": "Date", "DateTimeValue": "DateTime",
    ]

    private static let textSource = REFIElementRule(required: ["guid"], children: [
        "Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"])
    private static let reference = REFIElementRule(required: ["targetGUID"])
    private static let media = REFIElementRule(required: ["guid"], children: nil)

    /// The rules of `Project.xsd`.
    static let project: [String: REFIElementRule] = [
        "Project": REFIElementRule(required: ["name"], children: [
            "Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Description",
            "NoteRef"]),
        "Users": REFIElementRule(children: ["User"], requiredChildren: ["User"]),
        "User": REFIElementRule(required: ["guid"]),
        "CodeBook": REFIElementRule(children: ["Codes"], requiredChildren: ["Codes"]),
        "Codes": REFIElementRule(children: ["Code"], requiredChildren: ["Code"]),
        "Code": REFIElementRule(required: ["guid", "name", "isCodable"], children: ["Description", "NoteRef", "Code"]),
        "Variables": REFIElementRule(children: ["Variable"], requiredChildren: ["Variable"]),
        "Variable": REFIElementRule(required: ["guid", "name", "typeOfVariable"], children: ["Description"]),
        "Cases": REFIElementRule(children: ["Case"], requiredChildren: ["Case"]),
        "Case": REFIElementRule(required: ["guid"], children: ["Description", "CodeRef", "VariableValue", "SourceRef",
                                                               "SelectionRef"]),
        "VariableValue": REFIElementRule(children: Set(["VariableRef"]).union(valueTypes.keys),
                                         requiredChildren: ["VariableRef"]),
        "Sources": REFIElementRule(children: ["TextSource", "PictureSource", "PDFSource", "AudioSource", "VideoSource"]),
        "TextSource": textSource, "Note": textSource,
        "PlainTextSelection": REFIElementRule(required: ["guid", "startPosition", "endPosition"],
                                              children: ["Description", "Coding", "NoteRef"]),
        "Coding": REFIElementRule(required: ["guid"], children: ["CodeRef", "NoteRef"], requiredChildren: ["CodeRef"]),
        "PictureSource": media, "PDFSource": media, "AudioSource": media, "VideoSource": media,
        "Notes": REFIElementRule(children: ["Note"], requiredChildren: ["Note"]),
        "Links": REFIElementRule(children: ["Link"], requiredChildren: ["Link"]),
        "Link": REFIElementRule(required: ["guid"], children: ["NoteRef"]),
        "Sets": REFIElementRule(children: ["Set"], requiredChildren: ["Set"]),
        "Set": REFIElementRule(required: ["guid", "name"], children: ["Description", "MemberCode", "MemberSource", "MemberNote"]),
        "Graphs": REFIElementRule(children: ["Graph"], requiredChildren: ["Graph"]),
        "Graph": REFIElementRule(required: ["guid"], children: ["Vertex", "Edge"]),
        "Vertex": REFIElementRule(required: ["guid", "firstX", "firstY"]),
        "Edge": REFIElementRule(required: ["guid", "sourceVertex", "targetVertex"]),
        "CodeRef": reference, "SourceRef": reference, "SelectionRef": reference, "VariableRef": reference,
        "NoteRef": reference, "MemberCode": reference, "MemberSource": reference, "MemberNote": reference,
    ]

    /// The rules of `Codebook.xsd`.
    static let codebook: [String: REFIElementRule] = [
        "CodeBook": REFIElementRule(children: ["Codes", "Sets"], requiredChildren: ["Codes"]),
        "Codes": REFIElementRule(children: ["Code"], requiredChildren: ["Code"]),
        "Code": REFIElementRule(required: ["guid", "name", "isCodable"], children: ["Description", "Code"]),
        "Sets": REFIElementRule(children: ["Set"], requiredChildren: ["Set"]),
        "Set": REFIElementRule(required: ["guid", "name"], children: ["Description", "MemberCode"]),
        "MemberCode": REFIElementRule(required: ["guid"]),
    ]

    /// Elements holding only text.
    static let textElements: Set<String> = Set(["Description", "PlainTextContent"]).union(valueTypes.keys)
}

/// The name a file gives its case: the last component of its path without the last extension
/// (`sheets/Lucca 2022.v2.html` gives `Lucca 2022.v2`). A leading dot (`.hidden`) or a trailing
/// one (`name.`) is not an extension. Plain string work: building a Foundation `URL` for the same
/// answer cost tens of microseconds a file.
enum FileStem {
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
              name.index(after: dot) != name.endIndex else { return String(name) }
        return String(name[..<dot])
    }
}

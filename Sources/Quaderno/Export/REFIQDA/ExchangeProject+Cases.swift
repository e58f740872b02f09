import Foundation

/// Variables and cases.
extension ExchangeProject {
    /// The type of a variable, as REFI-QDA names it (`typeOfVariable`).
    public enum VariableType: String, Sendable, CaseIterable {
        /// Free text.
        case text = "Text"
        /// A whole number.
        case integer = "Integer"
        /// A decimal number.
        case float = "Float"
        /// A calendar date (`YYYY-MM-DD`).
        case date = "Date"
        /// A date and time (`YYYY-MM-DDThh:mm:ssZ`).
        case dateTime = "DateTime"
        /// True or false.
        case boolean = "Boolean"
    }

    /// A case variable (an attribute such as the proposing body or the year).
    public struct Variable: Sendable, Equatable {
        /// The variable's GUID.
        public var guid: String
        /// The display name.
        public var name: String
        /// The type every value must have.
        public var type: VariableType
        /// What the variable means.
        public var description: String

        /// Creates a variable.
        public init(guid: String, name: String, type: VariableType, description: String = "") {
            self.guid = guid
            self.name = name
            self.type = type
            self.description = description
        }
    }

    /// A typed value. Floats are `Decimal` because REFI-QDA writes them as `xsd:decimal` (no exponent).
    public enum Value: Sendable, Equatable, Hashable {
        /// A text value.
        case text(String)
        /// A whole number.
        case integer(Int)
        /// A decimal number.
        case float(Decimal)
        /// A date as written (`2017-03-13`).
        case date(String)
        /// A date and time as written (`2017-03-13T10:00:00Z`).
        case dateTime(String)
        /// True or false.
        case boolean(Bool)

        /// The variable type this value belongs to.
        public var type: VariableType {
            switch self {
            case .text: .text
            case .integer: .integer
            case .float: .float
            case .date: .date
            case .dateTime: .dateTime
            case .boolean: .boolean
            }
        }

        /// The value as it is written in the XML.
        public var lexical: String {
            switch self {
            case .text(let text), .date(let text), .dateTime(let text): text
            case .integer(let number): String(number)
            case .float(let number): number.description
            case .boolean(let flag): flag ? "true" : "false"
            }
        }
    }

    /// The value of one variable for a case or a source.
    public struct VariableValue: Sendable, Equatable {
        /// The GUID of the ``Variable``.
        public var variable: String
        /// The value.
        public var value: Value

        /// Creates a variable value.
        public init(variable: String, value: Value) {
            self.variable = variable
            self.value = value
        }
    }

    /// A case: a unit of analysis grouping sources, with variable values.
    public struct Case: Sendable, Equatable {
        /// The case's GUID.
        public var guid: String
        /// The display name.
        public var name: String
        /// A free-text description.
        public var description: String
        /// Values of the project's variables.
        public var values: [VariableValue]
        /// GUIDs of the sources that belong to the case.
        public var sources: [String]
        /// GUIDs of codes applied to the case as a whole.
        public var codes: [String]
        /// GUIDs of selections that belong to the case.
        public var selections: [String]

        /// Creates a case.
        public init(guid: String, name: String, description: String = "", values: [VariableValue] = [],
                    sources: [String] = [], codes: [String] = [], selections: [String] = []) {
            self.guid = guid
            self.name = name
            self.description = description
            self.values = values
            self.sources = sources
            self.codes = codes
            self.selections = selections
        }

        /// The value of the variable with `guid`, if the case has one.
        public func value(of guid: String) -> Value? {
            values.first { $0.variable == guid }?.value
        }
    }

    /// The variable with `guid` (in any GUID form), if any.
    public func variable(_ guid: String) -> Variable? {
        let key = REFIGUID.canonical(guid) ?? guid
        return variables.first { $0.guid == key }
    }
}

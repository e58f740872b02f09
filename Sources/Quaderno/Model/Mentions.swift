/// A sum of money found in a case's text.
public struct AmountMention: Codable, Sendable, Equatable {
    /// The amount as a number (`€ 51.726,00` gives 51726).
    public var value: Double
    /// ISO 4217 currency code; always `EUR` for now.
    public var currency: String
    /// The matched text, equal to the case text at `start..<end`.
    public var text: String
    /// Start offset in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars.
    public var end: Int

    /// Creates an amount mention.
    public init(value: Double, currency: String = "EUR", text: String, start: Int, end: Int) {
        self.value = value
        self.currency = currency
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A calendar date found in a case's text.
public struct DateMention: Codable, Sendable, Equatable {
    /// The date in ISO 8601 form (`2017-03-13`).
    public var value: String
    /// The matched text, equal to the case text at `start..<end`.
    public var text: String
    /// Start offset in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars.
    public var end: Int

    /// Creates a date mention.
    public init(value: String, text: String, start: Int, end: Int) {
        self.value = value
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A reference to an administrative act: a determina, a delibera, a law or a decree.
public struct ReferenceMention: Codable, Sendable, Equatable {
    /// `determina`, `delibera`, `decreto_legislativo`, `legge_regionale`, `legge`, `decreto_ministeriale`
    /// or `decreto`.
    public var kind: String
    /// The act's number as written (`60`, `117/2017`).
    public var number: String?
    /// The act's date in ISO 8601 form, when the text gives one.
    public var date: String?
    /// The matched text, equal to the case text at `start..<end`.
    public var text: String
    /// Start offset in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) in Unicode scalars.
    public var end: Int

    /// Creates a reference mention.
    public init(kind: String, number: String?, date: String?, text: String, start: Int, end: Int) {
        self.kind = kind
        self.number = number
        self.date = date
        self.text = text
        self.start = start
        self.end = end
    }
}

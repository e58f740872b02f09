import Foundation

/// Small inline SVG pieces for the HTML report's charts, plus the heatmap's colour scale.
///
/// Each chart is an HTML table whose rows hold one SVG bar each: labels stay HTML text (they wrap,
/// never clip), and bars are drawn in SVG so they print with their colours. Lengths are percentages
/// of the cell's width; no text is drawn inside the bars. Colours passed in must be `#RRGGBB`.
enum SVGChart {
    /// Height of a bar row, in CSS pixels.
    static let barHeight = 18

    /// A horizontal bar of `value` on a scale from 0 to `maximum`, with light grid lines at quarters.
    static func bar(_ value: Double, maximum: Double, color: String, label: String) -> String {
        let fraction = maximum > 0 ? min(1, max(0, value / maximum)) : 0
        var svg = open(label: label)
        svg += grid([25, 50, 75])
        if fraction > 0 {
            svg += "<rect x=\"0\" y=\"3\" width=\"\(percent(fraction * 100))\" height=\"\(barHeight - 6)\" rx=\"2\" "
                + "fill=\"\(safe(color))\"/>"
        }
        return svg + "</svg>"
    }

    /// A diverging bar around a centre line: `value` in [−1, 1], positive to the right in green,
    /// negative to the left in red; only the centre line when `value` is nil.
    static func diverging(_ value: Double?, label: String) -> String {
        var svg = open(label: label)
        svg += grid([0, 25, 75, 100])
        if let value, value.isFinite {
            let clamped = min(1, max(-1, value))
            let width = abs(clamped) * 50
            let x = clamped >= 0 ? 50 : 50 - width
            let color = clamped >= 0 ? positiveColor : negativeColor
            svg += "<rect x=\"\(percent(x))\" y=\"3\" width=\"\(percent(width))\" height=\"\(barHeight - 6)\" "
                + "fill=\"\(color)\"/>"
        }
        svg += "<line x1=\"50%\" y1=\"0\" x2=\"50%\" y2=\"\(barHeight)\" stroke=\"#333\" stroke-width=\"1.5\"/>"
        return svg + "</svg>"
    }

    /// The scale above a diverging chart: −1, −0,5, 0, +0,5, +1 at the bars' positions.
    static func divergingAxis() -> String {
        let ticks: [(Double, String, String)] = [(0, "−1", "start"), (25, "−0,5", "middle"), (50, "0", "middle"),
                                                 (75, "+0,5", "middle"), (100, "+1", "end")]
        var svg = "<svg class=\"axis\" width=\"100%\" height=\"16\" role=\"img\" aria-label=\"scala da −1 a +1\">"
        for (x, text, anchor) in ticks {
            svg += "<text x=\"\(percent(x))\" y=\"12\" text-anchor=\"\(anchor)\">\(text)</text>"
        }
        return svg + "</svg>"
    }

    /// A legend strip for the heatmap: the colour scale from 0% to 100%.
    static func heatLegend() -> String {
        var svg = "<svg class=\"legend\" width=\"220\" height=\"30\" role=\"img\" aria-label=\"scala dei colori\">"
        for step in 0..<10 {
            let share = Double(step) / 9
            svg += "<rect x=\"\(10 + step * 20)\" y=\"2\" width=\"20\" height=\"12\" fill=\"\(heat(share).background)\" "
                + "stroke=\"#ccc\" stroke-width=\"0.5\"/>"
        }
        svg += "<text x=\"10\" y=\"27\" text-anchor=\"start\">0%</text>"
        svg += "<text x=\"110\" y=\"27\" text-anchor=\"middle\">50%</text>"
        svg += "<text x=\"210\" y=\"27\" text-anchor=\"end\">100%</text>"
        return svg + "</svg>"
    }

    /// A small square in a code's colour, for legends and labels.
    static func swatch(_ color: String) -> String {
        "<svg class=\"swatch\" width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" rx=\"2\" "
            + "fill=\"\(safe(color))\"/></svg>"
    }

    // MARK: Colours

    /// Green for a positive balance.
    static let positiveColor = "#2E7D32"
    /// Red for a negative balance.
    static let negativeColor = "#C62828"

    /// The heatmap cell colours for a share in [0, 1]: white to dark blue, with text that stays
    /// readable on it (white from the middle of the scale on).
    static func heat(_ share: Double) -> (background: String, foreground: String) {
        let t = share.isFinite ? min(1, max(0, share)) : 0
        let low = (247.0, 251.0, 255.0)
        let high = (8.0, 69.0, 148.0)
        func mix(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * t).rounded()) }
        let color = String(format: "#%02X%02X%02X", mix(low.0, high.0), mix(low.1, high.1), mix(low.2, high.2))
        return (color, t >= 0.5 ? "#FFFFFF" : "#1A1A1A")
    }

    // MARK: Pieces

    private static func open(label: String) -> String {
        "<svg class=\"bar\" width=\"100%\" height=\"\(barHeight)\" role=\"img\" "
            + "aria-label=\"\(HTMLEscaping.attribute(label))\">"
    }

    private static func grid(_ positions: [Double]) -> String {
        positions.map { x in
            "<line x1=\"\(percent(x))\" y1=\"0\" x2=\"\(percent(x))\" y2=\"\(barHeight)\" stroke=\"#e3e3e3\" stroke-width=\"1\"/>"
        }.joined()
    }

    /// A percentage for an SVG length, with a decimal point (SVG syntax, not Italian).
    private static func percent(_ value: Double) -> String {
        FixedDecimals.string(value, digits: 2) + "%"
    }

    /// The colour if it is `#RRGGBB`, otherwise grey.
    private static func safe(_ color: String) -> String {
        ReportContent.isHexColor(color) ? color : "#757575"
    }
}

/// The HTML report's inline stylesheet: system fonts only, readable from a laptop to a 1280 px desktop,
/// printable (colours kept, navigation hidden, rows not split across pages).
extension HTMLReport {
    static let style = """
    :root { --ink: #1a1a1a; --muted: #5f6368; --line: #d9dce1; --soft: #f4f6f8; --accent: #08457e;
      --pos: #2e7d32; --neg: #c62828; --neu: #616161; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
      font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
      -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    header, main, footer { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
    footer { margin-top: 40px; padding-top: 8px; padding-bottom: 40px; border-top: 1px solid var(--line);
      color: var(--muted); font-size: 0.85rem; }
    header { padding-top: 20px; border-bottom: 1px solid var(--line); }
    h1 { font-size: 1.7rem; margin: 0 0 4px; }
    h2 { font-size: 1.3rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
    h3 { font-size: 1.08rem; margin: 0 0 6px; }
    a { color: var(--accent); text-decoration: none; }
    a:hover { text-decoration: underline; }
    code { font: 0.86em ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; color: #37474f;
      background: var(--soft); padding: 0 3px; border-radius: 3px; }
    .subtitle { color: var(--muted); margin: 0 0 8px; }
    nav ol { list-style: none; padding: 0; margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 4px 16px;
      counter-reset: s; font-size: 0.92rem; }
    nav li { counter-increment: s; }
    nav li::before { content: counter(s) ". "; color: var(--muted); }
    .note, .rules, .facts, .n { color: var(--muted); }
    .note { font-size: 0.9rem; margin: 4px 0 10px; }
    .n { font-size: 0.85em; }
    .stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 12px 0; }
    .stat { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: var(--soft); }
    .stat .label { font-size: 0.85rem; color: var(--muted); }
    .stat .value { font-size: 1.7rem; font-weight: 600; }
    .stat .detail { font-size: 0.85rem; color: var(--muted); }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; color: var(--ink); }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; }
    .rules { font-size: 0.9rem; max-width: 90ch; }
    .warnings { margin: 6px 0; }
    details { margin: 6px 0; }
    details > summary { cursor: pointer; color: var(--accent); }
    details.warnings dl { margin: 6px 0 0 16px; font-size: 0.9rem; }
    details.warnings dt { font-weight: 600; margin-top: 4px; }
    details.warnings dd { margin-left: 16px; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; font-size: 0.9rem; }
    th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; text-align: left; }
    thead th { font-weight: 600; border-bottom: 2px solid #aab0b8; vertical-align: bottom; }
    tbody th { font-weight: normal; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    tr.total th, tr.total td { font-weight: 600; background: var(--soft); }
    .swatch { vertical-align: -1px; }
    th.code code { font-size: 0.78em; }
    th.depth1 { padding-left: 26px; }
    th.depth2 { padding-left: 44px; }
    th.depth3 { padding-left: 62px; }
    table.heatmap { table-layout: fixed; width: 100%; }
    table.heatmap th.corner { width: 270px; }
    table.heatmap th.rot { padding: 4px 1px; vertical-align: bottom; }
    table.heatmap th.rot > div { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 15em;
      margin: 0 auto; font-weight: 600; font-size: 0.82rem; line-height: 1.2; white-space: normal; text-align: left; }
    table.heatmap th.rot.all > div { color: var(--accent); }
    td.heat { text-align: center; padding: 3px 1px; border: 1px solid #fff; line-height: 1.15; font-size: 0.84rem; }
    td.heat .pct { display: block; font-weight: 600; }
    td.heat .n { display: block; color: inherit; opacity: 0.85; font-size: 0.75rem; }
    td.heat.zero .pct { font-weight: normal; opacity: 0.55; }
    td.heat.zero .n { opacity: 0.45; }
    td.heat.all { border-right: 3px solid #fff; }
    svg.legend { vertical-align: middle; margin-left: 8px; }
    svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: #444; }
    table.chart { width: 100%; }
    table.chart td.barcol, table.chart th.barcol { width: 26%; min-width: 140px; padding-left: 14px; padding-right: 6px; }
    table.chart th.code { width: 330px; }
    table.chart td.num + td.barcol, table.chart th.num + th.barcol { padding-left: 28px; }
    table.polarity td.barcol, table.polarity th.barcol { width: 34%; }
    table.resources td.barcol { width: 45%; }
    svg.bar, svg.axis { display: block; overflow: visible; }
    .badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 9px;
      border: 1px solid currentColor; vertical-align: 1px; white-space: nowrap; }
    .badge.positive { color: var(--pos); }
    .badge.negative { color: var(--neg); }
    .badge.neutral { color: var(--neu); }
    table.cases { width: 100%; min-width: 900px; table-layout: fixed; }
    table.cases td, table.cases th { vertical-align: top; }
    table.cases tbody td, table.cases tbody th { overflow-wrap: anywhere; }
    table.cases .case { width: 16%; }
    table.cases .territory { width: 11%; }
    table.cases .proposer { width: 17%; }
    table.cases .format { width: 7%; }
    table.cases .num { width: 5%; }
    table.cases .amount { width: 11%; padding-right: 14px; }
    table.cases .codes { width: 28%; }
    table.cases th.case .flag { display: inline-block; margin-top: 2px; }
    .chip { display: inline-block; font: 0.78rem ui-monospace, "DejaVu Sans Mono", monospace; background: #e8eef5;
      border-radius: 3px; padding: 0 4px; margin: 1px 0; white-space: nowrap; }
    .flag { color: #8a3c00; background: #fff3e0; border: 1px solid #ffb74d; border-radius: 3px; padding: 0 4px;
      font-size: 0.85em; white-space: nowrap; }
    article.code { border-left: 5px solid var(--line); padding: 4px 0 4px 16px; margin: 22px 0; break-inside: auto; }
    article.code .facts { margin: 0 0 6px; font-size: 0.9rem; }
    .definition { margin: 0 0 10px; max-width: 95ch; }
    ol.quotes { margin: 0; padding-left: 28px; }
    ol.quotes li, details.negated li { margin: 0 0 8px; break-inside: avoid; }
    blockquote { margin: 0; padding: 0; max-width: 110ch; }
    .source { margin: 1px 0 0; font-size: 0.84rem; color: var(--muted); }
    mark { background: #ffe082; color: inherit; padding: 0 1px; margin: 0 -1px; border-radius: 2px; }
    li.conflict blockquote { border-left: 3px solid #e65100; padding-left: 8px; }
    details.negated { margin-top: 8px; }
    details.negated ul { padding-left: 24px; margin: 6px 0 0; }
    details.negated blockquote { color: var(--muted); }
    details.negated mark { background: #e0e0e0; text-decoration: line-through; }
    .pending { border: 1px dashed #aab0b8; padding: 8px 12px; background: var(--soft); max-width: 95ch; }
    @media (max-width: 1100px) {
      header, main, footer { padding-left: 12px; padding-right: 12px; }
      table.heatmap th.corner { width: 190px; }
      table.chart th.code { width: 200px; }
    }
    @media print {
      body { font-size: 10.5pt; }
      header, main, footer { max-width: none; padding-left: 0; padding-right: 0; }
      nav { display: none; }
      a { color: inherit; }
      h2 { break-after: avoid; }
      tr, .stat, article.code h3, blockquote { break-inside: avoid; }
      .scroll { overflow: visible; }
      .stats { grid-template-columns: repeat(4, 1fr); }
      table.heatmap, table.cases { min-width: 0 !important; max-width: none !important; }
      table.heatmap th.corner { width: 150px; }
      table.heatmap th.code { font-size: 8pt; }
      table.heatmap th.rot > div { font-size: 7.5pt; }
      td.heat { font-size: 7pt; }
      td.heat .n { font-size: 6pt; }
      table.cases { font-size: 8pt; }
      .chip { font-size: 7pt; }
      details > summary { color: inherit; }
    }
    @page { margin: 15mm 12mm; }
    """
}

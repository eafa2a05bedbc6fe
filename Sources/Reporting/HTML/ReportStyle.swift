/// The style sheet every report page inlines.
///
/// Light background, dark text, and colours that keep at least 4.5:1 contrast on white (WCAG AA
/// for body text). On a phone the page narrows to one column and wide tables scroll inside their
/// `.table-wrap`. Charts keep a minimum width and scroll the same way, because scaled down to a
/// phone their labels would shrink below readable size. In print, charts and tables avoid page
/// breaks and the leaky banner keeps its colour, so a paper copy still warns the reader.
///
/// Classes a report can use:
/// - `leaky`: a full-width red banner for runs with deliberate or detected leakage.
/// - `honest`: a small green badge for runs that passed the leakage audit.
/// - `chart`: a `figure` around an inline SVG chart; `figcaption` inside it for notes.
/// - `table-wrap`, `num`, `neg`: produced by ``HTMLTable``.
/// - `metrics`: a grid of headline numbers (`div.metric` with `span.label` and `span.value`).
/// - `muted`: secondary text such as run ids and timestamps.
public enum ReportStyle {
    /// The CSS text; contains no `<` or `&`, so it can sit in a `<style>` element of an XHTML page.
    public static let css = """
        :root {
          color-scheme: light;
          --text: #1f2937;
          --muted: #4b5563;
          --rule: #e5e7eb;
          --surface: #ffffff;
          --page: #f8fafc;
          --accent: #0b5cad;
          --negative: #b42318;
          --positive: #067647;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0;
          background: var(--page);
          color: var(--text);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
        }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 48px; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; }
        h2 { font-size: 1.2rem; margin: 32px 0 8px; }
        p { margin: 8px 0; }
        .muted { color: var(--muted); font-size: 0.9rem; }
        a { color: var(--accent); }
        .leaky {
          display: block;
          margin: 16px 0;
          padding: 12px 16px;
          border-left: 8px solid #7a1109;
          border-radius: 4px;
          background: var(--negative);
          color: #ffffff;
          font-weight: 700;
          letter-spacing: 0.02em;
        }
        .leaky::before { content: "\\26A0\\FE0E\\00A0 LEAKY \\2014\\00A0"; }
        .honest {
          display: inline-block;
          padding: 2px 10px;
          border: 1px solid #75c69a;
          border-radius: 999px;
          background: #e7f6ec;
          color: var(--positive);
          font-size: 0.85rem;
          font-weight: 600;
          vertical-align: middle;
        }
        .honest::before { content: "\\2713\\00A0"; }
        .metrics {
          display: grid;
          grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
          gap: 8px;
          margin: 16px 0;
        }
        .metric {
          padding: 10px 12px;
          border: 1px solid var(--rule);
          border-radius: 6px;
          background: var(--surface);
        }
        .metric .label { display: block; color: var(--muted); font-size: 0.8rem; }
        .metric .value {
          display: block;
          font-size: 1.25rem;
          font-weight: 600;
          font-variant-numeric: tabular-nums;
        }
        figure.chart {
          margin: 16px 0;
          padding: 12px;
          border: 1px solid var(--rule);
          border-radius: 6px;
          background: var(--surface);
        }
        figure.chart svg { display: block; width: 100%; height: auto; }
        figure.chart figcaption { margin-top: 6px; color: var(--muted); font-size: 0.85rem; }
        .table-wrap {
          overflow-x: auto;
          margin: 12px 0;
          border: 1px solid var(--rule);
          border-radius: 6px;
          background: var(--surface);
        }
        table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
        caption { padding: 8px 12px; text-align: left; color: var(--muted); }
        th, td { padding: 6px 12px; border-bottom: 1px solid var(--rule); white-space: nowrap; }
        th { background: #f1f5f9; text-align: left; font-weight: 600; }
        tbody tr:last-child td { border-bottom: none; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .neg { color: var(--negative); }
        @media (max-width: 600px) {
          body { font-size: 15px; }
          main { padding: 16px 12px 32px; }
          h1 { font-size: 1.3rem; }
          figure.chart { padding: 6px; overflow-x: auto; }
          figure.chart svg { min-width: 680px; }
          th, td { padding: 5px 8px; }
        }
        @media print {
          body { background: #ffffff; font-size: 10pt; }
          main { max-width: none; padding: 0; }
          figure.chart, .table-wrap, .metric { border-color: #999999; break-inside: avoid; }
          .table-wrap, figure.chart { overflow: visible; }
          figure.chart svg { min-width: 0; }
          h2 { break-after: avoid; }
          .leaky, .honest { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        """
}

// The print stylesheet. Chromium prints it: grid rows put each margin note beside its passage,
// page margins come from the printer (print-page.ts) and match @page, and backgrounds are kept
// (print-color-adjust) so highlights and badges reach the paper.
import type { HighlightColor } from '../../shared/domain';
import type { Verdict } from '../../shared/evidence';
import type { PaperSize } from '../../shared/print';
import { PAGE_MARGINS_MM, PAPER_NAMES } from './print-page';

/** Highlight backgrounds (as the reader draws them) and the darker ink for markers and lines. */
export const HIGHLIGHT_PALETTE: Record<HighlightColor, { background: string; strong: string; underline: string }> = {
  yellow: { background: '#ffe58a', strong: '#9c7400', underline: 'solid' },
  green: { background: '#b9ecb0', strong: '#2e7d32', underline: 'dashed' },
  blue: { background: '#b5d8ff', strong: '#1f63b8', underline: 'dotted' },
  pink: { background: '#ffc2dc', strong: '#c2185b', underline: 'double' },
  purple: { background: '#dcc8ff', strong: '#6a3fc1', underline: 'wavy' }
};

export const VERDICT_PALETTE: Record<Verdict, { line: string; soft: string; ink: string }> = {
  accurate: { line: '#2e8b3a', soft: '#e2f4e2', ink: '#1d5e27' },
  mostly_accurate: { line: '#138a80', soft: '#dcf2ef', ink: '#0b5e57' },
  misleading: { line: '#d9720f', soft: '#fdebd6', ink: '#8a4500' },
  inaccurate: { line: '#c62f26', soft: '#fbe2e0', ink: '#8f1f18' },
  unverified: { line: '#7d8697', soft: '#eceef2', ink: '#464e5c' },
  disputed: { line: '#7b4fd6', soft: '#eee6fc', ink: '#52309c' }
};

function colorRules(): string {
  return (Object.entries(HIGHLIGHT_PALETTE) as [HighlightColor, (typeof HIGHLIGHT_PALETTE)[HighlightColor]][])
    .map(
      ([color, palette]) =>
        `.hl.c-${color}{background:${palette.background}}` +
        `.under-${color}{box-shadow:inset 0 -0.2em 0 ${palette.strong}}` +
        `.mk.c-${color}{background:${palette.strong}}` +
        `.note.c-${color}{border-left-color:${palette.strong}}` +
        `.swatch.c-${color}{background:${palette.background};border-color:${palette.strong}}` +
        `.u-${color}{text-decoration-style:${palette.underline}}` +
        `.greyscale .note.c-${color} .sample{text-decoration-style:${palette.underline}}`
    )
    .join('\n');
}

function verdictRules(): string {
  return (Object.entries(VERDICT_PALETTE) as [Verdict, (typeof VERDICT_PALETTE)[Verdict]][])
    .map(
      ([verdict, palette]) =>
        `.badge.v-${verdict}{border-color:${palette.line};background:${palette.soft};color:${palette.ink}}` +
        `.claim.v-${verdict}{border-left-color:${palette.line}}` +
        `.bar.v-${verdict}{background:${palette.line}}`
    )
    .join('\n');
}

export function printStylesheet(paper: PaperSize): string {
  const m = PAGE_MARGINS_MM;
  return `
@page{size:${PAPER_NAMES[paper]};margin:${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm}
:root{--serif:'Source Serif 4','Noto Serif','DejaVu Serif',Georgia,serif;--sans:'Inter','Helvetica Neue','DejaVu Sans',Arial,sans-serif;
  --ink:#1b1d21;--muted:#5f6672;--line:#d6dae1;--soft:#f4f5f7;--side:50mm;--gap:6mm}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font:400 10pt/1.52 var(--serif);color:var(--ink);font-kerning:normal;text-rendering:optimizeLegibility}
a{color:inherit}
h1,h2,h3,h4,h5,h6{font-family:var(--serif);font-weight:600;line-height:1.25;color:var(--ink);break-after:avoid}

/* Article header */
.article{break-before:page}
.article:first-child{break-before:auto}
.article-head{border-bottom:1.2pt solid var(--ink);padding-bottom:3.2mm;margin-bottom:5mm}
.kicker{font:600 7pt/1.3 var(--sans);letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
.article-head h1{font-size:18pt;margin:1.6mm 0 3mm}
.article-head h1 a,.section-title a{text-decoration:none}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:.5mm 4mm;margin:0;font:400 7.8pt/1.42 var(--sans)}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
.summary{margin-top:2.6mm;font:400 7.8pt/1.6 var(--sans);color:var(--muted)}
.summary .badge{margin-left:1.2mm}
.legend{margin-top:2.2mm;font:400 7.4pt/1.5 var(--sans);color:var(--muted)}
.legend .u{margin-right:3mm;color:var(--ink)}

/* Text and margin column */
.row{display:grid;grid-template-columns:minmax(0,1fr) var(--side);column-gap:var(--gap);align-items:start}
.row.heading{break-after:avoid}
.main>p{margin:0 0 2.6mm}
.main>h2{font-size:13pt;margin:4.5mm 0 2mm}
.main>h3{font-size:11.2pt;margin:3.5mm 0 1.6mm}
.main>h4,.main>h5,.main>h6{font-size:10pt;margin:3mm 0 1.4mm}
.main>ul,.main>ol{margin:0 0 1.3mm;padding-left:6mm}
.main>ul.last,.main>ol.last{margin-bottom:2.8mm}
.main li>p{margin:0 0 1mm}
.main blockquote{margin:0 0 3mm;padding:.2mm 0 .2mm 4mm;border-left:2pt solid #c4cad3;color:#30343b}
.main blockquote p{margin:0 0 1.6mm}
.main pre{font:8pt/1.45 'DejaVu Sans Mono',monospace;background:var(--soft);padding:2mm 3mm;white-space:pre-wrap;margin:0 0 3mm}
.main hr{border:0;border-top:.6pt solid var(--line);margin:3mm 0}
.ext{color:#1f4f99;text-decoration:underline;text-decoration-thickness:.5pt;text-underline-offset:1.5pt}
.doc-table{border-collapse:collapse;margin:0 0 3mm;font-size:8.6pt;line-height:1.4}
.doc-table td,.doc-table th{border:.5pt solid var(--line);padding:1mm 1.6mm;vertical-align:top;text-align:left}
.doc-table p{margin:0}

/* Highlights and their numbers */
.hl{color:inherit;text-decoration:none;padding:.08em 0;border-radius:1.5px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.mk{display:inline-block;min-width:1.55em;box-sizing:border-box;padding:.22em .3em .18em;margin:0 .18em 0 .05em;border-radius:.9em;
  font:600 6.2pt/1 var(--sans);color:#fff;text-align:center;vertical-align:.32em;text-indent:0;font-style:normal}
.u{text-decoration-line:underline;text-decoration-color:#26292e;text-decoration-thickness:1.1px;text-underline-offset:2.4px;text-decoration-skip-ink:none}
.u.d1{text-underline-offset:6.5px}.u.d2{text-underline-offset:10.5px}.u.d3{text-underline-offset:14.5px}
.greyscale .hl{padding-bottom:.3em}
.nb{white-space:nowrap}

/* Margin notes */
.side{font:400 7.5pt/1.4 var(--sans);color:#2b2f36;padding-top:.15em}
.note{display:grid;grid-template-columns:max-content minmax(0,1fr);column-gap:1.6mm;border-left:1.6pt solid var(--line);
  padding:0 0 0 1.8mm;margin:0 0 2.6mm;break-inside:avoid}
.note .mk{margin:0;vertical-align:0;align-self:start}
.note-body{overflow-wrap:anywhere}
.note-body .empty{color:var(--muted);font-style:italic}
.note .sample{display:none}
.greyscale .note .sample{display:inline;text-decoration-line:underline;text-decoration-color:#26292e;text-underline-offset:2px;color:var(--muted)}
.note-verdicts{grid-column:2;margin-top:.8mm}

/* Claims under their passage */
.claim{break-before:avoid;margin:.6mm 0 3.4mm;padding:1.8mm 2.8mm 2mm;border-left:2.4pt solid #888;background:#f7f8fa;
  font:400 8.1pt/1.45 var(--sans);break-inside:avoid}
.claim-head{display:flex;flex-wrap:wrap;align-items:baseline;gap:1.6mm;margin-bottom:.8mm}
.claim-head .from{color:var(--muted)}
.claim-head .mk{vertical-align:0;margin:0 .1em}
.claim p{margin:.6mm 0 0}
.claim .statement{font:italic 400 9pt/1.45 var(--serif)}
.claim .label{font-weight:600;color:#3a3f47}
.claim .check{color:#3a3f47}
.figs{list-style:none;padding:0;margin:1.2mm 0 0;border-top:.5pt solid var(--line)}
.figs li{padding:.9mm 0 0;display:grid;grid-template-columns:max-content minmax(0,1fr);column-gap:2mm}
.fig-ref{font:600 7pt/1.5 var(--sans);color:var(--muted)}
.fig-value{font-weight:600}
.fig-meta{color:var(--muted)}
.badge{display:inline-block;padding:.28em .6em .24em;border:.7pt solid #888;border-radius:2.5pt;font:600 6.6pt/1 var(--sans);
  letter-spacing:.05em;text-transform:uppercase;white-space:nowrap;vertical-align:.1em}
.loose-figs{margin:.4mm 0 3.4mm;padding:1.4mm 2.8mm;border-left:2.4pt solid var(--line);font:400 8pt/1.45 var(--sans);break-inside:avoid}
.loose-figs .figs{border-top:0;margin-top:0}
.block-end{height:0}

/* Sections after the text */
.section-title{font:600 12pt/1.3 var(--serif);margin:7mm 0 2.5mm;padding-bottom:1.2mm;border-bottom:.6pt solid var(--ink);break-after:avoid}
.orphans .orphan{margin:0 0 2.4mm;font:400 8.2pt/1.45 var(--sans);break-inside:avoid}
.orphans .quote{font:italic 400 9pt/1.45 var(--serif)}

/* Tables: figure appendix */
table.grid{width:100%;table-layout:fixed;border-collapse:collapse;font:400 7.4pt/1.38 var(--sans)}
table.grid thead{display:table-header-group}
table.grid th{text-align:left;font-weight:600;color:#3a3f47;border-bottom:.8pt solid var(--ink);padding:1mm 1.4mm}
table.grid td{border-bottom:.5pt solid var(--line);vertical-align:top;padding:1.1mm 1.4mm;overflow-wrap:anywhere}
table.grid tr{break-inside:avoid}
table.grid .num{text-align:right;white-space:nowrap}
table.grid .quote{font:italic 400 8pt/1.38 var(--serif)}
.pg{font-variant-numeric:tabular-nums}

/* Dossier cover, contents, charts */
.cover{break-after:page;padding-top:28mm}
.cover .kicker{font-size:8pt}
.cover-title{font:600 28pt/1.15 var(--serif);margin:3mm 0 4mm}
.cover-sub{font:400 11pt/1.5 var(--serif);color:#3a3f47;margin:0 0 12mm}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:3mm;margin:0 0 10mm}
.stat{border-top:1.2pt solid var(--ink);padding-top:1.6mm;font:400 7.6pt/1.3 var(--sans);color:var(--muted)}
.stat b{display:block;font:600 18pt/1.2 var(--serif);color:var(--ink)}
table.verdicts{border-collapse:collapse;font:400 8.4pt/1.4 var(--sans);width:100%}
table.verdicts td{padding:1.3mm 2mm 1.3mm 0;border-bottom:.5pt solid var(--line);vertical-align:middle}
table.verdicts .count{width:12mm;text-align:right;font-weight:600}
table.verdicts .track{width:60%}
.bar{height:2.4mm;border-radius:1mm;min-width:.6mm}
.toc{list-style:none;padding:0;margin:0 0 6mm;font:400 10pt/1.4 var(--serif)}
.toc li{display:grid;grid-template-columns:minmax(0,auto) minmax(6mm,1fr) 10mm;column-gap:2mm;align-items:end;padding:1.6mm 0;break-inside:avoid}
.toc .toc-link{text-decoration:none}
.toc .sub{grid-column:1/-1;font:400 7.4pt/1.3 var(--sans);color:var(--muted);margin-top:.5mm}
.toc .dots{border-bottom:.8pt dotted #9aa1ab;margin-bottom:.4em}
.toc .pg{text-align:right;font:400 9pt/1.55 var(--sans)}
.contents{break-after:page}
.charts .chart{break-inside:avoid;margin:0 0 9mm}
.charts .chart svg{display:block;width:100%;height:auto}
.charts .chart svg text{font-family:'Inter','DejaVu Sans',sans-serif !important}
.chart-caption{font:400 7.4pt/1.4 var(--sans);color:var(--muted);margin-top:1.4mm}
.dossier .appendix{break-before:page}
.article+.appendix{margin-top:8mm}
.appendix-note{font:400 7.6pt/1.45 var(--sans);color:var(--muted);margin:0 0 3mm}
${colorRules()}
${verdictRules()}
`;
}

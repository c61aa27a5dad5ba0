// 打印签章版: a district's ledger as the official template (A–S, title, 填报单位（签章）, 填表时间, two header rows, 填表说明) in printable HTML.

import type { Day } from './calendar-day';
import { COLUMNS, FILLER_PREFIX, FILL_DATE_PREFIX, TITLE, UPPER_HEADER } from './contract';
import type { ColumnKey } from './contract';
import { escapeHtml } from './reminder-email';

/** The template's own foot line, word for word. */
export const TEMPLATE_NOTE = '填表说明：1.厂区土地性质:租用;征用.2.整治分类：原址关闭;改造提升;搬迁升级.3.搬迁升级类企业，请在备注中注明新址用地面积。';

/** A–S: the template's columns; the add-on's own T–X are not part of the paper copy. */
export const PRINT_COLUMNS = COLUMNS.slice(0, COLUMNS.findIndex((c) => c.key === 'remarks') + 1);

/** The template wraps two of its narrow headers; the paper copy wraps them the same way. */
const PRINTED_HEADER: Partial<Record<ColumnKey, string>> = { category: '整治\n分类', deadline: '整改完成\n时限' };

/** Widths in mm for A3 landscape (420 mm less 2 × 10 mm margins), in proportion to what each column holds. */
const WIDTH_MM: Readonly<Partial<Record<ColumnKey, number>>> = {
  serial: 8, district: 13, name: 28, address: 28, creditCode: 33, industry: 22, employees: 10, landTenure: 10,
  safetyAssessment: 9, energyReview: 9, eiaApproval: 22, dischargePermit: 26, onlineMonitoring: 9,
  problems: 36, measures: 36, category: 12, deadline: 17, progress: 28, remarks: 24,
};

export interface PrintModel {
  title: string;
  fillerLine: string;
  fillDateLine: string;
  /** Upper header: text, how many columns it spans, whether it is merged down over both header rows. */
  upper: { text: string; span: number; down: boolean }[];
  /** Lower header texts of the columns not merged down, in order. */
  lower: string[];
  /** One row per enterprise, A–S as text. */
  rows: string[][];
  note: string;
}

export interface PrintInput {
  filler: string;
  /** 填表时间 as the tab shows it (the last change); null when the tab has none yet. */
  fillDay: Day | null;
  /** The enterprises in sheet order, each as its A–S texts (dates already `YYYY-MM-DD`). */
  rows: readonly (readonly string[])[];
}

export function printModel(input: PrintInput): PrintModel {
  const printedKeys = new Set<string>(PRINT_COLUMNS.map((c) => c.header));
  const upper = UPPER_HEADER.filter((h) => printedKeys.has(h.text) || PRINT_COLUMNS.some((c) => c.letter === h.letter)).map((h) => ({
    text: h.text,
    span: h.span,
    down: h.down,
  }));
  const downTexts = new Set<string>(upper.filter((u) => u.down).map((u) => u.text));
  const lower = PRINT_COLUMNS.filter((c) => !downTexts.has(c.header)).map((c) => PRINTED_HEADER[c.key] ?? c.header);
  return {
    title: TITLE,
    fillerLine: `${FILLER_PREFIX}${input.filler}`,
    fillDateLine: `${FILL_DATE_PREFIX}${input.fillDay ?? ''}`,
    upper,
    lower,
    rows: input.rows.map((r) => PRINT_COLUMNS.map((_, i) => r[i] ?? '')),
    note: TEMPLATE_NOTE,
  };
}

const cellHtml = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

const STYLE = `
@page { size: A3 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif; color: #000; }
.toolbar { position: sticky; top: 0; background: #f1f3f4; padding: 8px 12px; border-bottom: 1px solid #dadce0; display: flex; gap: 12px; align-items: center; font-size: 13px; }
.toolbar button { font: inherit; padding: 6px 16px; background: #1a73e8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.sheet { padding: 12px; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; font-weight: bold; }
.meta { display: flex; justify-content: space-between; font-size: 11pt; margin: 0 0 2mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8pt; line-height: 1.3; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 0.6mm 0.8mm; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; background: #fff; }
td { text-align: left; }
td.c { text-align: center; }
.note { font-size: 9pt; margin-top: 3mm; }
.empty { text-align: center; color: #555; padding: 6mm; }
@media print { .toolbar { display: none; } .sheet { padding: 0; } }
`;

const CENTRED: ReadonlySet<ColumnKey> = new Set(['serial', 'district', 'employees', 'landTenure', 'safetyAssessment', 'energyReview', 'onlineMonitoring', 'category', 'deadline']);

/** The whole page for the dialog; `window.print()` is the browser's own print, so no Drive scope is needed. */
export function printHtml(model: PrintModel, district: string): string {
  const cols = PRINT_COLUMNS.map((c) => `<col style="width:${WIDTH_MM[c.key] ?? 20}mm">`).join('');
  const upper = model.upper
    .map((u) => `<th${u.span > 1 ? ` colspan="${u.span}"` : ''}${u.down ? ' rowspan="2"' : ''}>${cellHtml(u.text)}</th>`)
    .join('');
  const lower = model.lower.map((t) => `<th>${cellHtml(t)}</th>`).join('');
  const body =
    model.rows.length === 0
      ? `<tr><td class="empty" colspan="${PRINT_COLUMNS.length}">（本表暂无企业）</td></tr>`
      : model.rows
          .map((r) => `<tr>${r.map((v, i) => `<td${CENTRED.has(PRINT_COLUMNS[i]?.key ?? 'name') ? ' class="c"' : ''}>${cellHtml(v)}</td>`).join('')}</tr>`)
          .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${cellHtml(`${district} 打印签章版`)}</title><style>${STYLE}</style></head>
<body>
<div class="toolbar"><button type="button" id="print" onclick="window.print()">打印</button><span>A3 横向；表头在每页重复。共${model.rows.length}家企业。打印时在“目标打印机”中可选“另存为 PDF”。</span></div>
<div class="sheet">
<h1>${cellHtml(model.title)}</h1>
<div class="meta"><span>${cellHtml(model.fillerLine)}</span><span>${cellHtml(model.fillDateLine)}</span></div>
<table><colgroup>${cols}</colgroup>
<thead><tr>${upper}</tr><tr>${lower}</tr></thead>
<tbody>
${body}
</tbody></table>
<p class="note">${cellHtml(model.note)}</p>
</div>
</body></html>`;
}

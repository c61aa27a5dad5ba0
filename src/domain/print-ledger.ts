// 打印签章版: a district's ledger as the official template (A–S, title, 填报单位（签章）, 填表时间, two header rows, 填表说明) in printable HTML.

import type { Day } from './calendar-day';
import { COLUMNS, FILLER_PREFIX, FILL_DATE_PREFIX, TITLE, UPPER_HEADER } from './contract';
import type { ColumnKey } from './contract';
import { escapeHtml } from './text';

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

interface PrintModel {
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

interface PrintInput {
  filler: string;
  /** 填表时间 as the tab shows it (the last change); null when the tab has none yet. */
  fillDay: Day | null;
  /** The enterprises in sheet order, each as its A–S texts (dates already `YYYY-MM-DD`). */
  rows: readonly (readonly string[])[];
}

/** A stored row's A–S as the paper shows them: 序号 as stored, dates already `YYYY-MM-DD` in the record. */
export function printRow(record: { payload: Readonly<Record<string, unknown>>; serial: number | null }): string[] {
  return PRINT_COLUMNS.map((c) => (c.key === 'serial' ? (record.serial === null ? '' : String(record.serial)) : String(record.payload[c.key] ?? '')));
}

export function printModel(input: PrintInput): PrintModel {
  const upper = UPPER_HEADER.filter((h) => h.letter <= 'S').map((h) => ({
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

const CENTRED: ReadonlySet<ColumnKey> = new Set(['serial', 'district', 'employees', 'landTenure', 'safetyAssessment', 'energyReview', 'onlineMonitoring', 'category', 'deadline']);

/** The id of the inert JSON block that carries a PrintView into the Print page. */
export const PRINT_DATA_ID = 'print-data';

/** What the server sends: the rows as read; the page builds the model, so Code.js carries none of the layout. */
export interface PrintView {
  district: string;
  input: PrintInput;
}

/** The printed sheet (title, 填报单位, 填表时间, table, 填表说明) as markup, every text escaped; the Print page shows it. */
export function printSheetHtml(model: PrintModel): string {
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
  return `<h1>${cellHtml(model.title)}</h1>
<div class="meta"><span id="p-filler">${cellHtml(model.fillerLine)}</span><span id="p-date">${cellHtml(model.fillDateLine)}</span></div>
<table><colgroup>${cols}</colgroup>
<thead><tr>${upper}</tr><tr>${lower}</tr></thead>
<tbody>
${body}
</tbody></table>
<p class="note">${cellHtml(model.note)}</p>`;
}

// 报送本季度进展 (contract §5): the dialog's context, the 进展说明 rule (shared by the page and the server) and the payload check.
import { NARRATIVE_MAX } from './contract';
import { fieldsOf } from './page-data';
import { charCount } from './text';

export const REPORT_CONTEXT_ID = 'report-context';

export interface ReportDialogContext {
  readonly district: string;
  /** What the dialog shows above the box: quarter, due date, counts, on time or late, first report or update. */
  readonly lines: readonly string[];
  readonly placeholder: string;
}

/** '' when the 进展说明 is acceptable, else the Chinese message for the field. */
export function narrativeProblem(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return '请填写进展说明：本季度整治工作的主要进展、存在的问题和下一步安排。';
  const n = charCount(value.trim());
  if (n > NARRATIVE_MAX) return `进展说明最多${NARRATIVE_MAX}字，现为${n}字，请精简后再报送。`;
  return '';
}

export interface ReportPayload {
  readonly district: string;
  readonly narrative: string;
}

type PayloadCheck = { ok: true; value: ReportPayload } | { ok: false; errors: Record<string, string> };

/** `{ district, narrative }` as sent by the dialog (or any caller): shape and 进展说明 checked, nothing else assumed. */
export function checkReportPayload(input: unknown): PayloadCheck {
  const obj = fieldsOf(input) ?? {};
  const errors: Record<string, string> = {};
  const district = typeof obj['district'] === 'string' ? obj['district'].trim() : '';
  if (district === '') errors['_form'] = '未指明要报送的辖区，请在本辖区工作表上重新打开“报送本季度进展”。';
  const problem = narrativeProblem(obj['narrative']);
  if (problem) errors['narrative'] = problem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { district, narrative: String(obj['narrative']).trim() } };
}

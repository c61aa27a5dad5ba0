// 生成季度通报 (contract §11): the office names a quarter (empty = the current one); the 季度通报 tab is rewritten for it.
import { captionOf } from '../domain/menu';
import { dayOf } from '../domain/calendar-day';
import { MENU_TITLE, UNKNOWN_ACCOUNT } from '../domain/contract';
import type { BulletinDistrict } from '../domain/bulletin';
import { BULLETIN_TAB, bulletinGrid, bulletinQuarterProblem, buildBulletin, criticismLine, unreadLine } from '../domain/bulletin';
import { isAppError } from '../domain/errors';
import type { TabRepair } from '../domain/tab-repair';
import { tabRepairOf } from '../domain/tab-repair';
import { QUARTER_FORM, parseQuarter, quarterLabel, quarterOf } from '../domain/quarter';
import type { Quarter } from '../domain/quarter';
import { fieldsOf } from '../domain/page-data';
import { reportingStart, updatedOnOf } from '../domain/vocabulary';
import { writeBulletin } from '../sheet/bulletin-tab';
import type { Ledger } from '../sheet/ledger';
import { openLedger, readSettings } from '../sheet/ledger';
import { withDocumentLock } from '../sheet/lock';
import { appendLog } from '../sheet/log';
import { readReports } from '../sheet/reports';
import { activeUserEmail } from '../sheet/session';
import { openRecordTab } from '../sheet/office-store';
import { isRecordTab } from '../domain/record-tab';
import { activeSpreadsheet, screen } from '../sheet/ui';
import type { FormFailure } from './error-boundary';
import { fromMenu, fromSidebar } from './error-boundary';
import { EXTENSION_TAB, REQUEST_STATE } from '../domain/extension';
import { requireOffice } from './urge-now';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const BULLETIN_TITLE = captionOf('menuQuarterBulletin');

/** `unread`: one line per district left out because its tab cannot be read, naming what to repair. */
export type BulletinResult = { ok: true; quarter: string; ranking: string[]; unread: string[] } | FormFailure;

/**
 * Each district's tab, or what to repair in it: a tab whose header no longer matches (or that is missing) is that
 * district's problem, the bulletin goes on for the others (issue 12 point 5). Any other fault still stops the call.
 */
function readDistricts(ss: Spreadsheet, districts: readonly { district: string }[]): { ledgers: Ledger[]; unread: TabRepair[] } {
  const ledgers: Ledger[] = [];
  const unread: TabRepair[] = [];
  for (const { district } of districts) {
    try {
      ledgers.push(openLedger(ss, district));
    } catch (error) {
      if (!isAppError(error) || (error.code !== 'HEADER_MISMATCH' && error.code !== 'TAB_MISSING')) throw error;
      unread.push(tabRepairOf(district, error));
    }
  }
  return { ledgers, unread };
}

/** Enterprises per district with an approved 延期申请 (contract §10), by credit code, read as the office's record tab. */
function extendedByDistrict(ss: Spreadsheet): Map<string, number> {
  const { tab } = openRecordTab(ss, EXTENSION_TAB, ['辖区', '统一社会信用代码', '审批状态'] as const);
  if (!isRecordTab(tab)) return new Map();
  const out = new Map<string, Set<string>>();
  for (const { cells } of tab.rows) {
    if (cells.审批状态 === REQUEST_STATE.approved) out.set(cells.辖区, (out.get(cells.辖区) ?? new Set()).add(cells.统一社会信用代码));
  }
  return new Map([...out].map(([d, codes]) => [d, codes.size]));
}

/** The quarter as typed: '' is the current one; anything else must read `2022年第1季度` (or `2022Q1`). */
function quarterFrom(input: unknown, today: string): Quarter | string {
  const fields = fieldsOf(input);
  // A bare quarter or list read as "no quarter named" would write the wrong quarter's 通报 without a word.
  if (fields === null) return '“季度”应放在请求的 quarter 中，如 { quarter: "2022年第1季度" }（留空为本季度）。';
  const raw = fields['quarter'];
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  if (text === '') return quarterOf(today);
  return parseQuarter(text) ?? `“季度”应${QUARTER_FORM}（留空为本季度），现为“${text.slice(0, 40)}”。`;
}

/** `{ quarter }` → the tab written and `{ ok: true, quarter, ranking }`; a bad quarter is `errors.quarter`, nothing written. */
export function generateQuarterBulletin(input: unknown): BulletinResult {
  return fromSidebar((): BulletinResult => {
    const ss = activeSpreadsheet();
    const { settings } = readSettings(ss);
    requireOffice(ss, settings, BULLETIN_TITLE);
    const now = new Date();
    const today = dayOf(now);
    const quarter = quarterFrom(input, today);
    if (typeof quarter === 'string') return { ok: false, errors: { quarter } };
    const reports = readReports(ss);
    const since = reportingStart(settings.firstQuarter, reports, today);
    const problem = bulletinQuarterProblem(quarter, today, since);
    if (problem) return { ok: false, errors: { quarter: problem } };
    const extended = extendedByDistrict(ss);
    const { ledgers, unread } = readDistricts(ss, settings.districts);
    const districts: BulletinDistrict[] = ledgers.map((l) => ({
      district: l.district,
      enterprises: l.rows.map((r) => ({ ...r.record.payload, updatedOn: updatedOnOf(r.record.updatedAt) })),
      extended: extended.get(l.district) ?? 0,
    }));
    const bulletin = buildBulletin({ quarter, today, districts, unread, reports, settings, since });
    const ranking = bulletin.rows.map((r) => r.district);
    const label = quarterLabel(quarter);
    withDocumentLock(() => {
      writeBulletin(ss, bulletinGrid(bulletin, settings)).activate();
      appendLog(ss, [
        {
          at: now,
          account: activeUserEmail() || UNKNOWN_ACCOUNT,
          tab: BULLETIN_TAB,
          range: '',
          creditCode: '',
          name: '',
          field: BULLETIN_TAB,
          oldValue: '',
          newValue:
            `${label}：${bulletin.rows.map((r) => `${r.rank}.${r.district}`).join(' ')}；${criticismLine(bulletin)}` +
            unread.map((t) => `；${t.district}未计入（工作表需修复）`).join(''),
          action: BULLETIN_TITLE,
        },
      ]);
    });
    return { ok: true, quarter: label, ranking, unread: bulletin.unread.map(unreadLine) };
  });
}

export function menuQuarterBulletin(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    requireOffice(ss, readSettings(ss).settings, BULLETIN_TITLE);
    const ui = screen();
    const title = `${MENU_TITLE}：${BULLETIN_TITLE}`;
    const current = quarterLabel(quarterOf(dayOf(new Date())));
    const typed = ui.prompt(title, `要通报哪个季度？${QUARTER_FORM}；留空为本季度（${current}）。`);
    if (typed === null) return;
    const result = generateQuarterBulletin({ quarter: typed });
    if (!result.ok) {
      ui.alert(title, Object.values(result.errors).join('\n'));
      return;
    }
    ui.alert(
      title,
      `已生成${result.quarter}通报，写入“${BULLETIN_TAB}”工作表（重新生成会原地覆盖）。\n排名：${result.ranking.map((d, i) => `${i + 1}.${d}`).join('　')}` +
        result.unread.map((l) => `\n${l}`).join(''),
    );
  });
}

// The sidebar's server calls (contract §7): submitEnterprise, updateEnterprise, getEnterprise — checked again, locked, logged.
import { appendLog } from '../sheet/log';
import type { LogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { activeUserEmail } from '../sheet/session';
import { dayOf } from '../domain/calendar-day';
import { CLOSED_STATUS, COLUMN_COUNT, UNKNOWN_ACCOUNT } from '../domain/contract';
import type { PayloadKey } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import { isAppError } from '../domain/errors';
import { FIELD_LABELS, PAYLOAD_KEYS, validateEnterprise } from '../domain/enterprise';
import type { EnterprisePayload, FieldErrors, FieldNotes } from '../domain/enterprise';
import { columnLetter } from '../domain/grid';
import { payloadToRow } from '../domain/ledger-row';
import { accountKnown, canEditDistrict, isOffice } from '../domain/permissions';
import type { Approved } from '../domain/approval';
import { clerkPayloadErrors, clerkUpdateErrors, isRecordableCode, recordOf, sameApproved } from '../domain/approval';
import { loadApproved, saveApproved } from '../sheet/office-store';
import { archiveClosed } from './office-guard';
import { planRules } from '../domain/settings';
import type { Settings } from '../domain/settings';
import type { OpenedEnterprise } from '../domain/sidebar-form';
import { activeSpreadsheet } from '../sheet/ui';
import { fromSidebar } from './error-boundary';
import { afterLedgerChange } from './summary';
import { locateEnterprise, ownerEmail, readAppendTarget, readCodeIndex, readLedgerRow, readSettings, selectLedgerRow, writeLedgerRow } from '../sheet/ledger';
import type { LedgerRow } from '../sheet/ledger';
import { WRITE_TRIES, editConflict, gaveUpMessage } from '../domain/concurrency';
import type { OpenedVersion } from '../domain/concurrency';
import { cellDisplay } from '../domain/edit-check';
import { describeNewEnterprise } from '../domain/log-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Contract §7's result; `notes` (warnings that did not stop the save) only when there are any. */
export type SaveResult =
  | { ok: true; district: string; row: number; serial: number | null; notes?: FieldNotes }
  | { ok: false; errors: FieldErrors; notes?: FieldNotes };

const withNotes = <T extends SaveResult>(result: T, notes: FieldNotes): T =>
  Object.keys(notes).length > 0 ? { ...result, notes } : result;

export const ACTION_ADD = '新增企业（侧边栏）';
export const ACTION_EDIT = '编辑企业（侧边栏）';

const refuse = (errors: FieldErrors): SaveResult => ({ ok: false, errors });

interface Caller {
  ss: Spreadsheet;
  settings: Settings;
  account: string;
  /** Only the office closes and extends (contract §10); an account Sheets hides counts as a clerk. */
  office: boolean;
}

function caller(): Caller {
  const ss = activeSpreadsheet();
  const settings = readSettings(ss).settings;
  const account = activeUserEmail();
  return { ss, settings, account, office: isOffice(settings, account, ownerEmail(ss)) };
}

/** The schema's check, with a clerk's 已验收销号 or 销号日期 refused on its field first (the office's to set). */
function guarded(c: Caller, input: unknown): ReturnType<typeof validateEnterprise> {
  const checked = validateEnterprise(input, planRules(c.settings, dayOf(new Date())));
  const errors = c.office ? {} : clerkPayloadErrors((input ?? {}) as Record<string, unknown>);
  if (Object.keys(errors).length === 0) return checked;
  return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...errors }, notes: checked.notes };
}

/** The row's approved record, or (a row from before this release) the one its cells stand for. */
function approvedOf(at: LedgerRow, today: string): Approved {
  return loadApproved().get(at.record.payload.creditCode) ?? recordOf(at.record.payload, null, today);
}

/** After a save: the record follows what was kept; a closed row is archived as the office left it. */
function approve(p: EnterprisePayload, now: Date, before: Approved | null, at?: LedgerRow): void {
  if (!isRecordableCode(p.creditCode)) return;
  const all = loadApproved();
  const next = recordOf(p, all.get(p.creditCode) ?? before, dayOf(now));
  if (sameApproved(all.get(p.creditCode) ?? null, next)) return;
  all.set(p.creditCode, next);
  saveApproved(all, [p.creditCode]);
  if (at && next.status === CLOSED_STATUS) archiveClosed(activeSpreadsheet(), now, [{ ...at.record, payload: p }]);
}

/** Contract §7: only a known account that is not an editor of the district is refused; an unknown one meets the tab's protection. */
function permissionProblem(c: Caller, district: string): string | null {
  if (!accountKnown(c.account)) return null;
  if (canEditDistrict(c.settings, c.account, ownerEmail(c.ss), district)) return null;
  return `您的账号（${c.account}）不是“${district}”的编辑账号，不能保存该辖区的企业。如需开通，请联系领导小组办公室在“配置”中添加。`;
}

/** A blank row (every cell, 序号 and stamps too): an append never lands on a row someone filled meanwhile. */
const blankRow = (cells: unknown[]): boolean => cells.every((v) => v === '' || v === null || v === undefined);

const sameCells = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => cellDisplay(v) === cellDisplay(b[i]));

export function submitEnterprise(input: unknown): SaveResult {
  return fromSidebar((): SaveResult => {
    const c = caller();
    const checked = guarded(c, input);
    if (!checked.ok) return withNotes(refuse(checked.errors), checked.notes);
    const p = checked.value;
    const denied = permissionProblem(c, p.district);
    if (denied) return refuse({ _form: denied });
    const result = withDocumentLock((): SaveResult => {
      for (let tries = 0; tries < WRITE_TRIES; tries++) {
        // Column E of every tab (uniqueness), then only the target tab's head and column A: no tab read whole.
        const existing = readCodeIndex(c.ss, c.settings).get(p.creditCode)?.[0];
        if (existing) return refuse({ creditCode: duplicateMessage(c.ss, existing) });
        const target = readAppendTarget(c.ss, p.district);
        if (!target) return refuse({ district: `找不到“${p.district}”工作表` });
        const { ledger, row, serial } = target;
        const now = new Date();
        const by = c.account || UNKNOWN_ACCOUNT;
        const wrote = writeLedgerRow(ledger, row, blankRow, (formats) => payloadToRow(p, { serial, updatedAt: now, updatedBy: by }, ledger.columns, formats), dayOf(now));
        if (!wrote) continue;
        // The first 整改完成时限 is given with the enterprise (contract §10): it becomes the approved one.
        approve(p, now, null);
        appendLog(c.ss, [
          {
            at: now,
            account: by,
            tab: ledger.district,
            range: `A${row}:${columnLetter(COLUMN_COUNT - 1)}${row}`,
            creditCode: p.creditCode,
            name: p.name,
            field: '',
            oldValue: '',
            newValue: describeNewEnterprise(p, serial),
            action: ACTION_ADD,
          },
        ]);
        return withNotes({ ok: true, district: ledger.district, row, serial }, checked.notes);
      }
      return refuse({ _form: gaveUpMessage({ kind: 'append' }, p.district) });
    });
    if (result.ok) afterLedgerChange(c.ss);
    return result;
  });
}

function duplicateMessage(ss: Spreadsheet, at: { tab: string; row: number }): string {
  let name = '';
  try {
    name = readLedgerRow(ss, at.tab, at.row)?.row.record.payload.name ?? '';
  } catch {
    // a tab whose header no longer matches: the place alone says enough
  }
  return `该统一社会信用代码已登记在“${at.tab}”第${at.row}行${name ? `（${name}）` : ''}，同一企业不能重复登记`;
}

/** What the form had opened; when given, the call refuses a payload whose credit code or district differs from it. */
export interface OpenedKey {
  creditCode?: unknown;
  district?: unknown;
  /** The row's 最后更新时间 when the form opened (epoch ms, null when unstamped), and the values it showed (§7). */
  version?: unknown;
  values?: unknown;
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The fields whose stored text differs from the saved payload, as 操作日志 lines. */
function changedFields(found: LedgerRow, p: EnterprisePayload): { key: PayloadKey; old: string; now: string }[] {
  const before = found.record.payload as Record<string, unknown>;
  const after = p as unknown as Record<string, unknown>;
  return PAYLOAD_KEYS.filter((k) => text(before[k]) !== text(after[k])).map((k) => ({ key: k, old: text(before[k]), now: text(after[k]) }));
}

export function updateEnterprise(input: unknown, opened?: OpenedKey): SaveResult {
  return fromSidebar((): SaveResult => {
    const c = caller();
    const checked = guarded(c, input);
    if (!checked.ok) return withNotes(refuse(checked.errors), checked.notes);
    const p = checked.value;
    const openedCode = normaliseCreditCode(text(opened?.creditCode));
    if (openedCode !== '' && openedCode !== p.creditCode) {
      return refuse({ creditCode: `统一社会信用代码不能通过编辑修改（打开时为 ${openedCode}）。如登记有误，请领导小组办公室在表格中直接更正。` });
    }
    const openedDistrict = text(opened?.district).trim();
    if (openedDistrict !== '' && openedDistrict !== p.district) {
      return refuse({ district: `辖区不能通过编辑修改（该企业登记在“${openedDistrict}”）` });
    }
    const denied = permissionProblem(c, p.district);
    if (denied) return refuse({ _form: denied });
    const result = withDocumentLock((): SaveResult => {
      for (let tries = 0; tries < WRITE_TRIES; tries++) {
        const done = saveOnce(c, p, opened);
        if (done) return done.ok ? withNotes(done, checked.notes) : done;
      }
      return refuse({ _form: gaveUpMessage({ kind: 'update', creditCode: p.creditCode }, p.district) });
    });
    if (result.ok) afterLedgerChange(c.ss);
    return result;
  });
}

/** The opened version the form sent back, or null when it sent none (an older form, a script). */
function openedVersion(opened: OpenedKey | undefined): OpenedVersion | null {
  if (!opened || !('version' in opened)) return null;
  const version = typeof opened.version === 'number' && Number.isFinite(opened.version) ? opened.version : null;
  const values = opened.values && typeof opened.values === 'object' ? (opened.values as OpenedVersion['values']) : {};
  return { version, values };
}

/**
 * One read-decide-write under the lock: found by credit code (column E, then its head and row), checked, written only
 * when the row still holds exactly what was read. Null when it moved or changed in between: the caller tries again.
 */
function saveOnce(c: Caller, p: EnterprisePayload, opened: OpenedKey | undefined): SaveResult | null {
  const found = locateEnterprise(c.ss, c.settings, p.creditCode);
  if (!found) {
    return refuse({
      _form: `找不到统一社会信用代码为 ${p.creditCode} 的企业，它可能已被删除，或代码已被改动。本次未做任何修改；请关闭侧边栏，重新选中该企业所在行后再点“编辑选中企业”。`,
    });
  }
  const { ledger, row: at } = found;
  if (ledger.district !== p.district) {
    return refuse({ district: `辖区不能通过编辑修改（该企业登记在“${ledger.district}”第${at.row}行）` });
  }
  const conflict = editConflict(openedVersion(opened), { ...at.record }, c.account, UNKNOWN_ACCOUNT);
  if (conflict) return refuse({ _form: conflict });
  const before = approvedOf(at, dayOf(new Date()));
  if (!c.office) {
    const errors = clerkUpdateErrors(before, p.deadline);
    if (Object.keys(errors).length > 0) return refuse(errors);
  }
  const serial = at.record.serial;
  const changes = changedFields(at, p);
  if (changes.length === 0) {
    // Saving an unchanged form twice writes nothing: no stamp, no log line.
    selectLedgerRow(ledger, at.row);
    return { ok: true, district: ledger.district, row: at.row, serial };
  }
  const now = new Date();
  const by = c.account || UNKNOWN_ACCOUNT;
  const wrote = writeLedgerRow(
    ledger,
    at.row,
    (cells) => sameCells(cells, at.cells),
    (formats) => {
      const cells = payloadToRow(p, { serial: serial ?? 0, updatedAt: now, updatedBy: by }, ledger.columns, formats);
      // 序号 stays exactly as it is, even when someone typed something else there.
      cells[ledger.columns.serial] = at.cells[ledger.columns.serial] ?? '';
      return cells;
    },
    dayOf(now),
  );
  if (!wrote) return null;
  approve(p, now, before, at);
  const entries: LogEntry[] = changes.map((ch) => ({
    at: now,
    account: by,
    tab: ledger.district,
    range: `${columnLetter(ledger.columns[ch.key])}${at.row}`,
    creditCode: p.creditCode,
    name: p.name,
    field: FIELD_LABELS[ch.key],
    oldValue: ch.old,
    newValue: ch.now,
    action: ACTION_EDIT,
  }));
  appendLog(c.ss, entries);
  return { ok: true, district: ledger.district, row: at.row, serial };
}

/** The enterprise as stored (any editor may read any district), with its row and 序号; null when no tab has it. */
export function openedEnterprise(row: LedgerRow): OpenedEnterprise {
  const raw = row.record.payload;
  const employees = typeof raw.employees === 'string' && /^\d+$/.test(raw.employees) ? Number(raw.employees) : raw.employees;
  return { ...raw, employees, row: row.row, serial: row.record.serial, version: row.record.updatedAt ? row.record.updatedAt.getTime() : null };
}

export function getEnterprise(creditCode: unknown): OpenedEnterprise | null {
  const ss = activeSpreadsheet();
  try {
    const { settings } = readSettings(ss);
    const found = locateEnterprise(ss, settings, normaliseCreditCode(text(creditCode)));
    return found ? openedEnterprise(found.row) : null;
  } catch (e) {
    // The page's failure handler shows the message; an AppError's own text is already Chinese.
    throw isAppError(e) ? new Error(e.userMessage) : e;
  }
}

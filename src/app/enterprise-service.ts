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
import { fieldsOf } from '../domain/page-data';
import type { EnterprisePayload, FieldErrors, FieldNotes } from '../domain/enterprise';
import { columnLetter, rangeA1 } from '../domain/grid';
import { payloadToRow, rowToPayload } from '../domain/ledger-row';
import { accountKnown, canEditDistrict, isOffice } from '../domain/permissions';
import type { Approved, ApprovedMap } from '../domain/approval';
import { clerkPayloadErrors, clerkUpdateErrors, isRecordableCode, recordOf, sameApproved } from '../domain/approval';
import { loadApproved, saveApproved } from '../sheet/office-store';
import { archiveClosed } from './office-guard';
import { planRules } from '../domain/settings';
import type { Settings } from '../domain/settings';
import type { OpenedEnterprise } from '../domain/sidebar-form';
import { activeSpreadsheet } from '../sheet/ui';
import { fromSidebar } from './error-boundary';
import { afterLedgerChange } from './summary';
import { findEnterprisePlace, locateEnterprise, ownerEmail, readAppendTarget, readLedgerHead, readLedgerRow, readSettings, selectLedgerRow, writeLedgerRow } from '../sheet/ledger';
import type { LedgerRow } from '../sheet/ledger';
import { WRITE_TRIES, editConflict, gaveUpMessage } from '../domain/concurrency';
import type { OpenedVersion } from '../domain/concurrency';
import { describeNewEnterprise } from '../domain/log-text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Contract §7's result; `notes` (warnings that did not stop the save) only when there are any. */
export type SaveResult =
  | { ok: true; district: string; row: number; serial: number | null; notes?: FieldNotes }
  | { ok: false; errors: FieldErrors; notes?: FieldNotes };

const withNotes = <T extends SaveResult>(result: T, notes: FieldNotes): T =>
  Object.keys(notes).length > 0 ? { ...result, notes } : result;

export const ACTION_ADD = '新增企业（侧边栏）';
const ACTION_EDIT = '编辑企业（侧边栏）';

const refuse = (errors: FieldErrors): SaveResult => ({ ok: false, errors });

interface Caller {
  ss: Spreadsheet;
  settings: Settings;
  account: string;
  /** The file's owner (the office, contract §1): looked up once, and only when 配置 alone does not settle a question. */
  owner(): string;
  /** Only the office closes and extends (contract §10); an account Sheets hides counts as a clerk. */
  office(): boolean;
}

function caller(): Caller {
  const ss = activeSpreadsheet();
  const settings = readSettings(ss).settings;
  const account = activeUserEmail();
  let owner: string | undefined;
  const ownerOf = (): string => (owner ??= ownerEmail(ss));
  // 管理员账号 in 配置 settles it without the owner (isOffice asks ownerOf only then).
  const office = (): boolean => isOffice(settings, account, ownerOf);
  return { ss, settings, account, owner: ownerOf, office };
}

/** The schema's check, with a clerk's 已验收销号 or 销号日期 refused on its field first (the office's to set). */
function guarded(c: Caller, input: unknown): ReturnType<typeof validateEnterprise> {
  const checked = validateEnterprise(input, planRules(c.settings, dayOf(new Date())));
  const clerk = clerkPayloadErrors(fieldsOf(input) ?? {});
  const errors = Object.keys(clerk).length === 0 || c.office() ? {} : clerk;
  if (Object.keys(errors).length === 0) return checked;
  return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...errors }, notes: checked.notes };
}

/** The row's approved record, or (a row from before this release) the one its cells stand for. */
function approvedOf(all: ApprovedMap, at: LedgerRow, today: string): Approved {
  return all.get(at.record.payload.creditCode) ?? recordOf(at.record.payload, null, today);
}

/**
 * After a save: the record follows what was kept; a closed row is archived as the office left it. `all`: the
 * records as read under this lock session (every writer of them holds the document lock, so they are current).
 */
function approve(p: EnterprisePayload, now: Date, before: Approved | null, all: ApprovedMap, at?: LedgerRow): void {
  if (!isRecordableCode(p.creditCode)) return;
  const next = recordOf(p, all.get(p.creditCode) ?? before, dayOf(now));
  if (sameApproved(all.get(p.creditCode) ?? null, next)) return;
  all.set(p.creditCode, next);
  saveApproved(all, [p.creditCode]);
  if (at && next.status === CLOSED_STATUS) archiveClosed(activeSpreadsheet(), now, [{ ...at.record, payload: p }]);
}

/** Contract §7: only a known account that is not an editor of the district is refused; an unknown one meets the tab's protection. */
function permissionProblem(c: Caller, district: string): string | null {
  if (!accountKnown(c.account)) return null;
  // A listed editor or an admin needs no owner look-up (canEditDistrict asks c.owner only then).
  if (canEditDistrict(c.settings, c.account, c.owner, district)) return null;
  return `您的账号（${c.account}）不是“${district}”的编辑账号，不能保存该辖区的企业。如需开通，请联系领导小组办公室在“配置”中添加。`;
}

/** A blank row (every cell, 序号 and stamps too): an append never lands on a row someone filled meanwhile. */
const blankRow = (cells: unknown[]): boolean => cells.every((v) => v === '' || v === null || v === undefined);

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
        const target = readAppendTarget(c.ss, c.settings, p.district, p.creditCode);
        if (!target) return refuse({ district: `找不到“${p.district}”工作表` });
        if ('duplicate' in target) return refuse({ creditCode: duplicateMessage(c.ss, target.duplicate) });
        const { ledger, row, serial } = target;
        const now = new Date();
        const by = c.account || UNKNOWN_ACCOUNT;
        // Written only while the row, read right before, is still blank: never over a row someone filled meanwhile.
        const wrote = writeLedgerRow(
          ledger,
          row,
          (cells, formats) => (blankRow(cells) ? { write: payloadToRow(p, { serial, updatedAt: now, updatedBy: by }, ledger.columns, formats), answer: true } : null),
          dayOf(now),
          true,
        );
        if (!wrote) continue;
        // The first 整改完成时限 is given with the enterprise (contract §10): it becomes the approved one.
        approve(p, now, null, loadApproved());
        appendLog(c.ss, [
          {
            at: now,
            account: by,
            tab: ledger.district,
            range: rangeA1({ row, column: 1, rows: 1, columns: COLUMN_COUNT }),
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
interface OpenedKey {
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
    // Settled before the lock: the decision on the row read right before writing makes no service call.
    const office = c.office();
    const result = withDocumentLock((): SaveResult => {
      const approved = loadApproved();
      for (let tries = 0; tries < WRITE_TRIES; tries++) {
        const done = saveOnce(c, office, approved, p, opened);
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

/** What saveOnce decided on the row: the answer, and for a written row what the record and the log need. */
interface Saved {
  readonly result: SaveResult;
  readonly select?: boolean;
  readonly wrote?: { at: LedgerRow; before: Approved; changes: ReturnType<typeof changedFields> };
}

/**
 * One read-decide-write under the lock: the row found by credit code (column E, then its tab's head), then read
 * right before writing and decided on at once: written only while it still holds the credit code. Null when it
 * moved in between (or was sorted away): the caller finds it again.
 */
function saveOnce(c: Caller, office: boolean, approved: ApprovedMap, p: EnterprisePayload, opened: OpenedKey | undefined): SaveResult | null {
  const place = findEnterprisePlace(c.ss, c.settings, p.creditCode);
  if (!place) {
    return refuse({
      _form: `找不到统一社会信用代码为 ${p.creditCode} 的企业，它可能已被删除，或代码已被改动。本次未做任何修改；请关闭侧边栏，重新选中该企业所在行后再点“编辑选中企业”。`,
    });
  }
  if (place.district !== p.district) {
    return refuse({ district: `辖区不能通过编辑修改（该企业登记在“${place.district}”第${place.row}行）` });
  }
  const ledger = readLedgerHead(place.sheet, place.district);
  const now = new Date();
  const by = c.account || UNKNOWN_ACCOUNT;
  const saved = writeLedgerRow<Saved>(
    ledger,
    place.row,
    (cells, formats) => {
      const at: LedgerRow = { row: place.row, cells, record: rowToPayload(cells, ledger.columns) };
      if (at.record.payload.creditCode !== p.creditCode) return null;
      const ok: SaveResult = { ok: true, district: ledger.district, row: at.row, serial: at.record.serial };
      const conflict = editConflict(openedVersion(opened), { ...at.record }, c.account, UNKNOWN_ACCOUNT);
      if (conflict) return { keep: { result: refuse({ _form: conflict }) } };
      const before = approvedOf(approved, at, dayOf(now));
      const errors = office ? {} : clerkUpdateErrors(before, p.deadline);
      if (Object.keys(errors).length > 0) return { keep: { result: refuse(errors) } };
      const changes = changedFields(at, p);
      // Saving an unchanged form twice writes nothing: no stamp, no log line.
      if (changes.length === 0) return { keep: { result: ok, select: true } };
      const write = payloadToRow(p, { serial: at.record.serial ?? 0, updatedAt: now, updatedBy: by }, ledger.columns, formats);
      // 序号 stays exactly as it is, even when someone typed something else there.
      write[ledger.columns.serial] = cells[ledger.columns.serial] ?? '';
      return { write, answer: { result: ok, wrote: { at, before, changes } } };
    },
    dayOf(now),
  );
  if (!saved) return null;
  if (saved.select) selectLedgerRow(ledger, place.row);
  if (!saved.wrote) return saved.result;
  const { at, before, changes } = saved.wrote;
  approve(p, now, before, approved, at);
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
  return saved.result;
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

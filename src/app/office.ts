// Contract §10's use cases: 申请延期 (a clerk), 审批延期申请 and 验收销号 (the office) — dialogs and their server functions.
import { ACCEPTANCE_HEADERS, ACCEPTANCE_TAB, VERDICT, checkAcceptance } from '../domain/acceptance';
import { recordOf } from '../domain/approval';
import { dayOf, formatInstant, startOfDay } from '../domain/calendar-day';
import { CLOSED_STATUS, UNKNOWN_ACCOUNT } from '../domain/contract';
import { normaliseCreditCode } from '../domain/credit-code';
import { AppError } from '../domain/errors';
import type { Errors } from '../domain/extension';
import { EXTENSION_HEADERS, EXTENSION_TAB, REQUEST_STATE, checkDecision, checkRequest, holdsOpenRequest, openRequestOf, openRequests } from '../domain/extension';
import type { OfficeDialogContext } from '../domain/office-dialog';
import { OFFICE_CONTEXT_ID, OFFICE_DIALOG_FILE } from '../domain/office-dialog';
import { captionOf, menuPath } from '../domain/menu';
import { jsonBlock } from '../domain/page-data';
import { accountKnown, canEditDistrict, isOffice } from '../domain/permissions';
import type { RecordTab } from '../domain/record-tab';
import { isRecordTab, missingHeaders, recordRow } from '../domain/record-tab';
import type { Settings } from '../domain/settings';
import { locateEnterprise, openLedger, ownerEmail, readSettings, rowOfCode } from '../sheet/ledger';
import type { Ledger, LedgerRow } from '../sheet/ledger';
import { withDocumentLock } from '../sheet/lock';
import { appendLog } from '../sheet/log';
import type { OpenTab } from '../sheet/office-store';
import { addNotice, appendTextRows, loadApproved, openRecordTab, rewriteRecordRow, saveApproved, writeCells } from '../sheet/office-store';
import { activeUserEmail } from '../sheet/session';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu, fromSidebar } from './error-boundary';
import { archiveClosed } from './office-guard';
import { afterLedgerChange } from './summary';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type OfficeResult = { ok: true; [k: string]: unknown } | { ok: false; errors: Errors };

interface Caller {
  readonly ss: Spreadsheet;
  readonly settings: Settings;
  readonly account: string;
  readonly office: boolean;
  readonly now: Date;
  readonly today: string;
}

function caller(): Caller {
  const ss = activeSpreadsheet();
  const settings = readSettings(ss).settings;
  const account = activeUserEmail();
  const now = new Date();
  return { ss, settings, account, office: isOffice(settings, account, ownerEmail(ss)), now, today: dayOf(now) };
}

const who = (c: Caller): string => c.account || UNKNOWN_ACCOUNT;
const fail = (message: string): never => {
  throw new AppError('INVALID', message);
};

/** Refused before anything is read further: only the office decides (an account Sheets hides is not the office). */
function requireOffice(c: Caller, what: string): void {
  if (!c.office) throw new AppError('NOT_PERMITTED', `${what}只能由领导小组办公室办理（${accountKnown(c.account) ? `您的账号 ${c.account} 不是办公室账号` : '无法识别您的账号'}），未做任何修改。`);
}

/** 初始化/修复表格 makes the record tabs; a missing or damaged one is refused before anything is written. */
function tabOf<H extends string>(open: OpenTab<H>, name: string): { sheet: GoogleAppsScript.Spreadsheet.Sheet; tab: RecordTab<H> } {
  if (!open.sheet || !open.tab) return fail(`找不到“${name}”工作表，请领导小组办公室先运行“${menuPath('menuSetup')}”。`);
  if (!isRecordTab(open.tab)) return fail(missingHeaders(name, open.tab.missing));
  return { sheet: open.sheet, tab: open.tab };
}

/** The credit code a call names; a call that names none (not the dialogs, which always do) is told so. */
const named = (code: string): string =>
  code !== '' ? code : fail('未指明企业（缺少统一社会信用代码），未做任何修改。请在辖区工作表中选中企业所在行，再从菜单重新打开。');

function enterprise(c: Caller, code: string): { ledger: Ledger; row: LedgerRow } {
  return locateEnterprise(c.ss, c.settings, named(code)) ?? fail(`找不到统一社会信用代码为 ${code} 的企业，未做任何修改。`);
}

/** The enterprise on the selected row of the active district tab, or (from the sidebar's link) the one with `code`. */
function selected(c: Caller, caption: string, code?: unknown): OfficeDialogContext & { kind: 'request' } {
  let found: { ledger: Ledger; row: LedgerRow } | undefined;
  if (typeof code === 'string') found = enterprise(c, normaliseCreditCode(code));
  else {
    const name = c.ss.getActiveSheet().getName();
    const districts = c.settings.districts.map((d) => d.district);
    const where = `请先在辖区工作表中选中企业所在行，再点“${caption}”。`;
    if (!districts.includes(name)) fail(where);
    const at = c.ss.getActiveRange()?.getRow() ?? 0;
    const ledger = openLedger(c.ss, name);
    const row = ledger.rows.find((r) => r.row === at && r.record.payload.creditCode !== '') ?? fail(where);
    found = { ledger, row };
  }
  const p = found.row.record.payload;
  return { kind: 'request', enterprise: { creditCode: p.creditCode, name: p.name, district: found.ledger.district, deadline: p.deadline, status: p.status }, acceptBy: c.settings.acceptBy, today: c.today };
}

/** Each dialog is titled as the menu item that opens it (the menu table says the caption once). */
const DIALOG_TITLE: Record<OfficeDialogContext['kind'], string> = {
  request: captionOf('menuRequestExtension'),
  decide: captionOf('menuDecideExtensions'),
  accept: captionOf('menuRecordAcceptance'),
};

function show(context: OfficeDialogContext): void {
  screen().dialogFromFile(OFFICE_DIALOG_FILE, DIALOG_TITLE[context.kind], jsonBlock(OFFICE_CONTEXT_ID, context), 520, 560);
}

/** From the menu (the selected row) or the sidebar's 申请延期 link (`code`, the enterprise the form shows). */
export function menuRequestExtension(code?: unknown): void {
  fromMenu(() => show(selected(caller(), DIALOG_TITLE.request, code)));
}

export function menuDecideExtensions(): void {
  fromMenu(() => {
    const c = caller();
    requireOffice(c, DIALOG_TITLE.decide);
    const { tab } = tabOf(openRecordTab(c.ss, EXTENSION_TAB, EXTENSION_HEADERS), EXTENSION_TAB);
    show({ kind: 'decide', requests: openRequests(tab).map((r) => r.cells) });
  });
}

export function menuRecordAcceptance(): void {
  fromMenu(() => {
    const c = caller();
    requireOffice(c, DIALOG_TITLE.accept);
    show({ ...selected(c, DIALOG_TITLE.accept), kind: 'accept' });
  });
}

/** One 操作日志 line about an enterprise. */
function logLine(c: Caller, ledger: Ledger, row: LedgerRow, field: string, oldValue: string, newValue: string, action: string): void {
  const p = row.record.payload;
  appendLog(c.ss, [{ at: c.now, account: who(c), tab: ledger.district, range: `${row.row}`, creditCode: p.creditCode, name: p.name, field, oldValue, newValue, action }]);
}

/**
 * Cells of the enterprise's row and its stamps (W–X), written by an office decision, on the row that holds its credit
 * code right before writing (users move rows while a script runs); refused, nothing written, when none does.
 */
function writeRow(c: Caller, ledger: Ledger, row: LedgerRow, cells: [number, unknown][]): void {
  const code = row.record.payload.creditCode;
  const at = rowOfCode(ledger, row.row, code) ?? fail(`统一社会信用代码为 ${code} 的企业所在行刚被删除或改动，未做任何修改，请重新选中该企业后再试。`);
  writeCells(ledger.sheet, at, new Map([...cells, [ledger.columns.updatedAt, c.now], [ledger.columns.updatedBy, who(c)]]));
}

/** Server calls: a refusal (AppError) becomes `_form`; nothing is written before every check passed. */
function serve(work: (c: Caller) => OfficeResult, office?: string): OfficeResult {
  return fromSidebar((): OfficeResult => {
    const c = caller();
    if (office) requireOffice(c, office);
    const result = withDocumentLock(() => work(c));
    if (result.ok) afterLedgerChange(c.ss);
    return result;
  });
}

export function requestExtension(input: unknown): OfficeResult {
  return serve((c) => {
    const { ledger, row } = enterprise(c, normaliseCreditCode(String((input as { creditCode?: unknown })?.creditCode ?? '')));
    const p = row.record.payload;
    if (accountKnown(c.account) && !canEditDistrict(c.settings, c.account, ownerEmail(c.ss), ledger.district)) {
      fail(`您的账号（${c.account}）不是“${ledger.district}”的编辑账号，不能为该辖区的企业申请延期。`);
    }
    const made = tabOf(openRecordTab(c.ss, EXTENSION_TAB, EXTENSION_HEADERS), EXTENSION_TAB);
    const deadline = loadApproved().get(p.creditCode)?.deadline || p.deadline;
    const checked = checkRequest(input, { deadline, status: p.status, hasOpenRequest: openRequestOf(made.tab, p.creditCode) !== undefined }, c.settings.acceptBy);
    if (!checked.ok) return checked;
    const v = checked.value;
    appendTextRows(made.sheet, [
      recordRow(made.tab, {
        提交时间: formatInstant(c.now),
        辖区: ledger.district,
        统一社会信用代码: p.creditCode,
        企业名称: p.name,
        原整改完成时限: deadline,
        申请延期至: v.newDeadline,
        理由: v.reason,
        申请人: who(c),
        审批状态: REQUEST_STATE.open,
      }),
    ]);
    logLine(c, ledger, row, '整改完成时限', deadline, v.newDeadline, `申请延期（待审批）：${v.reason}`);
    return { ok: true, district: ledger.district, newDeadline: v.newDeadline };
  });
}

export function decideExtension(input: unknown): OfficeResult {
  return serve((c) => {
    const checked = checkDecision(input);
    if (!checked.ok) return checked;
    const v = checked.value;
    const { sheet, tab } = tabOf(openRecordTab(c.ss, EXTENSION_TAB, EXTENSION_HEADERS), EXTENSION_TAB);
    const request = openRequestOf(tab, named(v.creditCode)) ?? fail(`统一社会信用代码为 ${v.creditCode} 的企业没有待审批的延期申请（可能已被他人审批）。`);
    const { ledger, row } = enterprise(c, v.creditCode);
    const p = row.record.payload;
    const to = v.approve ? request.cells['申请延期至'] : p.deadline;
    if (v.approve) {
      if (p.status === CLOSED_STATUS) fail('该企业已验收销号，不能再调整整改完成时限；可驳回此申请。');
      const all = loadApproved();
      all.set(v.creditCode, { ...recordOf(p, all.get(v.creditCode) ?? null, c.today), deadline: to });
      writeRow(c, ledger, row, [[ledger.columns.deadline, startOfDay(to)]]);
      saveApproved(all, [v.creditCode]);
    }
    const state = v.approve ? REQUEST_STATE.approved : REQUEST_STATE.rejected;
    const decided = recordRow(tab, { ...request.cells, 审批状态: state, 审批人: who(c), 审批时间: formatInstant(c.now), 审批意见: v.opinion });
    // the request's row gone meanwhile (deleted by hand): the decision is still kept, as a new line
    if (rewriteRecordRow(sheet, request.row, decided, holdsOpenRequest(tab, request)) === null) appendTextRows(sheet, [decided]);
    logLine(c, ledger, row, '整改完成时限', p.deadline, to, `延期申请${state}${v.opinion ? `：${v.opinion}` : ''}`);
    return { ok: true, approved: v.approve, deadline: to };
  }, DIALOG_TITLE.decide);
}

export function recordAcceptance(input: unknown): OfficeResult {
  return serve((c) => {
    const checked = checkAcceptance(input, c.today);
    if (!checked.ok) return checked;
    const v = checked.value;
    const { ledger, row } = enterprise(c, v.creditCode);
    const p = row.record.payload;
    if (p.status === CLOSED_STATUS) fail(`该企业已于${p.closedOn || '此前'}验收销号，无需再次记录。`);
    const made = tabOf(openRecordTab(c.ss, ACCEPTANCE_TAB, ACCEPTANCE_HEADERS), ACCEPTANCE_TAB);
    const status = v.passed ? CLOSED_STATUS : '整改中';
    const closedOn = v.passed ? v.date : '';
    writeRow(c, ledger, row, [[ledger.columns.status, status], [ledger.columns.closedOn, closedOn && startOfDay(closedOn)]]);
    const after = { ...p, status, closedOn };
    const all = loadApproved();
    all.set(p.creditCode, recordOf(after, all.get(p.creditCode) ?? null, c.today));
    saveApproved(all, [p.creditCode]);
    const verdict = v.passed ? VERDICT.passed : VERDICT.failed;
    appendTextRows(made.sheet, [
      recordRow(made.tab, {
        验收日期: v.date,
        辖区: ledger.district,
        统一社会信用代码: p.creditCode,
        企业名称: p.name,
        结论: verdict,
        参加部门: v.departments,
        验收意见: v.opinion,
        记录人: who(c),
        记录时间: formatInstant(c.now),
      }),
    ]);
    if (v.passed) archiveClosed(c.ss, c.now, [{ ...row.record, payload: after }]);
    else addNotice(ledger.district, { name: p.name, date: v.date, opinion: v.opinion });
    logLine(c, ledger, row, '整改状态', p.status, status, `验收销号：${verdict}（${v.departments}）${v.opinion ? `：${v.opinion}` : ''}`);
    return { ok: true, status, closedOn };
  }, DIALOG_TITLE.accept);
}

// What only the office decides (contract §10): each enterprise's approved record, its compact store, and which changes a clerk may keep.
import type { Day } from './calendar-day';
import { addDays, daysBetween, parseDay } from './calendar-day';
import { CLOSED_STATUS, INITIAL_STATUS, STATUSES } from './contract';
import { menuPath } from './menu';
import type { Status } from './contract';

/**
 * The last values the office approved (or, for status, the script last accepted), kept in document properties:
 * a clerk can neither type there nor reach them except through our own code, and the installable edit trigger
 * (running as the office) compares every changed row with them.
 */
export interface Approved {
  /** The approved 整改完成时限; '' while none was given (the first one is the clerk's, when the enterprise is added). */
  readonly deadline: Day | '';
  /** The first 整改完成时限, kept when an extension (or the office) moved it: 已延期 means deadline > original. */
  readonly original: Day | '';
  /** The status the script last accepted ('' unknown): what a paste over 整改状态 is undone to. */
  readonly status: Status | '';
  /** 销号日期 when closed; the day it reached 已完成（待验收） otherwise ('' unknown). */
  readonly since: Day | '';
}

export const APPROVED_PREFIX = 'approved:';
/**
 * Records are grouped by a hash of the credit code into this many properties: one value stays far below the
 * 9 KB limit (10,000 enterprises ≈ 80 records ≈ 2 KB per bucket) and the whole store about 250 KB of the 500 KB.
 */
export const APPROVED_BUCKETS = 128;
const EPOCH: Day = '2000-01-01';

/** Records are kept for well-formed codes only: a row with a broken code is 待修正 and no enterprise yet. */
export const isRecordableCode = (code: string): boolean => /^[0-9A-Z]{18}$/.test(code);

function bucketOf(code: string): number {
  let h = 0;
  for (let i = 0; i < code.length; i += 1) h = (h * 31 + code.charCodeAt(i)) >>> 0;
  return h % APPROVED_BUCKETS;
}

const dayCode = (day: Day | ''): string => (day === '' ? '' : daysBetween(EPOCH, day).toString(36).padStart(3, '0'));
const codeDay = (text: string): Day | '' => (text === '' ? '' : addDays(EPOCH, parseInt(text, 36)));
const statusCode = (s: Status | ''): string => (s === '' ? '-' : String(STATUSES.indexOf(s)));

/** One record: code (18) + deadline (3 or '---') + status (1) + since (3, optional) + '+' original (3, when extended). */
export function encodeRecord(code: string, a: Approved): string {
  const extended = a.original !== '' && a.original !== a.deadline ? `+${dayCode(a.original)}` : '';
  return `${code}${a.deadline === '' ? '---' : dayCode(a.deadline)}${statusCode(a.status)}${dayCode(a.since)}${extended}`;
}

export function decodeRecord(text: string): [string, Approved] | null {
  const m = /^([0-9A-Z]{18})([0-9a-z]{3}|---)([0-3-])([0-9a-z]{3})?(?:\+([0-9a-z]{3}))?$/.exec(text);
  if (!m) return null;
  const deadline = m[2] === '---' ? '' : codeDay(m[2]!);
  const status = m[3] === '-' ? '' : STATUSES[Number(m[3])]!;
  return [m[1]!, { deadline, original: m[5] ? codeDay(m[5]) : deadline, status, since: codeDay(m[4] ?? '') }];
}

export type ApprovedMap = Map<string, Approved>;

/** Every record from the document properties (one getProperties); unreadable entries are skipped. */
export function readApproved(props: Readonly<Record<string, string>>): ApprovedMap {
  const out: ApprovedMap = new Map();
  for (const [key, value] of Object.entries(props)) {
    if (!key.startsWith(APPROVED_PREFIX) || !value) continue;
    for (const part of value.split(',')) {
      const r = decodeRecord(part);
      if (r) out.set(r[0], r[1]);
    }
  }
  return out;
}

/** The properties to write after `codes` changed in `all`: their whole buckets, re-encoded (one setProperties). */
export function approvedWrites(all: ApprovedMap, codes: Iterable<string>): Record<string, string> {
  const buckets = new Set<number>();
  for (const c of codes) buckets.add(bucketOf(c));
  const out: Record<string, string> = {};
  for (const b of buckets) out[`${APPROVED_PREFIX}${b}`] = '';
  for (const [code, a] of all) {
    const key = `${APPROVED_PREFIX}${bucketOf(code)}`;
    if (key in out) out[key] = out[key] ? `${out[key]},${encodeRecord(code, a)}` : encodeRecord(code, a);
  }
  return out;
}

/** The three cells only the office may set, as a row shows them (the raw payload's text). */
export interface GuardedCells {
  readonly creditCode: string;
  readonly deadline: string;
  readonly status: string;
  readonly closedOn: string;
}

type GuardedKey = 'deadline' | 'status' | 'closedOn';

const asStatus = (s: string): Status | '' => ((STATUSES as readonly string[]).includes(s.trim()) ? (s.trim() as Status) : '');

/** The record a row stands for when it is accepted as it is (a new enterprise, or an office change). */
export function recordOf(cells: GuardedCells, before: Approved | null, today: Day): Approved {
  const deadline = parseDay(cells.deadline) ?? '';
  const status = asStatus(cells.status);
  const since =
    status === CLOSED_STATUS
      ? (parseDay(cells.closedOn) ?? '')
      : status === '已完成（待验收）'
        ? before?.status === status && before.since
          ? before.since
          : today
        : '';
  const original = before && before.original !== '' ? before.original : deadline;
  return { deadline, original, status, since };
}

const ASK = {
  extension: menuPath('menuRequestExtension'),
  acceptance: menuPath('menuRecordAcceptance'),
} as const;

/** Why a clerk may not keep a change, per field (also the sidebar's error texts, contract §10). */
export const REFUSAL: Record<GuardedKey | 'closedRow', (a: Approved | null) => string> = {
  deadline: (a) =>
    `已登记企业的整改完成时限只能由领导小组办公室调整${a?.deadline ? `（现批准的时限为${a.deadline}）` : ''}。如需延期，请选中该企业所在行，点“${ASK.extension}”提出申请。`,
  status: () =>
    `“${CLOSED_STATUS}”只能由领导小组办公室在联合验收后通过“${ASK.acceptance}”记录。整改完成后请将整改状态改为“已完成（待验收）”，等待验收。`,
  closedOn: () => `销号日期由领导小组办公室在验收销号时填写，辖区不能填写或修改。`,
  closedRow: (a) => `该企业已于${a?.since || '此前'}验收销号，辖区不能再修改其记录。如确需更正，请联系领导小组办公室。`,
};

interface Verdict {
  /** Fields the clerk may not keep, each with the value to put back (the raw text) and why. */
  readonly undo: { key: GuardedKey; restore: string; message: string }[];
  /** The row is already 已验收销号: every changed cell goes back. */
  readonly closedRow: boolean;
  /** The record after what is kept (equal to `before` when nothing changes). */
  readonly next: Approved;
}

/**
 * A clerk's change of a row against its record (contract §10). `oldValue` is what the event gives for a single
 * cell (a paste has none); without a record the row is a new enterprise and keeps its first 整改完成时限.
 */
export function judgeClerkChange(before: Approved | null, after: GuardedCells, today: Day): Verdict {
  if (before && before.status === CLOSED_STATUS) return { undo: [], closedRow: true, next: before };
  const undo: Verdict['undo'] = [];
  const deadline = parseDay(after.deadline) ?? after.deadline.trim();
  if (before && before.deadline !== '' && deadline !== before.deadline) {
    undo.push({ key: 'deadline', restore: before.deadline, message: REFUSAL.deadline(before) });
  }
  const status = after.status.trim();
  const previous = before?.status || INITIAL_STATUS;
  if (status === CLOSED_STATUS) undo.push({ key: 'status', restore: previous, message: REFUSAL.status(before) });
  if (after.closedOn.trim() !== '') undo.push({ key: 'closedOn', restore: '', message: REFUSAL.closedOn(before) });
  const kept: GuardedCells = {
    ...after,
    deadline: undo.some((u) => u.key === 'deadline') ? (before?.deadline ?? '') : after.deadline,
    status: undo.some((u) => u.key === 'status') ? previous : after.status,
    closedOn: '',
  };
  return { undo, closedRow: false, next: recordOf(kept, before, today) };
}

export const sameApproved = (a: Approved | null, b: Approved): boolean => a !== null && encodeRecord('', a) === encodeRecord('', b);

/** 已延期 (contract §10): the approved deadline is later than the first one. */
export const isExtended = (a: Approved | undefined): boolean => a !== undefined && a.original !== '' && a.deadline > a.original;

type FieldErrors = Partial<Record<GuardedKey, string>>;

/** What a clerk may never send from the sidebar, whatever the row (contract §10). */
export function clerkPayloadErrors(p: { status?: unknown; closedOn?: unknown }): FieldErrors {
  const errors: FieldErrors = {};
  if (String(p.status ?? '').trim() === CLOSED_STATUS) errors.status = REFUSAL.status(null);
  if (String(p.closedOn ?? '').trim() !== '') errors.closedOn = REFUSAL.closedOn(null);
  return errors;
}

/** A clerk's sidebar save of an existing enterprise: a closed row is refused, and so is a moved 整改完成时限. */
export function clerkUpdateErrors(before: Approved, deadline: string): FieldErrors {
  if (before.status === CLOSED_STATUS) return { status: REFUSAL.closedRow(before) };
  if (before.deadline !== '' && deadline !== before.deadline) return { deadline: REFUSAL.deadline(before) };
  return {};
}

// The reminder send log: one entry per district and Shanghai day, and what a run may do given that entry.
import type { Day } from './calendar-day';
import { addDays, parseDay } from './calendar-day';

/**
 * `sending` is written (under the document lock) before MailApp is called and `sent` after it returns.
 * An entry left at `sending` means a run claimed the district and then died, or is still sending: the mail may
 * have gone out, so it is never sent again that day (a missed reminder beats a duplicate; the next day's run
 * reminds again). `queued` (quota) and `failed` (sendEmail threw) are retried by the next run, the same day or later.
 */
type SendState = 'sending' | 'sent' | 'queued' | 'failed';

export interface SendLogEntry {
  readonly state: SendState;
  /** ISO instant of the last change. */
  readonly at: string;
  /** Failed attempts so far today. */
  readonly attempts: number;
  readonly error?: string;
}

export const SEND_LOG_PREFIX = 'eco.reminder.';
/** Entries older than this many days are pruned; only today's matter for sending. */
const SEND_LOG_KEEP_DAYS = 7;
/** After this many failures in one day a district is left alone until tomorrow, so a bad address cannot loop. */
export const MAX_ATTEMPTS_PER_DAY = 5;

/** The send log's slot for a district's 立即催办 (separate from its daily reminder) and for the office's digest. */
export const urgeSlot = (district: string): string => `催办·${district}`;
export const DIGEST_SLOT = '日报·领导小组办公室';

export function sendLogKey(day: Day, district: string): string {
  return `${SEND_LOG_PREFIX}${day}.${district}`;
}

export function keyDay(key: string): Day | null {
  if (!key.startsWith(SEND_LOG_PREFIX)) return null;
  return parseDay(key.slice(SEND_LOG_PREFIX.length, SEND_LOG_PREFIX.length + 10));
}

const STATES: readonly string[] = ['sending', 'sent', 'queued', 'failed'];

/** A stored value as an entry; an unreadable value is treated as `sending` so it can never cause a second email. */
export function parseSendLog(value: string | null | undefined): SendLogEntry | null {
  if (value === null || value === undefined || value === '') return null;
  try {
    const v = JSON.parse(value) as Partial<SendLogEntry>;
    if (typeof v.state === 'string' && STATES.includes(v.state)) {
      return { state: v.state, at: String(v.at ?? ''), attempts: Number(v.attempts ?? 0) || 0, ...(v.error ? { error: String(v.error) } : {}) };
    }
  } catch {
    // fall through
  }
  return { state: 'sending', at: '', attempts: 0 };
}

export function serialiseSendLog(entry: SendLogEntry): string {
  return JSON.stringify(entry);
}

export type SendDecision = 'send' | 'alreadySent' | 'inFlight' | 'gaveUp';

export function sendDecision(entry: SendLogEntry | null): SendDecision {
  if (entry === null || entry.state === 'queued') return 'send';
  if (entry.state === 'sent') return 'alreadySent';
  if (entry.state === 'sending') return 'inFlight';
  return entry.attempts >= MAX_ATTEMPTS_PER_DAY ? 'gaveUp' : 'send';
}

/** Keys of entries from before the keep window (and unreadable reminder keys), to delete. */
export function prunableKeys(keys: readonly string[], today: Day): string[] {
  const oldest = addDays(today, -SEND_LOG_KEEP_DAYS);
  return keys.filter((k) => {
    if (!k.startsWith(SEND_LOG_PREFIX)) return false;
    const day = keyDay(k);
    return day === null || day < oldest;
  });
}

/**
 * Which of the emails (most urgent first) fit a recipient quota. Strict priority: once one does not fit, it and
 * every less urgent one wait for the next run, so a small late email never takes the quota of an urgent one.
 */
export function fitQuota(recipientCounts: readonly number[], quota: number): { fits: boolean[]; left: number } {
  let left = Math.max(0, Math.floor(quota));
  let blocked = false;
  const fits = recipientCounts.map((n) => {
    if (blocked || n > left) {
      blocked = true;
      return false;
    }
    left -= n;
    return true;
  });
  return { fits, left };
}

// The reminder send log kept in the document's properties (shared by every account's trigger on this spreadsheet).
import { documentProperties, readDocumentProperties } from './props';
import type { Day } from '../domain/calendar-day';
import type { SendLogEntry } from '../domain/send-log';
import { SEND_LOG_PREFIX, parseSendLog, prunableKeys, sendLogKey, serialiseSendLog } from '../domain/send-log';

const store = documentProperties;

/** Today's entries by district, with one read of the store (or from the execution's snapshot). */
export function readSendLog(today: Day, all: Readonly<Record<string, string>> = readDocumentProperties()): Map<string, SendLogEntry> {
  const prefix = `${SEND_LOG_PREFIX}${today}.`;
  const out = new Map<string, SendLogEntry>();
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(prefix)) continue;
    const entry = parseSendLog(value);
    if (entry) out.set(key.slice(prefix.length), entry);
  }
  return out;
}

/** One district's entry, read fresh: called under the document lock right before claiming it. */
export function readSendLogEntry(today: Day, district: string): SendLogEntry | null {
  return parseSendLog(store().getProperty(sendLogKey(today, district)));
}

/** Several slots' entries with one setProperties (nothing when there are none). */
export function writeSendLogEntries(today: Day, entries: ReadonlyMap<string, SendLogEntry>): void {
  if (entries.size === 0) return;
  const out: Record<string, string> = {};
  for (const [slot, entry] of entries) out[sendLogKey(today, slot)] = serialiseSendLog(entry);
  store().setProperties(out);
}

/** Deletes entries older than the keep window, among `keys` (the execution's snapshot) or the store's; returns how many. */
export function pruneSendLog(today: Day, keys?: readonly string[]): number {
  const props = store();
  const old = prunableKeys(keys ?? props.getKeys(), today);
  for (const key of old) props.deleteProperty(key);
  return old.length;
}

// The reminder send log kept in the document's properties (shared by every account's trigger on this spreadsheet).
import type { Day } from '../domain/calendar-day';
import type { SendLogEntry } from '../domain/send-log';
import { SEND_LOG_PREFIX, parseSendLog, prunableKeys, sendLogKey, serialiseSendLog } from '../domain/send-log';

const store = (): GoogleAppsScript.Properties.Properties => PropertiesService.getDocumentProperties();

/** Today's entries by district, with one read of the store. */
export function readSendLog(today: Day): Map<string, SendLogEntry> {
  const all = store().getProperties();
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

export function writeSendLogEntry(today: Day, district: string, entry: SendLogEntry): void {
  store().setProperty(sendLogKey(today, district), serialiseSendLog(entry));
}

/** Deletes entries older than the keep window; returns how many. */
export function pruneSendLog(today: Day): number {
  const props = store();
  const old = prunableKeys(props.getKeys(), today);
  for (const key of old) props.deleteProperty(key);
  return old.length;
}

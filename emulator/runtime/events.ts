// Trigger event objects as Apps Script builds them (host side; the runtime converts them into the script's realm).
import { isDate } from '../kernel/realm';
import { zonedParts } from '../kernel/time';
import { dateToSerial } from '../sheets/serial';

/** Time-driven events report their fields in UTC, with `timezone: 'UTC'`, whatever the trigger's zone. */
export function clockEvent(now: Date, triggerUid: string): Record<string, unknown> {
  const p = zonedParts(now, 'UTC');
  return {
    authMode: 'FULL',
    'day-of-month': p.day,
    'day-of-week': p.weekday,
    hour: p.hour,
    minute: p.minute,
    month: p.month,
    second: p.second,
    timezone: 'UTC',
    triggerUid,
    'week-of-year': isoWeek(now),
    year: p.year,
  };
}

function isoWeek(now: Date): number {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
}

/**
 * `e.oldValue` as a string, undefined for a blank cell. A date cell gives its serial number in the spreadsheet's
 * zone (an inference: the docs only say "cell value prior to the edit").
 */
export function eventOldValue(old: unknown, zone: string): string | undefined {
  if (old === '' || old === null || old === undefined) return undefined;
  if (typeof old === 'boolean') return old ? 'TRUE' : 'FALSE';
  if (isDate(old)) return String(dateToSerial(old, zone));
  return String(old);
}

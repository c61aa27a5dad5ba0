// Utilities: formatDate with Java SimpleDateFormat patterns in a named zone (via Intl, whatever the host zone), sleep, getUuid.
import { randomUUID } from 'node:crypto';
import { NotImplemented, ServiceError, signatureMismatch } from '../kernel/errors';
import { isDate } from '../kernel/realm';
import { zonedParts, type ZonedParts } from '../kernel/time';

export const MAX_SLEEP_MS = 300000;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offset(minutes: number, colon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const h = pad(Math.floor(abs / 60), 2), m = pad(abs % 60, 2);
  if (hoursOnly) return `${sign}${h}`;
  return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function field(letter: string, n: number, p: ZonedParts): string {
  switch (letter) {
    case 'y': return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M': return n >= 4 ? MONTHS[p.month - 1]! : n === 3 ? MONTHS[p.month - 1]!.slice(0, 3) : pad(p.month, n);
    case 'd': return pad(p.day, n);
    case 'H': return pad(p.hour, n);
    case 'k': return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K': return pad(p.hour % 12, n);
    case 'h': return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
    case 'm': return pad(p.minute, n);
    case 's': return pad(p.second, n);
    case 'S': return pad(p.millisecond, n);
    case 'E': return n >= 4 ? WEEKDAYS_LONG[p.weekday - 1]! : WEEKDAYS[p.weekday - 1]!;
    case 'u': return pad(p.weekday, n);
    case 'a': return p.hour < 12 ? 'AM' : 'PM';
    case 'Z': return offset(p.offsetMinutes, false);
    case 'X': return p.offsetMinutes === 0 ? 'Z' : offset(p.offsetMinutes, n >= 3, n === 1);
    default: throw new NotImplemented(`Utilities.formatDate pattern letter ${letter}`);
  }
}

export function formatDate(date: Date, zone: string, pattern: string): string {
  const p = zonedParts(date, zone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i]!;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new ServiceError(`Unterminated quote in date pattern: ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += field(c, j - i, p);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export class Utilities {
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureMismatch('Utilities.formatDate', [date, timeZone, format]);
    }
    return formatDate(date, timeZone, format);
  }
  // The emulator clock stands still while a script sleeps.
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number') throw signatureMismatch('Utilities.sleep', [milliseconds]);
    if (milliseconds > MAX_SLEEP_MS) throw new ServiceError(`Sleep time must be at most ${MAX_SLEEP_MS} milliseconds.`);
  }
  getUuid(): string {
    return randomUUID();
  }
}

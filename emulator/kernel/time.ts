// Kernel: the wall clock of a named zone (Java zone ids as Apps Script takes them), whatever the host's zone.

export interface ZonedParts {
  year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  offsetMinutes: number;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A Java time zone id as Apps Script takes it: IANA ids, GMT, GMT+8, GMT+08:00. Unknown ids are GMT, as in Java. */
function fixedOffset(zone: string): number | undefined {
  if (zone === 'GMT' || zone === 'UTC') return 0;
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  return formatterFor(zone) ? undefined : 0;
}

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  let f = formatters.get(zone);
  if (f) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
    });
  } catch {
    return undefined;
  }
  formatters.set(zone, f);
  return f;
}

export function zonedParts(date: Date, zone: string): ZonedParts {
  const t = date.getTime();
  const fixed = fixedOffset(zone);
  if (fixed !== undefined) {
    const d = new Date(t + fixed * 60000);
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
      minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds(),
      weekday: ((d.getUTCDay() + 6) % 7) + 1, offsetMinutes: fixed,
    };
  }
  const parts = Object.fromEntries((formatterFor(zone) as Intl.DateTimeFormat).formatToParts(date).map((p) => [p.type, p.value]));
  const year = Number(parts.year), month = Number(parts.month), day = Number(parts.day);
  const hour = Number(parts.hour), minute = Number(parts.minute), second = Number(parts.second);
  const millisecond = ((t % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year, month, day, hour, minute, second, millisecond,
    weekday: WEEKDAYS.indexOf(String(parts.weekday)) + 1,
    offsetMinutes: Math.round((asUtc - t) / 60000),
  };
}

/** 'YYYY-MM-DD' of the instant in the zone. */
export function calendarDay(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}


// Spreadsheet zones are IANA ids; date cells are counted on this wall clock (see sheets/serial).
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(zone: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    wallFormatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a zone, as if that wall clock were UTC (milliseconds). */
export function wallMs(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of wallFormatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const year = parts['year']!;
  const wall = Date.UTC(year, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  // Date.UTC maps years 0–99 to 1900–1999
  const fixed = year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
  return fixed + (((instant % 1000) + 1000) % 1000);
}

/** The instant whose wall clock in `zone` reads `wall` (the earlier one in a DST overlap). */
export function instantOfWall(wall: number, zone: string): number {
  let t = wall - (wallMs(wall, zone) - wall);
  t = wall - (wallMs(t, zone) - t);
  return t;
}

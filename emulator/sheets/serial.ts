// Date cells as Sheets keeps them: serial days since 1899-12-30, counted on the wall clock of the spreadsheet's zone.

const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time of an instant in a zone, as if that wall clock were UTC (milliseconds). */
export function wallMs(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
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

export function dateToSerial(date: Date, zone: string): number {
  return (wallMs(date.getTime(), zone) - EPOCH) / DAY_MS;
}

export function serialToDate(serial: number, zone: string): Date {
  return new Date(instantOfWall(Math.round(EPOCH + serial * DAY_MS), zone));
}

/** The serial of a wall-clock date-time given by its fields. */
export function serialOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  d.setUTCFullYear(year);
  return (d.getTime() - EPOCH) / DAY_MS;
}

/** The wall-clock fields of a serial. */
export function serialFields(serial: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const d = new Date(Math.round((EPOCH + serial * DAY_MS) / 1000) * 1000);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
  };
}

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

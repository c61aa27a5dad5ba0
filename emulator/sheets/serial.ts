// Date cells as Sheets keeps them: serial days since 1899-12-30, counted on the wall clock of the spreadsheet's zone.
import { instantOfWall, wallMs } from '../kernel/time';

const EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

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

// ScriptApp: installable triggers (time-driven and spreadsheet) kept per creator, and the trigger enums.
import { ServiceError, signatureMismatch } from '../kernel/errors';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = {
  CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const;
export const TriggerSource = {
  SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR',
} as const;

export type TriggerType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerRecord {
  uid: string;
  handler: string;
  type: TriggerType;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  /** The account that installed it; the trigger runs as this account. */
  creator: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  timezone?: string;
}

/** "Triggers per user per script: 20" (quotas page). */
export const TRIGGERS_PER_USER = 20;
const TOO_MANY = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** Installed triggers of the project, all users (host side: `emu.triggers`). */
export class TriggerTable {
  readonly #records: TriggerRecord[] = [];
  #next = 1000000001;

  get all(): TriggerRecord[] {
    return this.#records.map((r) => ({ ...r }));
  }
  ofCreator(email: string): TriggerRecord[] {
    return this.#records.filter((r) => r.creator === email);
  }
  install(record: Omit<TriggerRecord, 'uid'>): TriggerRecord {
    if (this.ofCreator(record.creator).length >= TRIGGERS_PER_USER) throw new ServiceError(TOO_MANY);
    const full = { ...record, uid: String(this.#next++) };
    this.#records.push(full);
    return full;
  }
  remove(uid: string): void {
    const i = this.#records.findIndex((r) => r.uid === uid);
    if (i >= 0) this.#records.splice(i, 1);
  }
  /** Host side (the preview's saved state): replaces the table, keeping uids, so new uids never collide. */
  restore(records: readonly TriggerRecord[]): void {
    this.#records.splice(0, this.#records.length, ...records.map((r) => ({ ...r })));
    const highest = Math.max(0, ...records.map((r) => Number(r.uid)).filter(Number.isFinite));
    this.#next = Math.max(this.#next, highest + 1);
  }
}

export interface ScriptAppHost {
  readonly table: TriggerTable;
  /** Whose triggers this execution sees and creates. */
  readonly user: string;
  readonly scriptTimeZone: string;
}

class Trigger {
  readonly #r: TriggerRecord;
  constructor(record: TriggerRecord) {
    this.#r = record;
  }
  getHandlerFunction(): string {
    return this.#r.handler;
  }
  getEventType(): string {
    return this.#r.type;
  }
  getTriggerSource(): string {
    return this.#r.source;
  }
  getTriggerSourceId(): string | null {
    return this.#r.sourceId;
  }
  getUniqueId(): string {
    return this.#r.uid;
  }
  _uid(): string {
    return this.#r.uid;
  }
}

class ClockTriggerBuilder {
  readonly #host: ScriptAppHost;
  readonly #r: Omit<TriggerRecord, 'uid'>;
  constructor(host: ScriptAppHost, handler: string) {
    this.#host = host;
    this.#r = { handler, type: 'CLOCK', source: 'CLOCK', sourceId: null, creator: host.user, timezone: host.scriptTimeZone };
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    if (![1, 5, 10, 15, 30].includes(n)) throw new ServiceError('The value passed to everyMinutes() must be 1, 5, 10, 15 or 30.');
    this.#r.everyMinutes = n;
    return this;
  }
  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new ServiceError('The value passed to everyHours() must be 1, 2, 4, 6, 8 or 12.');
    this.#r.everyHours = n;
    return this;
  }
  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw signatureMismatch('ClockTriggerBuilder.everyDays', [n]);
    this.#r.everyDays = n;
    return this;
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw signatureMismatch('ClockTriggerBuilder.everyWeeks', [n]);
    this.#r.everyWeeks = n;
    return this;
  }
  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new ServiceError('The hour must be between 0 and 23.');
    this.#r.atHour = hour;
    return this;
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new ServiceError('The minute must be between 0 and 59.');
    this.#r.nearMinute = minute;
    return this;
  }
  inTimezone(timezone: string): ClockTriggerBuilder {
    if (typeof timezone !== 'string' || !isTimeZone(timezone)) throw new ServiceError(`Invalid argument: ${String(timezone)}`);
    this.#r.timezone = timezone;
    return this;
  }
  create(): Trigger {
    const r = this.#r;
    const daily = r.everyDays !== undefined || r.everyWeeks !== undefined;
    if ((r.atHour !== undefined || r.nearMinute !== undefined) && !daily) {
      throw new ServiceError('Frequency is required if you are using atHour() or nearMinute()');
    }
    if (!daily && r.everyMinutes === undefined && r.everyHours === undefined) {
      throw new ServiceError('A time-based trigger needs a frequency (everyMinutes, everyHours, everyDays or everyWeeks).');
    }
    return new Trigger(this.#host.table.install({ ...r }));
  }
}

class SpreadsheetTriggerBuilder {
  readonly #host: ScriptAppHost;
  readonly #handler: string;
  readonly #sourceId: string;
  #type: TriggerType | undefined;
  constructor(host: ScriptAppHost, handler: string, sourceId: string) {
    this.#host = host;
    this.#handler = handler;
    this.#sourceId = sourceId;
  }
  onOpen(): SpreadsheetTriggerBuilder {
    return this.#on('ON_OPEN');
  }
  onEdit(): SpreadsheetTriggerBuilder {
    return this.#on('ON_EDIT');
  }
  onChange(): SpreadsheetTriggerBuilder {
    return this.#on('ON_CHANGE');
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    return this.#on('ON_FORM_SUBMIT');
  }
  create(): Trigger {
    if (!this.#type) throw new ServiceError('A spreadsheet trigger needs an event: onOpen(), onEdit(), onChange() or onFormSubmit().');
    return new Trigger(
      this.#host.table.install({
        handler: this.#handler, type: this.#type, source: 'SPREADSHEETS', sourceId: this.#sourceId, creator: this.#host.user,
      }),
    );
  }
  #on(type: TriggerType): SpreadsheetTriggerBuilder {
    this.#type = type;
    return this;
  }
}

class TriggerBuilder {
  readonly #host: ScriptAppHost;
  readonly #handler: string;
  constructor(host: ScriptAppHost, handler: string) {
    this.#host = host;
    this.#handler = handler;
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.#host, this.#handler);
  }
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    return new SpreadsheetTriggerBuilder(this.#host, this.#handler, spreadsheetId('TriggerBuilder.forSpreadsheet', sheet));
  }
}

export class ScriptApp {
  readonly #host: ScriptAppHost;
  constructor(host: ScriptAppHost) {
    this.#host = host;
  }
  get AuthMode() {
    return AuthMode;
  }
  get EventType() {
    return EventType;
  }
  get TriggerSource() {
    return TriggerSource;
  }
  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string') throw signatureMismatch('ScriptApp.newTrigger', [functionName]);
    return new TriggerBuilder(this.#host, functionName);
  }
  getProjectTriggers(): Trigger[] {
    return this.#host.table.ofCreator(this.#host.user).map((r) => new Trigger(r));
  }
  getUserTriggers(spreadsheet: unknown): Trigger[] {
    const id = spreadsheetId('ScriptApp.getUserTriggers', spreadsheet);
    return this.#host.table.ofCreator(this.#host.user).filter((r) => r.sourceId === id).map((r) => new Trigger(r));
  }
  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof Trigger)) throw signatureMismatch('ScriptApp.deleteTrigger', [trigger]);
    this.#host.table.remove(trigger._uid());
  }
}

function spreadsheetId(call: string, sheet: unknown): string {
  if (typeof sheet === 'string') return sheet;
  const getId = (sheet as { getId?: unknown } | null)?.getId;
  if (typeof getId === 'function') return String(getId.call(sheet));
  throw signatureMismatch(call, [sheet]);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

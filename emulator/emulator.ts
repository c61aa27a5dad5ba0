// Emulator: the world a bound script lives in (spreadsheet, stores, triggers, outbox, clock, users) and the drivers tests call.
import { EmulatorError } from './kernel/errors';
import { clockEvent, eventOldValue } from './runtime/events';
import { runExecution, type ExecutionRecord, type Scope, type World } from './runtime/execute';
import { authModeOf, type Execution, type ExecutionKind, type Person } from './kernel/user';
import { Project, type Manifest, type ProjectSource } from './runtime/project';
import { assertCallable, cloneArgs, cloneForPage, illegalArgument, type ScriptRunResult } from './runtime/script-run';
import { SpreadsheetModel } from './sheets';
import { boxA1, cellArea } from './sheets/a1';
import { CacheStores } from './services/cache';
import { LockTable, OTHER_EXECUTION } from './services/lock';
import type { LogEntry } from './services/logger';
import { MailState, type SentMail } from './services/mail';
import { PropertyStores } from './services/properties';
import { TriggerTable, type TriggerRecord } from './services/script-app';
import { eventUser } from './services/session';
import { UiLog, type MenuEntry, type MenuRecord } from './services/ui';

export interface EmulatorOptions {
  /** The emulator clock: an ISO string or a Date. Default: the host's current time. */
  now?: string | Date;
  /** The spreadsheet's owner; also the first active user. '' for a file in a shared drive (no owner). */
  owner?: string;
  spreadsheetName?: string;
  /** A prepared SpreadsheetModel; its clock is replaced by the emulator's. */
  model?: SpreadsheetModel;
}

export interface DistOptions extends EmulatorOptions {
  distDir?: string;
}

export interface SourceOptions extends EmulatorOptions, ProjectSource {
  manifest?: Manifest;
}

export type UserActionResult = { ok: true; executions: ExecutionRecord[] } | { ok: false; message: string };

/** Thrown by a driver when an execution it started failed; `failures` holds each failed execution. */
export class ExecutionFailed extends Error {
  constructor(readonly failures: ExecutionRecord[]) {
    const first = failures[0]!;
    const e = first.error as { name?: string; message?: string } | undefined;
    super(`${first.fn} (${first.kind}) failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(first.error)}`);
    this.name = 'ExecutionFailed';
  }
}

function toDate(v: string | Date): Date {
  const d = typeof v === 'string' ? new Date(v) : new Date(v.getTime());
  if (Number.isNaN(d.getTime())) throw new EmulatorError(`emulator: not a date: ${String(v)}`);
  return d;
}

export class Emulator {
  readonly ui = new UiLog();
  readonly logs: LogEntry[] = [];
  /** NotImplemented and emulator bugs seen at the boundary, even those the script caught. */
  readonly problems: Error[] = [];
  /** Executions whose modelled time passes a platform limit (30 s simple trigger, 6 min): Apps Script would kill them. */
  readonly warnings: string[] = [];
  readonly executions: ExecutionRecord[] = [];
  readonly owner: string;
  readonly project: Project;
  readonly #world: World;
  readonly #triggers = new TriggerTable();
  readonly #locks = new LockTable();
  readonly #mail = new MailState();
  readonly #properties = new PropertyStores();
  readonly #calls = new Map<string, number>();
  readonly #model: SpreadsheetModel;
  #now: Date;
  #user: Person;
  #nextExecution = 1;

  constructor(project: Project, options: EmulatorOptions = {}) {
    this.project = project;
    this.owner = options.owner ?? 'owner@example.com';
    this.#user = { email: this.owner, revealed: true };
    this.#now = toDate(options.now ?? new Date());
    const self = this;
    this.#model = options.model ?? new SpreadsheetModel({
      name: options.spreadsheetName ?? 'eco-ledger', timeZone: project.timeZone, owner: this.owner,
    });
    // the emulator owns the clock: TODAY() and date stamps in the model read it too
    this.#model.clock = () => new Date(self.#now.getTime());
    this.#world = {
      project,
      projectName: options.spreadsheetName ?? 'eco-ledger',
      now: () => new Date(self.#now.getTime()),
      ui: this.ui,
      triggers: this.#triggers,
      locks: this.#locks,
      properties: this.#properties,
      caches: new CacheStores(),
      mail: this.#mail,
      logs: this.logs,
      calls: this.#calls,
      problems: this.problems,
      warnings: this.warnings,
      model: this.#model,
      interleave: null,
    };
  }

  /**
   * Acts as a person in the middle of the next executions: `act(call, n)` runs before every service call
   * ('Range.setValues', n = its ordinal in the execution, counting this one), on the host side (model methods,
   * no trigger fired), as a user inserting, sorting or typing while a script runs would. `null` clears it.
   */
  interleave(act: ((call: string, n: number) => void) | null): this {
    this.#world.interleave = act;
    return this;
  }

  static fromDist(options: DistOptions = {}): Emulator {
    return new Emulator(Project.fromDist(options.distDir ?? 'dist'), options);
  }

  static fromSource(options: SourceOptions): Emulator {
    return new Emulator(Project.fromSource(options), options);
  }

  // ---- the world -------------------------------------------------------------------------------------------

  /** The SpreadsheetModel (host side, uncounted): seed it, assert on it. */
  get model(): SpreadsheetModel {
    return this.#model;
  }

  get now(): Date {
    return new Date(this.#now.getTime());
  }
  setNow(now: string | Date): this {
    this.#now = toDate(now);
    return this;
  }
  advance(milliseconds: number): this {
    this.#now = new Date(this.#now.getTime() + milliseconds);
    return this;
  }

  /** The active user; revealed:false → Session and event objects give '' for their email. */
  setUser(email: string, options: { revealed?: boolean } = {}): this {
    this.#user = { email, revealed: options.revealed ?? true };
    return this;
  }
  get user(): Person {
    return { ...this.#user };
  }

  get calls(): Record<string, number> {
    return Object.fromEntries(this.#calls);
  }
  get totalCalls(): number {
    let n = 0;
    for (const v of this.#calls.values()) n += v;
    return n;
  }
  resetCalls(): void {
    this.#calls.clear();
  }
  get lastExecution(): ExecutionRecord | undefined {
    return this.executions[this.executions.length - 1];
  }

  get outbox(): SentMail[] {
    return this.#mail.outbox;
  }
  setMailQuota(remaining: number): this {
    this.#mail.setRemaining(remaining, this.#now, this.project.timeZone);
    return this;
  }
  get mailQuotaRemaining(): number {
    return this.#mail.remaining(this.#now, this.project.timeZone);
  }
  /** Sending to this address (to, cc or bcc) throws `Invalid email: <address>`. */
  failMailTo(address: string): this {
    this.#mail.failing.add(address.trim().toLowerCase());
    return this;
  }

  get triggers(): TriggerRecord[] {
    return this.#triggers.all;
  }

  /** Puts back triggers saved from another emulator (the preview's state file), with their uids. */
  restoreTriggers(records: readonly TriggerRecord[]): void {
    this.#triggers.restore(records);
  }
  /** Script, document and per-user property stores (host side, uncounted). */
  get properties(): PropertyStores {
    return this.#properties;
  }

  /**
   * Another execution holds the document (or script) lock until releaseHeldLocks(), or with `forMs` for that long: a
   * tryLock/waitLock whose timeout is at least `forMs` then gets it (the holder finished while it waited).
   */
  holdDocumentLock(forMs?: number): this {
    this.#locks.hold('document', forMs);
    return this;
  }
  holdScriptLock(): this {
    this.#locks.take('script', OTHER_EXECUTION);
    return this;
  }
  releaseHeldLocks(): this {
    this.#locks.releaseAll(OTHER_EXECUTION);
    return this;
  }

  /** The menus added to the Ui since the last open(). */
  menu(): MenuRecord[] {
    return structuredClone(this.ui.menus);
  }

  // ---- drivers -------------------------------------------------------------------------------------------

  /** The user opens the spreadsheet: menus reset, simple onOpen (LIMITED), then installable open triggers (FULL). */
  open(): ExecutionRecord[] {
    this.ui.menus.length = 0;
    return this.#fire((run) => {
      if (this.project.functions.has('onOpen')) {
        run('simple', 'onOpen', this.#user, this.#user.email, undefined, (s) => [this.#event(s, { authMode: 'LIMITED', source: this.#source(s), user: this.#eventUser('LIMITED', this.#user) })]);
      }
      for (const t of this.#triggers.all.filter((r) => r.type === 'ON_OPEN')) {
        run('installable', t.handler, this.#user, t.creator, t.uid, (s) => [this.#event(s, {
          authMode: 'FULL', source: this.#source(s), triggerUid: t.uid, user: this.#eventUser('FULL', this.#user),
        })]);
      }
    });
  }

  /** A user types `value` into one cell: protection, validation and parsing first; a refusal fires nothing. */
  userEdit(sheetName: string, a1: string, value: unknown): UserActionResult {
    return this.#userInput(sheetName, a1, [[value]]);
  }

  /** A user pastes a block whose top-left cell is `a1`. */
  userPaste(sheetName: string, a1: string, grid: unknown[][]): UserActionResult {
    return this.#userInput(sheetName, a1, grid);
  }

  /** A user inserts rows so the first new one is row `at`; a protected sheet refuses and nothing fires. */
  userInsertRows(sheetName: string, at: number, count = 1): UserActionResult {
    const done = this.model.insertRows(sheetName, at, count, this.#user.email);
    return done.ok ? { ok: true, executions: this.#change('INSERT_ROW') } : done;
  }

  userDeleteRows(sheetName: string, at: number, count = 1): UserActionResult {
    const done = this.model.deleteRows(sheetName, at, count, this.#user.email);
    return done.ok ? { ok: true, executions: this.#change('REMOVE_ROW') } : done;
  }

  /** Fires every installed time-driven trigger once, as its creator (FULL, no Ui). */
  fireTimeDriven(): ExecutionRecord[] {
    return this.#fire((run) => {
      for (const t of this.#triggers.all.filter((r) => r.type === 'CLOCK')) {
        const creator = { email: t.creator, revealed: true };
        run('timeDriven', t.handler, creator, t.creator, t.uid, (s) => [this.#event(s, clockEvent(this.#now, t.uid))]);
      }
    });
  }

  /** Clicks the menu item whose caption is `caption` (exactly, else the first containing it), searching submenus. */
  clickMenu(caption: string): unknown {
    const items = flatten(this.ui.menus.flatMap((m) => m.items));
    const item = items.find((i) => i.caption === caption) ?? items.find((i) => i.caption.includes(caption));
    if (!item) {
      throw new EmulatorError(`emulator: no menu item "${caption}"; the menus hold: ${items.map((i) => i.caption).join(', ') || '(none: call open() first)'}`);
    }
    return this.#run('menu', item.functionName, this.#user, this.#user.email, undefined, () => []);
  }

  /** Runs a function as from the script editor (FULL; no Ui, as there). Arguments are converted into the script realm. */
  run(fn: string, ...args: unknown[]): unknown {
    return this.#run('editor', fn, this.#user, this.#user.email, undefined, (s) => args.map((a) => s.boundary.toScript(a)));
  }

  /**
   * google.script.run from the page: only top-level functions not ending in `_` (else a TypeError, as in the page);
   * illegal arguments or a thrown error → { ok: false, error }; a Date anywhere in the result → value null.
   */
  scriptRun(fn: string, ...args: unknown[]): ScriptRunResult {
    assertCallable(this.project, fn);
    const bad = illegalArgument(args);
    if (bad !== null) return { ok: false, error: `Failed due to illegal value in property: ${bad}` };
    const json = cloneArgs(args);
    let value: unknown;
    let boundary: Scope['boundary'] | undefined;
    try {
      value = this.#run('scriptRun', fn, this.#user, this.#user.email, undefined, (s) => {
        boundary = s.boundary;
        return json.map((a) => s.boundary.toScript(a));
      });
    } catch (e) {
      if (e instanceof EmulatorError || (e instanceof Error && e.name === 'NotImplemented')) throw e;
      const message = (e as { message?: unknown } | null)?.message;
      return { ok: false, error: typeof message === 'string' ? message : String(e) };
    }
    return { ok: true, value: cloneForPage(value, (v) => boundary?.isProxy(v) ?? false) };
  }

  // ---- internals -----------------------------------------------------------------------------------------

  #run(kind: ExecutionKind, fn: string, active: Person, effective: string, triggerUid: string | undefined,
    args: (s: Scope) => unknown[]): unknown {
    const exec: Execution = {
      id: this.#nextExecution++, kind, authMode: authModeOf(kind), fn, activeUser: active, effectiveUser: effective,
      ...(triggerUid ? { triggerUid } : {}),
    };
    return runExecution(this.#world, exec, args, (r) => this.executions.push(r));
  }

  /** Runs several trigger executions; all run even if one fails, then the failures are thrown together. */
  #fire(body: (run: (kind: ExecutionKind, fn: string, active: Person, effective: string, uid: string | undefined, args: (s: Scope) => unknown[]) => void) => void): ExecutionRecord[] {
    const start = this.executions.length;
    body((kind, fn, active, effective, uid, args) => {
      try {
        this.#run(kind, fn, active, effective, uid, args);
      } catch {
        // recorded in this.executions; thrown below once every trigger has run
      }
    });
    const records = this.executions.slice(start);
    const failures = records.filter((r) => !r.ok);
    if (failures.length) throw new ExecutionFailed(failures);
    return records;
  }

  #userInput(sheetName: string, a1: string, grid: unknown[][]): UserActionResult {
    const at = cellArea(a1);
    const rows = grid.length, cols = grid[0]?.length ?? 0;
    const result = this.model.userInput(sheetName, at.row, at.col, grid, this.#user.email);
    if (!result.ok) return { ok: false, message: result.message };
    const box = { row: at.row, col: at.col, rows, cols };
    this.model.setActive(sheetName, boxA1(box));
    const single = rows === 1 && cols === 1;
    const typed = single ? grid[0]![0] : undefined;
    const valueFields = single
      ? {
        value: typed === '' || typed === null || typed === undefined ? undefined : String(typed),
        oldValue: eventOldValue(result.oldValues[0]?.[0], this.project.timeZone),
      }
      : {};
    const executions = this.#fire((run) => {
      if (this.project.functions.has('onEdit')) {
        run('simple', 'onEdit', this.#user, this.#user.email, undefined, (s) => [this.#event(s, {
          authMode: 'LIMITED', range: this.#range(s, sheetName, box), source: this.#source(s),
          user: this.#eventUser('LIMITED', this.#user), ...valueFields,
        })]);
      }
      for (const t of this.#triggers.all.filter((r) => r.type === 'ON_EDIT')) {
        run('installable', t.handler, this.#user, t.creator, t.uid, (s) => [this.#event(s, {
          authMode: 'FULL', range: this.#range(s, sheetName, box), source: this.#source(s), triggerUid: t.uid,
          user: this.#eventUser('FULL', this.#user), ...valueFields,
        })]);
      }
    });
    return { ok: true, executions };
  }

  #change(changeType: string): ExecutionRecord[] {
    return this.#fire((run) => {
      for (const t of this.#triggers.all.filter((r) => r.type === 'ON_CHANGE')) {
        run('installable', t.handler, this.#user, t.creator, t.uid, (s) => [this.#event(s, {
          authMode: 'FULL', changeType, source: this.#source(s), triggerUid: t.uid, user: this.#eventUser('FULL', this.#user),
        })]);
      }
    });
  }

  #event(s: Scope, fields: Record<string, unknown>): unknown {
    const plain: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) plain[k] = v;
    return s.boundary.toScript(plain);
  }

  #eventUser(authMode: 'LIMITED' | 'FULL', person: Person): unknown {
    return eventUser(authMode === 'FULL' && person.revealed ? person.email : '');
  }

  #source(s: Scope): unknown {
    return s.spreadsheetApp.getActiveSpreadsheet!();
  }

  #range(s: Scope, sheetName: string, box: { row: number; col: number; rows: number; cols: number }): unknown {
    const ss = this.#source(s) as { getSheetByName(n: string): { getRange(...a: number[]): unknown } };
    return ss.getSheetByName(sheetName).getRange(box.row, box.col, box.rows, box.cols);
  }
}

function flatten(entries: MenuEntry[]): { caption: string; functionName: string }[] {
  return entries.flatMap((e) => ('functionName' in e ? [e] : 'items' in e ? flatten(e.items) : []));
}

// One execution: a fresh realm, the services bound to this execution, every project file evaluated, then the entry function.
import { Boundary } from './boundary';
import { ServiceError } from '../kernel/errors';
import type { Execution } from '../kernel/user';
import { visibleActiveEmail } from '../kernel/user';
import type { Project } from './project';
import { createRealm, type ScriptRealm } from '../kernel/realm';
import { checkPermission } from './scopes';
import { limitWarnings, priceCall, type Cost } from './cost';
import { createChartsService, createSpreadsheetApp, type SpreadsheetModel } from '../sheets';
import { CacheService, type CacheStores } from '../services/cache';
import { HtmlService } from '../services/html';
import { LockService, type LockTable } from '../services/lock';
import { createConsole, Logger, type LogEntry } from '../services/logger';
import { MailApp, type MailState } from '../services/mail';
import { PropertiesService, type PropertyStores } from '../services/properties';
import { ScriptApp, type TriggerTable } from '../services/script-app';
import { Session } from '../services/session';
import { Ui, type UiLog } from '../services/ui';
import { Utilities } from '../services/utilities';

/** The state that outlives executions (host side). */
export interface World {
  readonly project: Project;
  readonly projectName: string;
  now(): Date;
  readonly ui: UiLog;
  readonly triggers: TriggerTable;
  readonly locks: LockTable;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly mail: MailState;
  readonly logs: LogEntry[];
  readonly calls: Map<string, number>;
  readonly problems: Error[];
  /** Modelled-time warnings of every execution (30 s simple trigger, 6 min execution). */
  readonly warnings: string[];
  readonly model: SpreadsheetModel;
  /** Tests acting as a person during an execution: called before each service call with its key and ordinal. */
  interleave: ((call: string, n: number) => void) | null;
}

export interface ExecutionRecord {
  fn: string;
  kind: Execution['kind'];
  authMode: Execution['authMode'];
  ok: boolean;
  error?: unknown;
  cpuMs: number;
  /** Of cpuMs, what the emulated services took (inside their calls, value conversion included): cpuMs minus it is the script's own. */
  serviceCpuMs: number;
  calls: Record<string, number>;
  /** What the execution would take on Apps Script by the cost model (emulator/runtime/cost.ts). */
  modelledMs: number;
  cellsRead: number;
  cellsWritten: number;
  /** Limits the modelled time passes: Apps Script would have killed the execution. */
  warnings: string[];
}

/** What the entry function receives, built once the realm and the services exist. */
export interface Scope {
  readonly realm: ScriptRealm;
  readonly boundary: Boundary;
  /** The raw SpreadsheetApp facade (uncounted), for building event objects. */
  readonly spreadsheetApp: Record<string, (...a: unknown[]) => unknown>;
}

// Apps Script services the emulator does not model: any use throws NotImplemented rather than a ReferenceError.
const UNMODELLED = [
  'DriveApp', 'GmailApp', 'UrlFetchApp', 'DocumentApp', 'FormApp', 'CalendarApp', 'ContentService', 'Browser',
  'Maps', 'XmlService', 'CardService', 'SlidesApp', 'GroupsApp', 'ContactsApp', 'LanguageApp', 'Jdbc', 'DataStudioApp',
];

const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

export function runExecution(
  world: World,
  exec: Execution,
  args: (scope: Scope) => unknown[],
  record: (r: ExecutionRecord) => void,
): unknown {
  const started = process.cpuUsage();
  const calls = new Map<string, number>();
  const cost: Cost = { modelledMs: 0, cellsRead: 0, cellsWritten: 0 };
  let serviceCpuMs = 0;
  const realm = createRealm(() => world.now().getTime());
  const boundary = new Boundary(realm, {
    beforeCall: (cls, method) => {
      checkPermission(cls, method, exec, world.project.oauthScopes);
      // Users' edits are not serialised with scripts (behaviors §10): a test may act between any two calls.
      const key = `${cls}.${method}`;
      world.interleave?.(key, calls.get(key) ?? 0);
    },
    count: (key) => {
      calls.set(key, (calls.get(key) ?? 0) + 1);
      world.calls.set(key, (world.calls.get(key) ?? 0) + 1);
    },
    price: (cls, method, target, hostArgs) => priceCall(cost, cls, method, target, hostArgs),
    serviceCpu: (ms) => {
      serviceCpuMs += ms;
    },
    problem: (e) => {
      if (!world.problems.includes(e)) world.problems.push(e);
    },
  });
  let ok = false;
  let error: unknown;
  try {
    const scope = install(world, exec, realm, boundary);
    for (const file of world.project.files) file.script.runInContext(realm.context);
    const { fn, self } = resolve(world.project, realm, exec.fn);
    const value = fn.apply(self, args(scope));
    ok = true;
    return value;
  } catch (e) {
    error = e;
    throw e;
  } finally {
    world.locks.releaseAll(exec.id);
    const used = process.cpuUsage(started);
    const modelledMs = Math.round(cost.modelledMs);
    const warnings = limitWarnings(exec.kind, exec.fn, modelledMs);
    world.warnings.push(...warnings);
    record({
      fn: exec.fn, kind: exec.kind, authMode: exec.authMode, ok, ...(ok ? {} : { error }),
      cpuMs: (used.user + used.system) / 1000, serviceCpuMs, calls: Object.fromEntries(calls),
      modelledMs, cellsRead: cost.cellsRead, cellsWritten: cost.cellsWritten, warnings,
    });
  }
}

function install(world: World, exec: Execution, realm: ScriptRealm, boundary: Boundary): Scope {
  const g = realm.context as Record<string, unknown>;
  const zone = world.project.timeZone;
  const now = () => world.now();
  const ui = new Ui(world.ui, () => world.locks.releaseAll(exec.id), world.projectName);
  const services: Record<string, object> = {
    HtmlService: new HtmlService((name) => world.project.htmlFile(name), realm),
    ScriptApp: new ScriptApp({ table: world.triggers, user: exec.effectiveUser, scriptTimeZone: zone }),
    LockService: new LockService(world.locks, exec.id, exec.effectiveUser),
    PropertiesService: new PropertiesService(world.properties.seenBy(exec.effectiveUser)),
    CacheService: new CacheService(world.caches, exec.effectiveUser, () => now().getTime()),
    MailApp: new MailApp(world.mail, now, zone, exec.effectiveUser),
    Session: new Session(exec, zone),
    Utilities: new Utilities(),
    Logger: new Logger(world.logs, exec.id),
  };
  const spreadsheetApp = createSpreadsheetApp(world.model, {
      now,
      activeUserEmail: () => visibleActiveEmail(exec),
      getUi: () => {
        if (exec.kind === 'timeDriven' || exec.kind === 'editor') {
          throw new ServiceError('Cannot call SpreadsheetApp.getUi() from this context.');
        }
        return ui;
      },
      toast: (message, title, timeoutSeconds) => world.ui.toast({ message, title, timeoutSeconds }),
  }) as Scope['spreadsheetApp'];
  services.SpreadsheetApp = spreadsheetApp;
  services.Charts = createChartsService();
  for (const [name, service] of Object.entries(services)) g[name] = boundary.wrap(service, name);
  for (const name of UNMODELLED) g[name] = boundary.wrap({}, name);
  g.console = createConsole(world.logs, exec.id, () => now().getTime());
  return { realm, boundary, spreadsheetApp };
}

/** The entry point as Apps Script finds it: a detectable top-level function, or `obj.method` of a top-level name. */
function resolve(project: Project, realm: ScriptRealm, name: string): { fn: (...a: unknown[]) => unknown; self: unknown } {
  const missing = () => new ServiceError(`Script function not found: ${name}`);
  if (!PATH.test(name)) throw missing();
  const parts = name.split('.');
  const head = parts[0]!;
  if (parts.length === 1 ? !project.functions.has(head) : !project.declared.has(head)) throw missing();
  let self: unknown = undefined;
  let value: unknown = realm.evaluate(head);
  for (const p of parts.slice(1)) {
    if (value === null || value === undefined) throw missing();
    self = value;
    value = (value as Record<string, unknown>)[p];
  }
  if (typeof value !== 'function') throw missing();
  return { fn: value as (...a: unknown[]) => unknown, self };
}

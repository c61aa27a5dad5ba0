// A snapshot of the emulator's world as JSON (spreadsheet, property stores, triggers, outbox, mail quota, clock, user) and back.
import { EmulatorError } from './kernel/errors';
import type { Person } from './kernel/user';
import { Emulator } from './emulator';
import { Project, type ProjectSource } from './runtime/project';
import type { SentMail } from './services/mail';
import type { TriggerRecord } from './services/script-app';
import { SpreadsheetModel } from './sheets';

export const SNAPSHOT_VERSION = 1;

export interface SnapshotMail extends Omit<SentMail, 'at'> {
  at: string;
}

/**
 * What outlives an execution on Apps Script. Not kept: caches (Google may evict them at any time, so losing them is
 * a reading Google allows), locks (they end with the execution), and the logs of what already ran (calls, ui, logs).
 */
export interface Snapshot {
  version: number;
  now: string;
  owner: string;
  user: Person;
  model: unknown;
  properties: { script: Record<string, string>; document: Record<string, string>; users: Record<string, Record<string, string>> };
  triggers: TriggerRecord[];
  outbox: SnapshotMail[];
  mailQuotaRemaining: number;
}

export function takeSnapshot(emu: Emulator): Snapshot {
  return {
    version: SNAPSHOT_VERSION,
    now: emu.now.toISOString(),
    owner: emu.owner,
    user: emu.user,
    model: emu.model.toJSON(),
    properties: {
      script: Object.fromEntries(emu.properties.script.map),
      document: Object.fromEntries(emu.properties.document.map),
      users: Object.fromEntries(emu.properties.users().map(([email, store]) => [email, Object.fromEntries(store.map)])),
    },
    triggers: emu.triggers,
    outbox: emu.outbox.map((m) => ({ ...m, at: m.at.toISOString() })),
    mailQuotaRemaining: emu.mailQuotaRemaining,
  };
}

/** A new emulator running the project (the files in `distDir`, or given), in the world the snapshot saved. */
export function restoreSnapshot(snapshot: Snapshot, project: { distDir: string } | ProjectSource = { distDir: 'dist' }): Emulator {
  if (snapshot.version !== SNAPSHOT_VERSION) {
    throw new EmulatorError(`emulator: snapshot version ${String(snapshot.version)}, expected ${SNAPSHOT_VERSION}`);
  }
  const code = 'distDir' in project ? Project.fromDist(project.distDir) : Project.fromSource(project);
  const emu = new Emulator(code, {
    now: snapshot.now,
    owner: snapshot.owner,
    model: SpreadsheetModel.fromJSON(snapshot.model),
  });
  emu.setUser(snapshot.user.email, { revealed: snapshot.user.revealed });
  fill(emu.properties.script.map, snapshot.properties.script);
  fill(emu.properties.document.map, snapshot.properties.document);
  for (const [email, map] of Object.entries(snapshot.properties.users)) fill(emu.properties.user(email).map, map);
  emu.restoreTriggers(snapshot.triggers);
  for (const m of snapshot.outbox) emu.outbox.push({ ...m, at: new Date(m.at) });
  emu.setMailQuota(snapshot.mailQuotaRemaining);
  return emu;
}

function fill(target: Map<string, string>, source: Record<string, string>): void {
  for (const [k, v] of Object.entries(source)) target.set(k, v);
}

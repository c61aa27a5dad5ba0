// The preview's saved world: the spreadsheet, property stores, triggers, outbox, mail quota, clock and user, as JSON and back.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Emulator } from '../emulator';
import { SpreadsheetModel } from '../emulator/sheets';
import type { TriggerRecord } from '../emulator/services/script-app';
import type { SentMail } from '../emulator/services/mail';

export const STATE_VERSION = 1;

export interface SavedMail extends Omit<SentMail, 'at'> {
  at: string;
}

export interface PreviewState {
  version: number;
  now: string;
  owner: string;
  user: { email: string; revealed: boolean };
  /** Every account the preview lets you act as; their user property stores are saved. */
  accounts: string[];
  model: unknown;
  properties: { script: Record<string, string>; document: Record<string, string>; users: Record<string, Record<string, string>> };
  triggers: TriggerRecord[];
  outbox: SavedMail[];
  mailQuotaRemaining: number;
}

export function captureState(emu: Emulator, accounts: readonly string[]): PreviewState {
  const users: Record<string, Record<string, string>> = {};
  for (const email of accounts) {
    const store = emu.properties.user(email).map;
    if (store.size > 0) users[email] = Object.fromEntries(store);
  }
  return {
    version: STATE_VERSION,
    now: emu.now.toISOString(),
    owner: emu.owner,
    user: emu.user,
    accounts: [...accounts],
    model: emu.model.toJSON(),
    properties: {
      script: Object.fromEntries(emu.properties.script.map),
      document: Object.fromEntries(emu.properties.document.map),
      users,
    },
    triggers: emu.triggers,
    outbox: emu.outbox.map((m) => ({ ...m, at: m.at.toISOString() })),
    mailQuotaRemaining: emu.mailQuotaRemaining,
  };
}

export function emulatorFromState(state: PreviewState, distDir: string): Emulator {
  const emu = Emulator.fromDist({
    distDir,
    now: state.now,
    owner: state.owner,
    model: SpreadsheetModel.fromJSON(state.model),
  });
  emu.setUser(state.user.email, { revealed: state.user.revealed });
  fill(emu.properties.script.map, state.properties.script);
  fill(emu.properties.document.map, state.properties.document);
  for (const [email, map] of Object.entries(state.properties.users)) fill(emu.properties.user(email).map, map);
  emu.restoreTriggers(state.triggers);
  for (const m of state.outbox) emu.outbox.push({ ...m, at: new Date(m.at) });
  emu.setMailQuota(state.mailQuotaRemaining);
  return emu;
}

function fill(target: Map<string, string>, source: Record<string, string>): void {
  for (const [k, v] of Object.entries(source)) target.set(k, v);
}

export function readStateFile(file: string): PreviewState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text) as PreviewState;
    return state.version === STATE_VERSION ? state : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file first, so a crash mid-write never leaves half a state. */
export function writeStateFile(file: string, state: PreviewState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

// The preview's saved world on disk: the emulator's snapshot as a JSON file, written so a crash never leaves half of one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { SNAPSHOT_VERSION, type Snapshot } from '@eco-ledger/emulator';

/** The saved snapshot, or null when there is none, it is not JSON, or an older emulator wrote it. */
export function readStateFile(file: string): Snapshot | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const state = JSON.parse(text) as Snapshot;
    return state.version === SNAPSHOT_VERSION ? state : null;
  } catch {
    return null;
  }
}

/** Written to a temporary file first, so a crash mid-write never leaves half a state. */
export function writeStateFile(file: string, state: Snapshot): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

// A person acting in the middle of an execution (emu.interleave) on a district tab, and the tab read back by credit code: the interleaving tests of issue 12.
import type { Emulator } from '@eco-ledger/emulator';
import { modelOf, tab, values } from './ledger-world';

export type Act = (emu: Emulator) => void;

/** What people do to the rows while a script runs: insert above the data, delete the first row, sort. */
export function rowActs(district: string): Record<string, Act> {
  return {
    'inserts a row above the data': (emu) => void modelOf(emu).insertRows(district, 5, 1),
    'deletes the first enterprise row': (emu) => void modelOf(emu).deleteRows(district, 5, 1),
    'sorts the rows (reversed)': (emu) => {
      const rows = values(emu, district, `A5:X${tab(emu, district).lastRow()}`);
      modelOf(emu).setValuesRaw(district, 5, 1, [...rows].reverse());
    },
  };
}

/** `act` once, at the first service call for which `when` (given the calls seen so far) holds; says whether it acted. */
export function actOnce(emu: Emulator, when: (call: string, seen: string[]) => boolean, act: Act): () => boolean {
  let acted = false;
  const seen: string[] = [];
  emu.interleave((call) => {
    if (!acted && when(call, seen)) {
      acted = true;
      act(emu);
    }
    seen.push(call);
  });
  return () => acted;
}

/** Every data row of the tab by its credit code (E), failing on a code that appears twice. */
export function rowsByCode(emu: Emulator, district: string): Map<string, { row: number; cells: unknown[] }> {
  const out = new Map<string, { row: number; cells: unknown[] }>();
  values(emu, district, `A5:X${Math.max(tab(emu, district).lastRow(), 5)}`).forEach((cells, i) => {
    const code = String(cells[4] ?? '');
    if (code === '') return;
    if (out.has(code)) throw new Error(`${code} appears twice`);
    out.set(code, { row: i + 5, cells });
  });
  return out;
}

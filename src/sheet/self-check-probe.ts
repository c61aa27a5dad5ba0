// 自检's probes of the real spreadsheet: literal text in a scratch tab it deletes, triggers, protections, mail quota.
import { LITERAL_PROBES, PROBE_FORMATS, probeCell } from '../domain/self-check';
import type { FoundProtection, FoundTrigger, LiteralReadBack } from '../domain/self-check';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SCRATCH_PREFIX = '自检临时表';

const lower = (s: string): string => s.trim().toLowerCase();

function scratchName(ss: Spreadsheet): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName()));
  let n = 1;
  while (taken.has(`${SCRATCH_PREFIX}${n}`)) n += 1;
  return `${SCRATCH_PREFIX}${n}`;
}

/**
 * Each probe written the way the add-on's writers write it, into a plain-text column (A) and an automatic one (B),
 * then read back (values and formulas). The tab is deleted whatever happens, and the user's tab is active again.
 */
export function probeLiteralText(ss: Spreadsheet): { readBack: LiteralReadBack[]; error: string | null } {
  const active = ss.getActiveSheet();
  let scratch: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  try {
    scratch = ss.insertSheet(scratchName(ss));
    const rows = LITERAL_PROBES.length;
    const columns = PROBE_FORMATS.length;
    PROBE_FORMATS.forEach((format, c) => {
      if (format !== null) scratch!.getRange(1, c + 1, rows, 1).setNumberFormat(format);
    });
    const range = scratch.getRange(1, 1, rows, columns);
    range.setValues(LITERAL_PROBES.map((text) => PROBE_FORMATS.map((format) => probeCell(text, format))));
    SpreadsheetApp.flush();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const readBack: LiteralReadBack[] = [];
    LITERAL_PROBES.forEach((text, r) =>
      PROBE_FORMATS.forEach((format, c) => readBack.push({ text, format, value: values[r]?.[c], formula: formulas[r]?.[c] ?? '' })),
    );
    return { readBack, error: null };
  } catch (e) {
    return { readBack: [], error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (scratch) ss.deleteSheet(scratch);
    if (active) active.activate();
  }
}

/** The current user's triggers of this project (Apps Script shows no one else's). */
export function probeTriggers(): FoundTrigger[] {
  return ScriptApp.getProjectTriggers().map((t) => ({ handler: t.getHandlerFunction(), eventType: String(t.getEventType()) }));
}

/** Every protection of every tab, sheet and range ones alike. */
export function probeProtections(ss: Spreadsheet): FoundProtection[] {
  const found: FoundProtection[] = [];
  for (const sheet of ss.getSheets()) {
    for (const type of [SpreadsheetApp.ProtectionType.SHEET, SpreadsheetApp.ProtectionType.RANGE]) {
      for (const p of sheet.getProtections(type)) {
        found.push({ description: p.getDescription(), warningOnly: p.isWarningOnly(), editors: p.getEditors().map((u) => lower(u.getEmail())) });
      }
    }
  }
  return found;
}

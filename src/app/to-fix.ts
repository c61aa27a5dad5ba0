// 待修正 across the opened ledgers: the problems 校验本表 would report on each row, from the rows already read.
import { dayOf } from '../domain/calendar-day';
import type { Settings } from '../domain/settings';
import { planRules } from '../domain/settings';
import type { TabRows } from '../domain/vocabulary';
import { codeIndexOf, problemTexts, toFixChecks } from '../domain/vocabulary';
import type { Ledger } from '../sheet/ledger';

/** district → sheet row → `字段：问题` texts (rows without a problem are absent). No extra read: the ledgers are in memory. */
export function toFixByRow(ledgers: readonly Ledger[], settings: Settings): Map<string, Map<number, string[]>> {
  const tabs: TabRows[] = ledgers.map((l) => ({ tab: l.district, columns: l.columns, rows: l.rows.map((r) => ({ row: r.row, cells: r.cells })) }));
  const index = codeIndexOf(tabs);
  const rules = planRules(settings, dayOf(new Date()));
  const out = new Map<string, Map<number, string[]>>();
  for (const tab of tabs) {
    const rows = new Map<number, string[]>();
    for (const check of toFixChecks(tab, rules, index)) if (check.problems.size > 0) rows.set(check.row, problemTexts(check));
    out.set(tab.tab, rows);
  }
  return out;
}

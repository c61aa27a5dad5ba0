// 待修正 across the opened ledgers: the problems 校验本表 would report on each row, from the rows already read.
import { dayOf } from '../domain/calendar-day';
import type { Settings } from '../domain/settings';
import { planRules } from '../domain/settings';
import type { TabRows } from '../domain/vocabulary';
import { codeIndexOf, problemTexts, toFixChecks } from '../domain/vocabulary';
import type { Ledger } from '../sheet/ledger';

type ToFix = ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>;

/** The last answer per 配置 read: the daily job asks for 汇总 and again for the reminders, from the same ledgers. */
const memo = new WeakMap<Settings, { ledgers: readonly Ledger[]; out: ToFix }>();

/** district → sheet row → `字段：问题` texts (rows without a problem are absent). No extra read: the ledgers are in memory. */
export function toFixByRow(ledgers: readonly Ledger[], settings: Settings): ToFix {
  const hit = memo.get(settings);
  if (hit && hit.ledgers.length === ledgers.length && hit.ledgers.every((l, i) => l === ledgers[i])) return hit.out;
  const tabs: TabRows[] = ledgers.map((l) => ({ tab: l.district, columns: l.columns, rows: l.rows.map((r) => ({ row: r.row, cells: r.cells, payload: r.record.payload })) }));
  const index = codeIndexOf(tabs);
  const rules = planRules(settings, dayOf(new Date()));
  const out = new Map<string, Map<number, string[]>>();
  for (const tab of tabs) {
    const rows = new Map<number, string[]>();
    for (const check of toFixChecks(tab, rules, index)) if (check.problems.size > 0) rows.set(check.row, problemTexts(check));
    out.set(tab.tab, rows);
  }
  memo.set(settings, { ledgers: [...ledgers], out });
  return out;
}

// When a ledger change may pay for a full 汇总 recompute (at most once per SUMMARY_EVERY_MINUTES), and the line saying how current it is.
import { formatInstant } from './calendar-day';
import { menuPath } from './menu';

/**
 * Edits and saves recompute 汇总 at most once per this many minutes whatever the traffic (issue 16: at 10,000
 * enterprises a recompute costs ≈ 9 s modelled, so a 9-hour working day pays for at most 18 instead of one per
 * edit); the daily job and 刷新汇总 always recompute.
 */
export const SUMMARY_EVERY_MINUTES = 30;
const EVERY_MS = SUMMARY_EVERY_MINUTES * 60 * 1000;

/** What the document properties say about the last recomputes (ms since the epoch; 0 for never). */
export interface RecomputeStamps {
  readonly refreshed: number;
  /** When a recompute from a change last failed: a broken tab must not make every edit pay for a doomed recompute. */
  readonly failed: number;
  /** When a change last claimed the recompute (its own run may still be going, or have failed without a trace). */
  readonly claimed: number;
}

/** The instant from which a change may recompute again. */
export function nextRecomputeAt(s: RecomputeStamps): number {
  return Math.max(s.refreshed, s.failed, s.claimed) + EVERY_MS;
}

/** A change may recompute when the last attempt of any kind is N minutes old (or the clock went back before it). */
export function recomputeDue(s: RecomputeStamps, now: number): boolean {
  return now >= nextRecomputeAt(s) || now < nextRecomputeAt(s) - EVERY_MS;
}

const minute = (ms: number): string => formatInstant(new Date(ms)).slice(0, 16);

/**
 * The line beside 更新于: 数据截至 the last recompute and when later changes are counted; once a change is waiting,
 * since when. `refreshed` 0 (never computed) reads as 尚未计算.
 */
export function freshnessText(s: RecomputeStamps, changedAt: number | null): string {
  const asOf = s.refreshed > 0 ? `数据截至${minute(s.refreshed)}` : '尚未计算';
  const tail = `${minute(nextRecomputeAt(s))}后的下一次保存或编辑时计入，每日自动任务也会更新；点“${menuPath('menuRefreshSummary')}”可立即更新。`;
  return changedAt === null ? `${asOf}。此后的修改在${tail}` : `${asOf}；台账在${minute(changedAt)}有更改，尚未计入本表：${tail}`;
}

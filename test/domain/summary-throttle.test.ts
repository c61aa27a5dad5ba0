// When a ledger change may recompute 汇总 (once per 30 minutes of recomputes, failures and claims) and the 数据截至 line.
import { SUMMARY_EVERY_MINUTES, freshnessText, nextRecomputeAt, recomputeDue } from '../../src/domain/summary-throttle';

const at = (iso: string): number => new Date(iso).getTime();
const NINE = at('2022-03-20T09:00:00+08:00');
const MIN = 60 * 1000;

describe('recomputeDue', () => {
  it('is due 30 minutes after the last recompute, failure or claim, and not a millisecond before', () => {
    expect(SUMMARY_EVERY_MINUTES).toBe(30);
    const s = { refreshed: NINE, failed: 0, claimed: 0 };
    expect(recomputeDue(s, NINE + 30 * MIN - 1)).toBe(false);
    expect(recomputeDue(s, NINE + 30 * MIN)).toBe(true);
    expect(recomputeDue({ ...s, failed: NINE + 10 * MIN }, NINE + 30 * MIN)).toBe(false);
    expect(recomputeDue({ ...s, claimed: NINE + 20 * MIN }, NINE + 49 * MIN)).toBe(false);
    expect(nextRecomputeAt({ ...s, claimed: NINE + 20 * MIN })).toBe(NINE + 50 * MIN);
  });

  it('is due at once on a workbook never computed, and when the clock went back before the last stamp', () => {
    expect(recomputeDue({ refreshed: 0, failed: 0, claimed: 0 }, NINE)).toBe(true);
    expect(recomputeDue({ refreshed: NINE, failed: 0, claimed: 0 }, NINE - 31 * MIN)).toBe(true);
  });
});

describe('freshnessText', () => {
  const s = { refreshed: NINE, failed: 0, claimed: 0 };
  it('says as of when 汇总 counts and when later changes are counted, in Shanghai time', () => {
    expect(freshnessText(s, null)).toBe('数据截至2022-03-20 09:00。此后的修改在2022-03-20 09:30后的下一次保存或编辑时计入，每日自动任务也会更新；点“整治台账 → 刷新汇总”可立即更新。');
  });

  it('names the waiting change once there is one, and a workbook never computed', () => {
    expect(freshnessText(s, NINE + 12 * MIN)).toMatch(/^数据截至2022-03-20 09:00；台账在2022-03-20 09:12有更改，尚未计入本表：2022-03-20 09:30后/);
    expect(freshnessText({ refreshed: 0, failed: 0, claimed: 0 }, NINE)).toMatch(/^尚未计算；/);
  });
});

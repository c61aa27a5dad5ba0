// The one vocabulary: 久未更新 at its boundary (N and N+1 days), the open statuses, 待修正 as 校验本表 reports it.
import { withCheckChar } from '../../src/domain/credit-code';
import type { EnterprisePayload } from '../../src/domain/enterprise';
import { TEMPLATE_COLUMNS, payloadToRow } from '../../src/domain/ledger-row';
import { defaultSettings, planRules } from '../../src/domain/settings';
import { payload } from '../support/ledger-world';
import { codeIndexOf, definitions, problemTexts, reportingStart, staleDays, standingOf, toFixChecks } from '../../src/domain/vocabulary';

const CODE = withCheckChar('91511700MA62A0C3X');

function validRow(over: Partial<Record<keyof EnterprisePayload, string>>): unknown[] {
  const p = { ...payload({ creditCode: CODE }), ...over } as EnterprisePayload;
  return payloadToRow(p, { serial: 1, updatedAt: new Date('2022-03-01T02:00:00Z'), updatedBy: 'a@b.cn' }, TEMPLATE_COLUMNS);
}

describe('久未更新', () => {
  it('is not stale after exactly N days and is stale after N+1', () => {
    expect(staleDays({ status: '整改中', updatedOn: '2022-03-01' }, '2022-03-31', 30)).toBeNull();
    expect(staleDays({ status: '整改中', updatedOn: '2022-03-01' }, '2022-04-01', 30)).toBe(31);
  });

  it('counts only open enterprises (an empty status is 未启动) with a stamp', () => {
    expect(staleDays({ status: '', updatedOn: '2022-01-01' }, '2022-04-01', 30)).toBe(90);
    expect(staleDays({ status: '已完成（待验收）', updatedOn: '2022-01-01' }, '2022-04-01', 30)).toBeNull();
    expect(staleDays({ status: '已验收销号', updatedOn: '2022-01-01' }, '2022-04-01', 30)).toBeNull();
    expect(staleDays({ status: '整改中', updatedOn: null }, '2022-04-01', 30)).toBeNull();
  });

  it('goes with the deadline state in one standing', () => {
    const s = standingOf({ status: '未启动', deadline: '2022-03-31', updatedOn: '2022-01-01' }, '2022-04-01', { dueSoonDays: 7, staleDays: 30 });
    expect(s).toEqual({ deadline: { kind: 'overdue', daysOverdue: 1 }, staleDays: 90 });
  });

  it('states each definition with the settings in it', () => {
    const d = definitions({ dueSoonDays: 7, staleDays: 30 });
    expect(d.stale).toContain('30天以前');
    expect(d.dueSoon).toContain('0至7天');
    expect(d.toFix).toContain('校验本表');
  });
});

describe('待修正', () => {
  const rules = planRules(defaultSettings(), '2022-03-20');
  const cols = TEMPLATE_COLUMNS;

  it('reports the schema problems and a credit code used on another tab, on both rows that share it', () => {
    const good = validRow({ district: '通川区' });
    const twin = validRow({ district: '达川区', name: '重复公司' });
    const bad = validRow({ district: '通川区', status: '已搬走', creditCode: withCheckChar('91511700MA62A0C4X') });
    const tabs = [
      { tab: '通川区', columns: cols, rows: [{ row: 5, cells: good }, { row: 7, cells: bad }] },
      { tab: '达川区', columns: cols, rows: [{ row: 5, cells: twin }] },
    ];
    const index = codeIndexOf(tabs);
    const tc = toFixChecks(tabs[0]!, rules, index);
    expect(tc.map((c) => c.row)).toEqual([5, 7]);
    expect(problemTexts(tc[0]!)).toEqual([expect.stringContaining('统一社会信用代码与“达川区”第5行重复')]);
    expect(problemTexts(tc[1]!).map((t) => t.split('：')[0])).toEqual(['整改状态']);
    expect(problemTexts(toFixChecks(tabs[1]!, rules, index)[0]!)).toEqual([expect.stringContaining('与“通川区”第5行重复')]);
  });
});

describe('首个报送季度', () => {
  it('starts the reporting at the setting, else at the earliest report, else today', () => {
    expect(reportingStart({ year: 2022, q: 1 }, [], '2022-08-01')).toEqual({ year: 2022, q: 1 });
    expect(reportingStart(null, [], '2022-08-01')).toEqual({ year: 2022, q: 3 });
  });
});

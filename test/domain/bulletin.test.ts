// 季度通报 as data: ranking by 完成率 with ties sharing a rank, the §11 figures, the 通报批评 line, the same grid twice.
import type { ReportRecord } from '../../src/domain/quarter';
import { bulletinGrid, buildBulletin, criticismLine } from '../../src/domain/bulletin';
import type { BulletinDistrict } from '../../src/domain/bulletin';

const ent = (status: string, deadline = '2022-12-31', updatedOn: string | null = '2022-03-20') => ({ status, deadline, updatedOn });
const report = (district: string, on: string, narrative = ''): ReportRecord => ({
  quarter: '', district, on, at: null, account: '', counts: {}, total: 0, onTime: true, kind: 'first', narrative,
});

const districts: BulletinDistrict[] = [
  { district: '通川区', enterprises: [ent('已验收销号'), ent('整改中')], extended: 1 },
  { district: '达川区', enterprises: [ent('已完成（待验收）'), ent('未启动', '2022-01-31')], extended: 0 },
  { district: '达州高新区', enterprises: [ent('已验收销号'), ent('已验收销号'), ent('整改中', '2022-03-20', '2021-12-01')], extended: 0 },
];

const input = {
  quarter: { year: 2022, q: 1 as const },
  today: '2022-04-10',
  districts,
  reports: [report('通川区', '2022-03-20', '完成除尘改造'), report('达川区', '2022-03-27')],
  settings: { reportDay: 25, dueSoonDays: 7, staleDays: 30 },
  since: { year: 2022, q: 1 as const },
};

describe('季度通报', () => {
  it('ranks by 完成率; equal rates share a rank (1, 2, 2), fewer overdue first within the tie', () => {
    const b = buildBulletin(input);
    expect(b.asOf).toBe('2022-03-31');
    expect(b.rows.map((r) => [r.rank, r.district, r.rate])).toEqual([
      [1, '达州高新区', 2 / 3],
      [2, '通川区', 1 / 2],
      [2, '达川区', 1 / 2],
    ]);
  });

  it('carries the figures of §11 and the quarter’s report with its 进展说明', () => {
    const b = buildBulletin(input);
    const tc = b.rows.find((r) => r.district === '通川区')!;
    expect(tc).toMatchObject({ total: 2, closed: 1, overdue: 0, extended: 1, report: { kind: 'onTime', on: '2022-03-20' }, narrative: '完成除尘改造' });
    const dc = b.rows.find((r) => r.district === '达川区')!;
    expect(dc).toMatchObject({ overdue: 1, longOverdue: 1, report: { kind: 'late', on: '2022-03-27' } });
    const gx = b.rows.find((r) => r.district === '达州高新区')!;
    expect(gx).toMatchObject({ overdue: 1, longOverdue: 0, stale: 1, report: { kind: 'missing' }, missedQuarters: 1 });
  });

  it('names for 通报批评 the districts with a missing or late report or an enterprise overdue more than 30 days', () => {
    const line = criticismLine(buildBulletin(input));
    expect(line).toBe('通报批评：达州高新区（季度进展未报送），达川区（季度进展逾期报送（2022-03-27）；1家企业逾期超过30天）。');
  });

  it('says 无 when nobody is to be criticised', () => {
    const good = buildBulletin({ ...input, districts: [districts[0]!], reports: [report('通川区', '2022-03-20')] });
    expect(criticismLine(good)).toBe('通报批评：无（截至2022-03-31，没有未按时报送或有企业逾期超过30天的辖区）。');
    const early = buildBulletin({ ...input, today: '2022-03-20', districts: [districts[0]!], reports: [] });
    expect(criticismLine(early)).toBe('通报批评：无（截至2022-03-20，没有未按时报送或有企业逾期超过30天的辖区；通川区尚未报送，截止日2022-03-25）。');
  });

  it('gives the same grid twice (no clock in it)', () => {
    const s = { dueSoonDays: 7, staleDays: 30 };
    expect(bulletinGrid(buildBulletin(input), s)).toEqual(bulletinGrid(buildBulletin(input), s));
    const g = bulletinGrid(buildBulletin(input), s);
    expect(g.values[0]![0]).toBe('达州市主城区工业企业突出生态环境问题整治工作季度通报（2022年第1季度）');
    expect(g.values[g.headerRow - 1]![0]).toBe('排名');
    expect(String(g.values[g.criticismRow - 1]![0])).toMatch(/^通报批评：/);
  });
  it('spans each text line across the page with a height that grows with its length', () => {
    const s = { dueSoonDays: 7, staleDays: 30 };
    const long = buildBulletin({ ...input, reports: [report('通川区', '2022-03-20', '进'.repeat(2000))] });
    const g = bulletinGrid(long, s);
    const at = g.values.findIndex((r) => String(r[0]).startsWith('通川区：'));
    const span = g.spans.find((x) => x.row === at + 1)!;
    expect(span.col).toBe(1);
    expect(span.height).toBeGreaterThan(21 * 20);
    expect(g.spans.find((x) => x.row === 1)!.height).toBe(21);
    expect(g.values[at]!.slice(1).every((v) => v === '')).toBe(true);
  });
});

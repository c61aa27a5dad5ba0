// 汇总 fixtures for the domain tests: entries as the summary reads them, reports, the input of a run, the hand-computed mixed ledger.
import type { ReportRecord } from '../../src/domain/quarter';
import type { SummaryEntry, SummaryInput } from '../../src/domain/summary';
import { PLAN_START } from '../../src/domain/summary';

export const DISTRICTS = ['通川区', '达川区', '达州高新区'];
export const TODAY = '2022-03-20';

let serial = 0;
export function entry(over: Partial<SummaryEntry>): SummaryEntry {
  serial += 1;
  return {
    district: '通川区',
    row: 4 + serial,
    name: `企业${serial}`,
    creditCode: `CODE${serial}`,
    industry: '钢铁',
    category: '改造提升',
    status: '整改中',
    town: '复兴镇',
    deadline: '2022-12-31',
    updatedOn: null,
    toFix: [],
    ...over,
  };
}

export function report(district: string, on: string): ReportRecord {
  return { quarter: '', district, on, at: null, account: 'a@b.cn', counts: {}, total: 0, onTime: true, kind: 'first' };
}

export function input(entries: SummaryEntry[], over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    districts: DISTRICTS,
    entries,
    reports: [],
    today: TODAY,
    now: new Date('2022-03-20T01:00:00Z'),
    dueSoonDays: 7,
    reportDay: 25,
    staleDays: 30,
    firstQuarter: { year: 2021, q: 1 },
    planFrom: PLAN_START,
    planTo: '2023-12-31',
    ...over,
  };
}

// The mixed ledger of the hand computation (today 2022-03-20, 即将到期提醒天数 7).
export function mixedLedger(): SummaryEntry[] {
  return [
    entry({ name: '今日到期', deadline: '2022-03-20', status: '整改中' }), // due soon, 0 days left
    entry({ name: '昨日到期', deadline: '2022-03-19', status: '未启动', category: '搬迁升级', industry: '铸造', town: '双龙镇' }), // overdue 1
    entry({ name: '七日后', deadline: '2022-03-27', status: '整改中', category: '原址关闭' }), // due soon, 7 left
    entry({ name: '八日后', deadline: '2022-03-28', status: '整改中', industry: '水泥', town: '其他' }), // neither
    entry({ name: '已完成', deadline: '2022-03-01', status: '已完成（待验收）' }), // done: never overdue
    entry({ name: '已销号', deadline: '2021-12-31', status: '已验收销号', category: '原址关闭' }),
    entry({ name: '空状态', deadline: '2022-01-10', status: '' }), // 未启动, overdue 69
    entry({ district: '达川区', name: '坏状态', deadline: '2022-03-01', status: '已搬走' }), // total only, 待修正
    entry({ district: '达川区', name: '坏分类', deadline: '2022-02-18', status: '整改中', category: '' }), // overdue 30, 待修正
  ];
}

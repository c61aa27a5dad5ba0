// 企业档案's events: log lines, reminders that listed the code, extension requests and decisions, acceptance records.
import { LOG_HEADERS } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import {
  extendIndex,
  filterKinds,
  indexedRows,
  parseLogIndex,
  logEvents,
  matchingRows,
  newestFirst,
  oldestFirst,
  readBlocks,
} from '../../src/domain/dossier';
import { describeNewEnterprise, minuteText } from '../../src/domain/log-text';
import { payload } from '../support/ledger-world';

const CODE = withCheckChar('91511702MA0000001');
const OTHER = withCheckChar('91511702MA0000002');
const log = (over: Partial<Record<(typeof LOG_HEADERS)[number], unknown>>): unknown[] =>
  LOG_HEADERS.map((h) => over[h] ?? '');

describe('reading the log narrowly', () => {
  it('finds lines for the code and reminder lines whose list names it, never another code', () => {
    const column = [CODE, OTHER, '', `${OTHER}、${CODE}`, 'x', ` ${CODE} `];
    expect(matchingRows(column, CODE)).toEqual([0, 3, 5]);
  });

  it('builds 档案索引 from the code column, grows it by the rows logged since, and names each code\'s rows', () => {
    const built = extendIndex({ through: 0, at: -1, last: '', rows: new Map() }, 0, [CODE, OTHER, `${OTHER} ${CODE} ${CODE}`]);
    expect(built).toEqual([['已索引行数', `3 2 ${OTHER}`], [CODE, '0,2'], [OTHER, '1,2']]);
    const index = parseLogIndex(built.map(([a, b]) => ({ 统一社会信用代码: a!, 日志行号: b! })));
    expect(index).toMatchObject({ through: 3, at: 2, last: OTHER });
    const grown = parseLogIndex(extendIndex(index, 3, ['', CODE]).map(([a, b]) => ({ 统一社会信用代码: a!, 日志行号: b! })));
    expect(grown).toMatchObject({ through: 5, at: 4, last: CODE });
    expect(indexedRows(grown, CODE)).toEqual([0, 2, 4]);
    expect(indexedRows(grown, withCheckChar('91511702MA0000003'))).toEqual([]);
  });

  it('gives up on a code whose rows outgrow a cell (the dossier then reads the column), and rebuilds from row 0', () => {
    const many = extendIndex({ through: 0, at: -1, last: '', rows: new Map() }, 0, Array.from({ length: 12_000 }, () => CODE));
    const index = parseLogIndex(many.map(([a, b]) => ({ 统一社会信用代码: a!, 日志行号: b! })));
    expect(indexedRows(index, CODE)).toBeNull();
    expect(extendIndex(index, 0, [OTHER, ''])).toEqual([['已索引行数', `2 0 ${OTHER}`], [OTHER, '0']]);
  });

  it('joins nearby matches into one read when the rows between cost less than a call', () => {
    expect(readBlocks([1, 2, 3, 10, 500], 1, 20)).toEqual([{ start: 1, count: 10 }, { start: 500, count: 1 }]);
    expect(readBlocks([], 1, 20)).toEqual([]);
  });
});

describe('logEvents', () => {
  it('turns lines into events with minutes, dates as dates (serials of earlier releases too)', () => {
    const events = logEvents([...LOG_HEADERS], [
      log({ 时间: "'2022-03-20 09:15:42", 账号: 'clerk@tc.gov.cn', 统一社会信用代码: CODE, 字段: '整改完成时限', 原值: '44742', 新值: '2022-09-30', 操作: '编辑企业（侧边栏）' }),
    ]);
    expect(events).toEqual([
      { at: '2022-03-20 09:15', account: 'clerk@tc.gov.cn', action: '编辑企业（侧边栏）', field: '整改完成时限', oldValue: '2022-06-30', newValue: '2022-09-30', kind: '修改', note: '' },
    ]);
  });

  it('puts a new enterprise that was logged only as 序号N into words, and keeps words already there', () => {
    const p = payload({ creditCode: CODE, name: '达州市甲企业' });
    const [legacy, described] = logEvents([...LOG_HEADERS], [
      log({ 时间: '2022-03-01 08:00:00', 工作表: '通川区', 统一社会信用代码: CODE, 企业名称: '达州市甲企业', 新值: '序号3', 操作: '新增企业（侧边栏）' }),
      log({ 时间: '2022-03-02 08:00:00', 统一社会信用代码: CODE, 新值: describeNewEnterprise(p, 4), 操作: '导入台账' }),
    ]);
    expect(legacy?.newValue).toBe('新增企业：序号3；达州市甲企业；通川区');
    expect(legacy?.kind).toBe('新增');
    expect(described?.newValue).toContain('新增企业：序号4；达州市甲企业；行业类别：钢铁；整治分类：改造提升；整改完成时限：2022-06-30');
  });

  it('reads the log by its header text, so moved columns still land in the right fields', () => {
    const header = ['账号', '时间', '操作', '统一社会信用代码', '字段', '原值', '新值'];
    const [e] = logEvents(header, [['a@b.cn', '2022-01-02 03:04:05', '发送提醒邮件', `${CODE}`, '提醒邮件', '', '主题：逾期']]);
    expect(e).toMatchObject({ at: '2022-01-02 03:04', account: 'a@b.cn', kind: '提醒', newValue: '主题：逾期' });
  });
});

describe('extension and acceptance lines', () => {
  it('files the office\'s 申请延期, its decision and 验收销号 lines under 延期 and 验收, dates as dates', () => {
    const events = logEvents([...LOG_HEADERS], [
      log({ 时间: '2022-04-01 10:00:00', 统一社会信用代码: CODE, 字段: '整改完成时限', 原值: '44742', 新值: '2022-09-30', 操作: '申请延期（待审批）：设备到货延迟' }),
      log({ 时间: '2022-04-03 16:20:00', 统一社会信用代码: CODE, 字段: '整改完成时限', 原值: '2022-06-30', 新值: '2022-09-30', 操作: '延期申请已批准：同意' }),
      log({ 时间: '2022-10-10 17:00:00', 统一社会信用代码: CODE, 字段: '整改状态', 原值: '已完成（待验收）', 新值: '已验收销号', 操作: '验收销号：通过（市生态环境局）' }),
    ]);
    expect(events.map((e) => [e.at, e.kind, e.oldValue, e.newValue])).toEqual([
      ['2022-04-01 10:00', '延期', '2022-06-30', '2022-09-30'],
      ['2022-04-03 16:20', '延期', '2022-06-30', '2022-09-30'],
      ['2022-10-10 17:00', '验收', '已完成（待验收）', '已验收销号'],
    ]);
  });
});

describe('ordering and filtering', () => {
  const e = (at: string, kind: '修改' | '提醒', action: string) => ({ at, account: '', action, field: '', oldValue: '', newValue: '', kind, note: '' });

  it('puts every source together oldest first, equal minutes in source order; newest first reverses', () => {
    const all = oldestFirst([e('2022-03-02 08:00', '修改', 'b'), e('2022-03-02 08:00', '修改', 'c')], [e('2022-03-01 09:00', '提醒', 'a')]);
    expect(all.map((x) => x.action)).toEqual(['a', 'b', 'c']);
    expect(newestFirst(all).map((x) => x.action)).toEqual(['c', 'b', 'a']);
    expect(filterKinds(all, ['提醒']).map((x) => x.action)).toEqual(['a']);
    expect(filterKinds(all, [])).toHaveLength(3);
  });

  it('reads times from date cells, serials and text alike, whatever the host zone', () => {
    expect(minuteText(new Date('2022-03-20T01:30:00Z'))).toBe('2022-03-20 09:30');
    expect(minuteText(44640.5)).toBe('2022-03-20 12:00');
    expect(minuteText('2022-03-20')).toBe('2022-03-20 00:00');
    expect(minuteText('不是时间')).toBe('');
  });
});

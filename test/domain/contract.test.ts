// The contract as code (src/domain/contract.ts) against the contract itself (docs/contract.md): tabs, columns, choices; and statusOf.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORIES, COLUMNS, COLUMN_COUNT, DEFAULT_DISTRICTS, FILLER_PREFIX, FILL_DATE_PREFIX, INDUSTRIES, LAND_TENURES, STATUSES, TAB, TITLE, TOWNS, YES_NO, statusOf,
} from '../../src/domain/contract';

const contract = readFileSync(join(__dirname, '..', '..', 'docs', 'contract.md'), 'utf8');
const section = (n: number): string => contract.slice(contract.indexOf(`## ${n}. `), contract.indexOf(`## ${n + 1}. `));
/** The §2 column table's rows: letter, header, payload key ('' for —), rule. */
const columnRows = [...section(2).matchAll(/^\| ([A-X]) \| (.+?) \| (.+?) \| (.+) \|$/gm)].map((m) => ({
  letter: m[1]!,
  header: m[2]!,
  key: m[3] === '—' ? '' : m[3]!.replace(/`/g, ''),
  rule: m[4]!,
}));
const ruleOf = (header: string): string => columnRows.find((r) => r.header === header)!.rule;
/** 'a, b, c or d' and 'one of: a, b, c' as a list. */
const choices = (text: string): string[] => text.replace(/^one of: /, '').split(/, | or /).map((s) => s.trim());

describe('the contract as code agrees with docs/contract.md', () => {
  test('§2: the 24 columns A–X, their headers and payload keys in the template order', () => {
    expect(columnRows).toHaveLength(24);
    expect(COLUMN_COUNT).toBe(columnRows.length);
    expect(COLUMNS.map((c) => [c.letter, c.header])).toEqual(columnRows.map((r) => [r.letter, r.header]));
    // The two stamp columns and 序号 have no payload key in the contract; every other key is the contract's.
    const keyed = COLUMNS.filter((_, i) => columnRows[i]!.key !== '');
    expect(keyed.map((c) => c.key)).toEqual(columnRows.filter((r) => r.key !== '').map((r) => r.key));
  });

  test('§2: the choices of 行业类别, 整治分类, 整改状态, 所在乡镇（街道）, 土地性质 and the 有/无 columns', () => {
    expect([...INDUSTRIES]).toEqual(choices(ruleOf('行业类别')));
    expect([...CATEGORIES]).toEqual(choices(ruleOf('整治分类')));
    expect([...STATUSES]).toEqual(choices(ruleOf('整改状态').replace(/; new rows start at .*$/, '')));
    expect([...LAND_TENURES]).toEqual(choices(ruleOf('厂区土地性质')));
    expect([...YES_NO]).toEqual(choices(ruleOf('有无安全评价')));
    const towns = ruleOf('所在乡镇（街道）').match(/\((.+)\) or (\S+)$/)!;
    expect([...TOWNS]).toEqual([...towns[1]!.split(', '), towns[2]!]);
  });

  test('§1–§2: the tab names, the title row, the 填报单位 and 填表时间 prefixes and the default districts', () => {
    // The table's first row names the district tabs; the others are the fixed tabs, in this order.
    const tabs = [...section(1).matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(tabs).toEqual([TAB.summary, TAB.config, TAB.log, TAB.reports]);
    expect(section(1)).toContain(DEFAULT_DISTRICTS.map((d) => `\`${d.district}\``).join(', '));
    expect(section(2)).toContain(`Title: \`${TITLE}\``);
    expect(section(2)).toContain(`exactly \`${FILLER_PREFIX}\``);
    expect(section(2)).toContain(`\`${FILL_DATE_PREFIX}YYYY-MM-DD\``);
    expect(section(2)).toContain(`(${DEFAULT_DISTRICTS.map((d) => `\`${d.filler}\``).join(', ')})`);
  });
});

describe('statusOf', () => {
  test('a blank 整改状态 is a new row, which starts at 未启动 (§2)', () => {
    for (const blank of ['', '   ', null, undefined]) expect(statusOf(blank)).toBe('未启动');
  });

  test('any other status is kept as typed, trimmed, even one that is not a choice (校验本表 flags that, not this)', () => {
    expect(statusOf(' 整改中 ')).toBe('整改中');
    expect(statusOf('已验收销号')).toBe('已验收销号');
    expect(statusOf('已搬走')).toBe('已搬走');
  });

  test('a non-text cell counts as blank', () => {
    expect(statusOf(3)).toBe('未启动');
    expect(statusOf(new Date())).toBe('未启动');
  });
});

// The contract as code (src/domain/contract.ts) against the contract itself (docs/contract.md, §1–§6 and §10): tabs, layout, columns, choices, settings, headers; and statusOf.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CATEGORIES, CLOSED_STATUS, COLUMNS, COLUMN_COUNT, CONFIG_DEFAULTS, CONFIG_HEADERS, CONFIG_LABEL, DEFAULT_DISTRICTS, DONE_STATUSES, FILLER_PREFIX,
  FILL_DATE_PREFIX, FIRST_DATA_ROW, HEADER_ROW, HELP, INDUSTRIES, INITIAL_STATUS, KEY_TOWNS, KEY_TOWNS_BY_DISTRICT, LAND_TENURES, MAX_TEXT_LENGTH,
  MENU_TITLE, NARRATIVE_MAX, NO, OPEN_STATUSES, RELOCATION, REPORT_HEADERS, STATUSES, SUMMARY_HEADERS, SUMMARY_TOTAL, SUMMARY_UPDATED_LABEL, TAB,
  TITLE, TOWNS, UNKNOWN_ACCOUNT, UPPER_HEADER, UPPER_HEADER_ROW, YES, YES_NO, statusOf,
} from '../../src/domain/contract';

const contract = readFileSync(join(__dirname, '..', '..', 'docs', 'contract.md'), 'utf8');
const section = (n: number): string => contract.slice(contract.indexOf(`## ${n}. `), contract.indexOf(`## ${n + 1}. `));
/** The first capture of `re` in `text`; fails the test, naming the pattern, when the contract no longer says it. */
const said = (text: string, re: RegExp): string => {
  const m = re.exec(text);
  if (!m?.[1]) throw new Error(`docs/contract.md no longer matches ${re}`);
  return m[1];
};
/** The `backticked` names in a stretch of text, in order. */
const ticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
/** '1,234' → 1234. */
const numberIn = (text: string): number => Number(text.replace(/,/g, ''));
/** The §2 column table's rows: letter, header, payload key ('' for —), rule. */
const columnRows = [...section(2).matchAll(/^\| ([A-X]) \| (.+?) \| (.+?) \| (.+) \|$/gm)].map((m) => ({
  letter: m[1]!,
  header: m[2]!,
  key: m[3] === '—' ? '' : m[3]!.replace(/`/g, ''),
  rule: m[4]!,
}));
const ruleOf = (header: string): string => columnRows.find((r) => r.header === header)!.rule;
const letterOf = (header: string): string => columnRows.find((r) => r.header === header)!.letter;
/** 'a, b, c or d' and 'one of: a, b, c' as a list. */
const choices = (text: string): string[] => text.replace(/^one of: /, '').split(/, | or /).map((s) => s.trim());
/** What a 填表说明 lists after its last colon: '…：租用；征用。' → ['租用', '征用']. */
const helpChoices = (help: string): string[] => help.slice(help.lastIndexOf('：') + 1).replace(/。$/, '').split('；');
const sorted = (list: readonly string[]): string[] => [...list].sort();
const statusChoices = (): string[] => choices(ruleOf('整改状态').replace(/; new rows start at .*$/, ''));

describe('the contract as code agrees with docs/contract.md', () => {
  test('§2: the 24 columns A–X, their headers and payload keys in the template order', () => {
    expect(columnRows).toHaveLength(24);
    expect(COLUMN_COUNT).toBe(columnRows.length);
    expect(COLUMNS.map((c) => [c.letter, c.header])).toEqual(columnRows.map((r) => [r.letter, r.header]));
    // The two stamp columns and 序号 have no payload key in the contract; every other key is the contract's.
    const keyed = COLUMNS.filter((_, i) => columnRows[i]!.key !== '');
    expect(keyed.map((c) => c.key)).toEqual(columnRows.filter((r) => r.key !== '').map((r) => r.key));
  });

  test('§2: the choices of 行业类别, 整治分类, 整改状态, 所在乡镇（街道）, 土地性质 and the three 有/无 columns', () => {
    expect([...INDUSTRIES]).toEqual(choices(ruleOf('行业类别')));
    expect([...CATEGORIES]).toEqual(choices(ruleOf('整治分类')));
    expect([...STATUSES]).toEqual(statusChoices());
    expect([...LAND_TENURES]).toEqual(choices(ruleOf('厂区土地性质')));
    for (const header of ['有无安全评价', '有无节能审查', '有无在线监测']) expect([header, ...YES_NO]).toEqual([header, ...choices(ruleOf(header))]);
    const towns = ruleOf('所在乡镇（街道）').match(/\((.+)\) or (\S+)$/)!;
    expect([...TOWNS]).toEqual([...towns[1]!.split(', '), towns[2]!]);
  });

  test('§2: the key areas are the 11 the contract lists, grouped under the three districts of §1', () => {
    const count = numberIn(said(ruleOf('所在乡镇（街道）'), /one of the (\d+) key areas/));
    expect(KEY_TOWNS).toHaveLength(count);
    expect(KEY_TOWNS).toEqual(said(ruleOf('所在乡镇（街道）'), /\((.+)\)/).split(', '));
    expect(KEY_TOWNS_BY_DISTRICT.map((d) => d.district)).toEqual(ticked(said(section(1), /^\| (`[^|]+`) \| that district's/m)));
  });

  test('§2: new rows start at the status the contract names, 已验收销号 closes, and 搬迁升级 is the category whose 备注 needs the area', () => {
    expect(INITIAL_STATUS).toBe(said(ruleOf('整改状态'), /new rows start at (\S+)$/));
    expect(RELOCATION).toBe(said(ruleOf('备注'), /for (\S+) it must state/));
    expect(CLOSED_STATUS).toBe(said(section(10), /set 整改状态 to `([^`]+)`/));
    expect(ruleOf('销号日期')).toContain(`required when the status is ${CLOSED_STATUS}`);
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

  test('§2: row 3 is the upper header, merged as the contract says; row 4 the lower header; data from row 5', () => {
    const text = said(section(2), /Upper header: ([\s\S]+?)\n4\. /);
    // '`序号`, `辖区` (each merged down …)': an item without its own note shares the next one's 'each'.
    const items = [...text.matchAll(/`([^`]+)`(?: \(([^)]*)\))?/g)].map((m) => ({ text: m[1]!, note: m[2] ?? '' }));
    const expected = items.map((item, i) => {
      const note = item.note || (items[i + 1]?.note.startsWith('each ') ? items[i + 1]!.note : '');
      const across = /merged across ([A-X])–([A-X])/.exec(note);
      return across
        ? { letter: across[1]!, text: item.text, span: across[2]!.charCodeAt(0) - across[1]!.charCodeAt(0) + 1, down: false }
        : { letter: letterOf(item.text), text: item.text, span: 1, down: note.includes('merged down') };
    });
    expect(expected.map((e) => e.text)).toEqual(['序号', '辖区', '企业基本信息', '环保问题整改', '备注', '跟踪管理']);
    expect(UPPER_HEADER.map((h) => ({ ...h }))).toEqual(expected);
    expect(UPPER_HEADER_ROW).toBe(numberIn(said(section(2), /^(\d+)\. Upper header/m)));
    expect(HEADER_ROW).toBe(numberIn(said(section(2), /^(\d+)\. Lower header/m)));
    expect(FIRST_DATA_ROW).toBe(numberIn(said(section(2), /^\d+\. Data rows, .*from row (\d+)\./m)));
  });

  test('§2: the text limit, the account written when Sheets hides it, and the 填表说明 help texts', () => {
    expect(MAX_TEXT_LENGTH).toBe(numberIn(said(section(2), /Text fields hold at most ([\d,]+) characters/)));
    expect(UNKNOWN_ACCOUNT).toBe(said(section(2), /or `([^`]+)` when Sheets does not reveal it/));
    // The 填表说明 of 土地性质 and 整治分类 list the column's choices (in the template's own order); 新址用地面积's gives the example and the units.
    expect(HELP.landTenure).toContain('厂区土地性质');
    expect(sorted(helpChoices(HELP.landTenure))).toEqual(sorted(choices(ruleOf('厂区土地性质'))));
    expect(HELP.category).toContain('整治分类');
    expect(sorted(helpChoices(HELP.category))).toEqual(sorted(choices(ruleOf('整治分类'))));
    expect(HELP.remarks).toContain(RELOCATION);
    expect(HELP.remarks).toContain(said(ruleOf('备注'), /as `([^`]+)`/));
    for (const unit of choices(said(ruleOf('备注'), /\(([^)]+)\)$/))) expect(HELP.remarks).toContain(unit);
  });

  test("§3: 配置's district table headers, its labelled cells and their defaults", () => {
    const s3 = section(3);
    expect([...CONFIG_HEADERS]).toEqual(ticked(said(s3, /header row contains (.+?), one row per district/)));
    const labels = [
      ...ticked(said(s3, /^- (A cell `[^`]+`).*$/m)),
      ...ticked(said(s3, /(a cell `[^`]+`) likewise/)),
      ...[...said(s3, /value in the cell to the right: ([\s\S]+?)\.\n/).matchAll(/`([^`]+)` \(/g)].map((m) => m[1]!),
    ];
    expect(labels).toHaveLength(11);
    expect(sorted(Object.values(CONFIG_LABEL))).toEqual(sorted(labels));
    // Each default as the contract writes it; 首个报送季度's is computed (the quarter of the first 初始化), not a constant.
    const defaults = Object.fromEntries([...s3.matchAll(/`([^`]+)` \((?:[^)]*?, )?default ([^):]+?)\)/g)].map((m) => [m[1]!, m[2]!]));
    const ours = Object.fromEntries(
      Object.entries(CONFIG_DEFAULTS).map(([key, v]) => [CONFIG_LABEL[key as keyof typeof CONFIG_DEFAULTS], typeof v === 'boolean' ? (v ? YES : NO) : String(v)]),
    );
    expect(ours).toEqual(defaults);
    expect(Object.keys(defaults)).toHaveLength(7);
    expect([YES, NO]).toEqual(said(s3, /`仅工作日发送提醒` \(([^,]+), default/).split('/'));
  });

  test('§4: 汇总 begins with the headers the contract requires; what it adds are terms the contract counts per district', () => {
    const s4 = section(4);
    const required = ticked(said(s4, /header row contains ([\s\S]+?), with one row per district/));
    expect(required).toHaveLength(13);
    expect(SUMMARY_HEADERS.slice(0, required.length)).toEqual(required);
    const added = SUMMARY_HEADERS.slice(required.length);
    expect(added).toEqual(['久未更新', '待修正', '已延期']);
    expect(s4).toMatch(/久未更新 \(stale\)[\s\S]+counts them per district/);
    expect(s4).toContain('a row is 待修正 exactly when');
    expect(section(10)).toContain('(`已延期`) per district');
    expect(SUMMARY_TOTAL).toBe(said(s4, /and a `([^`]+)` row/));
    expect(SUMMARY_UPDATED_LABEL).toBe(said(s4, /a cell `([^`]+)` with the time of the last recompute/));
  });

  test("§4: the open statuses are those that can be overdue or due soon; the done ones are 完成率's numerator", () => {
    const s4 = section(4);
    expect([...OPEN_STATUSES]).toEqual(choices(said(s4, /^- 逾期 \(overdue\): .* the status is (.+)\.$/m)));
    expect([...OPEN_STATUSES]).toEqual(choices(said(s4, /^- 即将到期 \(due soon\): status (.+?) and /m)));
    expect([...DONE_STATUSES]).toEqual(said(s4, /^- 完成率: \((.+?)\) ÷/m).split(' + '));
    expect(sorted([...OPEN_STATUSES, ...DONE_STATUSES])).toEqual(sorted(statusChoices()));
  });

  test('§5: 报送记录 holds the 进展说明 and a count for every status; the 进展说明 limit; §6: the menu title', () => {
    const s5 = section(5);
    expect(REPORT_HEADERS).toContain(said(s5, /under the header `([^`]+)`/));
    for (const status of statusChoices()) expect([status, REPORT_HEADERS.includes(status as (typeof REPORT_HEADERS)[number])]).toEqual([status, true]);
    expect(NARRATIVE_MAX).toBe(numberIn(said(s5, /at most ([\d,]+)\s+characters/)));
    expect(MENU_TITLE).toBe(said(section(6), /adds a menu `([^`]+)`/));
  });
});

describe('statusOf', () => {
  const initial = said(ruleOf('整改状态'), /new rows start at (\S+)$/);

  test('a blank 整改状态 is a new row, which starts where the contract says (§2: 未启动)', () => {
    expect(initial).toBe('未启动');
    for (const blank of ['', '   ', '\n', null, undefined]) expect(statusOf(blank)).toBe(initial);
  });

  test('any other status is kept as typed, trimmed, even one that is not a choice (校验本表 flags that, not this)', () => {
    expect(statusOf(' 整改中 ')).toBe('整改中');
    expect(statusOf('已验收销号')).toBe('已验收销号');
    expect(statusOf('已搬走')).toBe('已搬走');
  });

  test('a non-text cell counts as blank', () => {
    expect(statusOf(3)).toBe(initial);
    expect(statusOf(new Date(Date.UTC(2023, 0, 1)))).toBe(initial);
  });
});

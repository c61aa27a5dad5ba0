// The 配置 tab: its district table and labelled settings parsed from one getValues, and the layout setup writes.
import { cellText, columnIndex, columnLetter } from './grid';

import type { Day } from './calendar-day';
import { dayOf, parseDay, startOfDay } from './calendar-day';
import type { PlanRules } from './enterprise';
import type { ValidationCriterion } from './ledger-template';
import { formulaString } from './ledger-template';
import { CONFIG_DEFAULTS, CONFIG_HEADERS, CONFIG_LABEL, DEFAULT_DISTRICTS, NO, TAB, YES } from './contract';
import type { Quarter } from './quarter';
import { QUARTER_FORM, parseQuarter, quarterLabel } from './quarter';

interface DistrictSettings {
  district: string;
  filler: string;
  contact: string;
  emails: string[];
  editors: string[];
}

export interface Settings {
  districts: DistrictSettings[];
  officeEmails: string[];
  admins: string[];
  reminderHour: number;
  reportDay: number;
  dueSoonDays: number;
  rectifyBy: Day;
  acceptBy: Day;
  /** 首个报送季度: no earlier quarter counts as missing; null when the cell is empty (then the earliest report decides). */
  firstQuarter: Quarter | null;
  /** 进展更新提醒天数: an open enterprise untouched for more than this many days is 久未更新. */
  staleDays: number;
  /** 仅工作日发送提醒: hold the daily reminders back on weekends and State Council holidays. */
  workdaysOnly: boolean;
  /** '' unless sendMode is 'test'. */
  testRecipient: string;
  /** 试运行 (all mail to 测试收件人), 正式发送, or 已停止发送 (测试收件人 present but invalid: nothing goes out but the office's digest). */
  sendMode: SendMode;
}

export type SendMode = 'test' | 'live' | 'stopped';
const SEND_MODE_LABEL: Record<SendMode, string> = { test: '试运行', live: '正式发送', stopped: '已停止发送' };
type SettingKey = keyof typeof CONFIG_LABEL;

interface SettingsResult {
  settings: Settings;
  /** Chinese, one per bad cell; the default (or the valid part) was used in its place. */
  errors: string[];
  /** The labelled settings that are present but invalid, each with its message (also in `errors`). */
  invalid: Partial<Record<SettingKey, string>>;
}

/** The mode line shown at the top of 汇总, in every preview and in the digest. */
export function sendModeText(settings: Pick<Settings, 'sendMode' | 'testRecipient'>): string {
  const mode = `发送模式：${SEND_MODE_LABEL[settings.sendMode]}`;
  if (settings.sendMode === 'test') return `${mode}（邮件只发给 ${settings.testRecipient}）`;
  return settings.sendMode === 'stopped' ? `${mode}（“${CONFIG_LABEL.testRecipient}”无效，改正或清空前只向领导小组办公室发日报）` : mode;
}

const EMAIL = /^[^\s@,;，；]+@[^\s@,;，；]+\.[^\s@,;，；]+$/;
const SEPARATORS = /[,;，；\s]+/;

const cellRef = (r: number, c: number): string => `${TAB.config}!${columnLetter(c)}${r + 1}`;
const text = cellText;
const isBlank = (v: unknown): boolean => text(v) === '';

/** Addresses as written by people: any mix of separators, upper case, repeats. */
export function splitAddresses(value: unknown): string[] {
  const seen = new Set<string>();
  for (const part of text(value).split(SEPARATORS)) {
    const address = part.trim().toLowerCase();
    if (address) seen.add(address);
  }
  return [...seen];
}

function addressList(value: unknown, where: string, label: string, errors: string[]): string[] {
  const all = splitAddresses(value);
  const bad = all.filter((a) => !EMAIL.test(a));
  if (bad.length) errors.push(`${where}“${label}”中的地址无效：${bad.join('、')}，已忽略`);
  return all.filter((a) => EMAIL.test(a));
}

/** Records a present-but-invalid setting under its key and in the flat list. */
type Flag = (key: SettingKey, message: string) => void;

interface Found {
  value: unknown;
  where: string;
}

function findLabel(grid: unknown[][], label: string): Found | null {
  for (let r = 0; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    for (let c = 0; c < row.length; c += 1) {
      if (text(row[c]) === label) return { value: row[c + 1] ?? '', where: cellRef(r, c + 1) };
    }
  }
  return null;
}

/** One labelled setting as read: its value cell (null when the label is absent or the cell blank), and its flag. */
interface Field {
  readonly found: Found | null;
  readonly label: string;
  readonly flag: (message: string) => void;
}

/** The one shape of a bad value's message: `B9“标签”应为…（现为“…”），已按…处理`. */
const wrong = (f: Field, found: Found, want: string, then: string): void =>
  f.flag(`${found.where}“${f.label}”应${want}（现为“${text(found.value)}”）${then}`);
const byDefault = (fallback: unknown): string => `，已按默认值${fallback}处理，请改正`;

function integerSetting(f: Field, fallback: number, [min, max]: readonly [number, number]): number {
  if (!f.found) return fallback;
  const v = f.found.value;
  const n = typeof v === 'number' ? v : /^\d+$/.test(text(v)) ? Number(text(v)) : NaN;
  if (Number.isInteger(n) && n >= min && n <= max) return n;
  wrong(f, f.found, `为${min}到${max}之间的整数`, byDefault(fallback));
  return fallback;
}

function daySetting(f: Field, fallback: Day): Day {
  if (!f.found) return fallback;
  const v = f.found.value;
  const day = v instanceof Date ? (Number.isNaN(v.getTime()) ? null : dayOf(v)) : parseDay(text(v));
  if (day) return day;
  wrong(f, f.found, '为日期（YYYY-MM-DD）', byDefault(fallback));
  return fallback;
}

function quarterSetting(f: Field): Quarter | null {
  if (!f.found) return null;
  const q = parseQuarter(text(f.found.value));
  if (q) return q;
  wrong(f, f.found, QUARTER_FORM, '，已按最早一次报送所在季度处理');
  return null;
}

/** 是/否. An unreadable value holds reminders back on days off: the reading that sends less mail. */
function yesNoSetting(f: Field, fallback: boolean): boolean {
  if (!f.found) return fallback;
  const v = text(f.found.value);
  if (v === YES) return true;
  if (v === NO) return false;
  wrong(f, f.found, `为“${YES}”或“${NO}”`, `，已按“${YES}”处理（节假日和周末不发提醒）`);
  return true;
}
const LABELS = new Set<string>(Object.values(CONFIG_LABEL));
/** The heading over the labelled settings, under the district table (see defaultConfigGrid). */
const SETTINGS_HEADING = '设置项';
const NOTE = '说明';
/** The line over the labelled settings, as setup writes it and as a read recognises it. */
const SETTINGS_HEADER_CELLS: readonly string[] = [SETTINGS_HEADING, '值', NOTE];

function parseDistricts(grid: unknown[][], errors: string[]): DistrictSettings[] {
  let headerRow = -1;
  let cols: number[] = [];
  for (let r = 0; r < grid.length && headerRow < 0; r += 1) {
    const row = (grid[r] ?? []).map(text);
    const found = CONFIG_HEADERS.map((h) => row.indexOf(h));
    if (found.every((c) => c >= 0)) {
      headerRow = r;
      cols = found;
    }
  }
  const fallback = (): DistrictSettings[] =>
    DEFAULT_DISTRICTS.map((d) => ({ district: d.district, filler: d.filler, contact: '', emails: [], editors: [] }));
  if (headerRow < 0) {
    errors.push(`“${TAB.config}”中找不到辖区表（表头应含：${CONFIG_HEADERS.join('、')}），已按默认辖区处理，且各辖区仅领导小组办公室可编辑`);
    return fallback();
  }
  const [dc, fc, cc, ec, ac] = cols as [number, number, number, number, number];
  const districts: DistrictSettings[] = [];
  // The table ends at the first row without a district name, or where the labelled settings start (their heading
  // or a label): a district typed into the blank row under the table must not turn the 设置项 line into a district.
  let end = grid.length;
  for (let r = headerRow + 1; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    const district = text(row[dc]);
    if (district === '' || LABELS.has(district) || district === SETTINGS_HEADING) {
      end = r;
      break;
    }
    if (districts.some((d) => d.district === district)) {
      errors.push(`${cellRef(r, dc)}辖区“${district}”重复，已忽略这一行`);
      continue;
    }
    districts.push({
      district,
      filler: text(row[fc]),
      contact: text(row[cc]),
      emails: addressList(row[ec], cellRef(r, ec), `${district} ${CONFIG_HEADERS[3]}`, errors),
      editors: addressList(row[ac], cellRef(r, ac), `${district} ${CONFIG_HEADERS[4]}`, errors),
    });
  }
  if (districts.length === 0) {
    errors.push(`“${TAB.config}”的辖区表中没有任何辖区，已按默认辖区处理`);
    return fallback();
  }
  errors.push(...unknownLines(grid, headerRow, end));
  return districts;
}

/**
 * Lines outside the district table that are neither a labelled setting, its heading, nor a note beside them:
 * reported (with their cell), never adopted as a district or a setting.
 */
function unknownLines(grid: unknown[][], headerRow: number, tableEnd: number): string[] {
  const problems: string[] = [];
  for (let r = 0; r < grid.length; r += 1) {
    if (r >= headerRow && r < tableEnd) continue;
    const row = (grid[r] ?? []).map(text);
    const first = row.findIndex((v) => v !== '');
    if (first < 0) continue;
    const known = row.some((v) => LABELS.has(v)) || SETTINGS_HEADER_CELLS.every((h, i) => row[first + i] === h);
    if (!known) problems.push(`${cellRef(r, first)}“${row[first]}”不属于辖区表，也不是已知的设置项，未采用；辖区请填在辖区表内（表下不留空行），其他内容请删除`);
  }
  return problems;
}

// Quarter-end months have at least 30 days, so a report day up to 30 exists in every quarter.
const INT_RANGE = {
  reminderHour: [0, 23],
  reportDay: [1, 30],
  dueSoonDays: [0, 365],
  staleDays: [1, 365],
} as const satisfies Partial<Record<SettingKey, readonly [number, number]>>;

const ADDRESS = '[^\\s@,;，；]+@[^\\s@,;，；]+\\.[^\\s@,;，；]+';
const REGEX: Partial<Record<SettingKey, string>> = {
  officeEmail: `^\\s*${ADDRESS}([,;，；\\s]+${ADDRESS})*[,;，；\\s]*$`,
  testRecipient: `^\\s*${ADDRESS}\\s*$`,
  firstQuarter: '^\\s*\\d{4}年第[1-4]季度\\s*$',
};
REGEX.admins = REGEX.officeEmail;

const range = (key: keyof typeof INT_RANGE, what: string): string =>
  `${what}（${INT_RANGE[key][0]}到${INT_RANGE[key][1]}之间的整数，默认${CONFIG_DEFAULTS[key]}）`;

/** What each setting means and the values it allows: the 说明 beside it and its validation's help text. */
const SETTING_HELP: Record<SettingKey, string> = {
  officeEmail: '市经信局领导小组办公室，抄送每封提醒邮件（一个或多个邮箱地址，用逗号、分号或空格分隔）',
  admins: '除表格所有者外，可管理全部辖区和本配置的账号（一个或多个邮箱地址）',
  reminderHour: range('reminderHour', '每天发送提醒的整点，北京时间'),
  reportDay: range('reportDay', '每季度末月的报送截止日'),
  dueSoonDays: range('dueSoonDays', '整改完成时限前多少天起提醒'),
  rectifyBy: `行动方案规定的整治完成日期（日期，默认${CONFIG_DEFAULTS.rectifyBy}）`,
  acceptBy: `整改完成时限不得晚于此日期；方案延期时在此修改（日期，默认${CONFIG_DEFAULTS.acceptBy}）`,
  firstQuarter: '此前的季度不计为未报送（写成“2022年第1季度”，可留空）',
  staleDays: range('staleDays', '未启动或整改中的企业超过多少天未更新记为久未更新'),
  workdaysOnly: `选“${YES}”则周末和法定节假日不发提醒（“${YES}”或“${NO}”，默认“${NO}”）`,
  testRecipient: '试运行时邮件的唯一收件人（一个邮箱地址；留空即正式发送；无效则停止发送）',
};

interface SettingValidation {
  readonly criterion: ValidationCriterion;
  readonly helpText: string;
}

/**
 * The data validation of one setting's value cell (contract §3: checked where it is typed, the allowed range in its
 * help text); `cell` is its A1 address, which the custom formulas refer to. The same ranges are checked on read.
 */
export function settingValidation(key: SettingKey, cell: string): SettingValidation {
  const helpText = `${CONFIG_LABEL[key]}：${SETTING_HELP[key]}`;
  const regex = REGEX[key];
  if (regex) return { criterion: { kind: 'formula', formula: `=REGEXMATCH(TO_TEXT(${cell}),${formulaString(regex)})` }, helpText };
  if (key === 'rectifyBy' || key === 'acceptBy') return { criterion: { kind: 'date' }, helpText };
  if (key === 'workdaysOnly') return { criterion: { kind: 'list', values: [YES, NO] }, helpText };
  const [min, max] = INT_RANGE[key as keyof typeof INT_RANGE];
  return { criterion: { kind: 'formula', formula: `=AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=${min},${cell}<=${max})` }, helpText };
}

/** Where each labelled setting's value cell is (1-based), for setup's data validation. */
export function settingCells(grid: unknown[][]): { key: SettingKey; row: number; col: number; a1: string }[] {
  const out: { key: SettingKey; row: number; col: number; a1: string }[] = [];
  for (const key of Object.keys(CONFIG_LABEL) as SettingKey[]) {
    const found = findLabel(grid, CONFIG_LABEL[key]);
    if (!found) continue;
    const a1 = found.where.slice(TAB.config.length + 1);
    const m = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!m) continue;
    const col = columnIndex(m[1]!) + 1;
    out.push({ key, row: Number(m[2]), col, a1 });
  }
  return out;
}

export function parseSettings(grid: unknown[][]): SettingsResult {
  const errors: string[] = [];
  const invalid: Partial<Record<SettingKey, string>> = {};
  const flag: Flag = (key, message) => {
    errors.push(message);
    invalid[key] = invalid[key] ? `${invalid[key]}；${message}` : message;
  };
  const districts = parseDistricts(grid, errors);
  const at = (key: SettingKey): Found | null => findLabel(grid, CONFIG_LABEL[key]);
  const listAt = (key: SettingKey): string[] => {
    const found = at(key);
    if (!found) return [];
    const mark: string[] = [];
    const list = addressList(found.value, found.where, CONFIG_LABEL[key], mark);
    for (const m of mark) flag(key, m);
    return list;
  };
  const officeEmails = listAt('officeEmail');
  const admins = listAt('admins');
  const field = (key: SettingKey): Field => {
    const found = at(key);
    return { found: found && !isBlank(found.value) ? found : null, label: CONFIG_LABEL[key], flag: (m) => flag(key, m) };
  };
  const testRecipient = testRecipientSetting(field('testRecipient'));
  const int = (key: keyof typeof INT_RANGE) => integerSetting(field(key), CONFIG_DEFAULTS[key], INT_RANGE[key]);
  const day = (key: 'rectifyBy' | 'acceptBy') => daySetting(field(key), CONFIG_DEFAULTS[key]);
  const settings: Settings = {
    districts,
    officeEmails,
    admins,
    reminderHour: int('reminderHour'),
    reportDay: int('reportDay'),
    dueSoonDays: int('dueSoonDays'),
    rectifyBy: day('rectifyBy'),
    acceptBy: day('acceptBy'),
    firstQuarter: quarterSetting(field('firstQuarter')),
    staleDays: int('staleDays'),
    workdaysOnly: yesNoSetting(field('workdaysOnly'), CONFIG_DEFAULTS.workdaysOnly),
    testRecipient: testRecipient ?? '',
    sendMode: testRecipient === null ? 'stopped' : testRecipient === '' ? 'live' : 'test',
  };
  if (settings.rectifyBy > settings.acceptBy) {
    flag('rectifyBy', `“${CONFIG_LABEL.rectifyBy}”（${settings.rectifyBy}）晚于“${CONFIG_LABEL.acceptBy}”（${settings.acceptBy}），请核对`);
  }
  return { settings, errors, invalid };
}

/**
 * '' when empty (live sending), the one address when valid, null when present but not exactly one valid address:
 * a typo must never turn test mode into live sending (contract §3), so it stops every email but the office's digest.
 */
function testRecipientSetting(f: Field): string | null {
  if (!f.found) return '';
  const all = splitAddresses(f.found.value);
  if (all.length === 1 && EMAIL.test(all[0]!)) return all[0]!;
  wrong(f, f.found, '为一个有效的邮箱地址或留空', '：已停止发送提醒邮件，改正或清空后恢复');
  return null;
}

export function defaultSettings(): Settings {
  return parseSettings(defaultConfigGrid()).settings;
}

function defaultValue(key: SettingKey, firstQuarter?: Quarter): unknown {
  if (key === 'rectifyBy' || key === 'acceptBy') return startOfDay(CONFIG_DEFAULTS[key]);
  if (key === 'firstQuarter') return firstQuarter ? quarterLabel(firstQuarter) : '';
  if (key === 'workdaysOnly') return CONFIG_DEFAULTS.workdaysOnly ? YES : NO;
  return key in CONFIG_DEFAULTS ? CONFIG_DEFAULTS[key as keyof typeof CONFIG_DEFAULTS] : '';
}

/**
 * What setup writes on an empty 配置: a rectangle, dates as real dates, numbers as numbers. `firstQuarter` is the
 * quarter setup runs in (contract §3's default for 首个报送季度); without it the cell is left empty.
 */
export function defaultConfigGrid(firstQuarter?: Quarter): unknown[][] {
  const width = CONFIG_HEADERS.length + 1;
  const pad = (cells: unknown[]): unknown[] => [...cells, ...new Array(Math.max(0, width - cells.length)).fill('')];
  const rows: unknown[][] = [
    [...CONFIG_HEADERS, NOTE],
    ...DEFAULT_DISTRICTS.map((d, i) =>
      pad([
        d.district,
        d.filler,
        '',
        '',
        '',
        i === 0 ? '联系邮箱接收提醒邮件；编辑账号可编辑本辖区工作表，留空则仅领导小组办公室可编辑；多个地址用逗号、分号或空格分隔' : '',
      ]),
    ),
    pad([]),
    pad([...SETTINGS_HEADER_CELLS]),
    ...(Object.keys(CONFIG_LABEL) as SettingKey[]).map((key) => pad([CONFIG_LABEL[key], defaultValue(key, firstQuarter), SETTING_HELP[key]])),
  ];
  return rows;
}

/** The rules a record is checked against that come from 配置 rather than from the contract, on `today`. */
export function planRules(settings: Settings, today: Day): PlanRules {
  return { districts: settings.districts.map((d) => d.district), acceptBy: settings.acceptBy, today };
}

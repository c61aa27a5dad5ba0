// The enterprise record (contract §2/§7 payload): the one zod schema shared by the server and the sidebar.

import * as z from 'zod/mini';
import type { Day } from './calendar-day';
import { dayTextProblem } from './calendar-day';
import {
  CATEGORIES,
  CLOSED_STATUS,
  COLUMNS,
  INDUSTRIES,
  KEY_TOWNS_BY_DISTRICT,
  LAND_TENURES,
  MAX_TEXT_LENGTH,
  RELOCATION,
  STATUSES,
  statusOf,
  TOWNS,
  YES_NO,
} from './contract';
import type { ColumnKey, PayloadKey } from './contract';
import { creditCodeNote, creditCodeProblem, normaliseCreditCode } from './credit-code';
import { charCount, hasVisible, visibleLength } from './text';

/** Problems that stop a save: the record is refused, nothing is written. */
export type FieldErrors = Partial<Record<PayloadKey | '_form', string>>;

/**
 * Notes (warnings) that do not stop a save: something worth a second look that may well be right (a town that
 * belongs to another district, a code registered outside 达州). Data beside the errors, never an exception; the
 * sidebar shows them apart from errors and a direct edit marks them 【提示】 rather than 【校验】.
 */
export type FieldNotes = Partial<Record<PayloadKey, string>>;

export type ValidationResult =
  | { ok: true; value: EnterprisePayload; notes: FieldNotes }
  | { ok: false; errors: FieldErrors; notes: FieldNotes };

/** What the plan fixes beyond the contract's field rules; read from 配置, plus the day the check runs. */
export interface PlanRules {
  districts: readonly string[];
  /** 验收截止日期 */
  acceptBy: Day;
  /** Today in Asia/Shanghai: a 销号日期 after it is refused. Passed in, never read from a clock here. */
  today: Day;
}

const isPayloadKeyColumn = (key: ColumnKey): key is PayloadKey => key !== 'serial' && key !== 'updatedAt' && key !== 'updatedBy';

/** The payload keys in column order (contract §2). */
export const PAYLOAD_KEYS: readonly PayloadKey[] = COLUMNS.map((c) => c.key).filter(isPayloadKeyColumn);

export const isPayloadKey = (key: unknown): key is PayloadKey => typeof key === 'string' && (PAYLOAD_KEYS as readonly string[]).includes(key);

const header = (key: PayloadKey): string => COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Each payload key's column header: what every message calls the field. */
export const FIELD_LABELS = {
  district: header('district'),
  name: header('name'),
  address: header('address'),
  creditCode: header('creditCode'),
  industry: header('industry'),
  employees: header('employees'),
  landTenure: header('landTenure'),
  safetyAssessment: header('safetyAssessment'),
  energyReview: header('energyReview'),
  eiaApproval: header('eiaApproval'),
  dischargePermit: header('dischargePermit'),
  onlineMonitoring: header('onlineMonitoring'),
  problems: header('problems'),
  measures: header('measures'),
  category: header('category'),
  deadline: header('deadline'),
  progress: header('progress'),
  remarks: header('remarks'),
  status: header('status'),
  town: header('town'),
  closedOn: header('closedOn'),
} as const satisfies Record<PayloadKey, string>;

// Full-width or ASCII colon, optional spaces (RE2's \s lacks the ideographic space, hence the explicit one);
// plain ASCII escapes only, so RE2 (REGEXMATCH) and JavaScript read it alike.
export const RELOCATION_AREA_REGEX_SOURCE = '新址用地面积[\\s　]*[:：][\\s　]*([0-9]+(\\.[0-9]+)?)[\\s　]*(亩|平方米|公顷)';
export const RELOCATION_AREA_PATTERN = new RegExp(RELOCATION_AREA_REGEX_SOURCE);

export const AREA_UNITS = ['亩', '平方米', '公顷'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];
const isAreaUnit = (u: string | undefined): u is AreaUnit => (AREA_UNITS as readonly (string | undefined)[]).includes(u);

export function relocationArea(remarks: string): { value: number; unit: AreaUnit } | null {
  const m = RELOCATION_AREA_PATTERN.exec(remarks);
  const unit = m?.[3];
  if (!m || !isAreaUnit(unit)) return null;
  return { value: Number(m[1]), unit };
}

export const EMPLOYEES_MESSAGE = '职工人数应为不小于0的整数';
const FORM_MESSAGE = '提交的数据格式不正确';

const label = (key: PayloadKey): string => FIELD_LABELS[key];
const tooLong = (key: PayloadKey): string => `${label(key)}不能超过${MAX_TEXT_LENGTH}个字`;

/** Required text must show something: spaces or zero-width characters alone are not an answer. */
function requiredText(key: PayloadKey, missing = `请填写${label(key)}`) {
  return z.string(missing).check(
    z.trim(),
    z.refine(hasVisible, missing),
    z.maxLength(MAX_TEXT_LENGTH, tooLong(key)),
  );
}

function nameText() {
  const missing = `请填写${label('name')}`;
  const length = `${label('name')}应为2到100个字`;
  return z.string(missing).check(
    z.trim(),
    z.superRefine((s: string, ctx) => {
      const message = s === '' ? missing : !hasVisible(s) ? `${missing}（当前只有空格或不可见字符）` : visibleLength(s) < 2 || charCount(s) > 100 ? length : null;
      if (message) ctx.issues.push({ code: 'custom', message, input: s });
    }),
  );
}

/** Optional text arrives as '' from the form but may be absent or null from other callers. */
function optionalText(key: PayloadKey) {
  return z.pipe(
    z.transform((v: unknown) => (v === undefined || v === null ? '' : v)),
    z.string(`${label(key)}应为文字`).check(z.trim(), z.maxLength(MAX_TEXT_LENGTH, tooLong(key))),
  );
}

/** A choice of the contract: trimmed text, then `z.enum`, so the output type is the union of the options. */
function choice<const T extends readonly string[]>(key: PayloadKey, options: T) {
  const missing = `请选择${label(key)}`;
  const unknownChoice = `${label(key)}应为以下之一：${options.join('、')}`;
  return z.pipe(
    z.string(missing).check(z.trim()),
    z.enum(options, { error: (issue) => (issue.input === '' ? missing : unknownChoice) }),
  );
}

function isEmployeeCount(v: unknown): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0;
  return typeof v === 'string' && /^\d+$/.test(v.trim()) && Number.isSafeInteger(Number(v.trim()));
}

/** Why a day's text is not a day, naming the field: a wrong shape asks for the format, an impossible day says so. */
export function dayMessage(key: PayloadKey, text: string): string | null {
  const problem = dayTextProblem(text);
  if (!problem) return null;
  if (problem.kind === 'format') return `${label(key)}应为日期，格式为YYYY-MM-DD（如2023-06-30）`;
  return `${label(key)}“${text.trim()}”不是有效日期（${problem.reason}）`;
}

/** A `YYYY-MM-DD` day; empty is allowed only when `optional`, and `notAfter` bounds it from above. */
function day(key: PayloadKey, options: { optional?: boolean; notAfter?: { day: Day; message: string } } = {}) {
  const missing = `请填写${label(key)}`;
  return z.string(missing).check(
    z.trim(),
    // No check aborts: an abort would hold back the cross-field rules, and the form must show every problem at once.
    z.superRefine((s: string, ctx) => {
      if (s === '') {
        if (options.optional !== true) ctx.issues.push({ code: 'custom', message: missing, input: s });
        return;
      }
      const message = dayMessage(key, s);
      if (message) ctx.issues.push({ code: 'custom', message, input: s });
      else if (options.notAfter && s > options.notAfter.day) ctx.issues.push({ code: 'custom', message: options.notAfter.message, input: s });
    }),
  );
}

export function enterpriseSchema(rules: PlanRules) {
  return z
    .object(
      {
      district: choice('district', rules.districts),
      name: nameText(),
      address: requiredText('address'),
      creditCode: z.pipe(
        z.string('请填写统一社会信用代码').check(z.overwrite(normaliseCreditCode)),
        z.string().check(
          z.superRefine((code: string, ctx) => {
            const problem = creditCodeProblem(code);
            if (problem) ctx.issues.push({ code: 'custom', message: problem, input: code });
          }),
        ),
      ),
      industry: choice('industry', INDUSTRIES),
      employees: z.pipe(
        z.unknown().check(z.refine(isEmployeeCount, EMPLOYEES_MESSAGE)),
        z.transform((v: unknown) => Number(typeof v === 'string' ? v.trim() : v) + 0),
      ),
      landTenure: choice('landTenure', LAND_TENURES),
      safetyAssessment: choice('safetyAssessment', YES_NO),
      energyReview: choice('energyReview', YES_NO),
      eiaApproval: requiredText('eiaApproval', `请填写${label('eiaApproval')}（没有请填“无”）`),
      dischargePermit: requiredText('dischargePermit', `请填写${label('dischargePermit')}（没有请填“无”）`),
      onlineMonitoring: choice('onlineMonitoring', YES_NO),
      problems: requiredText('problems'),
      measures: requiredText('measures'),
      category: choice('category', CATEGORIES),
      // Decision: a deadline after the plan's 验收截止日期 is refused rather than accepted with a warning, because
      // the plan ends there; when the plan is extended the office moves 验收截止日期 in 配置 and the rule follows.
      deadline: day('deadline', {
        notAfter: {
          day: rules.acceptBy,
          message: `${label('deadline')}不能晚于验收截止日期${rules.acceptBy}；如方案延期，请领导小组办公室在“配置”中修改“验收截止日期”`,
        },
      }),
      progress: optionalText('progress'),
      remarks: optionalText('remarks'),
      status: z.pipe(
        z.transform((v: unknown) => (v === undefined || v === null || typeof v === 'string' ? statusOf(v) : v)),
        choice('status', STATUSES),
      ),
      town: choice('town', TOWNS),
      closedOn: z.pipe(
        z.transform((v: unknown) => (v === undefined || v === null ? '' : v)),
        // 销号 records a joint acceptance that has happened: a day after today cannot be one yet.
        day('closedOn', {
          optional: true,
          notAfter: { day: rules.today, message: `${label('closedOn')}不能晚于今天（${rules.today}），请填写联合验收通过的日期` },
        }),
      ),
      } satisfies Record<PayloadKey, z.ZodMiniType>,
      FORM_MESSAGE,
    )
    .check(
      // Runs even when other fields failed, so the form shows every problem at once.
      z.superRefine(
        (value, ctx) => {
          for (const p of crossFieldProblems(value)) {
            ctx.issues.push({ code: 'custom', message: p.message, path: [p.key], input: value });
          }
        },
        { when: () => true },
      ),
    );
}

/** The enterprise record: what the schema outputs, so the type can never drift from the rules. */
export type EnterprisePayload = z.output<ReturnType<typeof enterpriseSchema>>;

type Schema = ReturnType<typeof enterpriseSchema>;

/** A field's answer from its own schema: its output when valid, FIELD_FAILED otherwise. */
const FIELD_FAILED = Symbol('field failed');
type FieldAnswer = { readonly value: unknown } | typeof FIELD_FAILED;

interface Checker {
  readonly rules: PlanRules;
  readonly key: string;
  readonly schema: Schema;
  /** The object's fields in shape order, each with its answers so far by input value. */
  readonly fields: readonly { readonly key: string; readonly schema: z.ZodMiniType; readonly answers: Map<unknown, FieldAnswer> }[];
  /** Every field of the shape, in its order, each undefined: a valid record's output is a copy of it, filled in. */
  readonly blank: Readonly<Record<string, undefined>>;
}

// 校验本表 and 汇总 validate every row with the same rules: build the schema once per distinct rule set.
let cache: Checker | null = null;
function cachedChecker(rules: PlanRules): Checker {
  if (cache?.rules === rules) return cache;
  const key = JSON.stringify([rules.districts, rules.acceptBy, rules.today]);
  if (cache?.key !== key) {
    const schema = enterpriseSchema(rules);
    const fields = Object.entries(schema.shape).map(([k, field]) => ({ key: k, schema: field as z.ZodMiniType, answers: new Map<unknown, FieldAnswer>() }));
    cache = { rules, key, schema, fields, blank: Object.fromEntries(fields.map((f) => [f.key, undefined])) };
  } else cache = { ...cache, rules };
  return cache;
}

const ANSWERS_KEPT = 20_000;

/**
 * The schema's fast path for a valid record, with no second rule written anywhere: each field's own schema (the
 * object's shape) answers once per distinct value (most columns hold a few choices, so 10,000 rows parse a few
 * hundred values), then the object's one cross-field rule (crossFieldProblems, as the schema's check calls it).
 * Null as soon as anything fails: the record then goes through the whole schema, so every message is zod's.
 */
function fastParse(checker: Checker, input: unknown): EnterprisePayload | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  // Filled in place: one object of the output's final shape, not 21 shape changes per row (10,000 rows in 汇总).
  const out: Record<string, unknown> = { ...checker.blank };
  for (const field of checker.fields) {
    const v = record[field.key];
    let answer = field.answers.get(v);
    if (answer === undefined) {
      const parsed = field.schema.safeParse(v);
      answer = parsed.success ? { value: parsed.data } : FIELD_FAILED;
      // Only values compared by value are kept (an object's identity says nothing of its content).
      if (v === null || typeof v !== 'object') {
        if (field.answers.size >= ANSWERS_KEPT) field.answers.clear();
        field.answers.set(v, answer);
      }
    }
    if (answer === FIELD_FAILED || answer.value === undefined) return null;
    out[field.key] = answer.value;
  }
  return crossFieldProblems(out).length === 0 ? (out as EnterprisePayload) : null;
}

const loose = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Rules that tie two fields together; each problem sits on the field the contract names. */
export function crossFieldProblems(record: Record<string, unknown>): { key: PayloadKey; message: string }[] {
  const problems: { key: PayloadKey; message: string }[] = [];
  if (typeof record !== 'object' || record === null) return problems;
  const status = statusOf(record['status']);
  const closedOn = loose(record['closedOn']);
  const area = relocationArea(loose(record['remarks']));
  if (loose(record['category']) === RELOCATION && !area) {
    problems.push({
      key: 'remarks',
      message: `${RELOCATION}类企业须在${label('remarks')}中注明新址用地面积，如“新址用地面积：12.5亩”（单位：亩、平方米或公顷）`,
    });
  } else if (loose(record['category']) === RELOCATION && area && !(area.value > 0)) {
    problems.push({
      key: 'remarks',
      message: `新址用地面积应大于0（现为${area.value}${area.unit}），请在${label('remarks')}中填写新址的实际用地面积`,
    });
  }
  if (status === CLOSED_STATUS && closedOn === '') {
    problems.push({ key: 'closedOn', message: `整改状态为“${CLOSED_STATUS}”时须填写${label('closedOn')}` });
  }
  if (status !== CLOSED_STATUS && closedOn !== '') {
    problems.push({
      key: 'closedOn',
      message: `只有整改状态为“${CLOSED_STATUS}”时才填写${label('closedOn')}，请清空或修改整改状态`,
    });
  }
  return problems;
}

/**
 * The notes of a record (see FieldNotes): checked on what was typed, loosely, and only where the field itself is
 * valid, so a note never stands in for an error.
 */
export function recordNotes(input: unknown): FieldNotes {
  const notes: FieldNotes = {};
  if (typeof input !== 'object' || input === null) return notes;
  const record = input as Record<string, unknown>;
  const codeNote = creditCodeNote(normaliseCreditCode(loose(record['creditCode'])));
  if (codeNote) notes.creditCode = codeNote;
  const district = loose(record['district']);
  const town = loose(record['town']);
  const home = townDistrict(town);
  const expected = home === null ? undefined : KEY_TOWNS_BY_DISTRICT.find((d) => d.district === district);
  if (home && expected && home !== district) {
    notes.town = `“${town}”是${home}的重点区域，与辖区“${district}”不一致（${district}的重点区域为${expected.towns.join('、')}），请核对；如领导小组办公室另有划分，可保留`;
  }
  return notes;
}

/** Each key area's district, looked up once per row by 校验本表 and 汇总. */
const HOME_OF: ReadonlyMap<string, string> = new Map(KEY_TOWNS_BY_DISTRICT.flatMap((d) => d.towns.map((t): [string, string] => [t, d.district])));

/** The district whose key areas include `town`, or null (其他 and unknown towns belong to none). */
export function townDistrict(town: string): string | null {
  return HOME_OF.get(town) ?? null;
}

/** First message per field, from zod's own flattenError; issues without a field go to `_form`; notes beside them. */
export function validateEnterprise(input: unknown, rules: PlanRules): ValidationResult {
  const checker = cachedChecker(rules);
  const notes = recordNotes(input);
  const fast = fastParse(checker, input);
  if (fast) return { ok: true, value: fast, notes };
  const result = checker.schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, notes };
  const flat = z.flattenError(result.error);
  const errors: FieldErrors = {};
  for (const key of PAYLOAD_KEYS) {
    const first = flat.fieldErrors[key]?.[0];
    if (first !== undefined) errors[key] = first;
  }
  if (flat.formErrors.length > 0 || Object.keys(errors).length === 0) errors._form = FORM_MESSAGE;
  for (const key of PAYLOAD_KEYS) if (errors[key] !== undefined) delete notes[key];
  return { ok: false, errors, notes };
}

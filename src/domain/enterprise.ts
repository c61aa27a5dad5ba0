// The enterprise record (contract §2/§7 payload): the one zod schema shared by the server and the sidebar.

import * as z from 'zod/mini';
import type { Day } from './calendar-day';
import { parseDay } from './calendar-day';
import {
  CATEGORIES,
  CLOSED_STATUS,
  COLUMNS,
  INDUSTRIES,
  INITIAL_STATUS,
  LAND_TENURES,
  MAX_TEXT_LENGTH,
  RELOCATION,
  STATUSES,
  TOWNS,
  YES_NO,
} from './contract';
import type { ColumnKey, PayloadKey } from './contract';
import { creditCodeProblem, normaliseCreditCode } from './credit-code';

export type FieldErrors = Partial<Record<PayloadKey | '_form', string>>;

export type ValidationResult = { ok: true; value: EnterprisePayload } | { ok: false; errors: FieldErrors };

/** What the plan fixes beyond the contract's field rules; read from 配置. */
export interface PlanRules {
  districts: readonly string[];
  /** 验收截止日期 */
  acceptBy: Day;
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

function requiredText(key: PayloadKey, missing = `请填写${label(key)}`) {
  return z.string(missing).check(
    z.trim(),
    z.minLength(1, missing),
    z.maxLength(MAX_TEXT_LENGTH, tooLong(key)),
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

function day(key: PayloadKey, check?: { notAfter: Day; message: string }) {
  return z.string(`请填写${label(key)}`).check(
    z.trim(),
    z.minLength(1, { error: `请填写${label(key)}`, abort: true }),
    z.refine((s: string) => parseDay(s) !== null, {
      error: `${label(key)}应为有效日期（YYYY-MM-DD）`,
      abort: true,
    }),
    z.refine((s: string) => !check || s <= check.notAfter, check?.message ?? ''),
  );
}

export function enterpriseSchema(rules: PlanRules) {
  return z
    .object(
      {
      district: choice('district', rules.districts),
      name: z.string(`请填写${label('name')}`).check(
        z.trim(),
        z.minLength(2, `${label('name')}应为2到100个字`),
        z.maxLength(100, `${label('name')}应为2到100个字`),
      ),
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
        notAfter: rules.acceptBy,
        message: `${label('deadline')}不能晚于验收截止日期${rules.acceptBy}；如方案延期，请领导小组办公室在“配置”中修改“验收截止日期”`,
      }),
      progress: optionalText('progress'),
      remarks: optionalText('remarks'),
      status: z.pipe(
        z.transform((v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? INITIAL_STATUS : v)),
        choice('status', STATUSES),
      ),
      town: choice('town', TOWNS),
      closedOn: z.pipe(
        z.transform((v: unknown) => (v === undefined || v === null ? '' : v)),
        z.string(`${label('closedOn')}应为有效日期（YYYY-MM-DD）`).check(
          z.trim(),
          z.refine((s: string) => s === '' || parseDay(s) !== null, `${label('closedOn')}应为有效日期（YYYY-MM-DD）`),
        ),
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

// 校验本表 validates every row with the same rules: build the schema once per distinct rule set.
let cache: { key: string; schema: ReturnType<typeof enterpriseSchema> } | null = null;
function cachedSchema(rules: PlanRules): ReturnType<typeof enterpriseSchema> {
  const key = JSON.stringify([rules.districts, rules.acceptBy]);
  if (cache?.key !== key) cache = { key, schema: enterpriseSchema(rules) };
  return cache.schema;
}

const loose = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Rules that tie two fields together; each problem sits on the field the contract names. */
export function crossFieldProblems(record: Record<string, unknown>): { key: PayloadKey; message: string }[] {
  const problems: { key: PayloadKey; message: string }[] = [];
  if (typeof record !== 'object' || record === null) return problems;
  const status = loose(record['status']) || INITIAL_STATUS;
  const closedOn = loose(record['closedOn']);
  if (loose(record['category']) === RELOCATION && !relocationArea(loose(record['remarks']))) {
    problems.push({
      key: 'remarks',
      message: `${RELOCATION}类企业须在${label('remarks')}中注明新址用地面积，如“新址用地面积：12.5亩”（单位：亩、平方米或公顷）`,
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

/** First message per field, from zod's own flattenError; issues without a field go to `_form`. */
export function validateEnterprise(input: unknown, rules: PlanRules): ValidationResult {
  const result = cachedSchema(rules).safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const flat = z.flattenError(result.error);
  const errors: FieldErrors = {};
  for (const key of PAYLOAD_KEYS) {
    const first = flat.fieldErrors[key]?.[0];
    if (first !== undefined) errors[key] = first;
  }
  if (flat.formErrors.length > 0 || Object.keys(errors).length === 0) errors._form = FORM_MESSAGE;
  return { ok: false, errors };
}

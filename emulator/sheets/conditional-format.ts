// Conditional format rules (script side builder and rule) and their evaluation for the preview.
import { containsCell } from './a1';
import { computed, displayValue } from './cell-values';
import { expectArgs, isBool, isDate, isNum, isStr, orNull, type Ctx } from './context';
import type { CfFormat, CfRuleData } from './cf-data';
import { evaluateFormula, isTruthy } from './formula';
import type { SpreadsheetModel } from './spreadsheet-model';
import { NotImplemented } from '../kernel/errors';
import type { Range } from './range';
import { rangeFacade, rangeRefOf } from './range-ref';
import { dateToSerial } from './serial';
import type { SheetModel } from './sheet-model';
import type { RangeRef } from './validation-rule';

export const BOOLEAN_CRITERIA = Object.freeze(Object.fromEntries([
  'CELL_EMPTY', 'CELL_NOT_EMPTY', 'DATE_AFTER', 'DATE_BEFORE', 'DATE_EQUAL_TO', 'DATE_NOT_EQUAL_TO', 'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE', 'DATE_EQUAL_TO_RELATIVE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH', 'TEXT_ENDS_WITH', 'CUSTOM_FORMULA',
].map((k) => [k, k])) as Record<string, string>);

/** A rule while it is built or handed to the script: ranges may still name any sheet. */
interface Draft {
  ranges: RangeRef[];
  condition: { type: string; values: unknown[] } | null;
  format: CfFormat;
}

const copyDraft = (d: Draft): Draft => ({
  ranges: d.ranges.map((r) => ({ sheet: r.sheet, box: { ...r.box } })),
  condition: d.condition ? { type: d.condition.type, values: d.condition.values.slice() } : null,
  format: { ...d.format },
});

export class BooleanCondition {
  readonly #condition: { type: string; values: unknown[] };
  readonly #format: CfFormat;
  constructor(condition: { type: string; values: unknown[] }, format: CfFormat) {
    this.#condition = condition;
    this.#format = format;
  }
  getCriteriaType(): string {
    return this.#condition.type;
  }
  getCriteriaValues(): unknown[] {
    return this.#condition.values.map((v) => (isDate(v) ? new Date(v.getTime()) : v));
  }
  getBackground(): string | null {
    return this.#format.background ?? null;
  }
  getFontColor(): string | null {
    return this.#format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.#format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.#format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.#format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.#format.underline ?? null;
  }
}

export class ConditionalFormatRule {
  readonly #ctx: Ctx;
  readonly #draft: Draft;
  constructor(ctx: Ctx, draft: Draft) {
    this.#ctx = ctx;
    this.#draft = copyDraft(draft);
  }
  _draft(): Draft {
    return copyDraft(this.#draft);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.#ctx, this.#draft);
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.#draft.condition ? new BooleanCondition({ ...this.#draft.condition }, { ...this.#draft.format }) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): Range[] {
    return this.#draft.ranges.map((r) => rangeFacade(this.#ctx, r));
  }
}

export class ConditionalFormatRuleBuilder {
  readonly #ctx: Ctx;
  #draft: Draft;
  constructor(ctx: Ctx, from?: Draft) {
    this.#ctx = ctx;
    this.#draft = from ? copyDraft(from) : { ranges: [], condition: null, format: {} };
  }
  #when(type: string, values: unknown[]): this {
    this.#draft.condition = { type, values };
    return this;
  }
  #fmt<K extends keyof CfFormat>(call: string, key: K, value: CfFormat[K], check: (v: unknown) => boolean): this {
    expectArgs(`ConditionalFormatRuleBuilder.${call}`, [value], orNull(check));
    this.#draft.format[key] = typeof value === 'string' ? (value.toLowerCase() as CfFormat[K]) : value;
    return this;
  }

  build(): ConditionalFormatRule {
    // the reference: "A rule must have at least one range"
    if (this.#draft.ranges.length === 0) throw new Error('A rule must have at least one range.');
    if (!this.#draft.condition) throw new NotImplemented('ConditionalFormatRuleBuilder.build(gradient or no condition)');
    return new ConditionalFormatRule(this.#ctx, this.#draft);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.#ctx, this.#draft);
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.#draft.condition ? new BooleanCondition({ ...this.#draft.condition }, { ...this.#draft.format }) : null;
  }
  getRanges(): Range[] {
    return this.#draft.ranges.map((r) => rangeFacade(this.#ctx, r));
  }
  setRanges(ranges: Range[]): this {
    const refs = Array.isArray(ranges) ? ranges.map(rangeRefOf) : null;
    expectArgs('ConditionalFormatRuleBuilder.setRanges', [ranges], () => refs !== null && refs.every((r) => r !== null));
    this.#draft.ranges = refs as RangeRef[];
    return this;
  }
  setBackground(color: string | null): this {
    return this.#fmt('setBackground', 'background', color, isStr);
  }
  setFontColor(color: string | null): this {
    return this.#fmt('setFontColor', 'fontColor', color, isStr);
  }
  setBold(bold: boolean | null): this {
    return this.#fmt('setBold', 'bold', bold, isBool);
  }
  setItalic(italic: boolean | null): this {
    return this.#fmt('setItalic', 'italic', italic, isBool);
  }
  setStrikethrough(strikethrough: boolean | null): this {
    return this.#fmt('setStrikethrough', 'strikethrough', strikethrough, isBool);
  }
  setUnderline(underline: boolean | null): this {
    return this.#fmt('setUnderline', 'underline', underline, isBool);
  }
  whenFormulaSatisfied(formula: string): this {
    expectArgs('ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula], isStr);
    return this.#when('CUSTOM_FORMULA', [formula]);
  }
  whenCellEmpty(): this {
    return this.#when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.#when('CELL_NOT_EMPTY', []);
  }
  #text(call: string, type: string, text: string): this {
    expectArgs(`ConditionalFormatRuleBuilder.${call}`, [text], isStr);
    return this.#when(type, [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.#text('whenTextEqualTo', 'TEXT_EQUAL_TO', text);
  }
  whenTextContains(text: string): this {
    return this.#text('whenTextContains', 'TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): this {
    return this.#text('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextStartsWith(text: string): this {
    return this.#text('whenTextStartsWith', 'TEXT_STARTS_WITH', text);
  }
  whenTextEndsWith(text: string): this {
    return this.#text('whenTextEndsWith', 'TEXT_ENDS_WITH', text);
  }
  #number(call: string, type: string, ...n: number[]): this {
    expectArgs(`ConditionalFormatRuleBuilder.${call}`, n, ...n.map(() => isNum));
    return this.#when(type, n);
  }
  whenNumberBetween(start: number, end: number): this {
    return this.#number('whenNumberBetween', 'NUMBER_BETWEEN', start, end);
  }
  whenNumberNotBetween(start: number, end: number): this {
    return this.#number('whenNumberNotBetween', 'NUMBER_NOT_BETWEEN', start, end);
  }
  whenNumberEqualTo(n: number): this {
    return this.#number('whenNumberEqualTo', 'NUMBER_EQUAL_TO', n);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.#number('whenNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', n);
  }
  whenNumberGreaterThan(n: number): this {
    return this.#number('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', n);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.#number('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  whenNumberLessThan(n: number): this {
    return this.#number('whenNumberLessThan', 'NUMBER_LESS_THAN', n);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.#number('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  #date(call: string, type: string, d: Date): this {
    expectArgs(`ConditionalFormatRuleBuilder.${call}`, [d], isDate);
    return this.#when(type, [new Date(d.getTime())]);
  }
  whenDateAfter(date: Date): this {
    return this.#date('whenDateAfter', 'DATE_AFTER', date);
  }
  whenDateBefore(date: Date): this {
    return this.#date('whenDateBefore', 'DATE_BEFORE', date);
  }
  whenDateEqualTo(date: Date): this {
    return this.#date('whenDateEqualTo', 'DATE_EQUAL_TO', date);
  }
  withCriteria(criteria: string, args: unknown[]): this {
    expectArgs('ConditionalFormatRuleBuilder.withCriteria', [criteria, args], (c) => typeof c === 'string' && c in BOOLEAN_CRITERIA, Array.isArray);
    return this.#when(criteria, args.slice());
  }
}

/** The stored form of a script rule on `sheet` (every range must be on that sheet). */
export function toStored(rule: ConditionalFormatRule, sheet: SheetModel): CfRuleData {
  const d = rule._draft();
  if (d.ranges.some((r) => r.sheet !== sheet.name)) {
    throw new Error('Conditional format rule cannot reference a different sheet.');
  }
  return { ranges: d.ranges.map((r) => r.box), condition: d.condition, format: d.format };
}

export function toScript(ctx: Ctx, data: CfRuleData, sheet: SheetModel): ConditionalFormatRule {
  return new ConditionalFormatRule(ctx, {
    ranges: data.ranges.map((box) => ({ sheet: sheet.name, box: { ...box } })),
    condition: data.condition ? { type: data.condition.type, values: data.condition.values.slice() } : null,
    format: { ...data.format },
  });
}

function matches(model: SpreadsheetModel, sheet: SheetModel, rule: CfRuleData, row: number, col: number): boolean {
  const c = rule.condition;
  if (!c) return false;
  const v = computed(sheet, row, col, model);
  const text = () => displayValue(sheet, row, col, model).toLowerCase();
  const arg = String(c.values[0] ?? '').toLowerCase();
  const n = typeof v === 'number' ? v : NaN;
  const [a, b] = [Number(c.values[0]), Number(c.values[1])];
  const day = (x: unknown) => Math.floor(isDate(x) ? dateToSerial(x, model.timeZone) : Number(x));
  switch (c.type) {
    case 'CUSTOM_FORMULA': {
      const first = rule.ranges[0]!;
      return isTruthy(evaluateFormula(String(c.values[0]), model.formulaHost(sheet), { row: first.row, col: first.col }, { row, col }));
    }
    case 'CELL_EMPTY': return v === null;
    case 'CELL_NOT_EMPTY': return v !== null;
    case 'TEXT_EQUAL_TO': return text() === arg;
    case 'TEXT_NOT_EQUAL_TO': return text() !== arg;
    case 'TEXT_CONTAINS': return text().includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN': return !text().includes(arg);
    case 'TEXT_STARTS_WITH': return text().startsWith(arg);
    case 'TEXT_ENDS_WITH': return text().endsWith(arg);
    case 'NUMBER_BETWEEN': return n >= a && n <= b;
    case 'NUMBER_NOT_BETWEEN': return n < a || n > b;
    case 'NUMBER_EQUAL_TO': return n === a;
    case 'NUMBER_NOT_EQUAL_TO': return !Number.isNaN(n) && n !== a;
    case 'NUMBER_GREATER_THAN': return n > a;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO': return n >= a;
    case 'NUMBER_LESS_THAN': return n < a;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': return n <= a;
    case 'DATE_AFTER': return !Number.isNaN(n) && Math.floor(n) > day(c.values[0]);
    case 'DATE_BEFORE': return !Number.isNaN(n) && Math.floor(n) < day(c.values[0]);
    case 'DATE_EQUAL_TO': return !Number.isNaN(n) && Math.floor(n) === day(c.values[0]);
    default: throw new NotImplemented(`conditional format criteria ${c.type}`);
  }
}

/** The rule that formats a cell: the first, in order, whose ranges hold it and whose condition holds. */
export function matchingRule(model: SpreadsheetModel, sheet: SheetModel, row: number, col: number): CfRuleData | null {
  for (const rule of sheet.cfRules) {
    if (!rule.ranges.some((b) => containsCell(b, row, col))) continue;
    if (matches(model, sheet, rule, row, col)) return rule;
  }
  return null;
}

/** The background a user sees (conditional formats over the cell's own), for the preview. */
export function effectiveBackground(model: SpreadsheetModel, sheet: SheetModel, row: number, col: number): string {
  const rule = matchingRule(model, sheet, row, col);
  return rule?.format.background ?? sheet.backgroundAt(row, col);
}


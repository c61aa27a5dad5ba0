// DataValidationBuilder and DataValidation (script side), with the real method names; no requireTextMatchesPattern.
import type { Ctx } from './context';
import { expectArgs, isBool, isDate, isNum, isStr, optional } from './context';
import { rangeFacade, rangeRefOf } from './range-ref';
import type { RangeRef, RuleData } from './validation-rule';

export const DATA_VALIDATION_CRITERIA = Object.freeze(Object.fromEntries([
  'DATE_AFTER', 'DATE_BEFORE', 'DATE_BETWEEN', 'DATE_EQUAL_TO', 'DATE_IS_VALID_DATE', 'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER', 'DATE_ON_OR_BEFORE', 'NUMBER_BETWEEN', 'NUMBER_EQUAL_TO', 'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO', 'NUMBER_LESS_THAN', 'NUMBER_LESS_THAN_OR_EQUAL_TO', 'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO', 'TEXT_CONTAINS', 'TEXT_DOES_NOT_CONTAIN', 'TEXT_EQUAL_TO', 'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL', 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'CUSTOM_FORMULA', 'CHECKBOX',
].map((k) => [k, k])) as Record<string, string>);

export const LIST_LIMIT_MESSAGE = "The data validation rule has more items than the limit of 500. Use the 'List from a range' criteria instead.";

const isRange = (v: unknown): boolean => rangeRefOf(v) !== null;

/** Criteria values as the script sees them: Ranges instead of stored references, copies of lists and Dates. */
function scriptValues(ctx: Ctx, values: readonly unknown[]): unknown[] {
  return values.map((v) => {
    if (Array.isArray(v)) return v.slice();
    if (isDate(v)) return new Date(v.getTime());
    if (v !== null && typeof v === 'object' && 'box' in v) return rangeFacade(ctx, v as RangeRef);
    return v;
  });
}

export class DataValidation {
  readonly #ctx: Ctx;
  readonly #data: RuleData;
  constructor(ctx: Ctx, data: RuleData) {
    this.#ctx = ctx;
    this.#data = data;
  }
  /** The stored data (host side). */
  _data(): RuleData {
    return this.#data;
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.#ctx, this.#data);
  }
  getAllowInvalid(): boolean {
    return this.#data.allowInvalid;
  }
  getCriteriaType(): string {
    return this.#data.type;
  }
  getCriteriaValues(): unknown[] {
    return scriptValues(this.#ctx, this.#data.values);
  }
  getHelpText(): string {
    return this.#data.helpText;
  }
}

export class DataValidationBuilder {
  readonly #ctx: Ctx;
  #type: string | null = null;
  #values: unknown[] = [];
  #allowInvalid = true;
  #helpText = '';

  constructor(ctx: Ctx, from?: RuleData) {
    this.#ctx = ctx;
    if (from) {
      this.#type = from.type;
      this.#values = from.values.slice();
      this.#allowInvalid = from.allowInvalid;
      this.#helpText = from.helpText;
    }
  }

  #set(type: string, values: unknown[]): this {
    this.#type = type;
    this.#values = values;
    return this;
  }

  build(): DataValidation {
    if (this.#type === null) throw new Error('You must specify a criteria type for the data validation rule.');
    return new DataValidation(this.#ctx, { type: this.#type, values: this.#values.slice(), allowInvalid: this.#allowInvalid, helpText: this.#helpText });
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this.#ctx);
    b.#type = this.#type;
    b.#values = this.#values.slice();
    b.#allowInvalid = this.#allowInvalid;
    b.#helpText = this.#helpText;
    return b;
  }
  getAllowInvalid(): boolean {
    return this.#allowInvalid;
  }
  getCriteriaType(): string | null {
    return this.#type;
  }
  getCriteriaValues(): unknown[] {
    return scriptValues(this.#ctx, this.#values);
  }
  getHelpText(): string {
    return this.#helpText;
  }
  setAllowInvalid(allowInvalidData: boolean): this {
    expectArgs('DataValidationBuilder.setAllowInvalid', [allowInvalidData], isBool);
    this.#allowInvalid = allowInvalidData;
    return this;
  }
  setHelpText(helpText: string): this {
    expectArgs('DataValidationBuilder.setHelpText', [helpText], isStr);
    this.#helpText = helpText;
    return this;
  }
  withCriteria(criteria: string, args: unknown[]): this {
    if (!(criteria in DATA_VALIDATION_CRITERIA) || !Array.isArray(args)) {
      expectArgs('DataValidationBuilder.withCriteria', [criteria, args], () => false);
    }
    return this.#set(criteria, args.map((a) => rangeRefOf(a) ?? a));
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    return this.#set('CHECKBOX', [checkedValue, uncheckedValue].filter((v) => v !== undefined));
  }
  requireDate(): this {
    return this.#set('DATE_IS_VALID_DATE', []);
  }
  #date(call: string, type: string, ...dates: unknown[]): this {
    expectArgs(`DataValidationBuilder.${call}`, dates, ...dates.map(() => isDate));
    return this.#set(type, dates.map((d) => new Date((d as Date).getTime())));
  }
  requireDateAfter(date: Date): this {
    return this.#date('requireDateAfter', 'DATE_AFTER', date);
  }
  requireDateBefore(date: Date): this {
    return this.#date('requireDateBefore', 'DATE_BEFORE', date);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.#date('requireDateBetween', 'DATE_BETWEEN', start, end);
  }
  requireDateEqualTo(date: Date): this {
    return this.#date('requireDateEqualTo', 'DATE_EQUAL_TO', date);
  }
  requireDateNotBetween(start: Date, end: Date): this {
    return this.#date('requireDateNotBetween', 'DATE_NOT_BETWEEN', start, end);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.#date('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', date);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.#date('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', date);
  }
  requireFormulaSatisfied(formula: string): this {
    expectArgs('DataValidationBuilder.requireFormulaSatisfied', [formula], isStr);
    return this.#set('CUSTOM_FORMULA', [formula]);
  }
  #number(call: string, type: string, ...numbers: unknown[]): this {
    expectArgs(`DataValidationBuilder.${call}`, numbers, ...numbers.map(() => isNum));
    return this.#set(type, numbers);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.#number('requireNumberBetween', 'NUMBER_BETWEEN', start, end);
  }
  requireNumberEqualTo(number: number): this {
    return this.#number('requireNumberEqualTo', 'NUMBER_EQUAL_TO', number);
  }
  requireNumberGreaterThan(number: number): this {
    return this.#number('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', number);
  }
  requireNumberGreaterThanOrEqualTo(number: number): this {
    return this.#number('requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }
  requireNumberLessThan(number: number): this {
    return this.#number('requireNumberLessThan', 'NUMBER_LESS_THAN', number);
  }
  requireNumberLessThanOrEqualTo(number: number): this {
    return this.#number('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', number);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this.#number('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberNotEqualTo(number: number): this {
    return this.#number('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', number);
  }
  #text(call: string, type: string, text: unknown): this {
    expectArgs(`DataValidationBuilder.${call}`, [text], isStr);
    return this.#set(type, [text]);
  }
  requireTextContains(text: string): this {
    return this.#text('requireTextContains', 'TEXT_CONTAINS', text);
  }
  requireTextDoesNotContain(text: string): this {
    return this.#text('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', text);
  }
  requireTextEqualTo(text: string): this {
    return this.#text('requireTextEqualTo', 'TEXT_EQUAL_TO', text);
  }
  requireTextIsEmail(): this {
    return this.#set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.#set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): this {
    expectArgs('DataValidationBuilder.requireValueInList', [values, showDropdown], Array.isArray, optional(isBool));
    return this.#set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }
  requireValueInRange(range: unknown, showDropdown?: boolean): this {
    expectArgs('DataValidationBuilder.requireValueInRange', [range, showDropdown], isRange, optional(isBool));
    return this.#set('VALUE_IN_RANGE', [rangeRefOf(range), showDropdown ?? true]);
  }
}

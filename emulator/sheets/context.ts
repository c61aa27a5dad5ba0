// What every facade object shares: the model, the execution's host callbacks, and Apps Script's argument checks.
import { signatureMismatch } from '../kernel/errors';
export { isDate } from '../kernel/realm';
import type { SpreadsheetModel } from './spreadsheet-model';

export interface SheetsHost {
  now(): Date;
  activeUserEmail(): string;
  getUi(): unknown;
  toast(message: string, title: string, timeoutSeconds: number): void;
}

export interface Ctx {
  readonly model: SpreadsheetModel;
  readonly host: SheetsHost;
}

/** Throws Apps Script's signature error unless every check passes. */
export function expectArgs(call: string, args: readonly unknown[], ...checks: ((v: unknown) => boolean)[]): void {
  if (checks.some((check, i) => !check(args[i]))) throw signatureMismatch(`SpreadsheetApp.${call}`, args);
}

export const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);
export const isInt = (v: unknown): v is number => isNum(v) && Number.isFinite(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
export const isGrid = (v: unknown): v is unknown[][] => Array.isArray(v) && v.every((row) => Array.isArray(row));
export const optional = (check: (v: unknown) => boolean) => (v: unknown): boolean => v === undefined || check(v);
export const orNull = (check: (v: unknown) => boolean) => (v: unknown): boolean => v === null || check(v);
export const anything = (): boolean => true;

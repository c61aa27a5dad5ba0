// Data-validation rules as the model stores them: plain criteria data, placed with the anchor their formula is written for.
import type { Box } from './a1';

/** A range named by a rule (requireValueInRange): sheet name and box. */
export interface RangeRef {
  sheet: string;
  box: Box;
}

export interface RuleData {
  /** A SpreadsheetApp.DataValidationCriteria name. */
  type: string;
  /** The criteria values: strings, numbers, booleans, Dates, string[] (lists) or a RangeRef. */
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

/** One setDataValidation(s) call's rule: shared by every cell it covers; relative references count from the anchor. */
export interface StoredRule {
  rule: RuleData;
  anchorRow: number;
  anchorCol: number;
}

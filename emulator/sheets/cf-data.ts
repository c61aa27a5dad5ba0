// Conditional-format rules as the model stores them.
import type { Box } from './a1';

export interface CfFormat {
  background?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  strikethrough?: boolean | null;
  underline?: boolean | null;
}

export interface CfRuleData {
  ranges: Box[];
  /** A SpreadsheetApp.BooleanCriteria name and its values; relative references count from the first range's top-left. */
  condition: { type: string; values: unknown[] } | null;
  format: CfFormat;
}

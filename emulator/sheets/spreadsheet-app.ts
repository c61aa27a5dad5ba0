// The SpreadsheetApp global of one execution: the bound spreadsheet, builders, getUi and the enums.
import { BOOLEAN_CRITERIA, ConditionalFormatRuleBuilder } from './conditional-format';
import { expectArgs, isStr, type Ctx, type SheetsHost } from './context';
import { DATA_VALIDATION_CRITERIA, DataValidationBuilder } from './data-validation';
import type { SpreadsheetModel } from './spreadsheet-model';
import { PROTECTION_TYPE } from './protection';
import type { Range } from './range';
import type { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';

const enumOf = (names: string[]): Record<string, string> => Object.freeze(Object.fromEntries(names.map((k) => [k, k])));

export class SpreadsheetApp {
  readonly #ctx: Ctx;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly BooleanCriteria = BOOLEAN_CRITERIA;
  readonly ProtectionType = PROTECTION_TYPE;
  readonly BorderStyle = enumOf(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE']);
  readonly WrapStrategy = enumOf(['WRAP', 'OVERFLOW', 'CLIP']);
  readonly Dimension = enumOf(['COLUMNS', 'ROWS']);
  readonly Direction = enumOf(['UP', 'DOWN', 'PREVIOUS', 'NEXT']);
  readonly CopyPasteType = enumOf(['PASTE_NORMAL', 'PASTE_NO_BORDERS', 'PASTE_FORMAT', 'PASTE_FORMULA', 'PASTE_DATA_VALIDATION', 'PASTE_VALUES', 'PASTE_CONDITIONAL_FORMATTING', 'PASTE_COLUMN_WIDTHS']);

  constructor(ctx: Ctx) {
    this.#ctx = ctx;
  }

  getActiveSpreadsheet(): Spreadsheet {
    return new Spreadsheet(this.#ctx);
  }
  getActive(): Spreadsheet {
    return new Spreadsheet(this.#ctx);
  }
  getActiveSheet(): Sheet {
    return new Spreadsheet(this.#ctx).getActiveSheet();
  }
  getActiveRange(): Range {
    return new Spreadsheet(this.#ctx).getActiveRange();
  }
  getCurrentCell(): Range {
    return new Spreadsheet(this.#ctx).getActiveCell();
  }
  setActiveSheet(sheet: Sheet): Sheet {
    return new Spreadsheet(this.#ctx).setActiveSheet(sheet);
  }
  /** Only the bound spreadsheet exists in the emulator. */
  openById(id: string): Spreadsheet {
    expectArgs('openById', [id], isStr);
    if (id !== this.#ctx.model.id) throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return new Spreadsheet(this.#ctx);
  }
  getUi(): unknown {
    return this.#ctx.host.getUi();
  }
  /** Writes are applied at once, so there is nothing to flush. */
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this.#ctx);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(this.#ctx);
  }
}

export function createSpreadsheetApp(model: SpreadsheetModel, host: SheetsHost): object {
  model.clock = () => host.now();
  return new SpreadsheetApp({ model, host });
}

// Protection (script side): sheet and range protections, their editors, warning-only mode and unprotected ranges.
import { contains, type Box } from './a1';
import { User } from '../kernel/user';
import { expectArgs, isBool, isStr, type Ctx } from './context';
import type { ProtectionData } from './protection-data';
import { boxOfRange, rangeRefOf } from './range-ref';
import { Range } from './range';
import type { SheetModel } from './sheet-model';

export const PROTECTION_TYPE = Object.freeze({ RANGE: 'RANGE', SHEET: 'SHEET' });

const emailOf = (v: unknown): string => (v instanceof User ? v.getEmail() : String(v)).trim().toLowerCase();

/** A new protection: its editors start as the owner and the user running the script. */
export function newProtection(ctx: Ctx, type: 'SHEET' | 'RANGE', sheet: SheetModel, box: Box | null): Protection {
  const { model } = ctx;
  const me = ctx.host.activeUserEmail().toLowerCase();
  const data: ProtectionData = {
    id: model.nextProtectionId++, type, sheet, box, description: '', warningOnly: false,
    editors: [...new Set([model.owner, me].filter((e) => e !== ''))], unprotected: [], domainEdit: false,
  };
  model.protections.push(data);
  return new Protection(ctx, data);
}

export class Protection {
  readonly #ctx: Ctx;
  readonly #data: ProtectionData;
  constructor(ctx: Ctx, data: ProtectionData) {
    this.#ctx = ctx;
    this.#data = data;
  }

  /** Host side: the stored protection. */
  _data(): ProtectionData {
    return this.#data;
  }

  getProtectionType(): string {
    return this.#data.type;
  }
  getDescription(): string {
    return this.#data.description;
  }
  setDescription(description: string): this {
    expectArgs('Protection.setDescription', [description], isStr);
    this.#data.description = description;
    return this;
  }
  isWarningOnly(): boolean {
    return this.#data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): this {
    expectArgs('Protection.setWarningOnly', [warningOnly], isBool);
    this.#data.warningOnly = warningOnly;
    return this;
  }
  getEditors(): User[] {
    return this.#data.editors.map((e) => new User(e));
  }
  addEditor(emailAddress: unknown): this {
    return this.addEditors([emailOf(emailAddress)]);
  }
  addEditors(emailAddresses: string[]): this {
    expectArgs('Protection.addEditors', [emailAddresses], Array.isArray);
    for (const e of emailAddresses.map(emailOf)) if (e !== '' && !this.#data.editors.includes(e)) this.#data.editors.push(e);
    return this;
  }
  removeEditor(emailAddress: unknown): this {
    return this.removeEditors([emailOf(emailAddress)]);
  }
  /** The owner and the user running the script cannot be removed: they silently stay. */
  removeEditors(emailAddresses: string[]): this {
    expectArgs('Protection.removeEditors', [emailAddresses], Array.isArray);
    const keep = new Set([this.#ctx.model.owner, this.#ctx.host.activeUserEmail().toLowerCase()]);
    const gone = new Set(emailAddresses.map(emailOf).filter((e) => !keep.has(e)));
    this.#data.editors = this.#data.editors.filter((e) => !gone.has(e));
    return this;
  }
  canEdit(): boolean {
    const me = this.#ctx.host.activeUserEmail().toLowerCase();
    return this.#data.warningOnly || (me !== '' && (me === this.#ctx.model.owner || this.#data.editors.includes(me)));
  }
  canDomainEdit(): boolean {
    return this.#data.domainEdit;
  }
  setDomainEdit(editable: boolean): this {
    expectArgs('Protection.setDomainEdit', [editable], isBool);
    // [I] the behaviours doc says it throws unless the file belongs to a Workspace domain; Google gives no text
    throw new Error('Domain edit can only be set on a spreadsheet that belongs to a Google Workspace domain.');
  }
  getRange(): Range {
    const { sheet, box } = this.#data;
    return new Range(this.#ctx, sheet, box ? { ...box } : { row: 1, col: 1, rows: sheet.maxRows, cols: sheet.maxCols });
  }
  setRange(range: Range): this {
    const ref = rangeRefOf(range);
    expectArgs('Protection.setRange', [range], () => ref !== null);
    if (this.#data.type === 'SHEET') throw new Error('Cannot set the range of a sheet protection.');
    if (ref!.sheet !== this.#data.sheet.name) throw new Error('The range must be on the same sheet as the protection.');
    this.#data.box = ref!.box;
    return this;
  }
  getUnprotectedRanges(): Range[] {
    this.#sheetOnly();
    return this.#data.unprotected.map((b) => new Range(this.#ctx, this.#data.sheet, { ...b }));
  }
  setUnprotectedRanges(ranges: Range[]): this {
    expectArgs('Protection.setUnprotectedRanges', [ranges], Array.isArray);
    this.#sheetOnly();
    const boxes = ranges.map((r) => {
      const ref = rangeRefOf(r);
      if (!ref || ref.sheet !== this.#data.sheet.name) throw new Error('All unprotected ranges must be on the protected sheet.');
      return boxOfRange(r)!;
    });
    this.#data.unprotected = boxes.filter((b, i) => !boxes.some((o, j) => j < i && contains(o, b)));
    return this;
  }
  #sheetOnly(): void {
    // [I] Google documents that it throws on a range protection, without the text
    if (this.#data.type !== 'SHEET') throw new Error('Unprotected ranges can only be used with sheet protections.');
  }
  remove(): void {
    this.#ctx.model.protections = this.#ctx.model.protections.filter((p) => p !== this.#data);
  }
}

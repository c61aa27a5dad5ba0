// Between Range facades and the plain references rules, charts and named ranges store.
import type { Box } from './a1';
import type { Ctx } from './context';
import { Range } from './range';
import type { RangeRef } from './validation-rule';

/** The sheet name and box of a Range facade; null for anything else. */
export function rangeRefOf(v: unknown): RangeRef | null {
  if (!(v instanceof Range)) return null;
  const { sheet, box } = v._where();
  return { sheet: sheet.name, box: { ...box } };
}

export function boxOfRange(v: unknown): Box | null {
  return v instanceof Range ? { ...v._where().box } : null;
}

export function rangeFacade(ctx: Ctx, ref: RangeRef): Range {
  return new Range(ctx, ctx.model.sheet(ref.sheet), { ...ref.box });
}

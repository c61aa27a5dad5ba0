// Cell formats as shared immutable objects: setting one property on many cells reuses the same few objects.

export interface BorderSide {
  color: string;
  style: string;
}

export interface Style {
  readonly numberFormat?: string;
  readonly background?: string;
  readonly fontColor?: string;
  readonly fontWeight?: string;
  readonly fontStyle?: string;
  readonly fontSize?: number;
  readonly fontFamily?: string;
  readonly fontLine?: string;
  readonly horizontalAlignment?: string;
  readonly verticalAlignment?: string;
  readonly wrap?: boolean;
  readonly wrapStrategy?: string;
  readonly borderTop?: BorderSide;
  readonly borderBottom?: BorderSide;
  readonly borderLeft?: BorderSide;
  readonly borderRight?: BorderSide;
}

export type StyleKey = keyof Style;

const interned = new Map<string, Style>();

function keyOf(style: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(style).sort().map((k) => [k, style[k]]));
}

/** The one shared Style with these properties (undefined when it has none). */
export function intern(style: Record<string, unknown>): Style | undefined {
  const clean: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(style)) if (v !== undefined && v !== null) clean[k] = v;
  if (Object.keys(clean).length === 0) return undefined;
  const key = keyOf(clean);
  let found = interned.get(key);
  if (!found) {
    found = Object.freeze(clean) as Style;
    interned.set(key, found);
  }
  return found;
}

const EMPTY: Style = Object.freeze({});
const borders = new Map<string, BorderSide>();
const derived = new WeakMap<Style, Map<StyleKey, Map<unknown, Style | undefined>>>();

/** One shared object per border colour and style, so a border can be a cache key. */
function canonical(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  const b = value as BorderSide;
  const key = `${b.color}|${b.style}`;
  let found = borders.get(key);
  if (!found) borders.set(key, (found = Object.freeze({ color: b.color, style: b.style })));
  return found;
}

/** `base` with one property set (undefined/null removes it); cached per base so a range write costs a lookup per cell. */
export function withStyle<K extends StyleKey>(base: Style | undefined, key: K, value: Style[K] | null | undefined): Style | undefined {
  const from = base ?? EMPTY;
  let byKey = derived.get(from);
  if (!byKey) derived.set(from, (byKey = new Map()));
  let byValue = byKey.get(key);
  if (!byValue) byKey.set(key, (byValue = new Map()));
  const v = canonical(value);
  if (byValue.has(v)) return byValue.get(v);
  const next = intern({ ...from, [key]: v ?? undefined });
  byValue.set(v, next);
  return next;
}

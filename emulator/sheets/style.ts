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
const derived = new WeakMap<Style, Map<string, Style | undefined>>();

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

/** `base` with one property set (undefined/null removes it); cached per base so a range write costs a lookup per cell. */
export function withStyle<K extends StyleKey>(base: Style | undefined, key: K, value: Style[K] | null | undefined): Style | undefined {
  const from = base ?? EMPTY;
  let cache = derived.get(from);
  if (!cache) derived.set(from, (cache = new Map()));
  const ck = `${key}\u0000${JSON.stringify(value ?? null)}`;
  if (cache.has(ck)) return cache.get(ck);
  const next = intern({ ...from, [key]: value ?? undefined });
  cache.set(ck, next);
  return next;
}

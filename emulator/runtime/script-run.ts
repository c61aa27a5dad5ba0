// google.script.run semantics: which functions the page may call, which arguments may cross, what the page receives.
import { NotImplemented } from '../kernel/errors';
import { isDate, isPlainObject } from '../kernel/realm';
import type { Project } from './project';

export type ScriptRunResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * The page only sees top-level functions whose names do not end in `_`; calling anything else fails in the page
 * itself, synchronously, before any request is made.
 */
export function assertCallable(project: Project, name: string): void {
  if (name.endsWith('_') || !/^[A-Za-z_$][\w$]*$/.test(name) || !project.functions.has(name)) {
    throw new TypeError(`google.script.run.${name} is not a function`);
  }
}

/** The first illegal value among the arguments (a Date, a function, a class instance, a cycle), as a property path. */
export function illegalArgument(args: readonly unknown[]): string | null {
  const walk = (v: unknown, path: string, seen: Set<object>): string | null => {
    if (v === null || v === undefined) return null;
    const t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t !== 'object') return path;
    if (isDate(v)) return path;
    if (seen.has(v as object)) return path;
    if (!Array.isArray(v) && !isPlainObject(v)) return path;
    seen.add(v as object);
    for (const [k, x] of Object.entries(v as object)) {
      const bad = walk(x, k, seen);
      if (bad !== null) return bad;
    }
    seen.delete(v as object);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const bad = walk(args[i], String(i), new Set());
    if (bad !== null) return bad;
  }
  return null;
}

/** Page-bound data: JSON rules (undefined in arrays → null, undefined/function fields dropped), Dates make it all null. */
export function cloneForPage(value: unknown, isServiceObject: (v: object) => boolean): unknown {
  let sawDate = false;
  const seen = new Set<object>();
  const walk = (v: unknown, inArray: boolean): unknown => {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return inArray ? null : undefined;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
    if (v === null || typeof v !== 'object') return v;
    if (isDate(v)) {
      sawDate = true;
      return null;
    }
    if (isServiceObject(v)) throw new NotImplemented('google.script.run returning an Apps Script service object');
    if (seen.has(v)) throw new TypeError('Converting circular structure to JSON');
    seen.add(v);
    let out: unknown;
    if (Array.isArray(v)) out = v.map((x) => walk(x, true));
    else {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const c = walk(x, false);
        if (c !== undefined) o[k] = c;
      }
      out = o;
    }
    seen.delete(v);
    return out;
  };
  const cloned = walk(value, false);
  return sawDate ? null : cloned;
}

/** Arguments as the server receives them: the same JSON rules, rebuilt in the script's realm by the caller. */
export function cloneArgs(args: readonly unknown[]): unknown[] {
  return args.map((a) => (a === undefined ? undefined : JSON.parse(JSON.stringify(a)) as unknown));
}

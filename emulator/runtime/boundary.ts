// The membrane between script and services: counts Class.method calls, throws NotImplemented for what is missing,
// converts values between realms and turns host failures into the script realm's `Exception`s.
import { NotImplemented, isEmulatorProblem } from '../kernel/errors';
import { isDate, isPlainObject, type ScriptRealm } from '../kernel/realm';

/** A facade may name its Apps Script class explicitly (instance, prototype or static); otherwise its constructor name is used. */
export const APPS_SCRIPT_CLASS = Symbol.for('apps-script.class');

export interface BoundaryHooks {
  /** Called before every method call; throws to refuse it (permissions, context). */
  beforeCall(className: string, method: string): void;
  count(key: string): void;
  /** Called for every permitted call with the raw target and the host-side arguments (the cost model). */
  price?(className: string, method: string, target: object, args: readonly unknown[]): void;
  /** CPU ms spent inside one service call (the emulated service and the value conversion), so the bench can tell the script's own apart. */
  serviceCpu?(ms: number): void;
  /** An emulator problem (NotImplemented, an emulator bug) seen at the boundary, recorded even if the script catches it. */
  problem(error: Error): void;
}

// Properties Node, jest and promise machinery probe on any object; answering undefined keeps them from tripping.
const PROBED = new Set([
  'then', 'toJSON', 'inspect', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', '@@__IMMUTABLE_KEYED__@@', '@@__IMMUTABLE_ORDERED__@@',
  'constructor', 'length', 'prototype', 'nodeName', 'outerHTML', 'toSource',
]);

// Host failures that mean the emulator itself is broken rather than a service refusing a call.
const BUG_NAMES = new Set(['TypeError', 'ReferenceError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError']);

export class Boundary {
  readonly #proxyOf = new WeakMap<object, object>();
  readonly #targetOf = new WeakMap<object, object>();
  readonly #classOf = new WeakMap<object, string>();
  readonly #methods = new WeakMap<object, Map<string, (...args: unknown[]) => unknown>>();
  readonly #scriptSet = new WeakMap<object, Set<string>>();

  constructor(
    readonly realm: ScriptRealm,
    private readonly hooks: BoundaryHooks,
  ) {}

  /** The script-side face of a service object; the same target always gives the same proxy. */
  wrap<T extends object>(target: T, className?: string): T {
    const known = this.#targetOf.has(target) ? target : this.#proxyOf.get(target);
    if (known) return known as T;
    this.#classOf.set(target, className ?? classNameOf(target));
    const proxy = new Proxy(target, {
      get: (t, prop) => this.#get(t, prop),
      set: (t, prop, value) => {
        if (typeof prop === 'string') this.#remember(t, prop);
        return Reflect.set(t, prop, value, t);
      },
    });
    this.#proxyOf.set(target, proxy);
    this.#targetOf.set(proxy, target);
    return proxy as T;
  }

  /** The raw object behind a proxy (facades keep #private state that a proxy cannot reach). */
  unwrap<T>(value: T): T {
    if (value !== null && typeof value === 'object') {
      const target = this.#targetOf.get(value as object);
      if (target) return target as T;
    }
    return value;
  }

  isProxy(value: unknown): boolean {
    return value !== null && typeof value === 'object' && this.#targetOf.has(value);
  }

  classNameOf(value: object): string {
    return this.#classOf.get(this.unwrap(value)) ?? classNameOf(value);
  }

  /** A host value handed to the script: Dates and arrays rebuilt in its realm, service objects wrapped. */
  toScript(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (this.#targetOf.has(value)) return value;
    if (isDate(value)) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) return this.realm.Array.from(value, (v: unknown) => this.toScript(v));
    if (value instanceof Error || value instanceof this.realm.Error) return value;
    if (isPlainObject(value) && !Object.values(value).some((v) => typeof v === 'function')) {
      const out = new this.realm.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = this.toScript(v);
      return out;
    }
    return this.wrap(value);
  }

  /** A script value handed to a service: proxies unwrapped, Dates and arrays rebuilt in the host realm. */
  toHost(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.#targetOf.get(value);
    if (target) return target;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) return Array.from(value, (v: unknown) => this.toHost(v));
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.toHost(v);
      return out;
    }
    return value;
  }

  /** What the script sees when a service fails: an `Exception` of its own realm with the same message. */
  toScriptError(error: unknown): unknown {
    if (error instanceof this.realm.Error) return error;
    if (isEmulatorProblem(error)) {
      this.hooks.problem(error);
      return error;
    }
    if (error instanceof Error && BUG_NAMES.has(error.name)) {
      this.hooks.problem(error);
      return error;
    }
    const message = error instanceof Error ? error.message : String(error);
    const converted = new this.realm.Error(message);
    converted.name = 'Exception';
    return converted;
  }

  #get(target: object, prop: string | symbol): unknown {
    if (typeof prop === 'symbol') return Reflect.get(target, prop, target);
    const className = this.#classOf.get(target) ?? classNameOf(target);
    if (this.#scriptSet.get(target)?.has(prop)) return Reflect.get(target, prop, target);
    if (!(prop in target) || prop.startsWith('_')) {
      if (PROBED.has(prop)) return undefined;
      const error = new NotImplemented(`${className}.${prop}`);
      this.hooks.problem(error);
      throw error;
    }
    const value = Reflect.get(target, prop, target) as unknown;
    const own = Object.getOwnPropertyDescriptor(target, prop);
    // a proxy must return frozen properties unchanged
    if (own && !own.configurable && own.writable === false) return value;
    // Apps Script objects print as their class name
    if (value === Object.prototype.toString) return () => className;
    if (typeof value === 'function') return this.#method(target, prop, className, value as (...a: unknown[]) => unknown);
    if (value !== null && typeof value === 'object' && isPlainObject(value)) return this.wrap(value, prop);
    return this.toScript(value);
  }

  #method(target: object, prop: string, className: string, fn: (...a: unknown[]) => unknown) {
    let cache = this.#methods.get(target);
    if (!cache) this.#methods.set(target, (cache = new Map()));
    const cached = cache.get(prop);
    if (cached) return cached;
    const hooks = this.hooks;
    const key = `${className}.${prop}`;
    const wrapper = (...args: unknown[]): unknown => {
      hooks.count(key);
      const started = hooks.serviceCpu ? process.cpuUsage() : null;
      try {
        hooks.beforeCall(className, prop);
        const hostArgs = args.map((a) => this.toHost(a));
        hooks.price?.(className, prop, target, hostArgs);
        const result = fn.apply(target, hostArgs);
        return this.toScript(result);
      } catch (e) {
        throw this.toScriptError(e);
      } finally {
        if (started) {
          const used = process.cpuUsage(started);
          hooks.serviceCpu!((used.user + used.system) / 1000);
        }
      }
    };
    Object.defineProperty(wrapper, 'name', { value: prop });
    cache.set(prop, wrapper);
    return wrapper;
  }

  #remember(target: object, prop: string): void {
    let set = this.#scriptSet.get(target);
    if (!set) this.#scriptSet.set(target, (set = new Set()));
    set.add(prop);
  }
}

function classNameOf(target: object): string {
  const tagged = (target as Record<symbol, unknown>)[APPS_SCRIPT_CLASS]
    ?? ((target as { constructor?: Record<symbol, unknown> }).constructor?.[APPS_SCRIPT_CLASS]);
  if (typeof tagged === 'string') return tagged;
  const name = (target as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
  // bundlers rename clashing classes (Range → Range2, Menu → _Menu)
  return name.replace(/^_+/, '').replace(/\d+$/, '') || 'Object';
}

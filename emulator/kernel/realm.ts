// One execution's script realm: a fresh node:vm context whose Date reads the emulator clock, plus converters into it.
import vm from 'node:vm';
import { types } from 'node:util';

export interface ScriptRealm {
  readonly context: vm.Context;
  readonly Date: DateConstructor;
  readonly Array: ArrayConstructor;
  readonly Object: ObjectConstructor;
  readonly Error: ErrorConstructor;
  /** Runs code in the realm (used for scriptlets and for looking up top-level names). */
  evaluate(code: string, filename?: string): unknown;
}

// `new Date()` and `Date.now()` give the emulator's clock; every other form is the real Date, same prototype.
// Plain new Date(…) constructs the real Date directly: a script building dates in a loop must not pay the emulator
// for an argument copy and a Reflect.construct per Date (Apps Script's V8 has none), which the bench's script CPU would count.
const CLOCK_DATE = `(function (readClock) {
  var RealDate = Date;
  function ClockDate(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(readClock()).toString();
    var n = arguments.length;
    if (new.target === ClockDate) {
      switch (n) {
        case 0: return new RealDate(readClock());
        case 1: return new RealDate(a);
        case 2: return new RealDate(a, b);
        case 3: return new RealDate(a, b, c);
        case 4: return new RealDate(a, b, c, d);
        case 5: return new RealDate(a, b, c, d, e);
        case 6: return new RealDate(a, b, c, d, e, f);
        case 7: return new RealDate(a, b, c, d, e, f, g);
      }
    }
    var args = n === 0 ? [readClock()] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  ClockDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(ClockDate, RealDate);
  Object.defineProperty(ClockDate, 'name', { value: 'Date' });
  Object.defineProperty(ClockDate, 'length', { value: 7 });
  ClockDate.now = function now() { return readClock(); };
  ClockDate.parse = RealDate.parse;
  ClockDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: ClockDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: ClockDate, writable: true, configurable: true });
})`;

export function createRealm(readClock: () => number): ScriptRealm {
  // DONT_CONTEXTIFY: the realm's global is an ordinary object, as Apps Script's V8 has. A contextified sandbox
  // routes every global name the script looks up (Date, String, Math, Object…) through node:vm's interceptor, which
  // made a loop over 10,000 rows several times slower than in plain V8: the emulator's overhead, charged to the
  // script's CPU. (Node before 20.18 lacks the constant; createContext(undefined) then falls back to a sandbox.)
  const context = vm.createContext(vm.constants?.DONT_CONTEXTIFY, { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const install = vm.runInContext(CLOCK_DATE, context) as (clock: () => number) => void;
  install(() => readClock());
  const get = (name: string) => vm.runInContext(name, context) as unknown;
  return {
    context,
    Date: get('Date') as DateConstructor,
    Array: get('Array') as ArrayConstructor,
    Object: get('Object') as ObjectConstructor,
    Error: get('Error') as ErrorConstructor,
    evaluate: (code, filename = 'emulator') => vm.runInContext(code, context, { filename }),
  };
}

export function isDate(v: unknown): v is Date {
  return types.isDate(v);
}

/** A plain object of any realm: `{}` literal or Object.create(null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as object | null;
  if (proto === null) return true;
  if (Object.getPrototypeOf(proto) !== null) return false;
  const ctor = (proto as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name === 'Object';
}

// CacheService: script, document and user caches of strings expiring on the emulator clock.
import { ServiceError, signatureMismatch } from '../kernel/errors';

export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_TTL_SECONDS = 21600;
const DEFAULT_TTL_SECONDS = 600;
const MAX_KEY_LENGTH = 250;

/** One cache's entries (host side). */
export class CacheStore {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();
}

export class CacheStores {
  readonly script = new CacheStore();
  readonly document = new CacheStore();
  readonly #users = new Map<string, CacheStore>();
  user(email: string): CacheStore {
    let s = this.#users.get(email);
    if (!s) this.#users.set(email, (s = new CacheStore()));
    return s;
  }
}

class Cache {
  readonly #store: CacheStore;
  readonly #now: () => number;
  constructor(store: CacheStore, now: () => number) {
    this.#store = store;
    this.#now = now;
  }
  get(key: string): string | null {
    const e = this.#store.entries.get(String(key));
    if (!e) return null;
    if (e.expiresAt <= this.#now()) {
      this.#store.entries.delete(String(key));
      return null;
    }
    return e.value;
  }
  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys)) throw signatureMismatch('Cache.getAll', [keys]);
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }
  // A time-to-live above six hours is cut to six hours ("the maximum time ... is 6 hours").
  put(key: string, value: string, expirationInSeconds: number = DEFAULT_TTL_SECONDS): void {
    if (typeof key !== 'string' || typeof value !== 'string' || typeof expirationInSeconds !== 'number') {
      throw signatureMismatch('Cache.put', [key, value, expirationInSeconds]);
    }
    if (key.length > MAX_KEY_LENGTH) throw new ServiceError('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > MAX_CACHE_VALUE_BYTES) throw new ServiceError('Argument too large: value');
    const ttl = Math.min(Math.max(expirationInSeconds, 1), MAX_TTL_SECONDS);
    this.#store.entries.set(key, { value, expiresAt: this.#now() + ttl * 1000 });
  }
  putAll(values: Record<string, string>, expirationInSeconds: number = DEFAULT_TTL_SECONDS): void {
    if (values === null || typeof values !== 'object') throw signatureMismatch('Cache.putAll', [values]);
    for (const [k, v] of Object.entries(values)) this.put(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.#store.entries.delete(String(key));
  }
  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw signatureMismatch('Cache.removeAll', [keys]);
    for (const k of keys) this.remove(k);
  }
}

export class CacheService {
  readonly #stores: CacheStores;
  readonly #user: string;
  readonly #now: () => number;
  constructor(stores: CacheStores, user: string, now: () => number) {
    this.#stores = stores;
    this.#user = user;
    this.#now = now;
  }
  getScriptCache(): Cache {
    return new Cache(this.#stores.script, this.#now);
  }
  getDocumentCache(): Cache {
    return new Cache(this.#stores.document, this.#now);
  }
  getUserCache(): Cache {
    return new Cache(this.#stores.user(this.#user), this.#now);
  }
}

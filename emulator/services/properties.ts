// PropertiesService: script, user and document stores of strings that outlive executions, with the storage quota.
import { ServiceError, signatureMismatch } from '../kernel/errors';

const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** One store's contents (host side). Keys count toward the total, as measured on the real service. */
export class PropertyStore {
  readonly map = new Map<string, string>();

  size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += bytes(k) + bytes(v);
    return n;
  }
  /** Applies a change only if the result stays within the quota. */
  commit(next: Map<string, string>): void {
    for (const v of next.values()) if (bytes(v) > MAX_VALUE_BYTES) throw new ServiceError(QUOTA);
    let n = 0;
    for (const [k, v] of next) n += bytes(k) + bytes(v);
    if (n > MAX_STORE_BYTES) throw new ServiceError(QUOTA);
    this.map.clear();
    for (const [k, v] of next) this.map.set(k, v);
  }
}

interface ExecutionStores {
  readonly script: PropertyStore;
  readonly document: PropertyStore;
  readonly user: PropertyStore;
}

export class PropertyStores {
  readonly script = new PropertyStore();
  readonly document = new PropertyStore();
  readonly #users = new Map<string, PropertyStore>();
  user(email: string): PropertyStore {
    let s = this.#users.get(email);
    if (!s) this.#users.set(email, (s = new PropertyStore()));
    return s;
  }
  /** The stores one execution sees: the script's, the document's and its effective user's. */
  seenBy(email: string): ExecutionStores {
    return { script: this.script, document: this.document, user: this.user(email) };
  }
  /** Every user store that holds something, by email (what a snapshot saves). */
  users(): [string, PropertyStore][] {
    return [...this.#users].filter(([, s]) => s.map.size > 0);
  }
}

class Properties {
  readonly #store: PropertyStore;
  constructor(store: PropertyStore) {
    this.#store = store;
  }
  getProperty(key: string): string | null {
    return this.#store.map.get(String(key)) ?? null;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.#store.map);
  }
  getKeys(): string[] {
    return [...this.#store.map.keys()];
  }
  setProperty(key: string, value: unknown): Properties {
    if (typeof key !== 'string' || value === undefined) throw signatureMismatch('Properties.setProperty', [key, value]);
    const next = new Map(this.#store.map);
    next.set(key, String(value));
    this.#store.commit(next);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): Properties {
    if (properties === null || typeof properties !== 'object') {
      throw signatureMismatch('Properties.setProperties', [properties, deleteAllOthers]);
    }
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.#store.map);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.#store.commit(next);
    return this;
  }
  deleteProperty(key: string): Properties {
    this.#store.map.delete(String(key));
    return this;
  }
  deleteAllProperties(): Properties {
    this.#store.map.clear();
    return this;
  }
}

export class PropertiesService {
  readonly #stores: ExecutionStores;
  constructor(stores: ExecutionStores) {
    this.#stores = stores;
  }
  getScriptProperties(): Properties {
    return new Properties(this.#stores.script);
  }
  getUserProperties(): Properties {
    return new Properties(this.#stores.user);
  }
  getDocumentProperties(): Properties {
    return new Properties(this.#stores.document);
  }
}

// LockService: document, script and user locks shared by executions; another execution can be made to hold one.
import { ServiceError, signatureMismatch } from '../kernel/errors';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
/** The holder id of "another execution" simulated by the test. */
export const OTHER_EXECUTION = -1;

/** One lock as one execution sees it (what a Lock facade stands on). */
interface LockHandle {
  take(waitMs: number): boolean;
  held(): boolean;
  release(): void;
}

/** Who holds which lock (host side). Keys: 'document', 'script', 'user:<email>'. */
export class LockTable {
  readonly #holders = new Map<string, number>();
  /** How long the simulated other execution keeps each lock it holds, in ms of waiting; absent: until released. */
  readonly #releaseAfter = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.#holders.get(key);
  }
  /** `waitMs`: how long the taker waits; the simulated other execution lets go once its hold time has passed. */
  take(key: string, exec: number, waitMs = 0): boolean {
    const h = this.#holders.get(key);
    const after = this.#releaseAfter.get(key);
    if (h === OTHER_EXECUTION && exec !== OTHER_EXECUTION && after !== undefined && after <= waitMs) this.#releaseAfter.delete(key);
    else if (h !== undefined && h !== exec) return false;
    this.#holders.set(key, exec);
    return true;
  }
  release(key: string, exec: number): void {
    if (this.#holders.get(key) === exec) this.#holders.delete(key);
  }
  /** `key` as execution `exec` takes, holds and releases it. */
  handle(key: string, exec: number): LockHandle {
    return { take: (waitMs) => this.take(key, exec, waitMs), held: () => this.holder(key) === exec, release: () => this.release(key, exec) };
  }
  /** Locks end with their execution (and when alert/prompt suspends it). */
  releaseAll(exec: number): void {
    for (const [k, h] of [...this.#holders]) if (h === exec) this.#holders.delete(k);
  }
  /** The simulated other execution holds `key`, for `forMs` ms of anyone's waiting (undefined: until released). */
  hold(key: string, forMs?: number): void {
    this.#holders.set(key, OTHER_EXECUTION);
    if (forMs === undefined) this.#releaseAfter.delete(key);
    else this.#releaseAfter.set(key, forMs);
  }
}

class Lock {
  readonly #handle: LockHandle;
  constructor(handle: LockHandle) {
    this.#handle = handle;
  }
  // Executions never overlap in the emulator: waiting helps only against a hold the test gave a duration
  // (holdDocumentLock(ms)), which ends once the timeout covers it; a hold without one stays held.
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.tryLock', [timeoutInMillis]);
    return this.#handle.take(timeoutInMillis);
  }
  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.waitLock', [timeoutInMillis]);
    if (!this.#handle.take(timeoutInMillis)) throw new ServiceError(TIMEOUT);
  }
  hasLock(): boolean {
    return this.#handle.held();
  }
  releaseLock(): void {
    this.#handle.release();
  }
}

export class LockService {
  readonly #lock: (key: string) => Lock;
  readonly #userKey: string;
  constructor(table: LockTable, exec: number, user: string) {
    this.#lock = (key) => new Lock(table.handle(key, exec));
    this.#userKey = `user:${user}`;
  }
  getDocumentLock(): Lock {
    return this.#lock('document');
  }
  getScriptLock(): Lock {
    return this.#lock('script');
  }
  getUserLock(): Lock {
    return this.#lock(this.#userKey);
  }
}

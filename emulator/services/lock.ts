// LockService: document, script and user locks shared by executions; another execution can be made to hold one.
import { ServiceError, signatureMismatch } from '../kernel/errors';

const TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
/** The holder id of "another execution" simulated by the test. */
export const OTHER_EXECUTION = -1;

/** Who holds which lock (host side). Keys: 'document', 'script', 'user:<email>'. */
export class LockTable {
  readonly #holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.#holders.get(key);
  }
  take(key: string, exec: number): boolean {
    const h = this.#holders.get(key);
    if (h !== undefined && h !== exec) return false;
    this.#holders.set(key, exec);
    return true;
  }
  release(key: string, exec: number): void {
    if (this.#holders.get(key) === exec) this.#holders.delete(key);
  }
  /** Locks end with their execution (and when alert/prompt suspends it). */
  releaseAll(exec: number): void {
    for (const [k, h] of [...this.#holders]) if (h === exec) this.#holders.delete(k);
  }
}

class Lock {
  readonly #table: LockTable;
  readonly #key: string;
  readonly #exec: number;
  constructor(table: LockTable, key: string, exec: number) {
    this.#table = table;
    this.#key = key;
    this.#exec = exec;
  }
  // Executions never overlap in the emulator, so waiting cannot help: a lock held elsewhere stays held.
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.tryLock', [timeoutInMillis]);
    return this.#table.take(this.#key, this.#exec);
  }
  waitLock(timeoutInMillis: number): void {
    if (typeof timeoutInMillis !== 'number') throw signatureMismatch('Lock.waitLock', [timeoutInMillis]);
    if (!this.#table.take(this.#key, this.#exec)) throw new ServiceError(TIMEOUT);
  }
  hasLock(): boolean {
    return this.#table.holder(this.#key) === this.#exec;
  }
  releaseLock(): void {
    this.#table.release(this.#key, this.#exec);
  }
}

export class LockService {
  readonly #table: LockTable;
  readonly #exec: number;
  readonly #user: string;
  constructor(table: LockTable, exec: number, user: string) {
    this.#table = table;
    this.#exec = exec;
    this.#user = user;
  }
  getDocumentLock(): Lock {
    return new Lock(this.#table, 'document', this.#exec);
  }
  getScriptLock(): Lock {
    return new Lock(this.#table, 'script', this.#exec);
  }
  getUserLock(): Lock {
    return new Lock(this.#table, `user:${this.#user}`, this.#exec);
  }
}

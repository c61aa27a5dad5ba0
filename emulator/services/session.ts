// Session: who is running (as far as Sheets reveals it), the script's time zone and the user's locale.
import { createHash } from 'node:crypto';
import { type Execution, User, visibleActiveEmail, visibleEffectiveEmail } from '../kernel/user';


export class Session {
  readonly #exec: Execution;
  readonly #timeZone: string;
  constructor(exec: Execution, timeZone: string) {
    this.#exec = exec;
    this.#timeZone = timeZone;
  }
  getActiveUser(): User {
    return new User(visibleActiveEmail(this.#exec));
  }
  getEffectiveUser(): User {
    return new User(visibleEffectiveEmail(this.#exec));
  }
  getScriptTimeZone(): string {
    return this.#timeZone;
  }
  getActiveUserLocale(): string {
    return 'zh_CN';
  }
  /** Stable per user and script, opaque, available even when the email is not. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`eco-ledger:${this.#exec.activeUser.email}`).digest('base64url').slice(0, 43);
  }
}

/** The `user` of an event object. */
export function eventUser(email: string): User {
  return new User(email);
}

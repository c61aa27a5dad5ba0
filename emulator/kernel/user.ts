// Kernel: who runs an execution (why it runs, its auth mode, the active and effective user) and the User objects handed out.

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';
export type ExecutionKind = 'simple' | 'installable' | 'timeDriven' | 'menu' | 'scriptRun' | 'editor';

export interface Person {
  readonly email: string;
  /** false when Sheets would not reveal this person's address to the script (another domain, a consumer account). */
  readonly revealed: boolean;
}

export interface Execution {
  readonly id: number;
  readonly kind: ExecutionKind;
  readonly authMode: AuthMode;
  readonly fn: string;
  /** The person at the keyboard (the editor, the clicker); for a time-driven trigger, its creator. */
  readonly activeUser: Person;
  /** The identity whose authorisation the script runs under: the trigger's creator for installable triggers. */
  readonly effectiveUser: string;
  readonly triggerUid?: string;
}

export function authModeOf(kind: ExecutionKind): AuthMode {
  return kind === 'simple' ? 'LIMITED' : 'FULL';
}

/** Session.getActiveUser().getEmail(): blank in simple triggers and whenever Sheets hides the address. */
export function visibleActiveEmail(exec: Execution): string {
  if (exec.authMode !== 'FULL') return '';
  return exec.activeUser.revealed ? exec.activeUser.email : '';
}

export function visibleEffectiveEmail(exec: Execution): string {
  return exec.authMode === 'FULL' ? exec.effectiveUser : '';
}

/** Session.User as Session and SpreadsheetApp hand it out (active and effective user, owner, editors). */
export class User {
  readonly #email: string;
  constructor(email: string) {
    this.#email = email;
  }
  getEmail(): string {
    return this.#email;
  }
  toString(): string {
    return this.#email;
  }
}

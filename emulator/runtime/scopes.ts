// Which calls need which OAuth scope, and what a simple trigger (LIMITED) may not touch.
import { permissionDenied } from './errors';
import type { Execution } from './execution';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  containerUi: `${AUTH}script.container.ui`,
  storage: `${AUTH}script.storage`,
  currentSheet: `${AUTH}spreadsheets.currentonly`,
  allSheets: `${AUTH}spreadsheets`,
} as const;

interface Rule {
  /** Any one of these in the manifest is enough; empty means no manifest scope is needed. */
  readonly anyOf: readonly string[];
  /** The scope named in the error when the call is refused. */
  readonly named: string;
  /** Refused in a simple trigger even when the manifest has the scope. */
  readonly deniedWhenLimited: boolean;
}

const TRIGGER_MANAGEMENT = new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']);
const DIALOGS = new Set(['showSidebar', 'showModalDialog', 'showModelessDialog']);
const PRIVATE_STORES = new Set(['getScriptProperties', 'getUserProperties']);

function ruleFor(className: string, method: string): Rule | undefined {
  if (className === 'MailApp') return { anyOf: [SCOPES.sendMail], named: SCOPES.sendMail, deniedWhenLimited: true };
  if (className === 'ScriptApp' && TRIGGER_MANAGEMENT.has(method)) {
    return { anyOf: [SCOPES.scriptApp], named: SCOPES.scriptApp, deniedWhenLimited: true };
  }
  if (className === 'Ui' && DIALOGS.has(method)) {
    return { anyOf: [SCOPES.containerUi], named: SCOPES.containerUi, deniedWhenLimited: true };
  }
  if (className === 'PropertiesService' && PRIVATE_STORES.has(method)) {
    return { anyOf: [], named: SCOPES.storage, deniedWhenLimited: true };
  }
  if (className === 'SpreadsheetApp' && (method === 'openById' || method === 'openByUrl' || method === 'open')) {
    return { anyOf: [SCOPES.allSheets], named: SCOPES.allSheets, deniedWhenLimited: true };
  }
  if (className === 'SpreadsheetApp' && method !== 'getUi') {
    return { anyOf: [SCOPES.currentSheet, SCOPES.allSheets], named: SCOPES.currentSheet, deniedWhenLimited: false };
  }
  return undefined;
}

/**
 * Throws Apps Script's permission error when the call needs a scope the manifest lacks, or is one a simple
 * trigger may not make. `manifestScopes` null means the manifest lists none, so Apps Script would infer them.
 */
export function checkPermission(
  className: string,
  method: string,
  exec: Execution,
  manifestScopes: readonly string[] | null,
): void {
  const rule = ruleFor(className, method);
  if (!rule) return;
  const call = `${className}.${method}`;
  if (rule.deniedWhenLimited && exec.authMode !== 'FULL') throw permissionDenied(call, rule.named);
  if (manifestScopes === null || rule.anyOf.length === 0) return;
  if (!rule.anyOf.some((s) => manifestScopes.includes(s))) throw permissionDenied(call, rule.named);
}

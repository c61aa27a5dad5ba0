// The emulator's front door (package @eco-ledger/emulator): everything code outside emulator/ and test/emulator may use.

// The world and its drivers.
export { Emulator, ExecutionFailed } from './emulator';
export type { EmulatorOptions, DistOptions, SourceOptions, UserActionResult } from './emulator';
export type { ExecutionRecord } from './runtime/execute';
export type { ScriptRunResult } from './runtime/script-run';
export type { Person } from './kernel/user';
export type { Answer, MenuEntry, MenuRecord, ToastRecord, UnansweredQuestion } from './services/ui';
export type { SentMail } from './services/mail';
export type { TriggerRecord } from './services/script-app';
export type { LogEntry } from './services/logger';

// What the emulator throws.
export { EmulatorError, NotImplemented, ServiceError } from './kernel/errors';

// Snapshot and restore (the preview keeps its world in a file).
export { takeSnapshot, restoreSnapshot, SNAPSHOT_VERSION } from './snapshot';
export type { Snapshot, SnapshotMail } from './snapshot';

// The page half of google.script.run, for a server that shows the script's sidebars and dialogs in a browser.
export { answerPageCall, revive, shimScript, withShim } from './page/google-script';
export type { ScriptRunner } from './page/google-script';

// Permissions and the cost model.
export { METHOD_SCOPES, INFERRED_SCOPE_METHODS, SCOPES, requiredScopes } from './runtime/scopes';
export { LATENCY, LIMITS_MS } from './runtime/cost';

// The spreadsheet as the host sees it (uncounted: seeding, assertions, drawing it), and A1 notation.
export { SpreadsheetModel } from './sheets/spreadsheet-model';
export { SheetModel } from './sheets/sheet-model';
export type { ModelOptions } from './sheets/spreadsheet-model';
export { effectiveBackground, matchingRule } from './sheets/conditional-format';
export type { RangeRef } from './sheets/validation-rule';
export { boxA1, cellA1, columnLetter, parseArea, type Box } from './sheets/a1';

// The English texts Sheets gives a user whose edit it refuses (the preview shows them in Chinese).
export { PROTECTED_MESSAGE } from './sheets/protection-data';
export { rejectionMessage } from './sheets/validation-check';

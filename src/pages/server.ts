// The pages' typed client of the server: google.script.run typed by src/entry.ts's export list, and the one path a failed call takes to the user.
import type * as Entry from '../entry';
import type { RawPayload } from '../domain/ledger-row';
import type { ReportPayload } from '../domain/report-dialog';
import type { UrgePayload } from '../domain/urge';

type Server = typeof Entry;

/**
 * What a page sends to each server function it calls. The server takes `unknown` and checks every field (a page is
 * never trusted); this table is the pages' side of the bargain, and tsc holds it to the entry list: a name that is not
 * an export of src/entry.ts, or arguments its parameters do not take, do not compile.
 */
interface PageCalls {
  submitEnterprise: [payload: RawPayload];
  updateEnterprise: [payload: RawPayload, opened: { creditCode: string; district: string; version: number | null; values: Partial<RawPayload> }];
  getEnterprise: [creditCode: string];
  submitQuarterReport: [payload: ReportPayload];
  sendUrgeNow: [payload: UrgePayload];
  showDossier: [creditCode: string];
  menuRequestExtension: [creditCode: string];
  requestExtension: [payload: { creditCode: string; newDeadline: string; reason: string }];
  decideExtension: [payload: { creditCode: string; approve: boolean; opinion: string }];
  recordAcceptance: [payload: { creditCode: string; date: string; passed: boolean | null; departments: string; opinion: string }];
}

type Constrain<T extends true> = T;
/** Compiles only while every name of PageCalls is an entry export whose parameters take the page's arguments. */
export type PageCallsFitTheEntry = Constrain<{
  [K in keyof PageCalls]: K extends keyof Server ? (PageCalls[K] extends Parameters<Server[K]> ? true : false) : false;
}[keyof PageCalls]>;

export type PageCall = keyof PageCalls;
/** What the page receives: the function's own result type (google.script.run sends it as JSON; none of these holds a Date). */
export type Answer<K extends PageCall> = ReturnType<Server[K & keyof Server]>;
export type ServerClient = { [K in PageCall]: (...args: PageCalls[K]) => Promise<Answer<K>> };

/** What the user was doing when a call failed, for the one failure message. */
const ACTION: Record<PageCall, string> = {
  submitEnterprise: '保存',
  updateEnterprise: '保存修改',
  getEnterprise: '重新载入',
  submitQuarterReport: '报送',
  sendUrgeNow: '发送催办',
  showDossier: '打开企业档案',
  menuRequestExtension: '打开申请延期',
  requestExtension: '提交延期申请',
  decideExtension: '审批',
  recordAcceptance: '记录验收结果',
};

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [fn: string]: unknown;
}
declare const google: { script: { run: ScriptRun; host: { close(): void } } };

/**
 * The user-visible text for a call google.script.run could not complete (the server's own refusals are answers, not
 * failures: they arrive as `{ ok: false, errors }`). Here are the rest: no connection, the script timed out or was
 * stopped, a permission the user has not granted.
 */
export function failureMessage(call: PageCall, error: unknown): string {
  const raw = error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)
    ? String((error as { message: unknown }).message)
    : String(error ?? '');
  const detail = raw.trim() === '' ? '' : `（${raw.trim()}）`;
  return `${ACTION[call]}未完成：服务器没有答复${detail}。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。`;
}

/**
 * The server as a page sees it: `server.submitEnterprise(payload).then(…)`. A failed call never reaches the caller's
 * code: its promise stays pending and `onFailure` gets the one message, so every page shows every failure one way.
 */
export function serverClient(onFailure: (message: string, call: PageCall) => void): ServerClient {
  function call<K extends PageCall>(name: K): (...args: PageCalls[K]) => Promise<Answer<K>> {
    return (...args) => new Promise<Answer<K>>((resolve) => {
      const run = google.script.run
        // google.script.run is untyped JavaScript: this is where the entry's result type is taken on trust
        .withSuccessHandler((value) => resolve(value as Answer<K>))
        .withFailureHandler((error) => onFailure(failureMessage(name, error), name));
      (run[name] as (...a: unknown[]) => void)(...args);
    });
  }
  return {
    submitEnterprise: call('submitEnterprise'),
    updateEnterprise: call('updateEnterprise'),
    getEnterprise: call('getEnterprise'),
    submitQuarterReport: call('submitQuarterReport'),
    sendUrgeNow: call('sendUrgeNow'),
    showDossier: call('showDossier'),
    menuRequestExtension: call('menuRequestExtension'),
    requestExtension: call('requestExtension'),
    decideExtension: call('decideExtension'),
    recordAcceptance: call('recordAcceptance'),
  };
}

/** google.script.host.close(): the sidebar or dialog closes itself. */
export function closePage(): void {
  google.script.host.close();
}

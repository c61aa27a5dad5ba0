// Ui: menus, alerts and prompts answered from a test queue, sidebars, dialogs, and the log of what the user saw.
import { EmulatorError, signatureMismatch } from '../kernel/errors';
import { HtmlOutput } from './html';

export const Button = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;
export type ButtonName = keyof typeof Button;
export type ButtonSetName = keyof typeof ButtonSet;
export type Answer = ButtonName | { button: ButtonName; text?: string };

const BUTTONS_OF: Record<ButtonSetName, readonly ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export type MenuEntry =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: MenuEntry[] };

export interface MenuRecord {
  caption: string;
  /** createAddonMenu(): Sheets shows it under Extensions with the project's name. */
  addon: boolean;
  items: MenuEntry[];
}

export interface AlertRecord { title: string; prompt: string; buttons: ButtonSetName; answer: ButtonName }
export interface PromptRecord extends AlertRecord { text: string }
export interface ToastRecord { message: string; title: string; timeoutSeconds: number }
export interface SidebarRecord { title: string; html: string; width: 300 }
export interface DialogRecord { title: string; html: string; width: number | undefined; height: number | undefined; modal: boolean }
/** A question the script asked that needs an answer nobody queued: a prompt, or an alert offering more than OK. */
export interface UnansweredQuestion { kind: 'alert' | 'prompt'; title: string; prompt: string; buttons: ButtonSetName }

/** Everything the user saw, and the answers the test queued for alerts and prompts (host side: `emu.ui`). */
export class UiLog {
  readonly alerts: AlertRecord[] = [];
  readonly prompts: PromptRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly menus: MenuRecord[] = [];
  readonly #answers: Answer[] = [];
  /**
   * Told of a question with no queued answer just before the emulator refuses it with EmulatorError (the execution
   * still fails: nothing answers in the test's place). The preview uses it to ask its visitor and run the click again.
   */
  onUnanswered: ((question: UnansweredQuestion) => void) | null = null;
  /** Told of each toast while the execution that shows it still runs (the preview streams them to the page). */
  onToast: ((toast: ToastRecord) => void) | null = null;

  /** Queues the user's answer to the next alert or prompt: 'YES', or { button: 'OK', text: '…' } for a prompt. */
  answer(answer: Answer): this {
    this.#answers.push(answer);
    return this;
  }
  get pendingAnswers(): number {
    return this.#answers.length;
  }
  takeAnswer(): Answer | undefined {
    return this.#answers.shift();
  }
  toast(record: ToastRecord): void {
    this.toasts.push(record);
    this.onToast?.({ ...record });
  }
  unanswered(question: UnansweredQuestion): EmulatorError {
    this.onUnanswered?.({ ...question });
    const which = question.kind === 'prompt' ? `Ui.prompt("${question.prompt}")` : `Ui.alert("${question.prompt}") with ${question.buttons}`;
    return new EmulatorError(`${which} has no queued answer: call emu.ui.answer(...) first`);
  }
}

/** A menu's caption and kind, as the log records it once added. */
type MenuHead = Omit<MenuRecord, 'items'>;

class Menu {
  readonly #items: MenuEntry[] = [];
  readonly #log: UiLog;
  readonly #head: MenuHead;
  constructor(log: UiLog, head: MenuHead) {
    this.#log = log;
    this.#head = head;
  }
  addItem(caption: string, functionName: string): Menu {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureMismatch('Menu.addItem', [caption, functionName]);
    }
    this.#items.push({ caption, functionName });
    return this;
  }
  addSeparator(): Menu {
    this.#items.push({ separator: true });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    if (!(menu instanceof Menu)) throw signatureMismatch('Menu.addSubMenu', [menu]);
    this.#items.push({ caption: menu._caption(), items: menu._entries() });
    return this;
  }
  addToUi(): void {
    this.#log.menus.push({ ...this.#head, items: this._entries() });
  }
  _caption(): string {
    return this.#head.caption;
  }
  _entries(): MenuEntry[] {
    return structuredClone(this.#items);
  }
}

class PromptResponse {
  readonly #text: string;
  readonly #button: ButtonName;
  constructor(text: string, button: ButtonName) {
    this.#text = text;
    this.#button = button;
  }
  getResponseText(): string {
    return this.#text;
  }
  getSelectedButton(): ButtonName {
    return this.#button;
  }
}

export class Ui {
  readonly #log: UiLog;
  readonly #onSuspend: () => void;
  readonly #projectName: string;
  /** onSuspend: alert and prompt suspend the script, and "LockService locks don't persist across the suspension". */
  constructor(log: UiLog, onSuspend: () => void, projectName: string) {
    this.#log = log;
    this.#onSuspend = onSuspend;
    this.#projectName = projectName;
  }
  get Button() {
    return Button;
  }
  get ButtonSet() {
    return ButtonSet;
  }
  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureMismatch('Ui.createMenu', [caption]);
    return new Menu(this.#log, { caption, addon: false });
  }
  createAddonMenu(): Menu {
    return new Menu(this.#log, { caption: this.#projectName, addon: true });
  }
  alert(...args: unknown[]): ButtonName {
    const { title, prompt, buttons } = dialogArgs('Ui.alert', args);
    this.#onSuspend();
    const answer = this.#log.takeAnswer();
    let button: ButtonName;
    if (answer === undefined) {
      if (buttons !== 'OK') throw this.#log.unanswered({ kind: 'alert', title, prompt, buttons });
      button = 'OK';
    } else button = checkedButton(answer, buttons, 'Ui.alert', prompt);
    this.#log.alerts.push({ title, prompt, buttons, answer: button });
    return button;
  }
  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttons } = dialogArgs('Ui.prompt', args);
    this.#onSuspend();
    const answer = this.#log.takeAnswer();
    if (answer === undefined) throw this.#log.unanswered({ kind: 'prompt', title, prompt, buttons });
    const button = checkedButton(answer, buttons, 'Ui.prompt', prompt);
    const text = typeof answer === 'string' ? '' : answer.text ?? '';
    this.#log.prompts.push({ title, prompt, buttons, answer: button, text });
    return new PromptResponse(text, button);
  }
  showSidebar(userInterface: HtmlOutput): void {
    if (!(userInterface instanceof HtmlOutput)) throw signatureMismatch('Ui.showSidebar', [userInterface]);
    const v = userInterface._view();
    checkLinks('Ui.showSidebar', v.html);
    this.#log.sidebars.push({ title: v.title, html: v.html, width: 300 });
  }
  showModalDialog(userInterface: HtmlOutput, title: string): void {
    this.#dialog('Ui.showModalDialog', userInterface, title, true);
  }
  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    this.#dialog('Ui.showModelessDialog', userInterface, title, false);
  }
  #dialog(call: string, output: HtmlOutput, title: string, modal: boolean): void {
    if (!(output instanceof HtmlOutput) || typeof title !== 'string') throw signatureMismatch(call, [output, title]);
    const v = output._view();
    checkLinks(call, v.html);
    this.#log.dialogs.push({ title, html: v.html, width: v.width, height: v.height, modal });
  }
}

const LINK = /<a\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const OPENS_OUTSIDE = /\btarget\s*=\s*["']?_(?:top|blank)\b/i;
const BASE_TARGET = /<base\b[^>]*\btarget\s*=\s*["']?_(?:top|blank)\b/i;

/**
 * In the IFRAME sandbox a link opens nothing unless it targets `_top` or `_blank` (G`html/restrictions`); Google
 * shows no error, so the emulator refuses the dialog outright. Links inside the page (`#…`) and a `<base target>` pass.
 */
export function checkLinks(call: string, html: string): void {
  if (BASE_TARGET.test(html)) return;
  for (const m of html.matchAll(LINK)) {
    const href = m[1] ?? m[2] ?? m[3] ?? '';
    if (href.startsWith('#') || OPENS_OUTSIDE.test(m[0])) continue;
    throw new EmulatorError(`${call}: a link in a dialog or sidebar needs target="_top" or target="_blank" (HtmlService runs in an IFRAME sandbox): ${m[0]}`);
  }
}

function dialogArgs(call: string, args: unknown[]): { title: string; prompt: string; buttons: ButtonSetName } {
  const strings = (n: number) => args.slice(0, n).every((a) => typeof a === 'string');
  const isSet = (v: unknown): v is ButtonSetName => typeof v === 'string' && v in BUTTONS_OF;
  if (args.length === 1 && strings(1)) return { title: '', prompt: args[0] as string, buttons: 'OK' };
  if (args.length === 2 && strings(1) && isSet(args[1])) return { title: '', prompt: args[0] as string, buttons: args[1] };
  if (args.length === 3 && strings(2) && isSet(args[2])) {
    return { title: args[0] as string, prompt: args[1] as string, buttons: args[2] };
  }
  throw signatureMismatch(call, args);
}

function checkedButton(answer: Answer, buttons: ButtonSetName, call: string, prompt: string): ButtonName {
  const button = typeof answer === 'string' ? answer : answer.button;
  if (button !== 'CLOSE' && !BUTTONS_OF[buttons].includes(button)) {
    throw new EmulatorError(`${call}("${prompt}") offers ${buttons}; the queued answer ${button} is not one of its buttons`);
  }
  return button;
}

// One preview session: the emulator running dist/, the visitor's actions on it (menu, edit, sidebar calls, clock), and its saved state.
import { existsSync, rmSync } from 'node:fs';
import {
  Emulator, ExecutionFailed, parseArea, restoreSnapshot, takeSnapshot, type ExecutionRecord, type Snapshot, type UnansweredQuestion,
} from '@eco-ledger/emulator';
import { menuPath } from '../src/domain/menu';
import { platformText, WARNING_PROMPT } from './platform-zh';
import { DEMO_ACCOUNTS, DEMO_NOW, OFFICE, seedDemo } from './demo-data';
import { readStateFile, writeStateFile } from './state';

export type Button = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type AnswerInput = Button | { button: Button; text?: string };

/** A question the script asked (a YES/NO alert or a prompt) that the visitor has not answered yet. */
export interface Question {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
}

export interface Page {
  id: number;
  kind: 'sidebar' | 'dialog';
  title: string;
  html: string;
  width: number | undefined;
  height: number | undefined;
}

/** What the visitor should see after an action. */
export interface Outcome {
  ok: boolean;
  error?: string;
  /** The platform refused a hand edit: Sheets' own dialog, in Chinese. */
  refusal?: { title: string; text: string };
  /** The edit touches a warning-only protected range: nothing was written; ask, then send it again confirmed. */
  warning?: typeof WARNING_PROMPT;
  question?: Question;
  alerts: { title: string; prompt: string; buttons: string; answer: string }[];
  toasts: { title: string; message: string }[];
  page?: Omit<Page, 'html'>;
  mails: number;
  value?: unknown;
}

interface Marks {
  alerts: number;
  toasts: number;
  sidebars: number;
  dialogs: number;
  mails: number;
}

export interface SessionOptions {
  distDir: string;
  stateFile: string;
}

export class PreviewSession {
  emu: Emulator;
  readonly pages: Page[] = [];
  /** Bumped by every change, so the page knows to redraw after a sidebar's call. */
  version = 0;
  /** Told of each toast as the script shows it, while the execution still runs (the HTTP side streams it). */
  onToast: ((toast: { title: string; message: string }) => void) | null = null;
  #unseen: Outcome[] = [];
  #closeRequested = false;
  readonly #options: SessionOptions;

  constructor(options: SessionOptions) {
    this.#options = options;
    const saved = readStateFile(options.stateFile);
    this.emu = saved ? this.#load(saved) : this.#fresh();
    if (!saved) this.save();
  }

  get accounts(): readonly string[] {
    return DEMO_ACCOUNTS;
  }

  #fresh(): Emulator {
    const emu = Emulator.fromDist({ distDir: this.#options.distDir, owner: OFFICE, now: DEMO_NOW });
    seedDemo(emu);
    emu.open();
    return this.#observe(emu);
  }

  #load(state: Snapshot): Emulator {
    const emu = restoreSnapshot(state, { distDir: this.#options.distDir });
    emu.open();
    return this.#observe(emu);
  }

  #observe(emu: Emulator): Emulator {
    emu.ui.onToast = (t) => this.onToast?.({ title: t.title, message: t.message });
    return emu;
  }

  save(): void {
    this.version += 1;
    writeStateFile(this.#options.stateFile, takeSnapshot(this.emu));
  }

  reset(): Outcome {
    if (existsSync(this.#options.stateFile)) rmSync(this.#options.stateFile);
    this.pages.length = 0;
    this.emu = this.#fresh();
    this.save();
    return this.#outcome({ alerts: 0, toasts: 0, sidebars: 0, dialogs: 0, mails: 0 }, true);
  }

  setUser(email: string): Outcome {
    if (!DEMO_ACCOUNTS.includes(email)) return { ok: false, error: `未知账号：${email}`, alerts: [], toasts: [], mails: 0 };
    this.emu.setUser(email);
    this.emu.open();
    this.save();
    return this.#outcome(this.#marks(), true);
  }

  select(tab: string, a1: string): void {
    this.emu.model.setActive(tab, a1);
  }

  setClock(iso: string): Outcome {
    const when = new Date(iso);
    if (Number.isNaN(when.getTime())) return { ok: false, error: `不是有效的时间：${iso}`, alerts: [], toasts: [], mails: 0 };
    this.emu.setNow(when);
    this.save();
    return this.#outcome(this.#marks(), true);
  }

  fireDaily(): Outcome {
    return this.#act(() => {
      if (!this.emu.triggers.some((t) => t.type === 'CLOCK')) throw new Error(`还没有安装每日定时任务：请先运行“${menuPath('menuInstallTriggers')}”。`);
      this.emu.fireTimeDriven();
    });
  }

  /** A user types into one cell; `confirmed` once the visitor said 确定 to the warning of a warning-only range. */
  edit(tab: string, a1: string, value: string, confirmed = false): Outcome {
    return this.paste(tab, a1, [[value]], confirmed);
  }

  /** A user pastes a block (tab-separated text split into rows and cells) with its top-left cell at `a1`. */
  paste(tab: string, a1: string, grid: string[][], confirmed = false): Outcome {
    const width = Math.max(0, ...grid.map((r) => r.length));
    const block = grid.map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ''));
    if (!confirmed && this.#warns(tab, a1, block.length, width)) return { ok: true, warning: WARNING_PROMPT, alerts: [], toasts: [], mails: 0 };
    const marks = this.#marks();
    let refused: string | undefined;
    const outcome = this.#act(() => {
      const result = block.length === 1 && width === 1 ? this.emu.userEdit(tab, a1, block[0]![0]) : this.emu.userPaste(tab, a1, block);
      if (!result.ok) refused = result.message;
    }, marks);
    if (refused !== undefined) return { ...outcome, ok: false, refusal: platformText(refused) };
    return outcome;
  }

  // Sheets asks before the edit is made, so 取消 leaves the cell as it was; the emulator's own check is the same one.
  #warns(tab: string, a1: string, rows: number, cols: number): boolean {
    const model = this.emu.model;
    const sheet = model.sheet(tab);
    const box = parseArea(a1, sheet.maxRows, sheet.maxCols);
    if (!box) return false;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const check = model.canUserEdit(sheet, box.row + i, box.col + j, this.emu.user.email);
        if (check.ok && check.warning) return true;
      }
    }
    return false;
  }

  /** google.script.run from a sidebar or dialog: the page gets the script's answer; the rest waits for poll(). */
  scriptRun(fn: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; error: string } {
    let result: { ok: true; value: unknown } | { ok: false; error: string } = { ok: false, error: '' };
    const outcome = this.#act(() => {
      try {
        result = this.emu.scriptRun(fn, ...args);
      } catch (e) {
        // What the page sees when google.script.run has no such function.
        result = { ok: false, error: errorText(e) };
      }
    });
    this.#unseen.push(outcome);
    return result;
  }

  /** google.script.host.close() from the page shown beside the sheet. */
  closePage(): void {
    this.#closeRequested = true;
    this.version += 1;
  }

  /** What happened since the page last asked: toasts, alerts and dialogs from sidebar calls, a close request. */
  poll(): { version: number; outcomes: Outcome[]; close: boolean } {
    const out = { version: this.version, outcomes: this.#unseen, close: this.#closeRequested };
    this.#unseen = [];
    this.#closeRequested = false;
    return out;
  }

  /**
   * Clicks a menu item; answers are the visitor's replies to the questions it asked on earlier attempts.
   * Alerts and prompts suspend the script in Sheets until the user answers; the emulator answers from a queue and
   * refuses a question nobody answered. So when the handler asks one, the preview puts the world back as it was
   * before the click, asks the visitor, and runs the handler again with the answers given so far.
   */
  menu(caption: string, answers: AnswerInput[] = []): Outcome {
    const before = takeSnapshot(this.emu);
    const marks = this.#marks();
    for (const a of answers) this.emu.ui.answer(a);
    let question: Question | null = null;
    this.emu.ui.onUnanswered = (q) => {
      question ??= questionOf(q);
    };
    let outcome: Outcome;
    try {
      outcome = this.#act(() => {
        this.emu.clickMenu(caption);
      }, marks);
    } finally {
      this.emu.ui.onUnanswered = null;
    }
    if (question) {
      this.emu = this.#load(before);
      return { ok: true, question, alerts: [], toasts: [], mails: 0 };
    }
    return outcome;
  }

  #marks(): Marks {
    const ui = this.emu.ui;
    return { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length, dialogs: ui.dialogs.length, mails: this.emu.outbox.length };
  }

  #act(work: () => void, marks = this.#marks()): Outcome {
    let error: string | undefined;
    try {
      work();
    } catch (e) {
      error = describeFailure(e);
    }
    this.save();
    const outcome = this.#outcome(marks, error === undefined);
    return error === undefined ? outcome : { ...outcome, error };
  }

  #outcome(marks: Marks, ok: boolean): Outcome {
    const ui = this.emu.ui;
    let page: Page | undefined;
    for (const s of ui.sidebars.slice(marks.sidebars)) page = this.#keep('sidebar', s.title, s.html, s.width, undefined);
    for (const d of ui.dialogs.slice(marks.dialogs)) page = this.#keep('dialog', d.title, d.html, d.width, d.height);
    const out: Outcome = {
      ok,
      alerts: ui.alerts.slice(marks.alerts).map((a) => ({ title: a.title, prompt: a.prompt, buttons: a.buttons, answer: a.answer })),
      toasts: ui.toasts.slice(marks.toasts).map((t) => ({ title: t.title, message: t.message })),
      mails: this.emu.outbox.length - marks.mails,
    };
    if (page) {
      const { html: _html, ...meta } = page;
      out.page = meta;
    }
    return out;
  }

  #keep(kind: Page['kind'], title: string, html: string, width: number | undefined, height: number | undefined): Page {
    const page = { id: this.pages.length + 1, kind, title, html, width, height };
    this.pages.push(page);
    return page;
  }
}

function questionOf(q: UnansweredQuestion): Question {
  return { kind: q.kind, title: q.title, prompt: q.prompt, buttons: q.buttons };
}

function describeFailure(e: unknown): string {
  if (e instanceof ExecutionFailed) {
    return e.failures.map((f: ExecutionRecord) => `${f.fn}：${errorText(f.error)}`).join('；');
  }
  return errorText(e);
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as { message: unknown }).message);
  return String(e);
}

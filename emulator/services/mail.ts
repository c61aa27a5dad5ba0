// MailApp: an outbox, the daily recipient quota on the emulator clock, and addresses a test makes fail.
import { NotImplemented, ServiceError, signatureMismatch } from '../kernel/errors';
import { calendarDay } from '../kernel/time';

export const DEFAULT_DAILY_RECIPIENTS = 100;
const OVER_QUOTA = 'Service invoked too many times for one day: email.';
/** Per-message limits of a consumer account (G`services/quotas` "Current limitations"); texts from public logs. */
export const MAX_RECIPIENTS_PER_MESSAGE = 50;
/** 200 KB read the stricter way: 200,000 bytes of UTF-8, body and htmlBody together (how Google counts is not documented). */
export const MAX_BODY_BYTES = 200_000;
export const MAX_SUBJECT_CHARS = 250;
const TOO_MANY_RECIPIENTS = 'Limit Exceeded: Email Recipients Per Message.';
const BODY_TOO_LARGE = 'Limit Exceeded: Email Body Size.';

export interface SentMail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody: string | undefined;
  name: string | undefined;
  replyTo: string | undefined;
  noReply: boolean;
  /** The account the mail went out as (the execution's effective user). */
  from: string;
  at: Date;
}

/** Host side: `emu.outbox`, `emu.setMailQuota(n)`, `emu.failMailTo(address)`. */
export class MailState {
  readonly outbox: SentMail[] = [];
  readonly failing = new Set<string>();
  limit = DEFAULT_DAILY_RECIPIENTS;
  #day = '';
  #used = 0;

  /** Quotas are per day: the count starts again on a new calendar day in the script's zone. */
  remaining(now: Date, zone: string): number {
    this.#roll(now, zone);
    return Math.max(0, this.limit - this.#used);
  }
  setRemaining(n: number, now: Date, zone: string): void {
    this.#roll(now, zone);
    this.#used = this.limit - n;
  }
  use(n: number, now: Date, zone: string): void {
    this.#roll(now, zone);
    this.#used += n;
  }
  #roll(now: Date, zone: string): void {
    const day = calendarDay(now, zone);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
  }
}

interface Message {
  to?: string; cc?: string; bcc?: string; subject?: string; body?: string; htmlBody?: string; name?: string;
  replyTo?: string; noReply?: boolean; attachments?: unknown; inlineImages?: unknown;
}

export class MailApp {
  readonly #state: MailState;
  readonly #now: () => Date;
  readonly #zone: string;
  readonly #from: string;
  constructor(state: MailState, now: () => Date, zone: string, from: string) {
    this.#state = state;
    this.#now = now;
    this.#zone = zone;
    this.#from = from;
  }
  getRemainingDailyQuota(): number {
    return this.#state.remaining(this.#now(), this.#zone);
  }
  sendEmail(...args: unknown[]): void {
    this.#send(messageOf(args));
  }
  #send(m: Message): void {
    if (m.attachments !== undefined) throw new NotImplemented('MailApp.sendEmail attachments');
    if (m.inlineImages !== undefined) throw new NotImplemented('MailApp.sendEmail inlineImages');
    const to = addresses(m.to);
    const all = [...to, ...addresses(m.cc), ...addresses(m.bcc)];
    if (to.length === 0 && all.length === 0) throw new ServiceError('Failed to send email: no recipient');
    for (const a of all) {
      if (!/^[^@\s]+@[^@\s]+$/.test(a)) throw new ServiceError(`Invalid email: ${a}`);
      if (this.#state.failing.has(a.toLowerCase())) throw new ServiceError(`Invalid email: ${a}`);
    }
    if (all.length > MAX_RECIPIENTS_PER_MESSAGE) throw new ServiceError(TOO_MANY_RECIPIENTS);
    // public logs and fakes agree on 250 characters; the reference does not say (the stricter reading is this one)
    if ((m.subject ?? '').length > MAX_SUBJECT_CHARS) throw new ServiceError('Argument too large: subject');
    if (Buffer.byteLength(m.body ?? '', 'utf8') + Buffer.byteLength(m.htmlBody ?? '', 'utf8') > MAX_BODY_BYTES) {
      throw new ServiceError(BODY_TOO_LARGE);
    }
    const now = this.#now();
    if (all.length > this.#state.remaining(now, this.#zone)) throw new ServiceError(OVER_QUOTA);
    this.#state.use(all.length, now, this.#zone);
    this.#state.outbox.push({
      to: m.to ?? '', cc: m.cc ?? '', bcc: m.bcc ?? '', subject: m.subject ?? '', body: m.body ?? '',
      htmlBody: m.htmlBody, name: m.name, replyTo: m.replyTo, noReply: m.noReply === true, from: this.#from, at: now,
    });
  }
}

const OPTION_KEYS = new Set(['attachments', 'bcc', 'cc', 'htmlBody', 'inlineImages', 'name', 'noReply', 'replyTo']);
const MESSAGE_KEYS = new Set([...OPTION_KEYS, 'to', 'subject', 'body']);

/** The three overloads: (to, subject, body[, options]), (to, replyTo, subject, body), (message). */
function messageOf(args: unknown[]): Message {
  const str = (v: unknown) => typeof v === 'string';
  if (args.length === 1 && isObject(args[0])) return checked(args[0], MESSAGE_KEYS, args);
  if (args.length === 3 && args.every(str)) return { to: args[0] as string, subject: args[1] as string, body: args[2] as string };
  if (args.length === 4 && args.every(str)) {
    return { to: args[0] as string, replyTo: args[1] as string, subject: args[2] as string, body: args[3] as string };
  }
  if (args.length === 4 && args.slice(0, 3).every(str) && isObject(args[3])) {
    return { ...checked(args[3], OPTION_KEYS, args), to: args[0] as string, subject: args[1] as string, body: args[2] as string };
  }
  throw signatureMismatch('MailApp.sendEmail', args);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checked(o: Record<string, unknown>, allowed: Set<string>, args: unknown[]): Message {
  for (const k of Object.keys(o)) if (!allowed.has(k)) throw new NotImplemented(`MailApp.sendEmail option ${k}`);
  for (const k of ['to', 'cc', 'bcc', 'subject', 'body', 'htmlBody', 'name', 'replyTo']) {
    if (o[k] !== undefined && typeof o[k] !== 'string') throw signatureMismatch('MailApp.sendEmail', args);
  }
  return o as Message;
}

function addresses(list: string | undefined): string[] {
  return (list ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
}

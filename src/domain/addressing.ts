// Whom a mail goes to: the addresses it is meant for, or in test mode only the test recipient, and the note and subject mark that say so.

export const TEST_MARK = '[测试]';

/** The addresses a mail is meant for. `missing` names an empty `to` in the test note; without `cc` the note names none. */
export interface MeantFor {
  readonly to: readonly string[];
  readonly cc?: readonly string[];
  readonly missing: string;
}

export interface Addressed {
  readonly to: string[];
  readonly cc: string[];
  /** Addresses the send uses up of MailApp's daily recipient quota. */
  readonly recipientCount: number;
  /** Test mode: whom the mail was meant for, said first in it; '' when it goes where it is meant to. */
  readonly testNote: string;
  /** Before the subject: TEST_MARK in test mode, else ''. */
  readonly subjectMark: string;
}

/** `testRecipient` '' sends as meant; otherwise the mail goes to that one address only, without cc (配置's 测试收件人). */
export function address(meant: MeantFor, testRecipient: string): Addressed {
  if (testRecipient === '') {
    const to = [...meant.to];
    const cc = [...(meant.cc ?? [])];
    // Every address counts, a repeated one too: whether Google counts it once is unknown, so the stricter reading.
    return { to, cc, recipientCount: to.length + cc.length, testNote: '', subjectMark: '' };
  }
  const cc = meant.cc === undefined ? '' : `，抄送 ${meant.cc.join(', ') || '（无）'}`;
  const testNote = `测试邮件：本应发送给 ${meant.to.join(', ') || meant.missing}${cc}。`;
  return { to: [testRecipient], cc: [], recipientCount: 1, testNote, subjectMark: TEST_MARK };
}

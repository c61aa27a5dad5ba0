// Mail: sending one composed email, and the day's remaining quota (in recipients) it is sent against.
import { MENU_TITLE } from '../domain/contract';
import type { ReminderEmail } from '../domain/reminder-email';

/** The sender name every email of the add-on carries. */
const MAIL_SENDER_NAME = MENU_TITLE;

export function sendMail(email: Pick<ReminderEmail, 'to' | 'cc' | 'subject' | 'body' | 'htmlBody'>): void {
  const options: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: email.to.join(','),
    subject: email.subject,
    body: email.body,
    htmlBody: email.htmlBody,
    name: MAIL_SENDER_NAME,
  };
  if (email.cc.length > 0) options.cc = email.cc.join(',');
  MailApp.sendEmail(options);
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

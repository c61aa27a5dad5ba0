// 自检 (contract §13): the office's first-run check on real Google; reports 通过/未通过, logs it, changes no data.
import { menuPath } from '../domain/menu';
import { appendLog, workbookLogEntry } from '../sheet/log';
import { withDocumentLock } from '../sheet/lock';
import { activeUserEmail, effectiveUserEmail } from '../sheet/session';
import { MENU_TITLE } from '../domain/contract';
import { protectionPlan } from '../domain/ledger-template';
import { SELF_CHECK_ACTION, SELF_CHECK_TITLE, judgeSelfCheck, selfCheckReport, selfCheckSummary } from '../domain/self-check';
import type { CheckResult } from '../domain/self-check';
import type { Settings } from '../domain/settings';
import { sendModeText } from '../domain/settings';
import { probeLiteralText, probeProtections, probeTriggers } from '../sheet/self-check-probe';
import { remainingMailQuota } from '../sheet/mail';
import { activeSpreadsheet, screen, spreadsheetTimeZone } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import { TIME_ZONE } from './setup';
import { DAILY_HANDLER, EDIT_HANDLER, editTriggerFlagged } from '../sheet/triggers';
import { ownerEmail, readSettings } from '../sheet/ledger';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Recipients one day's reminders would use if every district had something to say. */
function mailNeeded(settings: Settings): number {
  if (settings.sendMode === 'stopped') return settings.officeEmails.length;
  if (settings.testRecipient) return settings.districts.length;
  return settings.districts.reduce((n, d) => n + (d.emails.length > 0 ? d.emails.length + settings.officeEmails.length : 0), 0);
}

function runSelfCheck(ss: Spreadsheet, now: Date): CheckResult[] {
  const { settings, errors } = readSettings(ss);
  const owner = ownerEmail(ss);
  const active = activeUserEmail();
  const effective = effectiveUserEmail();
  const literal = probeLiteralText(ss);
  const office = [owner, ...settings.admins].filter((e) => e !== '');
  const results = judgeSelfCheck(
    {
      literal: literal.readBack,
      literalError: literal.error,
      activeUser: active,
      effectiveUser: effective,
      mailQuota: remainingMailQuota(),
      mailNeeded: mailNeeded(settings),
      triggers: probeTriggers(),
      handlers: { daily: DAILY_HANDLER, edit: EDIT_HANDLER },
      editTriggerFlagged: editTriggerFlagged(),
      expectedProtections: protectionPlan({ districts: settings.districts, office }),
      protections: probeProtections(ss),
      alwaysEditors: [owner, effective, active].filter((e) => e !== ''),
      timeZone: spreadsheetTimeZone(ss),
      wantedTimeZone: TIME_ZONE,
      settingsProblems: errors,
      sendMode: sendModeText(settings),
    },
    { setup: menuPath('menuSetup'), install: menuPath('menuInstallTriggers') },
  );
  withDocumentLock(() =>
    appendLog(ss, [
      workbookLogEntry(now, active || owner, `${SELF_CHECK_ACTION}：${results.every((r) => r.passed) ? '通过' : '未通过'}`, selfCheckSummary(results)),
    ]),
  );
  return results;
}

export function menuSelfCheck(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const results = runSelfCheck(ss, new Date());
    screen().alert(`${MENU_TITLE}：${SELF_CHECK_TITLE}`, selfCheckReport(results));
  });
}

// Triggers on the sheet: exactly one daily job and one edit trigger of this spreadsheet, found by handler name; the flag that one is installed.
import { documentProperties } from './props';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const DAILY_HANDLER = 'dailyJob';
export const EDIT_HANDLER = 'onEditInstalled';
export const TRIGGER_TIME_ZONE = 'Asia/Shanghai';
export const OUR_HANDLERS: readonly string[] = [DAILY_HANDLER, EDIT_HANDLER];

/** The hour the daily trigger was made with: Apps Script cannot tell it back, so it is kept per user and spreadsheet. */
const hourKey = (ss: Spreadsheet): string => `eco.trigger.daily.${ss.getId()}`;

interface InstalledDaily {
  uid: string;
  hour: number;
}

function readInstalled(ss: Spreadsheet): InstalledDaily | null {
  const raw = PropertiesService.getUserProperties().getProperty(hourKey(ss));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<InstalledDaily>;
    return typeof v.uid === 'string' && typeof v.hour === 'number' ? { uid: v.uid, hour: v.hour } : null;
  } catch {
    return null;
  }
}

const isEditTriggerFor = (t: Trigger, ss: Spreadsheet): boolean =>
  t.getHandlerFunction() === EDIT_HANDLER &&
  t.getEventType() === ScriptApp.EventType.ON_EDIT &&
  (t.getTriggerSourceId() === ss.getId() || t.getTriggerSourceId() === null);

/**
 * Document property (LIMITED may read it): an installable edit trigger is installed, so the simple onEdit leaves the
 * notes to it (contract §9). Set by 安装自动任务 and by the installable handler itself (an edit trigger from before this
 * flag); cleared by 卸载自动任务, the safe direction: with the flag gone both handlers write notes, which is harmless.
 */
export const EDIT_TRIGGER_KEY = 'editTrigger.installed';

/** The simple onEdit's first look: one handle and one getProperty. */
export const editTriggerFlagged = (): boolean => Boolean(documentProperties().getProperty(EDIT_TRIGGER_KEY));

export function flagEditTrigger(now: Date): void {
  documentProperties().setProperty(EDIT_TRIGGER_KEY, String(now.getTime()));
}

export interface InstallResult {
  hour: number;
  created: string[];
  removed: number;
}

/** Idempotent: keeps what already matches, removes duplicates and a daily trigger made for another hour. */
export function installTriggers(ss: Spreadsheet, hour: number): InstallResult {
  const triggers = ScriptApp.getProjectTriggers();
  const installed = readInstalled(ss);
  const created: string[] = [];
  let removed = 0;
  let keptDaily: Trigger | null = null;
  let keptEdit: Trigger | null = null;
  for (const t of triggers) {
    const handler = t.getHandlerFunction();
    if (handler === DAILY_HANDLER) {
      const matches =
        keptDaily === null &&
        t.getEventType() === ScriptApp.EventType.CLOCK &&
        installed !== null &&
        installed.uid === t.getUniqueId() &&
        installed.hour === hour;
      if (matches) keptDaily = t;
      else {
        ScriptApp.deleteTrigger(t);
        removed += 1;
      }
    } else if (isEditTriggerFor(t, ss)) {
      if (keptEdit === null) keptEdit = t;
      else {
        ScriptApp.deleteTrigger(t);
        removed += 1;
      }
    }
  }
  if (!keptDaily) {
    const daily = ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(hour).inTimezone(TRIGGER_TIME_ZONE).create();
    PropertiesService.getUserProperties().setProperty(hourKey(ss), JSON.stringify({ uid: daily.getUniqueId(), hour }));
    created.push(DAILY_HANDLER);
  }
  if (!keptEdit) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(ss).onEdit().create();
    created.push(EDIT_HANDLER);
  }
  flagEditTrigger(new Date());
  return { hour, created, removed };
}

/** Removes only this add-on's triggers (by handler name); any other trigger of the project stays. */
export function uninstallTriggers(ss: Spreadsheet): { removed: number; others: number } {
  let removed = 0;
  let others = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === DAILY_HANDLER || isEditTriggerFor(t, ss)) {
      ScriptApp.deleteTrigger(t);
      removed += 1;
    } else others += 1;
  }
  PropertiesService.getUserProperties().deleteProperty(hourKey(ss));
  // Another office account's edit trigger, if any, flags itself again on its next run.
  documentProperties().deleteProperty(EDIT_TRIGGER_KEY);
  return { removed, others };
}

// 安装自动任务 / 卸载自动任务: exactly one daily job and one edit trigger for this spreadsheet, found by handler name.
import { withDocumentLock } from '../sheet/lock';
import { activeUserEmail } from '../sheet/session';
import { CONFIG_LABEL, MENU_TITLE } from '../domain/contract';
import { AppError } from '../domain/errors';
import { isOffice } from '../domain/permissions';
import { fromMenu } from './entry-point';
import { ownerEmail, readSettings } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

export const DAILY_HANDLER = 'dailyJob';
export const EDIT_HANDLER = 'onEditInstalled';
export const TRIGGER_TIME_ZONE = 'Asia/Shanghai';
const OUR_HANDLERS: readonly string[] = [DAILY_HANDLER, EDIT_HANDLER];

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

function requireOffice(ss: Spreadsheet): ReturnType<typeof readSettings>['settings'] {
  const { settings } = readSettings(ss);
  const user = activeUserEmail();
  if (!isOffice(settings, user, ownerEmail(ss))) {
    throw new AppError(
      'NOT_PERMITTED',
      user
        ? `账号 ${user} 不是领导小组办公室账号（表格所有者或“配置”中的“${CONFIG_LABEL.admins}”），不能安装或卸载自动任务。`
        : '无法确认您的账号，不能安装或卸载自动任务。请由表格所有者操作。',
    );
  }
  return settings;
}

const isEditTriggerFor = (t: Trigger, ss: Spreadsheet): boolean =>
  t.getHandlerFunction() === EDIT_HANDLER &&
  t.getEventType() === ScriptApp.EventType.ON_EDIT &&
  (t.getTriggerSourceId() === ss.getId() || t.getTriggerSourceId() === null);

function describeInstalled(hour: number): string {
  return (
    `1. 每日提醒与汇总刷新：处理函数 ${DAILY_HANDLER}，类型：定时触发（每天），时间：每天${hour}时（北京时间，Apps Script 在${hour}时至${(hour + 1) % 24}时之间运行）\n` +
    `2. 直接编辑的处理（记录更新时间、校验、写入操作日志）：处理函数 ${EDIT_HANDLER}，类型：表格编辑时触发`
  );
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
  return { removed, others };
}

export function menuInstallTriggers(): void {
  fromMenu(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const settings = requireOffice(ss);
    const result = withDocumentLock(() => installTriggers(ss, settings.reminderHour));
    const ui = SpreadsheetApp.getUi();
    ui.alert(
      '自动任务已安装',
      `当前账号的自动任务（本表格）：\n${describeInstalled(result.hour)}\n\n` +
        `本次新建：${result.created.length ? result.created.join('、') : '无（已是最新）'}；移除旧的或重复的：${result.removed}个。\n` +
        `修改“${CONFIG_LABEL.reminderHour}”后，请再次运行“${MENU_TITLE} → 安装自动任务”。`,
      ui.ButtonSet.OK,
    );
  });
}

export function menuUninstallTriggers(): void {
  fromMenu(() => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    requireOffice(ss);
    const ui = SpreadsheetApp.getUi();
    // Contract §6: uninstalling stops the daily reminders and the edit stamps for everyone, so it asks first.
    const sure = ui.alert(
      '卸载自动任务',
      '卸载后将不再每日刷新汇总、发送提醒邮件，直接编辑也不再自动盖章和记录操作日志。\n确定要卸载当前账号安装的自动任务吗？',
      ui.ButtonSet.YES_NO,
    );
    if (sure !== ui.Button.YES) {
      ui.alert('未卸载', '自动任务保持不变。', ui.ButtonSet.OK);
      return;
    }
    const result = withDocumentLock(() => uninstallTriggers(ss));
    ui.alert(
      '自动任务已卸载',
      `已移除当前账号在本表格的自动任务 ${result.removed} 个（${OUR_HANDLERS.join('、')}）。\n` +
        `现在已安装的本加载项自动任务：无（不再每日发送提醒，直接编辑不再自动记录）。` +
        (result.others ? `\n其他 ${result.others} 个非本加载项的触发器未改动。` : ''),
      ui.ButtonSet.OK,
    );
  });
}

// 安装自动任务 / 卸载自动任务: exactly one daily job and one edit trigger for this spreadsheet, found by handler name.
import { menuPath } from '../domain/menu';
import { withDocumentLock } from '../sheet/lock';
import { CONFIG_LABEL } from '../domain/contract';
import { DAILY_HANDLER, EDIT_HANDLER, OUR_HANDLERS, installTriggers, uninstallTriggers } from '../sheet/triggers';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { readSettings } from '../sheet/ledger';
import { fromMenu } from './error-boundary';
import { requireOffice } from './urge-now';

const WHAT = '安装或卸载自动任务';

function describeInstalled(hour: number): string {
  return (
    `1. 每日提醒与汇总刷新：处理函数 ${DAILY_HANDLER}，类型：定时触发（每天），时间：每天${hour}时（北京时间，Apps Script 在${hour}时至${(hour + 1) % 24}时之间运行）\n` +
    `2. 直接编辑的处理（记录更新时间、校验、写入操作日志）：处理函数 ${EDIT_HANDLER}，类型：表格编辑时触发`
  );
}

export function menuInstallTriggers(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const { settings } = readSettings(ss);
    requireOffice(ss, settings, WHAT);
    const result = withDocumentLock(() => installTriggers(ss, settings.reminderHour));
    screen().alert(
      '自动任务已安装',
      `当前账号的自动任务（本表格）：\n${describeInstalled(result.hour)}\n\n` +
        `本次新建：${result.created.length ? result.created.join('、') : '无（已是最新）'}；移除旧的或重复的：${result.removed}个。\n` +
        `修改“${CONFIG_LABEL.reminderHour}”后，请再次运行“${menuPath('menuInstallTriggers')}”。`,
    );
  });
}

export function menuUninstallTriggers(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    requireOffice(ss, readSettings(ss).settings, WHAT);
    const ui = screen();
    // Contract §6: uninstalling stops the daily reminders and the edit stamps for everyone, so it asks first.
    const sure = ui.confirm(
      '卸载自动任务',
      '卸载后将不再每日刷新汇总、发送提醒邮件，直接编辑也不再自动盖章和记录操作日志。\n确定要卸载当前账号安装的自动任务吗？',
    );
    if (!sure) {
      ui.alert('未卸载', '自动任务保持不变。');
      return;
    }
    const result = withDocumentLock(() => uninstallTriggers(ss));
    ui.alert(
      '自动任务已卸载',
      `已移除当前账号在本表格的自动任务 ${result.removed} 个（${OUR_HANDLERS.join('、')}）。\n` +
        `现在已安装的本加载项自动任务：无（不再每日发送提醒，直接编辑不再自动记录）。` +
        (result.others ? `\n其他 ${result.others} 个非本加载项的触发器未改动。` : ''),
    );
  });
}

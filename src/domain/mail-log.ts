// What the daily job, 立即催办 and the office's digest write in 操作日志: the 字段 of each kind of mail and the 操作 of each outcome.

export const MAIL_ACTION = {
  sent: '发送提醒邮件',
  alreadySent: '跳过：今日已发送提醒',
  inFlight: '跳过：今日提醒已在发送中或上次发送中断（可能已发出，不重复发送）',
  gaveUp: '跳过：今日发送失败次数过多，明日再试',
  nothing: '跳过：无需提醒',
  noRecipients: '跳过：联系邮箱未填写',
  tooManyRecipients: '跳过：收件人超过单封邮件50个的上限',
  unreadable: '跳过：工作表无法读取',
  notWorkday: '跳过：今日非工作日（仅工作日发送提醒）',
  stopped: '跳过：已停止发送（测试收件人无效）',
  queued: '排队：今日邮件配额不足，下次运行时发送',
  lockBusy: '排队：表格正忙，下次运行时发送',
  failed: '发送失败，下次运行时重试',
  summaryFailed: '刷新汇总失败',
  digestSent: '发送领导小组办公室日报',
  digestNothing: '跳过：日报无事项',
  digestNoRecipients: '跳过：领导小组办公室邮箱未填写，日报无法发送',
  digestFailed: '日报生成失败',
  urgeSent: '发送催办邮件',
  urgeAlreadySent: '跳过：今日已催办',
} as const;

/** 字段 of a mail's log line: the kind of mail. */
export const REMINDER_FIELD = '提醒邮件';
export const URGE_FIELD = '催办邮件';
export const DIGEST_FIELD = '日报';

/** The 操作日志 tab column for the digest's lines. */
export const DIGEST_LOG_TAB = '领导小组办公室';

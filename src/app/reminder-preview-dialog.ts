// 预览提醒邮件: a dialog showing what today's run would send to whom, without sending anything.
import { escapeHtml } from '../domain/text';
import { fitQuota } from '../domain/send-log';
import { sendModeText } from '../domain/settings';
import { remainingMailQuota } from '../sheet/mail';
import { activeSpreadsheet, screen } from '../sheet/ui';
import { fromMenu } from './error-boundary';
import type { DistrictPlan, ReminderPlan } from './reminder-plan';
import { planReminders } from './reminder-plan';

const PREVIEW_TITLE = '提醒邮件预览（不会发送）';

const OUTCOME_TEXT: Record<DistrictPlan['outcome'] | 'queued', string> = {
  send: '今日运行将发送',
  queued: '今日邮件配额不足：排队，下次运行时发送',
  alreadySent: '今日已发送，不再发送',
  inFlight: '今日已在发送中或上次发送中断（可能已发出），不再发送',
  gaveUp: '今日发送失败次数过多，明日再试',
  nothing: '无需提醒，不发送',
  noRecipients: '联系邮箱未填写，无法发送',
  tooManyRecipients: '收件人超过单封邮件50个的上限，不发送（见说明）',
  unreadable: '工作表无法读取，不发送',
  notWorkday: '今日非工作日，按“仅工作日发送提醒”不发送',
  stopped: '已停止发送（“测试收件人”无效），不发送',
};

interface PreviewRow {
  district: string;
  status: string;
  to: string;
  cc: string;
  subject: string;
  htmlBody: string;
  detail: string;
}

/** Plain rows (no Date) so tests and the dialog read the same thing. */
export function previewRows(plan: ReminderPlan, quota: number): PreviewRow[] {
  const sending = plan.districts.filter((d) => d.outcome === 'send' && d.email);
  const { fits } = fitQuota(
    sending.map((d) => d.email?.recipientCount ?? 0),
    quota,
  );
  return plan.districts.map((d) => {
    const i = sending.indexOf(d);
    const outcome = d.outcome === 'send' && i >= 0 && !fits[i] ? 'queued' : d.outcome;
    return {
      district: d.district,
      status: OUTCOME_TEXT[outcome],
      to: d.email?.to.join(', ') ?? '',
      cc: d.email?.cc.join(', ') ?? '',
      subject: d.email?.subject ?? '',
      htmlBody: d.email?.htmlBody ?? '',
      detail: d.detail,
    };
  });
}

function previewHtml(plan: ReminderPlan, rows: readonly PreviewRow[], quota: number): string {
  const e = escapeHtml;
  const head =
    `<p>日期：${e(plan.today)}（北京时间，${e(plan.day.label)}）。今日剩余邮件配额：${quota} 个收件人。` +
    (plan.day.warning ? `<br><span style="color:#c00;">${e(plan.day.warning)}</span>` : '') +
    `<br><b style="color:${plan.settings.sendMode === 'live' ? '#000' : '#c00'};">${e(sendModeText(plan.settings))}</b>` +
    `</p>` +
    (plan.settingsErrors.length ? `<p style="color:#c00;">配置问题：${plan.settingsErrors.map(e).join('；')}</p>` : '');
  const sections = rows
    .map((r) => {
      const meta =
        `<p><b>${e(r.district)}</b>：${e(r.status)}${r.detail ? `（${e(r.detail)}）` : ''}</p>` +
        (r.subject
          ? `<p>收件人：${e(r.to) || '（无）'}<br>抄送：${e(r.cc) || '（无）'}<br>主题：${e(r.subject)}</p>` +
            // The body is our own markup with every user value already escaped.
            `<div style="border:1px solid #ccc;padding:8px;margin-bottom:8px;">${r.htmlBody}</div>`
          : '');
      return `<section style="border-top:1px solid #999;padding-top:4px;">${meta}</section>`;
    })
    .join('');
  return `<div style="font-family:sans-serif;font-size:13px;">${head}${sections}</div>`;
}

export function menuPreviewReminders(): void {
  fromMenu(() => {
    const ss = activeSpreadsheet();
    const plan = planReminders(ss, new Date());
    const quota = remainingMailQuota();
    const rows = previewRows(plan, quota);
    screen().dialogFromHtml(previewHtml(plan, rows, quota), PREVIEW_TITLE, 800, 600);
  });
}

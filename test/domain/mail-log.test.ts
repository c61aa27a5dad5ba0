// The mail sends' 操作日志 vocabulary (src/domain/mail-log.ts): every outcome its own words, skips said as skips.
import { DIGEST_FIELD, MAIL_ACTION, REMINDER_FIELD, URGE_FIELD } from '../../src/domain/mail-log';

describe('mail log vocabulary', () => {
  test('no two outcomes are logged with the same words, so the office can tell them apart in 操作日志', () => {
    const texts = Object.values(MAIL_ACTION);
    expect(new Set(texts).size).toBe(texts.length);
  });

  test('each kind of mail has its own 字段', () => {
    expect(new Set([REMINDER_FIELD, URGE_FIELD, DIGEST_FIELD]).size).toBe(3);
  });

  test('an outcome that sends nothing and will not retry today begins 跳过：, one that will retry says when', () => {
    expect(MAIL_ACTION.alreadySent.startsWith('跳过：')).toBe(true);
    expect(MAIL_ACTION.noRecipients.startsWith('跳过：')).toBe(true);
    expect(MAIL_ACTION.queued).toContain('下次运行时发送');
    expect(MAIL_ACTION.failed).toContain('下次运行时重试');
  });
});

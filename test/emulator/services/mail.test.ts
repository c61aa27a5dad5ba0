// Emulator: MailApp outbox, overloads and the daily recipient quota.
import { Emulator } from '../../../emulator';

const emuOf = (code: string) => Emulator.fromSource({ files: { 'Code.js': code }, now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn' });

describe('MailApp', () => {
  test('the recipient quota counts cc', () => {
    const emu = emuOf(`function send() {
      MailApp.sendEmail('a@tc.gov.cn', '提醒', '正文', { cc: 'office@dz.gov.cn,lead@dz.gov.cn' });
      return MailApp.getRemainingDailyQuota(); }`);
    expect(emu.run('send')).toBe(97);
  });

  test('sending over the quota throws the real message and sends nothing', () => {
    const emu = emuOf(`function send() { MailApp.sendEmail({ to: 'a@tc.gov.cn', cc: 'b@dz.gov.cn', subject: 's', body: 'b' }); }`);
    emu.setMailQuota(1);
    expect(() => emu.run('send')).toThrow('Service invoked too many times for one day: email.');
    expect(emu.outbox).toHaveLength(0);
    expect(emu.mailQuotaRemaining).toBe(1);
  });

  test('the quota starts again on the next day in the script time zone', () => {
    const emu = emuOf(`function send() { MailApp.sendEmail('a@tc.gov.cn', 's', 'b'); }`);
    emu.setMailQuota(0);
    expect(() => emu.run('send')).toThrow('Service invoked too many times for one day: email.');
    emu.setNow('2022-03-20T16:00:00Z'); // 2022-03-21 00:00 in Shanghai
    emu.run('send');
    expect(emu.mailQuotaRemaining).toBe(99);
  });

  test('every overload lands in the outbox with its fields', () => {
    const emu = emuOf(`function send() {
      MailApp.sendEmail('a@tc.gov.cn', '主题一', '正文一');
      MailApp.sendEmail('b@tc.gov.cn', 'reply@dz.gov.cn', '主题二', '正文二');
      MailApp.sendEmail('c@tc.gov.cn', '主题三', '正文三', { htmlBody: '<b>三</b>', name: '整治台账', bcc: 'x@dz.gov.cn' });
      MailApp.sendEmail({ to: 'd@tc.gov.cn', subject: '主题四', body: '正文四', noReply: true }); }`);
    emu.run('send');
    expect(emu.outbox.map(({ to, cc, bcc, subject, replyTo, htmlBody, name, noReply, from }) => ({ to, cc, bcc, subject, replyTo, htmlBody, name, noReply, from }))).toEqual([
      { to: 'a@tc.gov.cn', cc: '', bcc: '', subject: '主题一', replyTo: undefined, htmlBody: undefined, name: undefined, noReply: false, from: 'office@dz.gov.cn' },
      { to: 'b@tc.gov.cn', cc: '', bcc: '', subject: '主题二', replyTo: 'reply@dz.gov.cn', htmlBody: undefined, name: undefined, noReply: false, from: 'office@dz.gov.cn' },
      { to: 'c@tc.gov.cn', cc: '', bcc: 'x@dz.gov.cn', subject: '主题三', replyTo: undefined, htmlBody: '<b>三</b>', name: '整治台账', noReply: false, from: 'office@dz.gov.cn' },
      { to: 'd@tc.gov.cn', cc: '', bcc: '', subject: '主题四', replyTo: undefined, htmlBody: undefined, name: undefined, noReply: true, from: 'office@dz.gov.cn' },
    ]);
    expect(emu.outbox[0]!.at.toISOString()).toBe('2022-03-20T01:00:00.000Z');
  });

  test('an address the test marks as failing makes the send throw', () => {
    const emu = emuOf(`function send() { try { MailApp.sendEmail('bad@tc.gov.cn', 's', 'b'); } catch (e) { return e.name + ': ' + e.message; } }`);
    emu.failMailTo('bad@tc.gov.cn');
    expect(emu.run('send')).toBe('Exception: Invalid email: bad@tc.gov.cn');
    expect(emu.outbox).toHaveLength(0);
  });

  test('attachments are not implemented', () => {
    const emu = emuOf(`function send() { MailApp.sendEmail('a@tc.gov.cn', 's', 'b', { attachments: [] }); }`);
    expect(() => emu.run('send')).toThrow('NotImplemented: MailApp.sendEmail attachments');
  });

  test('more than 50 recipients (to + cc + bcc) in one message is refused and nothing is sent', () => {
    const list = (n: number, d: string) => Array.from({ length: n }, (_, i) => `u${i}@${d}`).join(',');
    const emu = emuOf(`function send(to, cc, bcc) { MailApp.sendEmail(to, 's', 'b', { cc: cc, bcc: bcc }); }`);
    emu.setMailQuota(1000);
    expect(() => emu.run('send', list(30, 'tc.gov.cn'), list(15, 'dz.gov.cn'), list(6, 'x.cn'))).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(emu.outbox).toHaveLength(0);
    expect(emu.mailQuotaRemaining).toBe(1000);
    emu.run('send', list(30, 'tc.gov.cn'), list(15, 'dz.gov.cn'), list(5, 'x.cn'));
    expect(emu.outbox).toHaveLength(1);
  });

  test('a body over 200 KB (UTF-8, body and htmlBody together) is refused', () => {
    const emu = emuOf(`function send(body, html) { MailApp.sendEmail('a@tc.gov.cn', 's', body, html ? { htmlBody: html } : {}); }`);
    expect(() => emu.run('send', '企'.repeat(66_667), '')).toThrow('Limit Exceeded: Email Body Size.');
    expect(() => emu.run('send', 'a'.repeat(100_000), 'b'.repeat(100_001))).toThrow('Limit Exceeded: Email Body Size.');
    expect(emu.outbox).toHaveLength(0);
    emu.run('send', '企'.repeat(66_666), '');
    expect(emu.outbox).toHaveLength(1);
  });

  test('a subject over 250 characters is refused', () => {
    const emu = emuOf(`function send(subject) { MailApp.sendEmail('a@tc.gov.cn', subject, 'b'); }`);
    expect(() => emu.run('send', '提'.repeat(251))).toThrow('Argument too large: subject');
    emu.run('send', '提'.repeat(250));
    expect(emu.outbox).toHaveLength(1);
  });
});

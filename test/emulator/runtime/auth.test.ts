// Emulator: OAuth scopes from the manifest and what simple triggers (LIMITED) may not do.
import { Emulator, ExecutionFailed } from '../../../emulator';

const ALL_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

const emuOf = (code: string, oauthScopes: string[] = ALL_SCOPES) =>
  Emulator.fromSource({
    files: { 'Code.js': code }, manifest: { timeZone: 'Asia/Shanghai', oauthScopes },
    now: '2022-03-20T09:00:00+08:00', owner: 'office@dz.gov.cn',
  });

function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (e instanceof ExecutionFailed) return String((e.failures[0]!.error as Error).message);
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}

describe('scopes and auth modes', () => {
  test('MailApp without the send_mail scope throws the permission error', () => {
    const emu = emuOf("function f() { MailApp.sendEmail('a@b.cn', 's', 'b'); }", ALL_SCOPES.filter((s) => !s.endsWith('send_mail')));
    expect(() => emu.run('f')).toThrow(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(emu.outbox).toHaveLength(0);
  });

  test('ScriptApp trigger management without the scriptapp scope throws the permission error', () => {
    const emu = emuOf('function f() { ScriptApp.getProjectTriggers(); }', ALL_SCOPES.filter((s) => !s.endsWith('scriptapp')));
    expect(() => emu.run('f')).toThrow('You do not have permission to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp');
  });

  test('a manifest without oauthScopes refuses nothing (Apps Script infers the scopes)', () => {
    const emu = Emulator.fromSource({ files: { 'Code.js': "function f() { MailApp.sendEmail('a@b.cn', 's', 'b'); }" }, manifest: { timeZone: 'Asia/Shanghai' } });
    emu.run('f');
    expect(emu.outbox.map((m) => m.to)).toEqual(['a@b.cn']);
  });

  test('a simple onOpen cannot send mail', () => {
    const emu = emuOf("function onOpen(e) { MailApp.sendEmail('a@b.cn', 's', 'b'); }");
    expect(failureOf(() => emu.open())).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(emu.outbox).toHaveLength(0);
    expect(emu.lastExecution).toMatchObject({ fn: 'onOpen', kind: 'simple', authMode: 'LIMITED', ok: false });
  });

  test('a simple onOpen cannot manage triggers', () => {
    const emu = emuOf("function onOpen() { ScriptApp.newTrigger('x').timeBased().everyDays(1).atHour(9).create(); }");
    expect(failureOf(() => emu.open())).toBe(
      'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    expect(emu.triggers).toHaveLength(0);
  });

  test('a simple onOpen cannot read script or user properties but can read document properties', () => {
    const emu = emuOf(`function onOpen() {
      PropertiesService.getDocumentProperties().setProperty('opened', 'yes');
      PropertiesService.getUserProperties(); }`);
    expect(failureOf(() => emu.open())).toBe(
      'You do not have permission to call PropertiesService.getUserProperties. Required permissions: https://www.googleapis.com/auth/script.storage',
    );
    expect(emu.properties.document.map.get('opened')).toBe('yes');
  });

  test('a simple trigger sees no user email', () => {
    const emu = emuOf(`function onOpen(e) {
      PropertiesService.getDocumentProperties().setProperties({
        active: Session.getActiveUser().getEmail(), effective: Session.getEffectiveUser().getEmail(),
        eventUser: e.user.getEmail(), authMode: String(e.authMode) });
    }
    function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`);
    emu.setUser('clerk@tc.gov.cn', { revealed: true });
    emu.open();
    expect(Object.fromEntries(emu.properties.document.map)).toEqual({ active: '', effective: '', eventUser: '', authMode: 'LIMITED' });
    expect(emu.run('who')).toEqual(['clerk@tc.gov.cn', 'clerk@tc.gov.cn']);
  });

  test('an unrevealed user has no active email even in FULL, but the effective user is known', () => {
    const emu = emuOf('function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }');
    emu.setUser('someone@gmail.com', { revealed: false });
    expect(emu.run('who')).toEqual(['', 'someone@gmail.com']);
  });
});

// Where errors become words (src/app/error-boundary.ts): a menu alerts in Chinese, the sidebar gets `_form`, a trigger logs; an unexpected failure never shows its raw text.
import type { Emulator } from '@eco-ledger/emulator';
import { MENU_TITLE, TAB } from '../../src/domain/contract';
import { UNEXPECTED } from '../../src/app/error-boundary';
import { OWNER, clerkWorld, modelOf, payload, setUp } from '../support/ledger-world';

const RAW = 'Service Spreadsheets failed while accessing document';

/** The next execution's first service call fails, as a Google service sometimes does; the calls after it work. */
function failNextCall(emu: Emulator): void {
  let failed = false;
  emu.interleave(() => {
    if (failed) return;
    failed = true;
    throw new Error(RAW);
  });
}

const errorLogs = (emu: Emulator): string[] => emu.logs.filter((l) => l.level === 'error').map((l) => l.message);

describe('a menu item', () => {
  it('refused for a reason the user can fix shows that reason under the menu title', () => {
    const emu = clerkWorld();
    modelOf(emu).setActive(TAB.config, 'A1');
    emu.clickMenu('编辑选中企业');
    const alert = emu.ui.alerts.at(-1)!;
    expect(alert.title).toBe(MENU_TITLE);
    expect(alert.prompt).toContain('请先切换到辖区工作表');
    expect(errorLogs(emu)).toEqual([]);
  });

  it('that fails unexpectedly shows the one general message, and logs the error for the office', () => {
    const emu = clerkWorld();
    modelOf(emu).setActive('通川区', 'A1');
    failNextCall(emu);
    emu.clickMenu('校验本表');
    const alert = emu.ui.alerts.at(-1)!;
    expect([alert.title, alert.prompt]).toEqual([MENU_TITLE, UNEXPECTED]);
    expect(alert.prompt).not.toContain(RAW);
    expect(errorLogs(emu).join('\n')).toContain(RAW);
  });
});

describe('a sidebar call', () => {
  it('refused (the document is locked) answers its Chinese message on _form, without the code', () => {
    const emu = clerkWorld();
    emu.holdDocumentLock();
    const answer = emu.scriptRun('submitEnterprise', payload());
    expect(answer).toMatchObject({ ok: true, value: { ok: false, errors: { _form: '其他人正在保存台账，请稍候几秒再试。' } } });
    expect(JSON.stringify(answer)).not.toContain('LOCK_BUSY');
  });

  it('that fails unexpectedly answers the general message on _form, never the raw error', () => {
    const emu = clerkWorld();
    failNextCall(emu);
    const answer = emu.scriptRun('submitEnterprise', payload());
    expect(answer).toMatchObject({ ok: true, value: { ok: false, errors: { _form: UNEXPECTED } } });
    expect(JSON.stringify(answer)).not.toContain(RAW);
    expect(errorLogs(emu).join('\n')).toContain(RAW);
  });
});

describe('a trigger', () => {
  it('that fails unexpectedly logs the error, shows nothing and does not fail the execution', () => {
    const emu = setUp();
    emu.setUser(OWNER);
    emu.clickMenu('安装自动任务');
    const alerts = emu.ui.alerts.length;
    failNextCall(emu);
    const runs = emu.fireTimeDriven();
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(emu.ui.alerts).toHaveLength(alerts);
    expect(errorLogs(emu).some((m) => m.includes(RAW))).toBe(true);
  });
});

// 新增企业 and 编辑选中企业 (src/app/enterprise-form.ts): the Sidebar page opened with its context, or a clear word on what to select.
import { TAB } from '../../src/domain/contract';
import type { FormContext } from '../../src/domain/sidebar-form';
import { clerkWorld as world, modelOf, payload } from '../support/ledger-world';

function call(emu: ReturnType<typeof world>, fn: string, ...args: unknown[]): unknown {
  const answer = emu.scriptRun(fn, ...args);
  if (!answer.ok) throw new Error(`${fn} failed: ${answer.error}`);
  return answer.value;
}

describe('the sidebar menu items', () => {
  function context(html: string): FormContext {
    const m = /<script type="application\/json" id="form-context">(.*?)<\/script>/s.exec(html);
    if (!m) throw new Error('no form context in the sidebar');
    return JSON.parse(m[1]!) as FormContext;
  }

  it('新增企业 opens the Sidebar page on the active district, limited to the clerk’s districts', () => {
    const emu = world();
    modelOf(emu).setActive('通川区', 'A1');
    emu.clickMenu('新增企业');
    const sidebar = emu.ui.sidebars.at(-1)!;
    expect(sidebar.title).toBe('新增企业');
    expect(sidebar.html).toContain('id="enterprise-form"');
    expect(context(sidebar.html)).toMatchObject({ mode: 'add', district: '通川区', editable: ['通川区'], districts: ['通川区', '达川区', '达州高新区'], acceptBy: '2023-12-31', enterprise: null });
  });

  it('编辑选中企业 opens the selected row prefilled, its text unable to break out of the page', () => {
    const emu = world();
    const p = payload({ name: '</script><img src=x onerror=alert(1)>公司' });
    call(emu, 'submitEnterprise', p);
    modelOf(emu).setActive('通川区', 'D5');
    emu.clickMenu('编辑选中企业');
    const sidebar = emu.ui.sidebars.at(-1)!;
    expect(sidebar.title).toBe('编辑选中企业');
    expect(sidebar.html).not.toContain('<img src=x');
    expect(context(sidebar.html)).toMatchObject({ mode: 'edit', district: '通川区', enterprise: { ...p, row: 5, serial: 1 } });
  });

  it('编辑选中企业 explains what to select when the selection is not an enterprise', () => {
    const emu = world();
    modelOf(emu).setActive(TAB.config, 'A1');
    emu.clickMenu('编辑选中企业');
    modelOf(emu).setActive('通川区', 'C3');
    emu.clickMenu('编辑选中企业');
    expect(emu.ui.sidebars).toHaveLength(0);
    expect(emu.ui.alerts.slice(-2).map((a) => a.prompt)).toEqual([expect.stringContaining('请先切换到辖区工作表'), expect.stringContaining('请先在“通川区”中选中')]);
  });
});

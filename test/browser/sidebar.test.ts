// The built sidebar in headless Chromium, its google.script.run bridged to the emulator running dist/Code.js.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Emulator, ScriptRunner } from '@eco-ledger/emulator';
import { withCheckChar } from '../../src/domain/credit-code';
import { CATEGORIES, INDUSTRIES, LAND_TENURES, STATUSES, TOWNS, YES_NO } from '../../src/domain/contract';
import { enterprise } from '../support/enterprise';
import { OWNER, TC_CLERK, modelOf, setEditors, setUp, values } from '../support/ledger-world';
import { useChromium } from '../support/browser';
import { openBridgedPage } from '../support/script-run-bridge';
import type { Bridge } from '../support/script-run-bridge';

const OUTPUT = join(__dirname, '..', '..', 'test-output');

const chromium = useChromium();

interface Opened {
  emu: Emulator;
  bridge: Bridge;
  page: Page;
}

/** What 新增企业 showed the clerk on 通川区, served with the bridge, in a 300 px wide page like the sidebar. */
async function openAddForm(user = TC_CLERK): Promise<Opened> {
  const emu = setUp();
  setEditors(emu, '通川区', TC_CLERK);
  emu.setUser(user);
  modelOf(emu).setActive('通川区', 'A1');
  return openSidebar(emu, '新增企业');
}

/** `runner` stands between the page and the emulator when a test needs Apps Script itself to fail a call. */
async function openSidebar(emu: Emulator, caption: string, runner: ScriptRunner = emu): Promise<Opened> {
  emu.clickMenu(caption);
  const sidebar = emu.ui.sidebars.at(-1);
  if (!sidebar) throw new Error(`${caption} showed no sidebar`);
  const { page, bridge, close } = await openBridgedPage(chromium.browser, runner, sidebar.html, { width: 300, height: 900 });
  chromium.afterThisTest(async () => expect(await close()).toEqual([]));
  await page.waitForSelector('#f-name');
  return { emu, bridge, page };
}

/** A valid 改造提升 enterprise typed into the add form's fields (the test is about what happens next). */
async function fillValid(page: Page, creditCode: string): Promise<void> {
  await page.evaluate((code) => {
    const set = (id: string, v: string) => ((document.getElementById(id) as HTMLInputElement).value = v);
    set('f-name', '某某公司'); set('f-address', '通川区'); set('f-creditCode', code);
    set('f-industry', '钢铁'); set('f-employees', '1'); set('f-landTenure', '租用'); set('f-safetyAssessment', '有');
    set('f-energyReview', '有'); set('f-eiaApproval', '无'); set('f-dischargePermit', '无'); set('f-onlineMonitoring', '无');
    set('f-problems', '问题'); set('f-measures', '措施'); set('f-category', '改造提升'); set('f-deadline', '2022-12-31'); set('f-town', '其他');
  }, creditCode);
}

/** 厂区土地性质 to 整治分类 chosen and typed as a user would (valid values), between the fields a test types itself. */
async function typeMiddleFields(page: Page): Promise<void> {
  await page.selectOption('#f-landTenure', '租用');
  for (const id of ['#f-safetyAssessment', '#f-energyReview', '#f-onlineMonitoring']) await page.selectOption(id, '无');
  await page.fill('#f-eiaApproval', '无');
  await page.fill('#f-dischargePermit', '无');
  await page.fill('#f-problems', '问题');
  await page.fill('#f-measures', '措施');
  await page.selectOption('#f-category', '改造提升');
}

/** The field block is inside the viewport and not under the sticky 保存 bar. */
async function expectClearOfSaveBar(page: Page, id: string): Promise<void> {
  const box = await page.$eval(`#${id}`, (e) => e.getBoundingClientRect().toJSON() as DOMRect);
  const bar = await page.$eval('.actions', (e) => e.getBoundingClientRect().toJSON() as DOMRect);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(bar.top);
}

const dataRows = (emu: Emulator): unknown[][] => values(emu, '通川区', 'A5:X7').filter((r) => r.some((v) => v !== ''));

async function activeId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** Tab until `id` has the focus (a date input takes several presses: its segments and picker button). */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 12; i += 1) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached #${id} (focus is on #${await activeId(page)})`);
}

/** A closed <select> on Linux Chromium moves its choice with the arrow keys; index 0 is 请选择 unless `noPlaceholder`. */
async function choose(page: Page, id: string, options: readonly string[], choice: string, noPlaceholder = false): Promise<void> {
  await tabTo(page, id);
  const current = await page.$eval(`#${id}`, (s) => (s as HTMLSelectElement).selectedIndex);
  const target = options.indexOf(choice) + (noPlaceholder ? 0 : 1);
  const key = target >= current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(target - current); i += 1) await page.keyboard.press(key);
  expect(await page.$eval(`#${id}`, (s) => (s as HTMLSelectElement).value)).toBe(choice);
}

async function typeInto(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

/** Debian's chromium shows date inputs as mm/dd/yyyy whatever the page's locale. */
async function typeDate(page: Page, id: string, day: string): Promise<void> {
  await tabTo(page, id);
  const [y, m, d] = day.split('-');
  await page.keyboard.type(`${m}${d}${y}`);
  expect(await page.$eval(`#${id}`, (e) => (e as HTMLInputElement).value)).toBe(day);
}

describe('the enterprise sidebar in Chromium', () => {
  it('shows the Chinese error beside a wrong credit code, marks it invalid, and writes nothing', async () => {
    const { emu, bridge, page } = await openAddForm();
    const good = withCheckChar('91511700MA6200077');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await page.focus('#f-creditCode');
    await page.keyboard.type(wrong);
    await page.keyboard.press('Tab');
    await expect(page.textContent('#e-creditCode')).resolves.toContain('统一社会信用代码校验不通过：请对照营业执照逐位核对全部18位');
    expect(await page.getAttribute('#f-creditCode', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#f-creditCode', 'aria-describedby')).toContain('e-creditCode');
    // Fields not visited yet show nothing before a submit.
    expect(await page.textContent('#e-address')).toBe('');
    await page.click('#save');
    await expect(page.textContent('#form-message')).resolves.toMatch(/还有\d+项需要修改/);
    expect(await activeId(page)).toBe('f-name');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'sidebar-errors.png'), fullPage: false });
    expect(bridge.calls).toEqual([]);
    expect(dataRows(emu)).toEqual([]);
  });

  it('shows 新址用地面积（亩） only for 搬迁升级', async () => {
    const { page } = await openAddForm();
    expect(await page.isVisible('#f-area')).toBe(false);
    await page.selectOption('#f-category', '搬迁升级');
    expect(await page.isVisible('#f-area')).toBe(true);
    expect(await page.textContent('label[for="f-area"]')).toContain('新址用地面积（亩）');
    await page.selectOption('#f-category', '改造提升');
    expect(await page.isVisible('#f-area')).toBe(false);
  });

  it('saves an enterprise filled with the keyboard only, and the row appears in the emulator’s tab', async () => {
    const { emu, bridge, page } = await openAddForm();
    const creditCode = withCheckChar('91511700MA6200123');
    expect(await page.$eval('#f-district', (s) => (s as HTMLSelectElement).value)).toBe('通川区');
    // From the page as it opened, nothing focused: Tab, type, arrows and Enter only.
    await tabTo(page, 'f-district');
    await typeInto(page, 'f-name', '达州市某某砖瓦有限公司');
    await typeInto(page, 'f-address', '通川区复兴镇某村3组');
    await typeInto(page, 'f-creditCode', creditCode.toLowerCase());
    await page.keyboard.press('Tab');
    expect(await page.$eval('#f-creditCode', (e) => (e as HTMLInputElement).value)).toBe(creditCode);
    await choose(page, 'f-industry', INDUSTRIES, '建材（砖瓦、陶瓷、木/石材加工）');
    await typeInto(page, 'f-employees', '48');
    await choose(page, 'f-landTenure', LAND_TENURES, '征用');
    await choose(page, 'f-safetyAssessment', YES_NO, '有');
    await choose(page, 'f-energyReview', YES_NO, '无');
    await typeInto(page, 'f-eiaApproval', '达市环审〔2018〕21号');
    await typeInto(page, 'f-dischargePermit', '无');
    await choose(page, 'f-onlineMonitoring', YES_NO, '无');
    await typeInto(page, 'f-problems', '=粉尘无组织排放');
    await typeInto(page, 'f-measures', '原料库房密闭，安装喷淋');
    await choose(page, 'f-category', CATEGORIES, '搬迁升级');
    await typeInto(page, 'f-area', '12.5');
    await typeDate(page, 'f-deadline', '2023-06-30');
    await choose(page, 'f-status', STATUSES, '整改中', true);
    await choose(page, 'f-town', TOWNS, '复兴镇');
    // The optional fields are folded away: Enter on the summary opens them.
    await tabTo(page, 'sum-2');
    expect(await page.isVisible('#f-remarks')).toBe(false);
    await page.keyboard.press('Enter');
    await typeInto(page, 'f-remarks', '拟迁入高新区');
    await tabTo(page, 'save');
    await page.screenshot({ path: join(OUTPUT, 'sidebar-filled.png'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#form-message.ok') !== null);
    expect(await page.textContent('#form-message')).toContain('已保存到“通川区”第5行（序号1）');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'sidebar-saved.png'), fullPage: false });

    expect(bridge.calls.map((c) => [c.fn, c.result])).toEqual([['submitEnterprise', { ok: true, value: { ok: true, district: '通川区', row: 5, serial: 1 } }]]);
    const [row] = dataRows(emu);
    expect(row).toBeDefined();
    expect(row!.slice(0, 16)).toEqual([
      1, '通川区', '达州市某某砖瓦有限公司', '通川区复兴镇某村3组', creditCode, '建材（砖瓦、陶瓷、木/石材加工）', 48, '征用', '有', '无',
      '达市环审〔2018〕21号', '无', '无', '=粉尘无组织排放', '原料库房密闭，安装喷淋', '搬迁升级',
    ]);
    expect(row!.slice(16, 22)).toEqual([new Date('2023-06-30T00:00:00+08:00'), '', '新址用地面积：12.5亩；拟迁入高新区', '整改中', '复兴镇', '']);
    expect(row![23]).toBe(TC_CLERK);
    expect(modelOf(emu).sheet('通川区').formulaAt(5, 14)).toBe('');
    // Ready for the next enterprise, the district kept.
    expect(await page.$eval('#f-name', (e) => (e as HTMLInputElement).value)).toBe('');
    expect(await page.$eval('#f-district', (s) => (s as HTMLSelectElement).value)).toBe('通川区');
  });

  it('shows the server’s refusal beside the field: a code registered meanwhile by someone else', async () => {
    const { emu, page } = await openAddForm();
    const creditCode = withCheckChar('91511700MA6200456');
    emu.setUser('office@dz.gov.cn');
    emu.scriptRun('submitEnterprise', enterprise({ district: '达川区', name: '先登记的企业', address: '达川区', creditCode, industry: '钢铁', employees: 1, deadline: '2022-12-31', status: '未启动', town: '其他' }));
    emu.setUser(TC_CLERK);
    await page.fill('#f-name', '后登记的企业');
    await page.fill('#f-address', '通川区');
    await page.fill('#f-creditCode', creditCode);
    await page.selectOption('#f-industry', '钢铁');
    await page.fill('#f-employees', '3');
    await typeMiddleFields(page);
    await page.fill('#f-deadline', '2022-12-31');
    await page.selectOption('#f-town', '其他');
    await page.click('#save');
    await page.waitForFunction(() => (document.querySelector('#e-creditCode')?.textContent ?? '') !== '');
    expect(await page.textContent('#e-creditCode')).toContain('“达川区”第5行');
    expect(await activeId(page)).toBe('f-creditCode');
    expect(await page.isEnabled('#save')).toBe(true);
    expect(values(emu, '通川区', 'A5:X5')[0]!.every((v) => v === '')).toBe(true);
  });

  it('disables 保存 while the server is saving', async () => {
    const { bridge, page } = await openAddForm();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/__script_run', async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate(() => {
      // A valid enterprise through the page's own fields; the click below is what is under test.
      const set = (id: string, v: string) => ((document.getElementById(id) as HTMLInputElement).value = v);
      set('f-name', '某某公司'); set('f-address', '通川区');
      set('f-industry', '钢铁'); set('f-employees', '1'); set('f-landTenure', '租用'); set('f-safetyAssessment', '有');
      set('f-energyReview', '有'); set('f-eiaApproval', '无'); set('f-dischargePermit', '无'); set('f-onlineMonitoring', '无');
      set('f-problems', '问题'); set('f-measures', '措施'); set('f-category', '改造提升'); set('f-deadline', '2022-12-31'); set('f-town', '其他');
    });
    await page.fill('#f-creditCode', withCheckChar('91511700MA6200789'));
    await page.click('#save');
    expect(await page.isDisabled('#save')).toBe(true);
    expect(await page.textContent('#save')).toBe('正在保存…');
    await page.keyboard.press('Enter');
    release();
    await page.waitForFunction(() => document.querySelector('#form-message.ok') !== null);
    expect(await page.isEnabled('#save')).toBe(true);
    expect(bridge.calls.map((c) => c.fn)).toEqual(['submitEnterprise']);
  });

  it('opens the selected enterprise for editing: code read-only, area back in its field, the change saved to its row', async () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const creditCode = withCheckChar('91511700MA6200999');
    const saved = emu.scriptRun('submitEnterprise', enterprise({
      name: '待搬迁企业', address: '通川区', creditCode, industry: '铸造', employees: 20, category: '搬迁升级', deadline: '2022-12-31', remarks: '已选址；新址用地面积：30亩', status: '未启动', town: '其他',
    }));
    expect(saved).toMatchObject({ ok: true, value: { ok: true, row: 5 } });
    modelOf(emu).setActive('通川区', 'C5');
    const { bridge, page } = await openSidebar(emu, '编辑选中企业');
    expect(await page.textContent('#intro')).toContain('正在编辑“通川区”第5行（序号1）');
    expect(await page.getAttribute('#f-creditCode', 'readonly')).not.toBeNull();
    expect(await page.isDisabled('#f-district')).toBe(true);
    expect(await page.inputValue('#f-area')).toBe('30');
    expect(await page.inputValue('#f-remarks')).toBe('已选址');
    await page.fill('#f-progress', '新厂房主体完工');
    await page.fill('#f-area', '32');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#form-message.ok') !== null);
    expect(bridge.calls.map((c) => c.fn)).toEqual(['updateEnterprise']);
    expect(values(emu, '通川区', 'R5:S5')[0]).toEqual(['新厂房主体完工', '新址用地面积：32亩；已选址']);
  });

  it('a save refused over another user’s change names who, what and when; 重新载入 shows the row as it is now, and the save then goes through', async () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    const creditCode = withCheckChar('91511700MA6200888');
    const mine = enterprise({ name: '并发企业', address: '通川区', creditCode, industry: '铸造', employees: 20, deadline: '2022-12-31', status: '整改中', town: '其他' });
    expect(emu.scriptRun('submitEnterprise', mine)).toMatchObject({ ok: true, value: { ok: true, row: 5 } });
    modelOf(emu).setActive('通川区', 'C5');
    const { bridge, page } = await openSidebar(emu, '编辑选中企业');
    expect(await page.inputValue('#f-progress')).toBe('');
    // Behind the open form, the office saves the same enterprise from its own form, a little later.
    emu.setUser(OWNER);
    emu.setNow('2022-03-21T15:30:00+08:00');
    const theirs = emu.scriptRun('getEnterprise', creditCode);
    if (!theirs.ok) throw new Error(theirs.error);
    const form = theirs.value as Record<string, unknown>;
    const other = emu.scriptRun('updateEnterprise', { ...mine, progress: '办公室已核实' }, { creditCode, district: '通川区', version: form['version'], values: form });
    expect(other).toMatchObject({ ok: true, value: { ok: true } });
    emu.setUser(TC_CLERK);
    emu.setNow('2022-03-21T16:00:00+08:00');

    await page.fill('#f-measures', '改为更换布袋');
    await page.click('#save');
    await page.waitForSelector('#form-message.error #reload');
    const refusal = await page.textContent('#form-message');
    expect(refusal).toContain(`该企业已被 ${OWNER} 于 2022-03-21 15:30:00（北京时间）修改`);
    expect(refusal).toContain('进展情况：“” → “办公室已核实”');
    const measuresAndProgress = (): unknown[] => [values(emu, '通川区', 'O5')[0]![0], values(emu, '通川区', 'R5')[0]![0]];
    expect(measuresAndProgress()).toEqual([mine.measures, '办公室已核实']);

    await page.click('#reload');
    await page.waitForFunction(() => document.querySelector('#form-message')?.textContent?.includes('已载入该企业的最新内容') === true);
    expect(await page.inputValue('#f-progress')).toBe('办公室已核实');
    expect(await page.inputValue('#f-measures')).toBe(mine.measures);

    await page.fill('#f-measures', '改为更换布袋');
    await page.click('#save');
    await page.waitForFunction(() => document.querySelector('#form-message.ok')?.textContent?.includes('已保存修改') === true);
    expect(bridge.calls.map((c) => c.fn)).toEqual(['updateEnterprise', 'getEnterprise', 'updateEnterprise']);
    expect(measuresAndProgress()).toEqual(['改为更换布袋', '办公室已核实']);
  });

  it('a call Apps Script fails shows the client’s one failure message, 保存 comes back, and nothing is written', async () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser(TC_CLERK);
    modelOf(emu).setActive('通川区', 'A1');
    // The six-minute limit, as the page's failure handler receives it; the emulator is not asked.
    const stopped: ScriptRunner = { scriptRun: () => ({ ok: false, error: 'Exceeded maximum execution time' }) };
    const { bridge, page } = await openSidebar(emu, '新增企业', stopped);
    await fillValid(page, withCheckChar('91511700MA6201234'));
    await page.click('#save');
    await page.waitForSelector('#form-message.error');
    expect(await page.textContent('#form-message')).toBe(
      '保存未完成：服务器没有答复（Exceeded maximum execution time）。请稍后重试；如果仍然出错，请联系领导小组办公室并告知发生时间。',
    );
    expect(await page.isDisabled('#save')).toBe(false);
    expect(await page.textContent('#save')).toBe('保存');
    expect(bridge.calls.map((c) => c.fn)).toEqual(['submitEnterprise']);
    expect(dataRows(emu)).toEqual([]);
  });

  it('refuses a Date passed to google.script.run, as Apps Script does', async () => {
    const { page, bridge } = await openAddForm();
    const error = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const run = (window as unknown as { google: { script: { run: Record<string, (...a: unknown[]) => unknown> } } }).google.script.run;
          const chain = (run['withSuccessHandler'] as (f: () => void) => typeof run)(() => resolve('success'));
          const failing = (chain['withFailureHandler'] as (f: (e: Error) => void) => typeof run)((e) => resolve(e.message));
          (failing['getEnterprise'] as (d: Date) => void)(new Date());
        }),
    );
    expect(error).toContain('illegal value');
    expect(bridge.calls).toHaveLength(1);
  });

  it('shows every error at once, the cross-field ones too, with the first scrolled into view above the 保存 bar', async () => {
    const { bridge, page } = await openAddForm();
    await fillValid(page, withCheckChar('91511700MA6201234'));
    // 搬迁升级 needs the new site's area (a rule across two fields); the deadline is left empty as well.
    await page.selectOption('#f-category', '搬迁升级');
    await page.fill('#f-deadline', '');
    await page.click('#save');
    await page.waitForSelector('#form-message.error');
    const shown = await page.$$eval('.field:not([hidden]) .error', (es) => es.filter((e) => e.textContent !== '').map((e) => e.id));
    expect(shown).toEqual(['e-area', 'e-deadline']);
    expect(await page.textContent('#e-area')).toContain('新址用地面积');
    expect(await page.textContent('#form-message')).toContain('还有2项需要修改');
    expect(await page.$$eval('#form-message .error-list a', (as) => as.map((a) => (a as HTMLElement).dataset['field']))).toEqual(['area', 'deadline']);
    expect(await activeId(page)).toBe('f-area');
    await expectClearOfSaveBar(page, 'w-area');
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'sidebar-all-errors.png') });
    // A link in the list goes to its field, again clear of the bar.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#form-message a[data-field="deadline"]');
    expect(await activeId(page)).toBe('f-deadline');
    await expectClearOfSaveBar(page, 'w-deadline');
    expect(bridge.calls).toEqual([]);
  });

  it('groups the fields in the template’s two sections, the optional ones folded until they hold something or an error', async () => {
    const { page } = await openAddForm('office@dz.gov.cn'); // 销号日期 is the office's field (a clerk's form hides it)
    expect(await page.$$eval('#groups > fieldset > legend', (ls) => ls.map((l) => l.textContent))).toEqual(['企业基本信息', '环保问题整改、跟踪管理']);
    expect(await page.textContent('#sum-2')).toBe('选填：进展情况、备注、销号日期');
    expect(await page.$eval('#o-2', (d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.isVisible('#f-closedOn')).toBe(false);
    await fillValid(page, withCheckChar('91511700MA6201235'));
    // A 销号日期 for an enterprise that is not closed: the error opens the folded block.
    await page.$eval('#f-closedOn', (e) => ((e as HTMLInputElement).value = '2022-03-01'));
    await page.click('#save');
    await page.waitForSelector('#form-message.error');
    expect(await page.$eval('#o-2', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.textContent('#e-closedOn')).toContain('已验收销号');
    expect(await activeId(page)).toBe('f-closedOn');
  });

  it('opens another district’s enterprise read-only, with a line saying why', async () => {
    const emu = setUp();
    setEditors(emu, '通川区', TC_CLERK);
    emu.setUser('office@dz.gov.cn');
    const creditCode = withCheckChar('91511703MA6200321');
    const saved = emu.scriptRun('submitEnterprise', enterprise({
      district: '达川区', name: '达川区某水泥厂', address: '达川区', creditCode, industry: '水泥', employees: 5, deadline: '2022-12-31', progress: '设备已订货', status: '未启动', town: '其他',
    }));
    expect(saved).toMatchObject({ ok: true, value: { ok: true, row: 5 } });
    emu.setUser(TC_CLERK);
    modelOf(emu).setActive('达川区', 'C5');
    const { bridge, page } = await openSidebar(emu, '编辑选中企业');
    const intro = await page.textContent('#intro');
    expect(intro).toContain('正在查看“达川区”第5行');
    expect(intro).toContain('您的账号只能修改“通川区”的企业，所以只能查看、不能保存');
    expect(await page.inputValue('#f-name')).toBe('达川区某水泥厂');
    expect(await page.getAttribute('#f-name', 'readonly')).not.toBeNull();
    expect(await page.isDisabled('#f-industry')).toBe(true);
    // The reason stands out as a notice; a disabled choice reads as clearly as a read-only text box beside it.
    expect(await page.getAttribute('#intro', 'class')).toContain('readonly');
    const look = (sel: string) => page.$eval(sel, (e) => { const s = getComputedStyle(e); return [s.color, s.opacity]; });
    expect(await look('#f-industry')).toEqual(await look('#f-name'));
    expect(await page.isVisible('#f-progress')).toBe(true);
    expect(await page.isVisible('#save')).toBe(false);
    await page.keyboard.press('Enter');
    expect(bridge.calls).toEqual([]);
  });

  it('shows notes (提示) apart from errors, saves anyway and says so; an impossible date says 不是有效日期', async () => {
    const { emu, page } = await openAddForm();
    await page.fill('#f-name', '外地注册的企业');
    await page.fill('#f-address', '通川区');
    await page.fill('#f-creditCode', '91350100M000100Y43');
    await page.selectOption('#f-industry', '钢铁');
    await page.fill('#f-employees', '3');
    await typeMiddleFields(page);
    await tabTo(page, 'f-deadline');
    await page.keyboard.type('02302022');
    await page.selectOption('#f-town', '明月江街道');
    await page.click('#save');
    expect(await page.textContent('#e-deadline')).toBe('整改完成时限不是有效日期（该日期不存在），请重新选择');
    expect(await page.textContent('#n-town')).toContain('提示：“明月江街道”是达川区的重点区域');
    expect(await page.textContent('#n-creditCode')).toContain('注册地不在达州');
    expect(await page.$eval('#n-town', (e) => getComputedStyle(e).color)).not.toBe(await page.$eval('#e-deadline', (e) => getComputedStyle(e).color));
    expect(dataRows(emu)).toEqual([]);
    await page.fill('#f-deadline', '2022-12-31');
    await page.click('#save');
    await page.waitForFunction(() => (document.querySelector('#form-message')?.textContent ?? '').includes('已保存'));
    expect(await page.textContent('#form-message')).toContain('另有2处提示请核对');
    expect(dataRows(emu)).toHaveLength(1);
  });
});

// Protections: sheet vs range protections, editors, warning-only mode, and what a user may edit.
import { fixture } from './fixture';

function setup() {
  const f = fixture({ sheets: ['配置', '通川区'], owner: 'office@dz.gov.cn', user: 'admin@dz.gov.cn' });
  const ss = f.app.getActiveSpreadsheet();
  return { ...f, ss, sheet: ss.getSheetByName('通川区')! };
}

describe('protections', () => {
  it('Sheet.protect returns the existing protection', () => {
    const { app, sheet } = setup();
    const first = sheet.protect().setDescription('整表');
    const again = sheet.protect();
    expect(again.getDescription()).toBe('整表');
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(first.getProtectionType()).toBe('SHEET');
  });

  it('Range.protect always creates a new protection', () => {
    const { app, sheet, ss } = setup();
    sheet.getRange('A5:A10').protect();
    sheet.getRange('A5:A10').protect();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(ss.getProtections(app.ProtectionType.RANGE)).toHaveLength(2);
    expect(ss.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('a new protection lists the owner and the current user; both stay when removed', () => {
    const { sheet } = setup();
    const p = sheet.getRange('B2').protect();
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['office@dz.gov.cn', 'admin@dz.gov.cn']);
    p.addEditors(['clerk@tc.gov.cn']).removeEditors(['office@dz.gov.cn', 'admin@dz.gov.cn', 'clerk@tc.gov.cn']);
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(['office@dz.gov.cn', 'admin@dz.gov.cn']);
    expect(p.isWarningOnly()).toBe(false);
    expect(p.canEdit()).toBe(true);
  });

  it('a hard protection refuses a user it does not list; its editors and the owner pass', () => {
    const { sheet, model } = setup();
    sheet.getRange('A5:A10').protect().addEditor('clerk@tc.gov.cn');
    const refused = model.userInput('通川区', 6, 1, [['x']], 'other@qx.gov.cn');
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('You are trying to edit a protected cell or object') });
    expect(model.userInput('通川区', 6, 1, [['y']], 'clerk@tc.gov.cn').ok).toBe(true);
    expect(model.userInput('通川区', 6, 1, [['z']], 'office@dz.gov.cn').ok).toBe(true);
    expect(model.userInput('通川区', 11, 1, [['free']], 'other@qx.gov.cn').ok).toBe(true);
  });

  it('a warning-only protection lets everybody through and records the warning', () => {
    const { sheet, model } = setup();
    sheet.protect().setWarningOnly(true);
    expect(model.userInput('通川区', 2, 2, [['x']], 'other@qx.gov.cn').ok).toBe(true);
    expect(model.warnings).toEqual([{ sheet: '通川区', a1: 'B2', email: 'other@qx.gov.cn' }]);
  });

  it('unprotected ranges of a sheet protection are editable; a range protection has none', () => {
    const { sheet, model } = setup();
    const p = sheet.protect();
    p.setUnprotectedRanges([sheet.getRange('A5:Z1000')]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(['A5:Z1000']);
    expect(model.userInput('通川区', 5, 1, [['x']], 'other@qx.gov.cn').ok).toBe(true);
    expect(model.userInput('通川区', 1, 1, [['x']], 'other@qx.gov.cn').ok).toBe(false);
    expect(() => sheet.getRange('A1').protect().setUnprotectedRanges([])).toThrow();
  });

  it('setDomainEdit throws outside a Workspace domain and remove deletes the protection', () => {
    const { app, sheet } = setup();
    const p = sheet.getRange('A1').protect();
    expect(() => p.setDomainEdit(true)).toThrow();
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });

  it('setRange moves a range protection', () => {
    const { sheet } = setup();
    const p = sheet.getRange('A1').protect();
    p.setRange(sheet.getRange('C5:D9'));
    expect(p.getRange().getA1Notation()).toBe('C5:D9');
  });
});

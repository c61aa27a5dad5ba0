// The preview session against the built dist/: the demo seed, saved state across restarts, question replay, edits, reset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_DISTRICTS, OFFICE } from '../../preview/demo-data';
import { PreviewSession } from '../../preview/session';
import { sheetView } from '../../preview/sheet-view';
import { isValidCreditCode } from '../../src/domain/credit-code';
import { CATEGORIES, STATUSES, TAB } from '../../src/domain/contract';

const DIST = resolve(__dirname, '../../dist');
let dir: string;
let stateFile: string;
let shared: PreviewSession;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-session-'));
  stateFile = join(dir, 'state.json');
  shared = new PreviewSession({ distDir: DIST, stateFile });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataRows(session: PreviewSession, tab: string): string[][] {
  const sheet = session.emu.model.sheet(tab);
  const rows: string[][] = [];
  for (let r = 5; r <= sheet.lastRow(); r++) rows.push(Array.from({ length: 24 }, (_, c) => sheet.displayAt(r, c + 1)));
  return rows;
}

describe('the demo ledger', () => {
  test('has valid enterprises in every district, every category and status, and some overdue', () => {
    const rows = DEMO_DISTRICTS.flatMap((d) => dataRows(shared, d.district));
    for (const d of DEMO_DISTRICTS) expect(dataRows(shared, d.district).length).toBeGreaterThan(2);
    expect(rows.every((r) => isValidCreditCode(r[4]!))).toBe(true);
    expect(new Set(rows.map((r) => r[15]))).toEqual(new Set(CATEGORIES));
    expect(new Set(rows.map((r) => r[19]))).toEqual(new Set(STATUSES));
    const overdue = rows.filter((r) => r[16]! < '2022-06-23' && (r[19] === '未启动' || r[19] === '整改中'));
    expect(overdue.length).toBeGreaterThan(0);
  });

  test('two districts have reported this quarter and the third has not', () => {
    const reports = shared.emu.model.sheet(TAB.reports);
    const districts = new Set<string>();
    for (let r = 2; r <= reports.lastRow(); r++) for (let c = 1; c <= reports.lastColumn(); c++) districts.add(reports.displayAt(r, c));
    expect(DEMO_DISTRICTS.filter((d) => districts.has(d.district)).map((d) => d.district)).toEqual(['通川区', '达川区']);
  });

  test('has the daily trigger installed by the office and a first round of reminders sent', () => {
    expect(shared.emu.triggers.filter((t) => t.type === 'CLOCK').map((t) => t.creator)).toEqual([OFFICE]);
    const reminders = shared.emu.outbox.filter((m) => m.subject.startsWith('【整治台账提醒】'));
    expect(reminders.map((m) => m.to).sort()).toEqual(DEMO_DISTRICTS.map((d) => d.contact).sort());
    // and, after them, the office's digest (达州高新区 has not reported, some enterprises wait for acceptance)
    expect(shared.emu.outbox[shared.emu.outbox.length - 1]!.subject).toMatch(/^【整治台账日报】/);
  });

  test('shows traffic lights, notes, dropdowns, merges and the summary chart in the sheet view', () => {
    const view = sheetView(shared.emu.model, '通川区');
    const cells = view.cells.flat().filter((c) => c !== null);
    expect(view.merges.length).toBeGreaterThan(3);
    expect(view.frozenRows).toBe(4);
    expect(cells.some((c) => c!.note)).toBe(true);
    expect(cells.some((c) => c!.list?.includes('整改中'))).toBe(true);
    expect(new Set(view.cells.slice(4).map((row) => row[2]?.bg).filter(Boolean)).size).toBeGreaterThan(1);
    const summary = sheetView(shared.emu.model, TAB.summary);
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]!.categories).toEqual(DEMO_DISTRICTS.map((d) => d.district));
  });
});

describe('the preview session', () => {
  test('opens the 报送 dialog beside the sheet, changes nothing until confirmed, then records the 进展说明', () => {
    const session = shared;
    const gx = DEMO_DISTRICTS[2]!;
    session.setUser(gx.clerk);
    session.select(gx.district, 'A5');
    const reportsBefore = session.emu.model.sheet(TAB.reports).lastRow();
    const opened = session.menu('报送本季度进展');
    expect(opened.page).toMatchObject({ kind: 'dialog', title: '报送本季度进展' });
    expect(session.emu.model.sheet(TAB.reports).lastRow()).toBe(reportsBefore);
    const sent = session.scriptRun('submitQuarterReport', [{ district: gx.district, narrative: '完成1家企业验收准备。' }]);
    expect(sent).toMatchObject({ ok: true, value: { ok: true } });
    expect(session.emu.model.sheet(TAB.reports).lastRow()).toBe(reportsBefore + 1);
  });

  test('a refused edit writes nothing and says why; an accepted one runs the edit trigger', () => {
    const tc = DEMO_DISTRICTS[0]!;
    shared.setUser(tc.clerk);
    const before = shared.emu.model.sheet(tc.district).displayAt(5, 20);
    const refused = shared.edit(tc.district, 'T5', '随便写');
    expect(refused.ok).toBe(false);
    // Sheets' own refusal, as a Chinese user reads it.
    expect(refused.refusal?.title).toBe('出现问题');
    expect(refused.refusal?.text).not.toMatch(/There was a problem/);
    expect(shared.emu.model.sheet(tc.district).displayAt(5, 20)).toBe(before);
    const accepted = shared.edit(tc.district, 'R5', '布袋除尘器已安装');
    expect(accepted.ok).toBe(true);
    expect(shared.emu.model.sheet(tc.district).displayAt(5, 24)).toBe(tc.clerk);
  });

  test('a warning-only range is not written until the visitor confirms', () => {
    const tc = DEMO_DISTRICTS[0]!;
    shared.setUser(tc.clerk);
    const before = shared.emu.model.sheet(tc.district).displayAt(5, 1);
    const asked = shared.edit(tc.district, 'A5', '42');
    expect(asked.warning?.cancel).toBe('取消');
    expect(shared.emu.model.sheet(tc.district).displayAt(5, 1)).toBe(before);
    const done = shared.edit(tc.district, 'A5', '42', true);
    expect(done.ok).toBe(true);
    expect(done.warning).toBeUndefined();
    expect(shared.emu.model.sheet(tc.district).displayAt(5, 1)).toBe('42');
  });

  test('a restart keeps the workbook, triggers, properties, outbox and clock', () => {
    shared.setClock('2022-07-08T09:00:00+08:00');
    const daily = shared.fireDaily();
    expect(daily.ok).toBe(true);
    const again = new PreviewSession({ distDir: DIST, stateFile });
    expect(again.emu.now.toISOString()).toBe(shared.emu.now.toISOString());
    expect(again.emu.triggers).toEqual(shared.emu.triggers);
    expect(again.emu.outbox.map((m) => m.subject)).toEqual(shared.emu.outbox.map((m) => m.subject));
    expect(dataRows(again, '通川区')).toEqual(dataRows(shared, '通川区'));
    // The send log lives in properties: the same day's second run sends nothing more.
    const sent = again.emu.outbox.length;
    again.fireDaily();
    expect(again.emu.outbox.length).toBe(sent);
    // The restored trigger uids still match what the add-on stored: reinstalling leaves one of each.
    again.setUser(OFFICE);
    again.menu('安装自动任务');
    expect(again.emu.triggers.map((t) => t.handler).sort()).toEqual(['dailyJob', 'onEditInstalled']);
  });

  test('reset brings the demo back', () => {
    const session = new PreviewSession({ distDir: DIST, stateFile });
    session.reset();
    expect(session.emu.now.toISOString()).toBe('2022-06-23T02:00:00.000Z');
    expect(session.emu.outbox).toHaveLength(4);
    expect(new PreviewSession({ distDir: DIST, stateFile }).emu.outbox).toHaveLength(4);
  });
});

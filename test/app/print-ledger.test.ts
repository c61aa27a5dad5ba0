// 打印签章版 on the built dist/ in the emulator: the district's rows A–S handed to the Print dialog, nothing in the workbook written.
import { TAB } from '../../src/domain/contract';
import { PRINT_DATA_ID } from '../../src/domain/print-ledger';
import type { PrintView } from '../../src/domain/print-ledger';
import { OWNER, modelOf, payload, seedPayloads, setUp } from '../support/ledger-world';

const viewOf = (html: string): PrintView => {
  const block = new RegExp(`<script type="application/json" id="${PRINT_DATA_ID}">(.*?)</script>`).exec(html);
  return JSON.parse(block?.[1] ?? 'null') as PrintView;
};

describe('打印签章版', () => {
  it('shows the district\'s rows as A–S texts with its 填报单位 and 填表时间, and writes nothing', () => {
    const emu = setUp('2022-03-20T09:00:00+08:00');
    emu.setUser(OWNER);
    const rows = seedPayloads(emu, '达川区', [payload({ district: '达川区', name: '达州市<乙>公司' }), payload({ district: '达川区', category: '搬迁升级', remarks: '新址用地面积：12.5亩' })]);
    modelOf(emu).setActive('达川区', 'A1');
    const before = JSON.stringify(modelOf(emu).toJSON());
    emu.clickMenu('打印签章版');
    const dialog = emu.ui.dialogs.at(-1);
    expect(dialog?.title).toBe('打印签章版：达川区');
    expect(dialog?.html).not.toContain('<乙>');
    const view = viewOf(dialog?.html ?? '');
    expect(view.district).toBe('达川区');
    expect(view.input.filler).toBe('达川区人民政府');
    expect(view.input.fillDay).toBe('2022-03-20');
    expect(view.input.rows).toHaveLength(2);
    expect(view.input.rows[0]).toHaveLength(19);
    expect(view.input.rows[0]?.slice(0, 5)).toEqual(['1', '达川区', '达州市<乙>公司', rows[0]?.address, rows[0]?.creditCode]);
    expect(view.input.rows[0]?.[16]).toBe('2022-06-30');
    expect(view.input.rows[1]?.[18]).toBe('新址用地面积：12.5亩');
    expect(emu.lastExecution?.cellsWritten).toBe(0);
    expect(JSON.stringify(modelOf(emu).toJSON())).toBe(before);
  });

  it('asks for a district tab first', () => {
    const emu = setUp();
    emu.setUser(OWNER);
    modelOf(emu).setActive(TAB.summary, 'A1');
    emu.clickMenu('打印签章版');
    expect(emu.ui.alerts.at(-1)?.prompt).toBe('请先切换到要打印的辖区工作表，再点“打印签章版”。');
    expect(emu.ui.dialogs).toHaveLength(0);
  });
});

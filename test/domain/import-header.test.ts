// 导入台账's header matcher: template wording with line breaks, spacing, bracket widths, merged two-row headers.
import { findImportHeader, headerKey, keyOfHeader } from '../../src/domain/import-header';
import { templateHead } from '../support/excel-ledger';

describe('headerKey / keyOfHeader', () => {
  it('reads wrapped, spaced and full-width/half-width variants of a template header as the same column', () => {
    expect(keyOfHeader('整治\n分类')).toBe('category');
    expect(keyOfHeader('整改完成\r\n时限')).toBe('deadline');
    expect(keyOfHeader(' 进展　情况 ')).toBe('progress');
    expect(keyOfHeader('工商营业执照(统一社会信用代码)')).toBe('creditCode');
    expect(keyOfHeader('工商营业执照（统一社会信用代码）')).toBe('creditCode');
    expect(keyOfHeader('所在乡镇(街道)')).toBe('town');
    expect(keyOfHeader('*企业名称')).toBe('name');
    expect(keyOfHeader('职工人数（人）')).toBe('employees');
    expect(headerKey('企业\u200b名称')).toBe(headerKey('企业名称'));
  });

  it('maps no field for text that is not a column of the template', () => {
    expect(keyOfHeader('企业基本信息')).toBeNull();
    expect(keyOfHeader('联系电话')).toBeNull();
    expect(keyOfHeader('')).toBeNull();
  });
});

describe('findImportHeader', () => {
  it('finds the two header rows of the template as an .xlsx import leaves them (merged cells keep text top-left)', () => {
    const grid = [...templateHead('通川区人民政府'), [1, '通川区', '甲企业']];
    const r = findImportHeader(grid);
    if (!r.ok) throw new Error(r.message);
    expect(r.header.headerRows).toEqual([3, 4]);
    expect(r.header.firstDataRow).toBe(5);
    expect(r.header.columns).toMatchObject({ serial: 0, district: 1, name: 2, creditCode: 4, category: 15, deadline: 16, progress: 17, remarks: 18 });
    expect(r.header.filler).toBe('通川区人民政府');
    expect(r.header.ignored).toEqual([]);
  });

  it('finds a header anywhere in the first rows, with columns in another order and an extra column reported', () => {
    const header = ['企业名称', '统一社会信用代码', '联系电话', '企业详细地址', '行业类别', '职工人数', '厂区土地性质', '有无安全评价', '有无节能审查',
      '环评批复文号', '排污许可证号', '有无在线监测', '存在主要环保问题', '整改措施', '整治分类', '整改完成时限'];
    const grid = [['某区台账'], [], header, ['乙企业']];
    const r = findImportHeader(grid);
    if (!r.ok) throw new Error(r.message);
    expect(r.header.headerRows).toEqual([3]);
    expect(r.header.firstDataRow).toBe(4);
    expect(r.header.columns.creditCode).toBe(1);
    expect(r.header.columns.address).toBe(3);
    expect(r.header.columns.district).toBeUndefined();
    expect(r.header.ignored).toEqual(['C列“联系电话”']);
  });

  it('takes a header whose every cell is merged over two rows, data starting below the blank half', () => {
    const [, , , lower] = templateHead('达川区人民政府');
    const merged = (lower as unknown[]).map((v, i) => (i === 0 ? '序号' : i === 1 ? '辖区' : i === 18 ? '备注' : v));
    const grid = [['标题'], merged, new Array(19).fill(''), [1, '达川区', '丙企业']];
    const r = findImportHeader(grid);
    if (!r.ok) throw new Error(r.message);
    expect(r.header.firstDataRow).toBe(4);
    expect(r.header.columns.serial).toBe(0);
    expect(r.header.columns.remarks).toBe(18);
  });

  it('refuses, naming the missing columns, a header without a required column', () => {
    const grid = [['企业名称', '统一社会信用代码', '企业详细地址']];
    const r = findImportHeader(grid);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('“行业类别”');
    expect(r.message).toContain('“整改完成时限”');
    expect(r.message).toContain('未导入任何企业');
  });

  it('refuses a tab without any ledger header, saying what it looked for', () => {
    const r = findImportHeader([['姓名', '电话'], ['张三', '123']]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('找不到台账表头');
  });
});

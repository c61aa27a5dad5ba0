// 打印签章版's model and HTML: the template's A–S, title, 填报单位, 填表时间, two header rows, 填表说明; A3 landscape; text escaped.
import { TITLE } from '../../src/domain/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRINT_COLUMNS, TEMPLATE_NOTE, printModel, printSheetHtml } from '../../src/domain/print-ledger';

describe('printModel', () => {
  it('has the template\'s columns A–S, its two header rows and its foot line', () => {
    const m = printModel({ filler: '通川区人民政府', fillDay: '2022-03-20', rows: [] });
    expect(PRINT_COLUMNS.map((c) => c.letter).join('')).toBe('ABCDEFGHIJKLMNOPQRS');
    expect(m.title).toBe(TITLE);
    expect(m.fillerLine).toBe('填报单位（签章）：通川区人民政府');
    expect(m.fillDateLine).toBe('填表时间：2022-03-20');
    expect(m.upper).toEqual([
      { text: '序号', span: 1, down: true },
      { text: '辖区', span: 1, down: true },
      { text: '企业基本信息', span: 11, down: false },
      { text: '环保问题整改', span: 5, down: false },
      { text: '备注', span: 1, down: true },
    ]);
    expect(m.lower).toHaveLength(16);
    expect(m.lower[0]).toBe('企业名称');
    expect(m.lower[13]).toBe('整治\n分类');
    expect(m.note).toBe(TEMPLATE_NOTE);
  });
});

describe('printSheetHtml and the Print page', () => {
  it('asks for A3 landscape, repeats the header rows on each page and prints with the browser', () => {
    const html = printSheetHtml(printModel({ filler: '达川区人民政府', fillDay: null, rows: [['1', '达川区', '甲']] }));
    const pages = join(__dirname, '..', '..', 'src', 'pages');
    const css = readFileSync(join(pages, 'Print.css'), 'utf8');
    expect(css).toMatch(/@page \{\s*size: A3 landscape;/);
    expect(css).toContain('thead { display: table-header-group; }');
    expect(readFileSync(join(pages, 'Print.ts'), 'utf8')).toContain('window.print()');
    expect(html).toMatch(/<thead><tr><th rowspan="2">序号<\/th><th rowspan="2">辖区<\/th><th colspan="11">企业基本信息<\/th><th colspan="5">环保问题整改<\/th><th rowspan="2">备注<\/th><\/tr>/);
    expect(html).toContain('整治<br>分类');
    expect(html).toContain('填表时间：</span>');
  });

  it('escapes what users typed, so a name can never become markup', () => {
    const html = printSheetHtml(printModel({ filler: '<b>x</b>', fillDay: '2022-03-20', rows: [['1', '通川区', '<img src=x onerror=alert(1)>&"\'']] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;');
    expect(html).toContain('填报单位（签章）：&lt;b&gt;x&lt;/b&gt;');
  });

  it('says so when the tab has no enterprise', () => {
    expect(printSheetHtml(printModel({ filler: 'x', fillDay: null, rows: [] }))).toContain('（本表暂无企业）');
  });
});

// Data between pages and server (src/domain/page-data.ts): the inert JSON block user text cannot break out of, and the fields a server call was sent.
import { fieldsOf, jsonBlock } from '../../src/domain/page-data';

const inner = (html: string): string => html.replace(/^<script type="application\/json" id="[^"]*">/, '').replace(/<\/script>$/, '');

describe('jsonBlock', () => {
  test('wraps the data in one application/json script element with the given id', () => {
    const html = jsonBlock('report-context', { district: '通川区', lines: ['a'] });
    expect(html).toBe('<script type="application/json" id="report-context">{"district":"通川区","lines":["a"]}</script>');
  });

  test('any JSON value goes in as JSON: a list, numbers, null, a bare string', () => {
    expect(jsonBlock('a', [1, null, true, 2.5])).toBe('<script type="application/json" id="a">[1,null,true,2.5]</script>');
    expect(jsonBlock('s', '通川区')).toBe('<script type="application/json" id="s">"通川区"</script>');
  });

  test('<, >, & and the two line separators are written as \\u escapes, quotes and backslashes as JSON escapes them', () => {
    const html = jsonBlock('ctx', '<a href="x">&</a>\\\u2028\u2029');
    expect(html).toBe(String.raw`<script type="application/json" id="ctx">"\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e\\\u2028\u2029"</script>`);
  });

  test('text that would close the element, open a comment or an entity stays inside it as data', () => {
    const hostile = '甲</script><script>alert(1)</script><!-- &amp; >';
    const html = jsonBlock('ctx', { name: hostile });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(inner(html)).not.toMatch(/[<>&]/);
    expect(JSON.parse(inner(html))).toEqual({ name: hostile });
  });

  test('the two JavaScript line separators are escaped, and the text round-trips unchanged', () => {
    const text = '第一行\u2028第二行\u2029第三行';
    const html = jsonBlock('ctx', { text });
    expect(inner(html)).not.toMatch(/[\u2028\u2029]/);
    expect(inner(html)).toBe(String.raw`{"text":"第一行\u2028第二行\u2029第三行"}`);
    expect(JSON.parse(inner(html))).toEqual({ text });
  });
});

describe('fieldsOf', () => {
  test('a call without a payload has no fields; an object payload is its own fields', () => {
    expect(fieldsOf(undefined)).toEqual({});
    expect(fieldsOf(null)).toEqual({});
    const payload = { quarter: '2022年第1季度' };
    expect(fieldsOf(payload)).toBe(payload);
  });

  test('another shape (a bare list, name, number or flag) is null, not "no fields"', () => {
    for (const input of [['通川区'], '通川区', 3, true, '']) expect(fieldsOf(input)).toBeNull();
  });
});

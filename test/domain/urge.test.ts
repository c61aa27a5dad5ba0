// 立即催办's payload check (src/domain/urge.ts): which districts a sendUrgeNow call names, and the refusals that say how to fix it.
import { checkUrgePayload } from '../../src/domain/urge';

const KNOWN = ['通川区', '达川区', '达州高新区'];
const LIST_MESSAGE = '“辖区”应为辖区名称的列表（如 ["通川区"]），留空表示所有需要催办的辖区。';

describe('checkUrgePayload', () => {
  test('no districts (absent, null, or an empty list) means every district with something to say', () => {
    expect(checkUrgePayload({}, KNOWN)).toEqual({ ok: true, districts: [] });
    expect(checkUrgePayload({ districts: null }, KNOWN)).toEqual({ ok: true, districts: [] });
    expect(checkUrgePayload({ districts: [] }, KNOWN)).toEqual({ ok: true, districts: [] });
    expect(checkUrgePayload(undefined, KNOWN)).toEqual({ ok: true, districts: [] });
  });

  test('keeps the named districts in the order given, trimmed, each once, blanks dropped', () => {
    expect(checkUrgePayload({ districts: [' 达川区 ', '通川区', '达川区', ''] }, KNOWN)).toEqual({ ok: true, districts: ['达川区', '通川区'] });
  });

  test('refuses a district 配置 does not list, naming it and the ones it may be', () => {
    expect(checkUrgePayload({ districts: ['通川区', '宣汉县', '开江县'] }, KNOWN)).toEqual({
      ok: false,
      errors: { districts: '“宣汉县”“开江县”不是“配置”中的辖区，应为：通川区、达川区、达州高新区。' },
    });
  });

  test('names an unknown district once, trimmed, however often it is sent', () => {
    expect(checkUrgePayload({ districts: [' 宣汉县 ', '宣汉县', '通川区'] }, KNOWN)).toEqual({
      ok: false,
      errors: { districts: '“宣汉县”不是“配置”中的辖区，应为：通川区、达川区、达州高新区。' },
    });
  });

  test('matches a name whole: a part of a district name is refused', () => {
    expect(checkUrgePayload({ districts: ['通川'] }, KNOWN)).toEqual({
      ok: false,
      errors: { districts: '“通川”不是“配置”中的辖区，应为：通川区、达川区、达州高新区。' },
    });
  });

  test('the districts are those 配置 lists now, not the three defaults', () => {
    const withNew = [...KNOWN, '宣汉县'];
    expect(checkUrgePayload({ districts: ['宣汉县'] }, withNew)).toEqual({ ok: true, districts: ['宣汉县'] });
    expect(checkUrgePayload({ districts: ['达川区'] }, ['通川区'])).toEqual({
      ok: false,
      errors: { districts: '“达川区”不是“配置”中的辖区，应为：通川区。' },
    });
  });

  test('refuses a payload whose 辖区 is not a list of names', () => {
    for (const districts of ['通川区', [1], [null], { 0: '通川区' }]) {
      expect(checkUrgePayload({ districts }, KNOWN)).toEqual({ ok: false, errors: { districts: LIST_MESSAGE } });
    }
  });

  test('refuses a payload that is not an object holding 辖区: a bare list, a name or a number would otherwise mean every district', () => {
    for (const input of [['通川区'], '通川区', 3, true]) {
      expect(checkUrgePayload(input, KNOWN)).toEqual({ ok: false, errors: { districts: LIST_MESSAGE } });
    }
  });

  test('refuses the whole list when one entry is not a name: the good names are not sent either', () => {
    expect(checkUrgePayload({ districts: ['通川区', 3, '达川区'] }, KNOWN)).toEqual({ ok: false, errors: { districts: LIST_MESSAGE } });
  });
});

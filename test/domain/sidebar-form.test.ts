// The sidebar's 新址用地面积 field ⇄ 备注: splitting a stored remark, composing the one to save, checking the area.
import { relocationArea } from '../../src/domain/enterprise';
import { AREA_MESSAGE, areaProblem, composeRemarks, splitRemarks } from '../../src/domain/sidebar-form';

describe('composeRemarks', () => {
  it('puts the area first in the form the 备注 rule reads', () => {
    const remarks = composeRemarks('拟迁入高新区', '12.5', true);
    expect(remarks).toBe('新址用地面积：12.5亩；拟迁入高新区');
    expect(relocationArea(remarks)).toEqual({ value: 12.5, unit: '亩' });
  });

  it('states the area once when the text already states one', () => {
    expect(composeRemarks('新址用地面积: 800 平方米，园区', '3', true)).toBe('新址用地面积：3亩；园区');
  });

  it('leaves 备注 alone when the enterprise does not relocate or no area was given', () => {
    expect(composeRemarks('备注', '12', false)).toBe('备注');
    expect(composeRemarks('新址用地面积：800平方米', '', true)).toBe('新址用地面积：800平方米');
  });
});

describe('splitRemarks', () => {
  it('moves an area in 亩 to the field and keeps the rest of the text', () => {
    expect(splitRemarks('已选址；新址用地面积：12.5亩；2022年动工')).toEqual({ area: '12.5', rest: '已选址；2022年动工' });
    expect(splitRemarks(composeRemarks('', '30', true))).toEqual({ area: '30', rest: '' });
  });

  it('keeps an area in another unit in the text, where it already satisfies the rule', () => {
    expect(splitRemarks('新址用地面积：2公顷')).toEqual({ area: '', rest: '新址用地面积：2公顷' });
  });
});

describe('areaProblem', () => {
  it('accepts a positive number and leaves an empty field to the 备注 rule', () => {
    expect(areaProblem('12.5')).toBeNull();
    expect(areaProblem('')).toBeNull();
  });

  it.each(['0', '-3', 'abc', '1e3', '.5'])('refuses %p', (area) => {
    expect(areaProblem(area)).toBe(AREA_MESSAGE);
  });
});

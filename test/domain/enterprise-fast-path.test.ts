// validateEnterprise's fast path (each field's schema answering once per value) agrees with the whole zod schema, on seeded records valid and not.

import { CATEGORIES, DEFAULT_DISTRICTS, INDUSTRIES, STATUSES, TOWNS } from '../../src/domain/contract';
import { withCheckChar } from '../../src/domain/credit-code';
import { enterpriseSchema, validateEnterprise } from '../../src/domain/enterprise';
import type { PlanRules } from '../../src/domain/enterprise';
import { enterprise } from '../support/enterprise';
import { prng } from '../support/prng';

const RULES: PlanRules = { districts: DEFAULT_DISTRICTS.map((d) => d.district), acceptBy: '2023-12-31', today: '2023-06-01' };

/** Per field, values a sheet or a form may hand over: most valid, some wrong in the ways the rules name. */
const VALUES: Record<string, readonly unknown[]> = {
  district: [...RULES.districts, ' 通川区 ', '', '万州区', null, 3],
  name: ['达州市某某家具有限公司', '  达州市某某铸造有限公司 ', '甲', '\u200b\u200b', '', 'x'.repeat(101), undefined],
  address: ['通川区复兴镇某村3组', '', '   ', 'a'.repeat(3000)],
  creditCode: [withCheckChar('91511700MC0000001'), withCheckChar('91350100M00010000'), '91350100M000100Y4X', ' 91350100m000100y43 ', '', 'ABC', 12345],
  industry: [...INDUSTRIES.slice(0, 3), '其它行业', ''],
  employees: [0, 35, '12', ' 7 ', -1, 2.5, '三十', NaN, -0, null],
  landTenure: ['租用', '征用', '自有', ''],
  safetyAssessment: ['有', '无', '', '有的'],
  energyReview: ['有', '无'],
  eiaApproval: ['达环审〔2019〕12号', '无', ''],
  dischargePermit: ['无', '91511700MA0000000X001P', ''],
  onlineMonitoring: ['有', '无', 'yes'],
  problems: ['喷涂废气无组织排放', ''],
  measures: ['建设密闭喷涂房', '\u3000'],
  category: [...CATEGORIES, '关停', ''],
  deadline: ['2022-06-30', '2023-12-31', '2024-01-01', '2022-02-30', '2022/06/30', '', ' 2022-06-30 '],
  progress: ['', '已开工', undefined, null, 5],
  remarks: ['', '新址用地面积：12.5亩', '新址用地面积: 0亩', '新址用地面积 ：3 公顷', '无'],
  status: [...STATUSES, '', '  整改中', '暂停', undefined],
  town: [...TOWNS.slice(0, 4), '其他', '', '某镇'],
  closedOn: ['', '2022-03-01', '2023-06-02', '2022-13-01', undefined],
};

function records(count: number, seed: number): Record<string, unknown>[] {
  const next = prng(seed);
  return Array.from({ length: count }, () => {
    const r: Record<string, unknown> = { ...enterprise() };
    // Half the records change one field, a quarter several, a quarter none: valid ones must be well represented.
    const changes = next() < 0.25 ? 0 : next() < 0.67 ? 1 : 1 + Math.floor(next() * 5);
    for (let i = 0; i < changes; i += 1) {
      const keys = Object.keys(VALUES);
      const key = keys[Math.floor(next() * keys.length)]!;
      const options = VALUES[key]!;
      const v = options[Math.floor(next() * options.length)];
      if (v === undefined && next() < 0.5) delete r[key];
      else r[key] = v;
    }
    return r;
  });
}

describe('validateEnterprise and the whole schema say the same of every record', () => {
  const schema = enterpriseSchema(RULES);
  const all = records(4000, 20210101);

  test('the generated records include valid and refused ones', () => {
    const valid = all.filter((r) => schema.safeParse(r).success).length;
    expect(valid).toBeGreaterThan(all.length / 5);
    expect(all.length - valid).toBeGreaterThan(all.length / 5);
  });

  test('valid exactly when the schema accepts, with the same output, key for key', () => {
    const differ = all.filter((r) => {
      const whole = schema.safeParse(r);
      const result = validateEnterprise(r, RULES);
      if (result.ok !== whole.success) return true;
      return result.ok && whole.success && JSON.stringify(Object.entries(result.value)) !== JSON.stringify(Object.entries(whole.data));
    });
    expect(differ).toEqual([]);
  });

  test('a value first seen valid in one record does not make another record with a bad field pass', () => {
    const good = enterprise();
    expect(validateEnterprise(good, RULES).ok).toBe(true);
    const bad = validateEnterprise({ ...good, deadline: '2022-02-30' }, RULES);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? {} : bad.errors.deadline).toContain('不是有效日期');
    // A cross-field rule over fields each valid alone: 已验收销号 without 销号日期.
    const closed = validateEnterprise({ ...good, status: '已验收销号', closedOn: '' }, RULES);
    expect(closed.ok ? {} : closed.errors.closedOn).toBe('整改状态为“已验收销号”时须填写销号日期');
  });

  test('new rules (another day) are not answered from the last rules\' values', () => {
    const r = { ...enterprise(), status: '已验收销号', closedOn: '2023-06-02' };
    expect(validateEnterprise(r, RULES).ok).toBe(false);
    expect(validateEnterprise(r, { ...RULES, today: '2023-06-02' }).ok).toBe(true);
    expect(validateEnterprise(r, RULES).ok).toBe(false);
  });
});

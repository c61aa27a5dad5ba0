// The enterprise schema: every field rule and cross-field rule, accepted and refused.

import { addDays } from '../../src/domain/calendar-day';
import {
  CATEGORIES,
  CLOSED_STATUS,
  COLUMNS,
  DEFAULT_DISTRICTS,
  INDUSTRIES,
  INITIAL_STATUS,
  MAX_TEXT_LENGTH,
  RELOCATION,
  STATUSES,
  TOWNS,
} from '../../src/domain/contract';
import type { Category, Industry, PayloadKey, Status, Town } from '../../src/domain/contract';
import type { LAND_TENURES, YES_NO } from '../../src/domain/contract';

type LandTenure = (typeof LAND_TENURES)[number];
type YesNo = (typeof YES_NO)[number];
import { withCheckChar } from '../../src/domain/credit-code';
import {
  EMPLOYEES_MESSAGE,
  FIELD_LABELS,
  PAYLOAD_KEYS,
  RELOCATION_AREA_PATTERN,
  RELOCATION_AREA_REGEX_SOURCE,
  crossFieldProblems,
  relocationArea,
  recordNotes,
  townDistrict,
  validateEnterprise,
} from '../../src/domain/enterprise';
import type { EnterprisePayload, PlanRules } from '../../src/domain/enterprise';
import { enterprise } from '../support/enterprise';

const ACCEPT_BY = '2023-12-31';
const TODAY = '2023-06-01';
const RULES: PlanRules = { districts: DEFAULT_DISTRICTS.map((d) => d.district), acceptBy: ACCEPT_BY, today: TODAY };
const VALID_CODE = '91350100M000100Y43';

function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const base = enterprise({
    district: '达川区',
    name: '达州市某某铸造有限公司',
    address: '达州市达川区某某路1号',
    creditCode: VALID_CODE,
    industry: '铸造',
    eiaApproval: '达市环审〔2019〕12号',
    problems: '无组织排放粉尘',
    measures: '建设集气罩和布袋除尘',
    town: '河市镇',
  });
  return { ...base, ...overrides };
}

function errorsOf(overrides: Record<string, unknown>, rules: PlanRules = RULES) {
  const result = validateEnterprise(payload(overrides), rules);
  if (result.ok) throw new Error(`expected a refusal for ${JSON.stringify(overrides)}`);
  return result.errors;
}

function valueOf(overrides: Record<string, unknown>, rules: PlanRules = RULES) {
  const result = validateEnterprise(payload(overrides), rules);
  if (!result.ok) throw new Error(`expected acceptance, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('a complete valid payload', () => {
  it('is accepted and returned with every payload key', () => {
    const value = valueOf({});
    expect(Object.keys(value).sort()).toEqual([...PAYLOAD_KEYS].sort());
    expect(value.employees).toBe(35);
  });

  it('drops keys that are not part of the payload', () => {
    const value = valueOf({ row: 12, serial: 3 });
    expect(value).not.toHaveProperty('row');
    expect(value).not.toHaveProperty('serial');
  });

  it('trims every text field', () => {
    const value = valueOf({ name: '  某某公司 ', address: '\t某路 1 号\n', progress: ' 已完成设备采购 ', town: ' 河市镇 ' });
    expect(value.name).toBe('某某公司');
    expect(value.address).toBe('某路 1 号');
    expect(value.progress).toBe('已完成设备采购');
    expect(value.town).toBe('河市镇');
  });

  it('refuses something that is not an object as a whole-form error', () => {
    for (const input of [null, 'x', 42, undefined]) {
      const result = validateEnterprise(input, RULES);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors._form).toBeTruthy();
    }
  });

  it('reports every wrong field at once, one message per field', () => {
    const errors = errorsOf({ name: '', creditCode: 'x', employees: -1, category: RELOCATION, remarks: '' });
    expect(Object.keys(errors).sort()).toEqual(['creditCode', 'employees', 'name', 'remarks']);
    for (const message of Object.values(errors)) expect(typeof message).toBe('string');
  });
});

/** True only when A and B are the same type (checked by tsc in the type-check step). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

describe('the schema is the type', () => {
  it('types every choice of the contract as its union, from z.output', () => {
    const checks: [
      Same<EnterprisePayload['industry'], Industry>,
      Same<EnterprisePayload['landTenure'], LandTenure>,
      Same<EnterprisePayload['safetyAssessment'], YesNo>,
      Same<EnterprisePayload['energyReview'], YesNo>,
      Same<EnterprisePayload['onlineMonitoring'], YesNo>,
      Same<EnterprisePayload['category'], Category>,
      Same<EnterprisePayload['status'], Status>,
      Same<EnterprisePayload['town'], Town>,
      Same<EnterprisePayload['employees'], number>,
      Same<keyof EnterprisePayload, PayloadKey>,
    ] = [true, true, true, true, true, true, true, true, true, true];
    expect(checks.every(Boolean)).toBe(true);
  });

  it('outputs a value whose choices are the contract’s own strings', () => {
    const value = valueOf({ industry: ' 铸造 ', category: '原址关闭', town: '河市镇 ' });
    const industry: Industry = value.industry;
    const category: Category = value.category;
    const town: Town = value.town;
    expect([industry, category, town]).toEqual(['铸造', '原址关闭', '河市镇']);
  });

  it('refuses a choice that differs only in width or wording', () => {
    expect(errorsOf({ industry: '化工(煤化工)' }).industry).toContain('行业类别应为以下之一');
    expect(errorsOf({ status: '已完成' }).status).toContain('整改状态应为以下之一');
  });
});

describe('FIELD_LABELS', () => {
  it('names each payload key with its contract header', () => {
    for (const col of COLUMNS) {
      if ((PAYLOAD_KEYS as readonly string[]).includes(col.key)) expect(FIELD_LABELS[col.key as PayloadKey]).toBe(col.header);
    }
    expect(Object.keys(FIELD_LABELS)).toHaveLength(21);
  });
});

describe('district', () => {
  it('accepts each district of 配置', () => {
    for (const d of RULES.districts) expect(valueOf({ district: d }).district).toBe(d);
  });

  it('refuses a district not in 配置 and one that is missing', () => {
    expect(errorsOf({ district: '宣汉县' }).district).toContain('辖区');
    expect(errorsOf({ district: '' }).district).toBe('请选择辖区');
  });

  it('follows the districts it is given rather than the defaults', () => {
    expect(valueOf({ district: '宣汉县' }, { ...RULES, districts: ['宣汉县'] }).district).toBe('宣汉县');
    expect(errorsOf({ district: '达川区' }, { ...RULES, districts: ['宣汉县'] }).district).toBeTruthy();
  });
});

describe('name', () => {
  it('accepts 2 and 100 characters', () => {
    expect(valueOf({ name: '某厂' }).name).toBe('某厂');
    expect(valueOf({ name: '厂'.repeat(100) }).name).toHaveLength(100);
  });

  it('refuses 1 character, 101 characters and a blank name', () => {
    for (const name of ['厂', '厂'.repeat(101), '   ']) expect(errorsOf({ name }).name).toContain('企业名称');
  });

  it('refuses a name made only of spaces or zero-width characters', () => {
    expect(errorsOf({ name: '\u200b\u200b\u200b' }).name).toBe('请填写企业名称（当前只有空格或不可见字符）');
    expect(errorsOf({ name: '\u3000\ufeff' }).name).toBeTruthy();
  });

  it('counts only visible characters towards the two a name needs', () => {
    expect(errorsOf({ name: '厂\u200b' }).name).toBe('企业名称应为2到100个字');
  });

  it('refuses a name that is not text', () => {
    expect(errorsOf({ name: 12 }).name).toContain('企业名称');
  });
});

describe('required and limited text', () => {
  it.each(['address', 'problems', 'measures', 'eiaApproval', 'dischargePermit'] as const)(
    'requires %s and names it in the message',
    (key) => {
      expect(errorsOf({ [key]: '' })[key]).toContain(FIELD_LABELS[key]);
      expect(errorsOf({ [key]: undefined })[key]).toContain(FIELD_LABELS[key]);
    },
  );

  it.each(['address', 'problems', 'measures'] as const)('refuses %s made only of zero-width characters', (key) => {
    expect(errorsOf({ [key]: '\u200b\u2060' })[key]).toBe(`请填写${FIELD_LABELS[key]}`);
  });

  it('accepts 无 for the approval and permit numbers and says so when they are missing', () => {
    const value = valueOf({ eiaApproval: '无', dischargePermit: '无' });
    expect([value.eiaApproval, value.dischargePermit]).toEqual(['无', '无']);
    expect(errorsOf({ dischargePermit: '' }).dischargePermit).toContain('无');
  });

  it(`accepts ${MAX_TEXT_LENGTH} characters of text and refuses one more`, () => {
    expect(valueOf({ problems: '问'.repeat(MAX_TEXT_LENGTH) }).problems).toHaveLength(MAX_TEXT_LENGTH);
    expect(errorsOf({ problems: '问'.repeat(MAX_TEXT_LENGTH + 1) }).problems).toContain(String(MAX_TEXT_LENGTH));
    expect(errorsOf({ progress: '进'.repeat(MAX_TEXT_LENGTH + 1) }).progress).toContain('进展情况');
  });

  it('counts a character outside the basic plane (𠀀, two UTF-16 units) as one, as the message counts 字', () => {
    expect(valueOf({ problems: '𠀀'.repeat(MAX_TEXT_LENGTH) }).problems).toBe('𠀀'.repeat(MAX_TEXT_LENGTH));
    expect(valueOf({ remarks: '𠀀'.repeat(MAX_TEXT_LENGTH) }).remarks).toBe('𠀀'.repeat(MAX_TEXT_LENGTH));
    expect(errorsOf({ problems: '𠀀'.repeat(MAX_TEXT_LENGTH + 1) }).problems).toBe(`${FIELD_LABELS.problems}不能超过${MAX_TEXT_LENGTH}个字`);
  });

  it('treats progress and remarks as optional, absent or null meaning empty', () => {
    const value = valueOf({ progress: undefined, remarks: null });
    expect(value.progress).toBe('');
    expect(value.remarks).toBe('');
  });
});

describe('credit code', () => {
  it('normalises lower-case and full-width input before checking', () => {
    const fullWidth = Array.from(VALID_CODE.toLowerCase())
      .map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))
      .join('');
    expect(valueOf({ creditCode: ` ${VALID_CODE.toLowerCase()} ` }).creditCode).toBe(VALID_CODE);
    expect(valueOf({ creditCode: fullWidth }).creditCode).toBe(VALID_CODE);
  });

  it('refuses a wrong check character without naming the one that would pass', () => {
    const message = errorsOf({ creditCode: VALID_CODE.slice(0, 17) + '4' }).creditCode ?? '';
    expect(message).toContain('校验不通过');
    expect(message).toContain('逐位核对全部18位');
    expect(message).not.toContain('“3”');
  });

  it('refuses a wrong length with the current length', () => {
    expect(errorsOf({ creditCode: VALID_CODE.slice(0, 15) }).creditCode).toContain('统一社会信用代码应为18位，当前为15位');
  });

  it('removes spaces and zero-width characters before checking, and names a stray character', () => {
    const spaced = `${VALID_CODE.slice(0, 6)} \u200b${VALID_CODE.slice(6, 12)}\u00a0${VALID_CODE.slice(12)}\ufeff`;
    expect(valueOf({ creditCode: spaced }).creditCode).toBe(VALID_CODE);
    const dashed = `${VALID_CODE.slice(0, 8)}-${VALID_CODE.slice(8)}`;
    expect(errorsOf({ creditCode: dashed }).creditCode).toContain('第9位“-”不是代码字符');
  });

  it('refuses a letter among positions 3–8 (the division code) even when the check character fits', () => {
    const code = withCheckChar('915117A0MA62H1T0X');
    expect(errorsOf({ creditCode: code }).creditCode).toContain('第3–8位');
  });

  it('refuses a missing code', () => {
    expect(errorsOf({ creditCode: '' }).creditCode).toContain('统一社会信用代码');
    expect(errorsOf({ creditCode: undefined }).creditCode).toContain('统一社会信用代码');
  });

  it('accepts any code carrying its check character', () => {
    const code = withCheckChar('91511700MA62H1T0X');
    expect(valueOf({ creditCode: code }).creditCode).toBe(code);
  });
});

describe('enumerations', () => {
  const cases: [PayloadKey, readonly string[]][] = [
    ['industry', INDUSTRIES],
    ['landTenure', ['租用', '征用']],
    ['safetyAssessment', ['有', '无']],
    ['energyReview', ['有', '无']],
    ['onlineMonitoring', ['有', '无']],
    ['category', CATEGORIES],
    ['town', TOWNS],
  ];

  it.each(cases)('accepts every value of %s', (key, options) => {
    for (const option of options) {
      const extra = key === 'category' && option === RELOCATION ? { remarks: '新址用地面积：10亩' } : {};
      expect(valueOf({ [key]: option, ...extra })[key]).toBe(option);
    }
  });

  it.each(cases)('refuses an unknown or missing %s, naming the field', (key) => {
    expect(errorsOf({ [key]: '其它值' })[key]).toContain(FIELD_LABELS[key]);
    expect(errorsOf({ [key]: '' })[key]).toBe(`请选择${FIELD_LABELS[key]}`);
  });

  it('lists the allowed values when the value is unknown', () => {
    expect(errorsOf({ landTenure: '自有' }).landTenure).toContain('租用、征用');
  });
});

describe('employees', () => {
  it.each([
    [0, 0],
    [35, 35],
    ['0', 0],
    ['120', 120],
    [' 8 ', 8],
  ])('accepts %p as %p', (input, expected) => {
    expect(valueOf({ employees: input }).employees).toBe(expected);
  });

  it.each([12.5, -1, '12.5', '-1', 'abc', '', '1e3', NaN, Infinity, null, undefined, true, '１２'])('refuses %p', (input) => {
    expect(errorsOf({ employees: input }).employees).toBe(EMPLOYEES_MESSAGE);
  });

  it('uses the agreed message', () => {
    expect(EMPLOYEES_MESSAGE).toBe('职工人数应为不小于0的整数');
  });
});

describe('deadline', () => {
  it('accepts a real day, including 29 February of a leap year', () => {
    expect(valueOf({ deadline: '2024-02-29' }, { ...RULES, acceptBy: '2024-12-31' }).deadline).toBe('2024-02-29');
    expect(valueOf({ deadline: ' 2022-06-30 ' }).deadline).toBe('2022-06-30');
  });

  it.each([
    ['2022-02-29', '2022年2月只有28天'],
    ['2022-02-30', '2022年2月只有28天'],
    ['2024-02-30', '2024年2月只有29天'],
    ['2022-04-31', '2022年4月只有30天'],
    ['2022-13-01', '月份应为01到12'],
    ['2022-06-00', '日应从01起'],
  ])('refuses %p as an impossible day: 不是有效日期 (%s)', (deadline, reason) => {
    expect(errorsOf({ deadline }, { ...RULES, acceptBy: '2030-12-31' }).deadline).toBe(`整改完成时限“${deadline}”不是有效日期（${reason}）`);
  });

  it.each(['2022/06/30', '20220630', 'soon', '2022-6-30'])('refuses %p as not written YYYY-MM-DD', (deadline) => {
    expect(errorsOf({ deadline }).deadline).toBe('整改完成时限应为日期，格式为YYYY-MM-DD（如2023-06-30）');
  });

  it('requires a deadline', () => {
    expect(errorsOf({ deadline: '' }).deadline).toBe('请填写整改完成时限');
  });

  it('accepts a deadline on the plan’s 验收截止日期 and refuses the day after, pointing to 配置', () => {
    expect(valueOf({ deadline: ACCEPT_BY }).deadline).toBe(ACCEPT_BY);
    const message = errorsOf({ deadline: addDays(ACCEPT_BY, 1) }).deadline ?? '';
    expect(message).toContain(ACCEPT_BY);
    expect(message).toContain('配置');
    expect(message).toContain('验收截止日期');
  });

  it('follows the 验收截止日期 it is given', () => {
    expect(valueOf({ deadline: '2024-06-30' }, { ...RULES, acceptBy: '2024-06-30' }).deadline).toBe('2024-06-30');
    expect(errorsOf({ deadline: '2023-06-30' }, { ...RULES, acceptBy: '2023-06-29' }).deadline).toContain('2023-06-29');
  });
});

describe('status', () => {
  it('starts at 未启动 when empty or absent', () => {
    expect(valueOf({ status: '' }).status).toBe(INITIAL_STATUS);
    expect(valueOf({ status: undefined }).status).toBe(INITIAL_STATUS);
  });

  it('honours every status of the contract', () => {
    for (const status of STATUSES) {
      const extra = status === CLOSED_STATUS ? { closedOn: '2023-05-01' } : {};
      expect(valueOf({ status, ...extra }).status).toBe(status);
    }
  });

  it('refuses an unknown status', () => {
    expect(errorsOf({ status: '已完成' }).status).toContain('整改状态');
  });
});

describe('closedOn and 已验收销号', () => {
  it('accepts 已验收销号 with a real date', () => {
    expect(valueOf({ status: CLOSED_STATUS, closedOn: '2023-05-01' }).closedOn).toBe('2023-05-01');
  });

  it('refuses 已验收销号 without 销号日期, on closedOn', () => {
    const errors = errorsOf({ status: CLOSED_STATUS, closedOn: '' });
    expect(errors.closedOn).toContain('销号日期');
    expect(errors.status).toBeUndefined();
  });

  it('refuses a 销号日期 while the status is not 已验收销号, on closedOn', () => {
    expect(errorsOf({ status: '整改中', closedOn: '2023-05-01' }).closedOn).toContain(CLOSED_STATUS);
    expect(errorsOf({ status: '', closedOn: '2023-05-01' }).closedOn).toContain(CLOSED_STATUS);
  });

  it('refuses a 销号日期 that is not a real day', () => {
    expect(errorsOf({ status: CLOSED_STATUS, closedOn: '2023-02-29' }).closedOn).toContain('有效日期');
  });

  it('accepts a 销号日期 of today and refuses tomorrow (today is passed in)', () => {
    expect(valueOf({ status: CLOSED_STATUS, closedOn: TODAY }).closedOn).toBe(TODAY);
    const message = errorsOf({ status: CLOSED_STATUS, closedOn: addDays(TODAY, 1) }).closedOn ?? '';
    expect(message).toBe(`销号日期不能晚于今天（${TODAY}），请填写联合验收通过的日期`);
    expect(valueOf({ status: CLOSED_STATUS, closedOn: addDays(TODAY, 1) }, { ...RULES, today: addDays(TODAY, 1) }).closedOn).toBe(addDays(TODAY, 1));
  });

  it('says an impossible 销号日期 is not a valid date', () => {
    expect(errorsOf({ status: CLOSED_STATUS, closedOn: '2023-02-30' }).closedOn).toBe('销号日期“2023-02-30”不是有效日期（2023年2月只有28天）');
  });

  it('accepts an empty 销号日期 for open statuses', () => {
    expect(valueOf({ status: '未启动', closedOn: undefined }).closedOn).toBe('');
  });
});

describe('搬迁升级 and 新址用地面积', () => {
  it.each([
    ['新址用地面积：12.5亩', 12.5, '亩'],
    ['新址用地面积:800平方米', 800, '平方米'],
    ['新址用地面积: 800 平方米', 800, '平方米'],
    ['新址用地面积 ： 3公顷', 3, '公顷'],
    ['新址用地面积\u3000：\u30000.5 公顷', 0.5, '公顷'],
    ['拟迁入园区。新址用地面积：40亩，已签约', 40, '亩'],
  ])('accepts %p', (remarks, value, unit) => {
    expect(valueOf({ category: RELOCATION, remarks }).remarks).toBe(remarks);
    expect(relocationArea(remarks)).toEqual({ value, unit });
  });

  it.each(['', '新址用地面积待定', '新址用地面积：十亩', '新址用地面积：12.5', '新址用地面积：12.5平方公里', '用地面积：12亩'])(
    'refuses %p on remarks',
    (remarks) => {
      const errors = errorsOf({ category: RELOCATION, remarks });
      expect(errors.remarks).toContain('新址用地面积');
      expect(errors.category).toBeUndefined();
      expect(relocationArea(remarks)).toBeNull();
    },
  );

  it.each(['新址用地面积：0亩', '新址用地面积：0.0平方米', '新址用地面积: 0 公顷'])('refuses a zero area %p', (remarks) => {
    expect(errorsOf({ category: RELOCATION, remarks }).remarks).toContain('新址用地面积应大于0');
  });

  it('does not ask other categories for an area', () => {
    expect(valueOf({ category: '原址关闭', remarks: '' }).remarks).toBe('');
  });

  it('reports the missing area even when another field is wrong too', () => {
    const errors = errorsOf({ category: RELOCATION, remarks: '', name: '' });
    expect(errors.remarks).toBeTruthy();
    expect(errors.name).toBeTruthy();
  });

  it('reports the cross-field rules in the same pass as a bad date, a blank name and a bad choice', () => {
    const errors = errorsOf({ category: RELOCATION, remarks: '', name: '\u200b', deadline: '2022-02-30', town: '某镇', status: CLOSED_STATUS, closedOn: '' });
    expect(Object.keys(errors).sort()).toEqual(['closedOn', 'deadline', 'name', 'remarks', 'town']);
  });

  it('has a source that compiles to the same pattern', () => {
    expect(new RegExp(RELOCATION_AREA_REGEX_SOURCE).source).toBe(RELOCATION_AREA_PATTERN.source);
    // RE2 knows neither \\u escapes nor look-around; a control character would break the sheet formula.
    expect(RELOCATION_AREA_REGEX_SOURCE).not.toMatch(/\\u|\(\?[=!<]|[\u0000-\u001f]/);
  });
});

describe('crossFieldProblems', () => {
  it('returns nothing for something that is not a record', () => {
    expect(crossFieldProblems(null as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('puts each problem on the key the contract names', () => {
    const keys = crossFieldProblems({ category: RELOCATION, remarks: '', status: CLOSED_STATUS, closedOn: '' }).map((p) => p.key);
    expect(keys).toEqual(['remarks', 'closedOn']);
  });
});

describe('notes: worth a second look, never a refusal', () => {
  it('returns no notes for a 达州 code and a town of its own district', () => {
    const result = validateEnterprise(payload({ creditCode: withCheckChar('91511771MA62H1T0X'), district: '达州高新区', town: '河市镇' }), RULES);
    expect(result).toMatchObject({ ok: true, notes: {} });
  });

  it('notes a code registered outside 达州 and still accepts it', () => {
    const result = validateEnterprise(payload({ district: '达州高新区', town: '河市镇' }), RULES);
    expect(result.ok).toBe(true);
    expect(result.notes.creditCode).toContain('注册地不在达州');
  });

  it.each([
    ['达川区', '复兴镇', '通川区'],
    ['通川区', '明月江街道', '达川区'],
    ['通川区', '斌郎街道', '达州高新区'],
    ['达州高新区', '磐石镇', '通川区'],
  ])('notes %s with the town %s (a key area of %s) and still accepts it', (district, town, home) => {
    const result = validateEnterprise(payload({ district, town }), RULES);
    expect(result.ok).toBe(true);
    expect(result.notes.town).toContain(`“${town}”是${home}的重点区域，与辖区“${district}”不一致`);
  });

  it('has no note for 其他 or for a district the plan does not map', () => {
    expect(recordNotes(payload({ district: '达川区', town: '其他' })).town).toBeUndefined();
    expect(recordNotes(payload({ district: '宣汉县', town: '复兴镇' })).town).toBeUndefined();
  });

  it('keeps notes when other fields are refused, but never on a field that has an error', () => {
    const result = validateEnterprise(payload({ district: '达川区', town: '复兴镇', name: '', creditCode: VALID_CODE.slice(0, 17) + '0' }), RULES);
    expect(result.ok).toBe(false);
    expect(result.notes.town).toBeTruthy();
    expect(result.notes.creditCode).toBeUndefined();
  });

  it('maps every key area to exactly one district', () => {
    const towns = ['复兴镇', '双龙镇', '东岳镇', '蒲家镇', '罗江镇', '磐石镇', '明月江街道', '斌郎街道', '石板街道', '河市镇', '幺塘乡'];
    expect(towns.map(townDistrict)).toEqual([...new Array(6).fill('通川区'), '达川区', ...new Array(4).fill('达州高新区')]);
    expect(townDistrict('其他')).toBeNull();
  });
});

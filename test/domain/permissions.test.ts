// Office and district editors (contract §1).

import { accountKnown, canEditDistrict, editableDistricts, isOffice } from '../../src/domain/permissions';
import { defaultSettings } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/settings';

const OWNER = 'owner@example.com';

function settings(): Settings {
  const base = defaultSettings();
  return {
    ...base,
    admins: ['office@example.com'],
    districts: base.districts.map((d) =>
      d.district === '达川区' ? { ...d, editors: ['dachuan@example.com', 'both@example.com'] } : d.district === '通川区' ? { ...d, editors: ['both@example.com'] } : d,
    ),
  };
}

describe('accountKnown', () => {
  it('is false for an empty or hidden account and true otherwise', () => {
    expect(accountKnown('')).toBe(false);
    expect(accountKnown('  ')).toBe(false);
    expect(accountKnown('未知账号')).toBe(false);
    expect(accountKnown('a@example.com')).toBe(true);
  });
});

describe('isOffice', () => {
  it('includes the owner and 管理员账号, whatever the letter case', () => {
    expect(isOffice(settings(), OWNER, OWNER)).toBe(true);
    expect(isOffice(settings(), 'Owner@Example.com', OWNER)).toBe(true);
    expect(isOffice(settings(), ' OFFICE@example.com ', OWNER)).toBe(true);
  });

  it('excludes district editors, strangers and an unknown account', () => {
    expect(isOffice(settings(), 'dachuan@example.com', OWNER)).toBe(false);
    expect(isOffice(settings(), 'x@example.com', OWNER)).toBe(false);
    expect(isOffice(settings(), '', OWNER)).toBe(false);
    expect(isOffice(settings(), '', '')).toBe(false);
  });
});

describe('canEditDistrict', () => {
  it('lets a district editor edit that district only', () => {
    expect(canEditDistrict(settings(), 'dachuan@example.com', OWNER, '达川区')).toBe(true);
    expect(canEditDistrict(settings(), 'dachuan@example.com', OWNER, '通川区')).toBe(false);
  });

  it('leaves a district without 编辑账号 to the office alone', () => {
    expect(canEditDistrict(settings(), 'dachuan@example.com', OWNER, '达州高新区')).toBe(false);
    expect(canEditDistrict(settings(), 'office@example.com', OWNER, '达州高新区')).toBe(true);
    expect(canEditDistrict(settings(), OWNER, OWNER, '达州高新区')).toBe(true);
  });

  it('refuses an unknown account and an unknown district to non-office users', () => {
    expect(canEditDistrict(settings(), '', OWNER, '达川区')).toBe(false);
    expect(canEditDistrict(settings(), 'dachuan@example.com', OWNER, '宣汉县')).toBe(false);
  });
});

describe('editableDistricts', () => {
  it('lists the districts each account may edit, in 配置 order', () => {
    expect(editableDistricts(settings(), 'both@example.com', OWNER)).toEqual(['通川区', '达川区']);
    expect(editableDistricts(settings(), 'dachuan@example.com', OWNER)).toEqual(['达川区']);
    expect(editableDistricts(settings(), OWNER, OWNER)).toEqual(['通川区', '达川区', '达州高新区']);
    expect(editableDistricts(settings(), 'x@example.com', OWNER)).toEqual([]);
  });
});

describe('the owner asked lazily', () => {
  const asked = () => {
    const calls: string[] = [];
    return { calls, owner: () => (calls.push('owner'), OWNER) };
  };

  it('asks for the owner only when 配置 does not settle it: never for an admin, a listed editor or a hidden account', () => {
    const a = asked();
    expect(isOffice(settings(), 'office@example.com', a.owner)).toBe(true);
    expect(canEditDistrict(settings(), 'dachuan@example.com', a.owner, '达川区')).toBe(true);
    expect(isOffice(settings(), '未知账号', a.owner)).toBe(false);
    expect(a.calls).toEqual([]);
  });

  it('asks for it otherwise, and answers as with the address given', () => {
    const a = asked();
    expect(isOffice(settings(), OWNER, a.owner)).toBe(true);
    expect(canEditDistrict(settings(), 'dachuan@example.com', a.owner, '通川区')).toBe(false);
    expect(a.calls).toEqual(['owner', 'owner']);
  });
});

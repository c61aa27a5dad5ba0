// Whom a mail goes to (src/domain/addressing.ts): as meant when live, only the test recipient in test mode, and the note saying so.
import { TEST_MARK, address } from '../../src/domain/addressing';

const district = { to: ['a@tc.gov.cn', 'b@tc.gov.cn'], cc: ['office@dz.gov.cn'], missing: '（联系邮箱未填写）' };
const office = { to: ['office@dz.gov.cn'], missing: '（领导小组办公室邮箱未填写）' };

describe('address', () => {
  test('live: to and cc as meant, every address counted (a repeated one too), no note, no mark', () => {
    const a = address({ ...district, cc: ['office@dz.gov.cn', 'a@tc.gov.cn'] }, '');
    expect(a).toEqual({
      to: ['a@tc.gov.cn', 'b@tc.gov.cn'],
      cc: ['office@dz.gov.cn', 'a@tc.gov.cn'],
      recipientCount: 4,
      testNote: '',
      subjectMark: '',
    });
  });

  test('live: the lists are copies, so a caller changing them does not change what was meant', () => {
    const a = address(district, '');
    a.to.push('x@y.cn');
    expect(district.to).toEqual(['a@tc.gov.cn', 'b@tc.gov.cn']);
  });

  test('test mode: only the test recipient, without cc, one address, marked [测试], the note naming whom it was meant for', () => {
    const a = address(district, 'tester@dz.gov.cn');
    expect(a).toEqual({
      to: ['tester@dz.gov.cn'],
      cc: [],
      recipientCount: 1,
      testNote: '测试邮件：本应发送给 a@tc.gov.cn, b@tc.gov.cn，抄送 office@dz.gov.cn。',
      subjectMark: TEST_MARK,
    });
    expect(TEST_MARK).toBe('[测试]');
  });

  test('test mode: an empty to is named by `missing`, an empty cc as （无）, and a mail without cc names none', () => {
    expect(address({ ...district, to: [], cc: [] }, 't@dz.gov.cn').testNote).toBe('测试邮件：本应发送给 （联系邮箱未填写），抄送 （无）。');
    expect(address(office, 't@dz.gov.cn').testNote).toBe('测试邮件：本应发送给 office@dz.gov.cn。');
    expect(address({ ...office, to: [] }, 't@dz.gov.cn').testNote).toBe('测试邮件：本应发送给 （领导小组办公室邮箱未填写）。');
  });
});

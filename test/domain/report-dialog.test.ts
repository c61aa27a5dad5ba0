// 报送本季度进展's rules shared by the page and the server (src/domain/report-dialog.ts): the 进展说明 and the payload check.
import { checkReportPayload, narrativeProblem } from '../../src/domain/report-dialog';

const EMPTY = '请填写进展说明：本季度整治工作的主要进展、存在的问题和下一步安排。';
const NO_DISTRICT = '未指明要报送的辖区，请在本辖区工作表上重新打开“报送本季度进展”。';
const TOO_LONG_2001 = '进展说明最多2000字，现为2001字，请精简后再报送。';

describe('narrativeProblem', () => {
  test('accepts a 进展说明 of up to 2,000 characters (contract §5), counted after trimming', () => {
    expect(narrativeProblem('完成除尘设施改造')).toBe('');
    expect(narrativeProblem('进'.repeat(2000))).toBe('');
    expect(narrativeProblem(`  ${'进'.repeat(2000)}  `)).toBe('');
  });

  test('asks for one when it is missing, blank or not text', () => {
    for (const v of [undefined, null, '', '   \n', 42, ['完成改造']]) expect(narrativeProblem(v)).toBe(EMPTY);
  });

  test('names the limit and the length of one that is too long, the length counted after trimming', () => {
    expect(narrativeProblem('进'.repeat(2001))).toBe(TOO_LONG_2001);
    expect(narrativeProblem(` \n${'进'.repeat(2001)}\n `)).toBe(TOO_LONG_2001);
    expect(narrativeProblem('进'.repeat(2345))).toBe('进展说明最多2000字，现为2345字，请精简后再报送。');
  });

  test('counts characters as a reader does: one outside the basic plane (𠀀, two UTF-16 units) is one', () => {
    expect(narrativeProblem('𠀀'.repeat(2000))).toBe('');
    expect(narrativeProblem('𠀀'.repeat(1001))).toBe('');
    expect(narrativeProblem('𠀀'.repeat(2001))).toBe(TOO_LONG_2001);
  });
});

describe('checkReportPayload', () => {
  test('gives the district and the 进展说明, both trimmed', () => {
    expect(checkReportPayload({ district: ' 通川区 ', narrative: ' 完成改造 \n' })).toEqual({ ok: true, value: { district: '通川区', narrative: '完成改造' } });
  });

  test('keeps the 进展说明 inside as typed: its line breaks and inner spaces stay', () => {
    expect(checkReportPayload({ district: '达川区', narrative: '一、完成改造\n二、 下一步验收' })).toEqual({
      ok: true,
      value: { district: '达川区', narrative: '一、完成改造\n二、 下一步验收' },
    });
  });

  test('gives back only the district and the 进展说明: other keys a caller sends are not carried', () => {
    expect(checkReportPayload({ district: '通川区', narrative: '完成改造', quarter: '2022年第1季度', onTime: true })).toEqual({
      ok: true,
      value: { district: '通川区', narrative: '完成改造' },
    });
  });

  test('without a district (empty, blank or not text): a form-level message that says where to open the dialog again', () => {
    for (const district of ['', '  ', undefined, 3]) {
      expect(checkReportPayload({ district, narrative: '完成改造' })).toEqual({ ok: false, errors: { _form: NO_DISTRICT } });
    }
  });

  test('reports every problem at once, each under its field, and accepts nothing', () => {
    expect(checkReportPayload({ district: 3, narrative: '' })).toEqual({ ok: false, errors: { _form: NO_DISTRICT, narrative: EMPTY } });
    expect(checkReportPayload(null)).toEqual({ ok: false, errors: { _form: NO_DISTRICT, narrative: EMPTY } });
    expect(checkReportPayload(undefined)).toEqual({ ok: false, errors: { _form: NO_DISTRICT, narrative: EMPTY } });
    expect(checkReportPayload({ district: '通川区', narrative: '进'.repeat(2001) })).toEqual({ ok: false, errors: { narrative: TOO_LONG_2001 } });
    expect(checkReportPayload({ district: '通川区', narrative: 2022 })).toEqual({ ok: false, errors: { narrative: EMPTY } });
  });
});

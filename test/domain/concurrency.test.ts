// The rules that keep two saves from losing each other's work: the opened version, and the row confirmed before writing.
import { UNKNOWN_ACCOUNT } from '../../src/domain/contract';
import { changedSinceOpened, editConflict } from '../../src/domain/concurrency';
import type { CurrentRow } from '../../src/domain/concurrency';
import type { RawPayload } from '../../src/domain/ledger-row';

const payload = { name: '达州市甲公司', progress: '已招标', status: '整改中' } as unknown as RawPayload;
const at = new Date('2022-03-20T02:15:30Z');
const row = (over: Partial<CurrentRow> = {}): CurrentRow => ({ updatedAt: at, updatedBy: 'b@tc.gov.cn', payload, ...over });

describe('editConflict', () => {
  it('lets a save through when the row is as the form opened it', () => {
    expect(editConflict({ version: at.getTime(), values: {} }, row(), 'a@tc.gov.cn', UNKNOWN_ACCOUNT)).toBeNull();
  });

  it('refuses a save over a change made since by someone else, saying who, when (Shanghai) and what', () => {
    const message = editConflict({ version: at.getTime() - 60000, values: { progress: '未招标', name: '达州市甲公司' } }, row(), 'a@tc.gov.cn', UNKNOWN_ACCOUNT);
    expect(message).toContain('b@tc.gov.cn');
    expect(message).toContain('2022-03-20 10:15:30');
    expect(message).toContain('进展情况：“未招标” → “已招标”');
    expect(message).not.toContain('企业名称');
    expect(message).toContain('重新载入');
  });

  it('lets the same known account save over its own later change', () => {
    expect(editConflict({ version: at.getTime() - 60000, values: {} }, row({ updatedBy: 'A@tc.gov.cn' }), 'a@tc.gov.cn', UNKNOWN_ACCOUNT)).toBeNull();
  });

  it('never takes two hidden accounts for the same person', () => {
    expect(editConflict({ version: at.getTime() - 1, values: {} }, row({ updatedBy: UNKNOWN_ACCOUNT }), '', UNKNOWN_ACCOUNT)).toContain(UNKNOWN_ACCOUNT);
  });

  it('refuses when a stamp appeared on a row the form opened unstamped', () => {
    expect(editConflict({ version: null, values: {} }, row(), 'a@tc.gov.cn', UNKNOWN_ACCOUNT)).toContain('b@tc.gov.cn');
  });

  it('accepts a call without an opened version (older pages), as before', () => {
    expect(editConflict(null, row(), 'a@tc.gov.cn', UNKNOWN_ACCOUNT)).toBeNull();
  });
});

describe('changedSinceOpened', () => {
  it('compares only the fields the form showed, as trimmed text', () => {
    expect(changedSinceOpened({ version: 0, values: { name: ' 达州市甲公司 ', status: '未启动' } }, payload)).toEqual(['整改状态：“未启动” → “整改中”']);
  });
});

// Errors as data (src/domain/errors.ts): a code, the Chinese message the entry point shows, and details; told apart from other throws.
import { AppError, isAppError } from '../../src/domain/errors';

describe('AppError', () => {
  test('carries its code, the user message and details; its own message leads with the code for logs', () => {
    const e = new AppError('HEADER_MISMATCH', '“通川区”工作表的表头与模板不一致', { tab: '通川区' });
    expect(e.code).toBe('HEADER_MISMATCH');
    expect(e.userMessage).toBe('“通川区”工作表的表头与模板不一致');
    expect(e.details).toEqual({ tab: '通川区' });
    expect(e.message).toBe('HEADER_MISMATCH: “通川区”工作表的表头与模板不一致');
    expect(e.name).toBe('AppError');
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toBe('AppError: HEADER_MISMATCH: “通川区”工作表的表头与模板不一致');
  });

  test('details default to none', () => {
    expect(new AppError('LOCK_BUSY', '表格正忙').details).toEqual({});
  });
});

describe('isAppError', () => {
  test('is true for an AppError caught after it was thrown', () => {
    let caught: unknown;
    try {
      throw new AppError('NOT_PERMITTED', '只有领导小组办公室可以使用“验收销号”');
    } catch (e) {
      caught = e;
    }
    expect(isAppError(caught)).toBe(true);
    expect(isAppError(caught) && [caught.code, caught.userMessage]).toEqual(['NOT_PERMITTED', '只有领导小组办公室可以使用“验收销号”']);
  });

  test('is true only for an AppError, not for a platform error or a lookalike object', () => {
    expect(isAppError(new AppError('NOT_FOUND', '未找到'))).toBe(true);
    expect(isAppError(new Error('Exception: Service Spreadsheets failed'))).toBe(false);
    expect(isAppError({ code: 'NOT_FOUND', userMessage: '未找到' })).toBe(false);
    expect(isAppError(Object.assign(new Error('NOT_FOUND: 未找到'), { name: 'AppError', code: 'NOT_FOUND', userMessage: '未找到' }))).toBe(false);
    expect(isAppError(null)).toBe(false);
    expect(isAppError('NOT_FOUND')).toBe(false);
  });
});

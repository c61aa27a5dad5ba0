// The document lock around every read-check-write of the ledger.
import { AppError } from '../domain/errors';

export const LOCK_WAIT_MS = 5000;

export function withDocumentLock<T>(work: () => T, waitMs: number = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) {
    throw new AppError('LOCK_BUSY', '其他人正在保存台账，请稍候几秒再试。');
  }
  try {
    return work();
  } finally {
    // Pending writes must reach the sheet before another execution can take the lock and read it.
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

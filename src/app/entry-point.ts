// Moved to error-boundary.ts (issue 17); this re-export keeps branches in flight building until they rebase. Delete after the freeze.
export * from './error-boundary';

// Moved to test/support/ledger-world.ts (issue 17); this re-export keeps branches in flight building until they rebase. Delete after the freeze.
export * from '../support/ledger-world';

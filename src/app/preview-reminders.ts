// Moved to reminder-preview-dialog.ts (issue 17); this re-export keeps branches in flight building until they rebase. Delete after the freeze.
export * from './reminder-preview-dialog';

// The one list of functions Apps Script can call (menus, triggers, google.script.run); the build makes each a top-level function.
export { onOpen } from './app/menu';
export { menuSetup } from './app/setup';
export { onEdit, onEditInstalled } from './app/direct-edit';
export { menuValidateSheet } from './app/validate-sheet';
export { menuSubmitReport, submitQuarterReport } from './app/submit-report';
export { dailyJob } from './app/daily-job';
export { menuPreviewReminders } from './app/reminder-preview-dialog';
export { menuInstallTriggers, menuUninstallTriggers } from './app/triggers';
export { menuAddEnterprise, menuEditEnterprise } from './app/enterprise-form';
export { submitEnterprise, updateEnterprise, getEnterprise } from './app/enterprise-service';
export { menuRefreshSummary } from './app/summary';
export { menuSelfCheck } from './app/self-check';
export { menuUrgeNow, sendUrgeNow } from './app/urge-now';
export { generateQuarterBulletin, menuQuarterBulletin } from './app/quarter-bulletin';
export { menuDossier, getEnterpriseDossier, showDossier } from './app/dossier';
export { menuPrintLedger } from './app/print-ledger';
export { menuRequestExtension, menuDecideExtensions, menuRecordAcceptance, requestExtension, decideExtension, recordAcceptance } from './app/office';
export { menuImportLedger, importLedger } from './app/import-ledger';

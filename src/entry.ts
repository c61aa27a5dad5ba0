// The one list of functions Apps Script can call (menus, triggers, google.script.run); the build makes each a top-level function.
import { menuEntry } from './app/error-boundary';
import * as dossier from './app/dossier';
import * as enterpriseForm from './app/enterprise-form';
import * as importLedger from './app/import-ledger';
import * as office from './app/office';
import * as printLedger from './app/print-ledger';
import * as quarterBulletin from './app/quarter-bulletin';
import * as reminderPreview from './app/reminder-preview-dialog';
import * as selfCheck from './app/self-check';
import * as setup from './app/setup';
import * as submitReport from './app/submit-report';
import * as summary from './app/summary';
import * as triggers from './app/triggers';
import * as urgeNow from './app/urge-now';
import * as validateSheet from './app/validate-sheet';

// Menu items (src/domain/menu.ts): each checks the table's `who` for the caller before its use case runs.
export const menuAddEnterprise = menuEntry('menuAddEnterprise', enterpriseForm.menuAddEnterprise);
export const menuEditEnterprise = menuEntry('menuEditEnterprise', enterpriseForm.menuEditEnterprise);
export const menuValidateSheet = menuEntry('menuValidateSheet', validateSheet.menuValidateSheet);
export const menuSubmitReport = menuEntry('menuSubmitReport', submitReport.menuSubmitReport);
export const menuRequestExtension = menuEntry('menuRequestExtension', office.menuRequestExtension);
export const menuDossier = menuEntry('menuDossier', dossier.menuDossier);
export const menuPrintLedger = menuEntry('menuPrintLedger', printLedger.menuPrintLedger);
export const menuImportLedger = menuEntry('menuImportLedger', importLedger.menuImportLedger);
export const menuRefreshSummary = menuEntry('menuRefreshSummary', summary.menuRefreshSummary);
export const menuPreviewReminders = menuEntry('menuPreviewReminders', reminderPreview.menuPreviewReminders);
export const menuDecideExtensions = menuEntry('menuDecideExtensions', office.menuDecideExtensions);
export const menuRecordAcceptance = menuEntry('menuRecordAcceptance', office.menuRecordAcceptance);
export const menuSetup = menuEntry('menuSetup', setup.menuSetup);
export const menuInstallTriggers = menuEntry('menuInstallTriggers', triggers.menuInstallTriggers);
export const menuUninstallTriggers = menuEntry('menuUninstallTriggers', triggers.menuUninstallTriggers);
export const menuUrgeNow = menuEntry('menuUrgeNow', urgeNow.menuUrgeNow);
export const menuQuarterBulletin = menuEntry('menuQuarterBulletin', quarterBulletin.menuQuarterBulletin);
export const menuSelfCheck = menuEntry('menuSelfCheck', selfCheck.menuSelfCheck);

// Triggers and the pages' server calls (google.script.run).
export { onOpen } from './app/menu';
export { onEdit, onEditInstalled } from './app/direct-edit';
export { submitQuarterReport } from './app/submit-report';
export { dailyJob } from './app/daily-job';
export { submitEnterprise, updateEnterprise, getEnterprise } from './app/enterprise-service';
export { sendUrgeNow } from './app/urge-now';
export { generateQuarterBulletin } from './app/quarter-bulletin';
export { getEnterpriseDossier, showDossier } from './app/dossier';
export { requestExtension, decideExtension, recordAcceptance } from './app/office';
export { importLedger } from './app/import-ledger';

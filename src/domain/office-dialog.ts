// The office's dialogs (申请延期, 审批延期申请, 验收销号): the context each page receives (types and names only, shared with the page).
import type { Day } from './calendar-day';
import type { ExtensionHeader } from './extension';

export const OFFICE_DIALOG_FILE = 'OfficeDialog';
export const OFFICE_CONTEXT_ID = 'office-context';

export interface DialogEnterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly district: string;
  readonly deadline: string;
  readonly status: string;
}

/** An open request as the 延期申请 tab holds it, by header. */
export type DialogRequest = Readonly<Record<ExtensionHeader, string>>;

export type OfficeDialogContext =
  | { readonly kind: 'request'; readonly enterprise: DialogEnterprise; readonly acceptBy: Day; readonly today: Day }
  | { readonly kind: 'decide'; readonly requests: readonly DialogRequest[] }
  | { readonly kind: 'accept'; readonly enterprise: DialogEnterprise; readonly today: Day };


// The OAuth scopes of every Apps Script method the emulator models (from each reference page's Authorization section), and their enforcement.
import { EmulatorError, permissionDenied } from '../kernel/errors';
import type { Execution } from '../kernel/user';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  containerUi: `${AUTH}script.container.ui`,
  storage: `${AUTH}script.storage`,
  currentSheet: `${AUTH}spreadsheets.currentonly`,
  allSheets: `${AUTH}spreadsheets`,
  userEmail: `${AUTH}userinfo.email`,
} as const;

const SHEETS = [SCOPES.currentSheet, SCOPES.allSheets] as const;
const NONE = [] as const;

interface Page {
  /** The reference page (under developers.google.com/apps-script/reference/) whose Authorization sections give `scopes`. */
  readonly page: string;
  /** Any one of these in the manifest is enough; [] means the page lists no Authorization section for these methods. */
  readonly scopes: readonly string[];
  /** The Apps Script class and its methods, space-separated. */
  readonly methods: Readonly<Record<string, string>>;
  /** When the page could not be read for these methods: the stricter reading was taken (see emulator/README.md). */
  readonly inferred?: true;
}

// Every Sheets-service method page lists `spreadsheets.currentonly` and `spreadsheets`; `openById` only `spreadsheets`.
const PAGES: readonly Page[] = [
  {
    page: 'spreadsheet/spreadsheet-app', scopes: SHEETS, methods: {
      SpreadsheetApp: 'getActiveSpreadsheet getActive getActiveSheet getActiveRange getCurrentCell setActiveSheet flush '
        + 'newDataValidation newConditionalFormatRule',
    },
  },
  { page: 'spreadsheet/spreadsheet-app#openById(String)', scopes: [SCOPES.allSheets], methods: { SpreadsheetApp: 'openById' } },
  // getUi's page lists no scope we could read; the stricter reading requires the Sheets scope like its siblings.
  { page: 'spreadsheet/spreadsheet-app#getUi()', scopes: SHEETS, methods: { SpreadsheetApp: 'getUi' }, inferred: true },
  {
    page: 'spreadsheet/spreadsheet', scopes: SHEETS, methods: {
      Spreadsheet: 'getId getName rename getUrl getSpreadsheetTimeZone setSpreadsheetTimeZone getSheets getNumSheets '
        + 'getSheetByName getSheetById insertSheet deleteSheet getActiveSheet setActiveSheet getActiveRange getActiveCell '
        + 'setActiveRange getRange getRangeByName setNamedRange removeNamedRange getOwner getEditors getViewers addEditor '
        + 'addEditors removeEditor toast getProtections getCurrentCell',
    },
  },
  {
    page: 'spreadsheet/sheet', scopes: SHEETS, methods: {
      Sheet: 'getName setName getSheetId getIndex getParent activate getRange getDataRange getLastRow getLastColumn '
        + 'getMaxRows getMaxColumns setActiveRange setActiveSelection getActiveRange insertRowsAfter insertRowsBefore '
        + 'insertRows insertRowAfter insertRowBefore deleteRow deleteRows insertColumnsAfter insertColumnsBefore '
        + 'deleteColumns deleteColumn appendRow clear clearContents clearFormats clearNotes setFrozenRows getFrozenRows '
        + 'setFrozenColumns getFrozenColumns setColumnWidth setColumnWidths getColumnWidth setRowHeight setRowHeights '
        + 'getRowHeight setTabColor getTabColor hideSheet showSheet isSheetHidden getConditionalFormatRules '
        + 'setConditionalFormatRules protect getProtections newChart insertChart updateChart removeChart getCharts',
    },
  },
  {
    page: 'spreadsheet/range', scopes: SHEETS, methods: {
      Range: 'getRow getColumn getLastRow getLastColumn getNumRows getNumColumns getHeight getWidth getA1Notation '
        + 'getGridId getSheet getCell offset activate isBlank getValue getValues getDisplayValue getDisplayValues setValue '
        + 'setValues getFormula getFormulas setFormula setFormulas getNote getNotes setNote setNotes clearNote '
        + 'getNumberFormat getNumberFormats setNumberFormat setNumberFormats getBackground getBackgrounds setBackground '
        + 'setBackgrounds getFontWeight getFontWeights setFontWeight setFontWeights getFontColor setFontColor setFontColors '
        + 'getFontSize setFontSize getFontFamily setFontFamily getFontStyle setFontStyle getFontLine setFontLine '
        + 'getHorizontalAlignment setHorizontalAlignment setHorizontalAlignments getVerticalAlignment setVerticalAlignment '
        + 'setVerticalAlignments getWrap getWraps setWrap setWraps getWrapStrategy setWrapStrategy setBorder clear '
        + 'clearContent clearFormat merge mergeAcross mergeVertically breakApart getMergedRanges isPartOfMerge '
        + 'getDataValidation getDataValidations setDataValidation setDataValidations clearDataValidations protect',
    },
  },
  {
    page: 'spreadsheet/protection', scopes: SHEETS, methods: {
      Protection: 'getProtectionType getDescription setDescription isWarningOnly setWarningOnly getEditors addEditor '
        + 'addEditors removeEditor removeEditors canEdit canDomainEdit setDomainEdit getRange setRange '
        + 'getUnprotectedRanges setUnprotectedRanges remove',
    },
  },
  {
    page: 'spreadsheet/data-validation, spreadsheet/data-validation-builder', scopes: SHEETS, methods: {
      DataValidation: 'copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText',
      DataValidationBuilder: 'build copy getAllowInvalid getCriteriaType getCriteriaValues getHelpText setAllowInvalid '
        + 'setHelpText withCriteria requireCheckbox requireDate requireDateAfter requireDateBefore requireDateBetween '
        + 'requireDateEqualTo requireDateNotBetween requireDateOnOrAfter requireDateOnOrBefore requireFormulaSatisfied '
        + 'requireNumberBetween requireNumberEqualTo requireNumberGreaterThan requireNumberGreaterThanOrEqualTo '
        + 'requireNumberLessThan requireNumberLessThanOrEqualTo requireNumberNotBetween requireNumberNotEqualTo '
        + 'requireTextContains requireTextDoesNotContain requireTextEqualTo requireTextIsEmail requireTextIsUrl '
        + 'requireValueInList requireValueInRange',
    },
  },
  {
    page: 'spreadsheet/conditional-format-rule(-builder), spreadsheet/boolean-condition', scopes: SHEETS, methods: {
      BooleanCondition: 'getCriteriaType getCriteriaValues getBackground getFontColor getBold getItalic getStrikethrough '
        + 'getUnderline',
      ConditionalFormatRule: 'copy getBooleanCondition getGradientCondition getRanges',
      ConditionalFormatRuleBuilder: 'build copy getBooleanCondition getRanges setRanges setBackground setFontColor setBold '
        + 'setItalic setStrikethrough setUnderline whenFormulaSatisfied whenCellEmpty whenCellNotEmpty whenTextEqualTo '
        + 'whenTextContains whenTextDoesNotContain whenTextStartsWith whenTextEndsWith whenNumberBetween '
        + 'whenNumberNotBetween whenNumberEqualTo whenNumberNotEqualTo whenNumberGreaterThan '
        + 'whenNumberGreaterThanOrEqualTo whenNumberLessThan whenNumberLessThanOrEqualTo whenDateAfter whenDateBefore '
        + 'whenDateEqualTo withCriteria',
    },
  },
  {
    page: 'spreadsheet/embedded-chart(-builder), spreadsheet/container-info', scopes: SHEETS, methods: {
      EmbeddedChart: 'getChartId getId getRanges getOptions getContainerInfo modify',
      EmbeddedChartBuilder: 'addRange removeRange clearRanges getRanges getChartType setChartType setOption setPosition '
        + 'getContainer build',
      ContainerInfo: 'getAnchorRow getAnchorColumn getOffsetX getOffsetY',
    },
  },
  // The Charts service (enums, ChartOptions) is not a Sheets page; the stricter reading asks the Sheets scope there too.
  { page: 'charts/chart-options', scopes: SHEETS, methods: { ChartOptions: 'get getOrDefault' }, inferred: true },
  {
    page: 'base/session', scopes: [SCOPES.userEmail], methods: { Session: 'getActiveUser getEffectiveUser' },
  },
  {
    page: 'base/session, base/user', scopes: NONE, methods: {
      Session: 'getScriptTimeZone getActiveUserLocale getTemporaryActiveUserKey', User: 'getEmail toString',
    },
  },
  { page: 'base/ui', scopes: [SCOPES.containerUi], methods: { Ui: 'showSidebar showModalDialog showModelessDialog' } },
  {
    page: 'base/ui, base/menu, base/prompt-response', scopes: NONE, methods: {
      Ui: 'createMenu createAddonMenu alert prompt', Menu: 'addItem addSeparator addSubMenu addToUi',
      PromptResponse: 'getResponseText getSelectedButton',
    },
  },
  {
    page: 'html/html-service, html/html-output, html/html-template', scopes: NONE, methods: {
      HtmlService: 'createHtmlOutput createHtmlOutputFromFile createTemplate createTemplateFromFile',
      HtmlOutput: 'getContent setContent append appendUntrusted clear setTitle getTitle setWidth getWidth setHeight '
        + 'getHeight setSandboxMode setXFrameOptionsMode addMetaTag getMetaTags',
      HtmlTemplate: 'getRawContent getCode evaluate', HtmlOutputMetaTag: 'getName getContent',
    },
  },
  { page: 'mail/mail-app', scopes: [SCOPES.sendMail], methods: { MailApp: 'getRemainingDailyQuota sendEmail' } },
  {
    page: 'script/script-app', scopes: [SCOPES.scriptApp], methods: {
      ScriptApp: 'newTrigger getProjectTriggers getUserTriggers deleteTrigger',
    },
  },
  // The trigger builders' and Trigger's pages: the stricter reading gives them the scope of ScriptApp.newTrigger.
  {
    page: 'script/trigger-builder, script/clock-trigger-builder, script/spreadsheet-trigger-builder, script/trigger',
    scopes: [SCOPES.scriptApp], inferred: true, methods: {
      TriggerBuilder: 'timeBased forSpreadsheet',
      ClockTriggerBuilder: 'everyMinutes everyHours everyDays everyWeeks atHour nearMinute inTimezone create',
      SpreadsheetTriggerBuilder: 'onOpen onEdit onChange onFormSubmit create',
      Trigger: 'getHandlerFunction getEventType getTriggerSource getTriggerSourceId getUniqueId',
    },
  },
  {
    page: 'lock/*, properties/*, cache/*, utilities/utilities, base/logger', scopes: NONE, methods: {
      LockService: 'getDocumentLock getScriptLock getUserLock', Lock: 'tryLock waitLock hasLock releaseLock',
      PropertiesService: 'getScriptProperties getUserProperties getDocumentProperties',
      Properties: 'getProperty getProperties getKeys setProperty setProperties deleteProperty deleteAllProperties',
      CacheService: 'getScriptCache getDocumentCache getUserCache',
      Cache: 'get getAll put putAll remove removeAll',
      Utilities: 'formatDate sleep getUuid', Logger: 'log getLog clear',
    },
  },
];

/** `'Class.method'` → the scopes its reference page lists (any one suffices; [] = none). */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = Object.freeze(Object.fromEntries(
  PAGES.flatMap((p) => Object.entries(p.methods).flatMap(([cls, names]) => names.split(' ').map((m) => [`${cls}.${m}`, p.scopes]))),
));

/** The methods whose scopes were not read on their page; the emulator takes the stricter reading for them. */
export const INFERRED_SCOPE_METHODS: readonly string[] = PAGES.filter((p) => p.inferred)
  .flatMap((p) => Object.entries(p.methods).flatMap(([cls, names]) => names.split(' ').map((m) => `${cls}.${m}`)));

/**
 * The narrowest manifest that lets every given `'Class.method'` run: per method the first listed scope
 * (`spreadsheets.currentonly` before `spreadsheets`), unless another method already needs a scope it accepts.
 */
export function requiredScopes(methods: Iterable<string>): string[] {
  const needs = [...new Set(methods)].map((m) => {
    const s = METHOD_SCOPES[m];
    if (!s) throw new EmulatorError(`no OAuth scope recorded for ${m}`);
    return s;
  }).filter((s) => s.length > 0);
  const chosen = new Set<string>();
  for (const s of needs.filter((x) => x.length === 1)) chosen.add(s[0]!);
  for (const s of needs) if (!s.some((x) => chosen.has(x))) chosen.add(s[0]!);
  return [...chosen].sort();
}

const TRIGGER_MANAGEMENT = new Set(['newTrigger', 'getProjectTriggers', 'getUserTriggers', 'deleteTrigger']);
const DIALOGS = new Set(['showSidebar', 'showModalDialog', 'showModelessDialog']);
const PRIVATE_STORES = new Set(['getScriptProperties', 'getUserProperties']);

/** What a simple trigger (LIMITED) may not call even when the manifest has the scope, and the scope its error names. */
function deniedWhenLimited(className: string, method: string): string | undefined {
  if (className === 'MailApp') return SCOPES.sendMail;
  if (className === 'ScriptApp' && TRIGGER_MANAGEMENT.has(method)) return SCOPES.scriptApp;
  if (className === 'Ui' && DIALOGS.has(method)) return SCOPES.containerUi;
  if (className === 'PropertiesService' && PRIVATE_STORES.has(method)) return SCOPES.storage;
  if (className === 'SpreadsheetApp' && method === 'openById') return SCOPES.allSheets;
  return undefined;
}

/**
 * Throws Apps Script's permission error when the call needs a scope the manifest lacks, or is one a simple
 * trigger may not make. `manifestScopes` null means the manifest lists none, so Apps Script would infer them.
 * With explicit scopes, a method missing from METHOD_SCOPES is an emulator gap and throws EmulatorError.
 */
export function checkPermission(
  className: string,
  method: string,
  exec: Execution,
  manifestScopes: readonly string[] | null,
): void {
  const call = `${className}.${method}`;
  const limited = deniedWhenLimited(className, method);
  if (limited && exec.authMode !== 'FULL') throw permissionDenied(call, limited);
  if (manifestScopes === null) return;
  const scopes = METHOD_SCOPES[call];
  if (!scopes) {
    throw new EmulatorError(`no OAuth scope recorded for ${call}: add it to METHOD_SCOPES (emulator/runtime/scopes.ts) from its reference page's Authorization section`);
  }
  if (scopes.length > 0 && !scopes.some((s) => manifestScopes.includes(s))) throw permissionDenied(call, scopes);
}

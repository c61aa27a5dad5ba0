// The workbook contract (shared/docs/workbook-contract.md) as data: tab names, columns, enumerations, labels.

export const TITLE = '达州市主城工业企业突出生态环境问题整治工作台账';
export const FILLER_PREFIX = '填报单位（签章）：';
export const FILL_DATE_PREFIX = '填表时间：';

export const TAB = {
  summary: '汇总',
  config: '配置',
  log: '操作日志',
  reports: '报送记录',
} as const;

export const DEFAULT_DISTRICTS = [
  { district: '通川区', filler: '通川区人民政府' },
  { district: '达川区', filler: '达川区人民政府' },
  { district: '达州高新区', filler: '达州高新区管委会' },
] as const;

export const INDUSTRIES = [
  '钢铁',
  '铸造',
  '焦化',
  '火电',
  '化工（煤化工）',
  '水泥',
  '家具（含喷涂工艺）',
  '建材（砖瓦、陶瓷、木/石材加工）',
  '其他',
] as const;
export const LAND_TENURES = ['租用', '征用'] as const;
export const YES_NO = ['有', '无'] as const;
export const CATEGORIES = ['改造提升', '搬迁升级', '原址关闭'] as const;
export const STATUSES = ['未启动', '整改中', '已完成（待验收）', '已验收销号'] as const;
/**
 * The key areas by district (issue 18, from the plan): 达州高新区's include 达州经济开发区 (statistics code 511771).
 * A town of another district is a note, not a refusal: the office may assign a town differently.
 */
export const KEY_TOWNS_BY_DISTRICT = [
  { district: '通川区', towns: ['复兴镇', '双龙镇', '东岳镇', '蒲家镇', '罗江镇', '磐石镇'] },
  { district: '达川区', towns: ['明月江街道'] },
  { district: '达州高新区', towns: ['斌郎街道', '石板街道', '河市镇', '幺塘乡'] },
] as const;
/** The 11 key areas, district by district: 所在乡镇（街道）'s choices before 其他, each typed once (above). */
export const KEY_TOWNS: readonly (typeof KEY_TOWNS_BY_DISTRICT)[number]['towns'][number][] = KEY_TOWNS_BY_DISTRICT.flatMap((d) => d.towns);
export const TOWNS = [...KEY_TOWNS, '其他'] as const;

export type Industry = (typeof INDUSTRIES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Status = (typeof STATUSES)[number];
export type Town = (typeof TOWNS)[number];

/** Statuses whose enterprise still has work to do: only these can be overdue or due soon. */
export const OPEN_STATUSES: readonly Status[] = ['未启动', '整改中'];
export const DONE_STATUSES: readonly Status[] = ['已完成（待验收）', '已验收销号'];
export const INITIAL_STATUS: Status = '未启动';
/** A blank 整改状态 is a new row, which starts at 未启动 (contract §2): the one place that says so. */
export const statusOf = (status: unknown): string => {
  const text = typeof status === 'string' ? status.trim() : '';
  return text === '' ? INITIAL_STATUS : text;
};
export const CLOSED_STATUS: Status = '已验收销号';
export const RELOCATION: Category = '搬迁升级';

export interface Column {
  readonly letter: string;
  readonly header: string;
  readonly key: string;
}

/** Row 4 (and for 序号/辖区/备注 row 3) of a district tab, in template order; A–S are the template, T–X ours. */
export const COLUMNS = [
  { letter: 'A', header: '序号', key: 'serial' },
  { letter: 'B', header: '辖区', key: 'district' },
  { letter: 'C', header: '企业名称', key: 'name' },
  { letter: 'D', header: '企业详细地址', key: 'address' },
  { letter: 'E', header: '工商营业执照（统一社会信用代码）', key: 'creditCode' },
  { letter: 'F', header: '行业类别', key: 'industry' },
  { letter: 'G', header: '职工人数', key: 'employees' },
  { letter: 'H', header: '厂区土地性质', key: 'landTenure' },
  { letter: 'I', header: '有无安全评价', key: 'safetyAssessment' },
  { letter: 'J', header: '有无节能审查', key: 'energyReview' },
  { letter: 'K', header: '环评批复文号', key: 'eiaApproval' },
  { letter: 'L', header: '排污许可证号', key: 'dischargePermit' },
  { letter: 'M', header: '有无在线监测', key: 'onlineMonitoring' },
  { letter: 'N', header: '存在主要环保问题', key: 'problems' },
  { letter: 'O', header: '整改措施', key: 'measures' },
  { letter: 'P', header: '整治分类', key: 'category' },
  { letter: 'Q', header: '整改完成时限', key: 'deadline' },
  { letter: 'R', header: '进展情况', key: 'progress' },
  { letter: 'S', header: '备注', key: 'remarks' },
  { letter: 'T', header: '整改状态', key: 'status' },
  { letter: 'U', header: '所在乡镇（街道）', key: 'town' },
  { letter: 'V', header: '销号日期', key: 'closedOn' },
  { letter: 'W', header: '最后更新时间', key: 'updatedAt' },
  { letter: 'X', header: '最后更新人', key: 'updatedBy' },
] as const satisfies readonly Column[];

export const COLUMN_COUNT: number = COLUMNS.length; // 24, A–X

/** Columns the script fills (序号 and the two stamps); every other column is a payload key (contract §2). */
type SystemKey = 'serial' | 'updatedAt' | 'updatedBy';
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export type PayloadKey = Exclude<ColumnKey, SystemKey>;

/** Row 3 of a district tab: group headers; `span` columns from `letter`, `down` when merged over rows 3–4. */
export const UPPER_HEADER = [
  { letter: 'A', text: '序号', span: 1, down: true },
  { letter: 'B', text: '辖区', span: 1, down: true },
  { letter: 'C', text: '企业基本信息', span: 11, down: false },
  { letter: 'N', text: '环保问题整改', span: 5, down: false },
  { letter: 'S', text: '备注', span: 1, down: true },
  { letter: 'T', text: '跟踪管理', span: 5, down: false },
] as const;

export const UPPER_HEADER_ROW = 3;
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = 5;

/** The template's 填表说明, used as data-validation help text. */
export const HELP = {
  landTenure: '填表说明：厂区土地性质：租用；征用。',
  category: '填表说明：整治分类：原址关闭；改造提升；搬迁升级。',
  remarks: '填表说明：搬迁升级类企业，请在备注中注明新址用地面积，如“新址用地面积：12.5亩”（亩、平方米或公顷）。',
} as const;

export const MAX_TEXT_LENGTH = 5000;
export const UNKNOWN_ACCOUNT = '未知账号';

/** 配置: the district table's headers and the labelled settings (value in the cell to the right). */
export const CONFIG_HEADERS = ['辖区', '填报单位', '联系人', '联系邮箱', '编辑账号'] as const;
export const CONFIG_LABEL = {
  officeEmail: '领导小组办公室邮箱',
  admins: '管理员账号',
  reminderHour: '每日提醒时间（时）',
  reportDay: '季度报送截止日',
  dueSoonDays: '即将到期提醒天数',
  rectifyBy: '整治截止日期',
  acceptBy: '验收截止日期',
  firstQuarter: '首个报送季度',
  staleDays: '进展更新提醒天数',
  workdaysOnly: '仅工作日发送提醒',
  testRecipient: '测试收件人',
} as const;
export const CONFIG_DEFAULTS = {
  reminderHour: 9,
  reportDay: 25,
  dueSoonDays: 7,
  rectifyBy: '2023-10-31',
  acceptBy: '2023-12-31',
  staleDays: 30,
  workdaysOnly: false,
} as const;
export const YES = '是';
export const NO = '否';

/** 汇总's main table header (contract §4). */
export const SUMMARY_HEADERS = [
  '辖区',
  '企业总数',
  '改造提升',
  '搬迁升级',
  '原址关闭',
  '未启动',
  '整改中',
  '已完成（待验收）',
  '已验收销号',
  '逾期',
  '即将到期',
  '完成率',
  '本季度报送',
  '久未更新',
  '待修正',
  '已延期',
] as const;
export const SUMMARY_TOTAL = '合计';
export const SUMMARY_UPDATED_LABEL = '更新于';

export const LOG_HEADERS = ['时间', '账号', '工作表', '范围', '统一社会信用代码', '企业名称', '字段', '原值', '新值', '操作'] as const;
export const REPORT_HEADERS = [
  '季度',
  '辖区',
  '报送时间',
  '账号',
  '未启动',
  '整改中',
  '已完成（待验收）',
  '已验收销号',
  '企业总数',
  '是否按时',
  '类型',
  '进展说明',
] as const;
/** Headers a 报送记录 made before them may lack: read as empty, added by the next write or 初始化/修复表格. */
export const REPORT_LATER_HEADERS: readonly string[] = ['进展说明'];
/** 进展说明 (contract §5): required, at most this many characters. */
export const NARRATIVE_MAX = 2000;

export const MENU_TITLE = '整治台账';

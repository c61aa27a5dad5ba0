// The preview's demo ledger: fictional enterprises in all three districts, seeded through the add-on's own menus and sidebar calls.
import type { Emulator } from '@eco-ledger/emulator';
import { CONFIG_HEADERS, CONFIG_LABEL, DEFAULT_DISTRICTS, TAB } from '../src/domain/contract';
import { withCheckChar } from '../src/domain/credit-code';
import type { EnterprisePayload } from '../src/domain/enterprise';

/** What the demo districts typed as their quarter's 进展说明. */
const DEMO_NARRATIVE = '本季度完成2家企业密闭改造，1家企业搬迁选址已报批；下季度推进在线监测安装。';

export const OFFICE = 'office@jxj.example';
export const OFFICE_CC = 'ldxz@jxj.example';

export interface DemoDistrict {
  district: string;
  contactName: string;
  contact: string;
  clerk: string;
  /** The 统一社会信用代码's 登记管理机关 and area digits (positions 1–8). */
  prefix: string;
}

export const DEMO_DISTRICTS: readonly DemoDistrict[] = [
  { district: '通川区', contactName: '李明', contact: 'hb@tongchuan.example', clerk: 'clerk@tongchuan.example', prefix: '91511702' },
  { district: '达川区', contactName: '王芳', contact: 'hb@dachuan.example', clerk: 'clerk@dachuan.example', prefix: '91511703' },
  { district: '达州高新区', contactName: '陈刚', contact: 'hb@gaoxin.example', clerk: 'clerk@gaoxin.example', prefix: '91511771' },
];

export const DEMO_ACCOUNTS: readonly string[] = [OFFICE, ...DEMO_DISTRICTS.map((d) => d.clerk)];

/** The preview opens on this day: inside the second quarter's reporting window (due 06-25). */
export const DEMO_NOW = '2022-06-23T10:00:00+08:00';
const SETUP_AT = '2022-06-15T09:00:00+08:00';
const REPORT_AT = '2022-06-20T16:00:00+08:00';
const DAILY_AT = '2022-06-23T09:00:00+08:00';

type Firm = Pick<EnterprisePayload, 'name' | 'address' | 'industry' | 'category' | 'deadline' | 'status' | 'town'> &
  Partial<EnterprisePayload>;

const FIRMS: Record<string, Firm[]> = {
  通川区: [
    { name: '达州市通川区金岭铸造有限公司', address: '通川区复兴镇工业园8号', industry: '铸造', category: '改造提升', deadline: '2022-05-31', status: '整改中', town: '复兴镇', problems: '熔炼工序粉尘无组织排放，除尘设施老化', measures: '更换布袋除尘器，熔炼车间密闭改造', progress: '除尘器已订货，密闭工程施工中' },
    { name: '通川区蓝湾家具制造厂', address: '通川区双龙镇双龙村4组', industry: '家具（含喷涂工艺）', category: '搬迁升级', deadline: '2022-06-28', status: '整改中', town: '双龙镇', problems: '喷涂工序VOCs无组织排放，与居民区距离不足', measures: '整体搬迁至家具产业园，配套活性炭吸附+催化燃烧', remarks: '新址用地面积：18.5亩', progress: '新址厂房主体完工' },
    { name: '达州恒信砖瓦有限责任公司', address: '通川区磐石镇青龙村2组', industry: '建材（砖瓦、陶瓷、木/石材加工）', category: '原址关闭', deadline: '2022-03-31', status: '已验收销号', town: '磐石镇', closedOn: '2022-04-15', problems: '轮窑工艺落后，烟气无脱硫设施', measures: '关停轮窑，拆除生产设备', progress: '已关闭并完成拆除' },
    { name: '通川区明达化工有限公司', address: '通川区罗江镇化工路16号', industry: '化工（煤化工）', category: '改造提升', deadline: '2022-12-31', status: '未启动', town: '罗江镇', problems: '废水预处理能力不足，危废暂存不规范', measures: '新建废水预处理站，规范化建设危废暂存间', onlineMonitoring: '有' },
    { name: '达州市通川区顺达石材加工厂', address: '通川区东岳镇石梯村1组', industry: '建材（砖瓦、陶瓷、木/石材加工）', category: '改造提升', deadline: '2022-09-30', status: '已完成（待验收）', town: '东岳镇', problems: '切割粉尘与废水直排', measures: '湿法作业、沉淀池循环利用', progress: '整改完成，已申请验收' },
  ],
  达川区: [
    { name: '达州市达川区宏图钢铁有限公司', address: '达川区河市镇钢城大道1号', industry: '钢铁', category: '改造提升', deadline: '2022-06-10', status: '未启动', town: '河市镇', problems: '烧结机头烟气未实现超低排放', measures: '实施烧结烟气脱硫脱硝超低排放改造', onlineMonitoring: '有', employees: 1280, landTenure: '征用' },
    { name: '达川区蜀东水泥有限公司', address: '达川区斌郎街道水泥厂路5号', industry: '水泥', category: '改造提升', deadline: '2022-06-30', status: '整改中', town: '斌郎街道', problems: '窑尾氮氧化物排放浓度偏高', measures: '建设SCR脱硝设施', onlineMonitoring: '有', progress: 'SCR设备安装调试中' },
    { name: '达州市达川区川东焦化有限公司', address: '达川区石板街道焦化路3号', industry: '焦化', category: '搬迁升级', deadline: '2023-06-30', status: '整改中', town: '石板街道', problems: '焦炉无组织排放，厂区位于城市规划区', measures: '搬迁入园，建设干熄焦及配套环保设施', remarks: '新址用地面积：320亩', progress: '新址环评已批复' },
    { name: '达川区福禄家具有限公司', address: '达川区明月江街道工业集中区12号', industry: '家具（含喷涂工艺）', category: '原址关闭', deadline: '2022-08-31', status: '未启动', town: '明月江街道', problems: '无环评手续，喷漆废气直排', measures: '停产关闭，拆除喷涂设备' },
    { name: '达州市达川区联兴建材有限公司', address: '达川区幺塘乡幺塘村6组', industry: '建材（砖瓦、陶瓷、木/石材加工）', category: '改造提升', deadline: '2022-04-30', status: '已验收销号', town: '幺塘乡', closedOn: '2022-05-20', problems: '原料堆场未封闭', measures: '建设封闭料棚，道路硬化并定时洒水', progress: '已通过验收' },
  ],
  达州高新区: [
    { name: '达州高新区瑞丰火电有限公司', address: '达州高新区斌郎街道电厂路2号', industry: '火电', category: '改造提升', deadline: '2022-06-20', status: '整改中', town: '斌郎街道', problems: '煤场扬尘，脱硫废水处理不达标', measures: '建设全封闭煤场，升级脱硫废水零排放工艺', onlineMonitoring: '有', employees: 460, landTenure: '征用', progress: '煤场封闭完成，废水工艺改造中' },
    { name: '达州高新区博远新材料有限公司', address: '达州高新区蒲家镇新材料产业园7号', industry: '化工（煤化工）', category: '搬迁升级', deadline: '2022-11-30', status: '未启动', town: '蒲家镇', problems: '生产装置与居住区卫生防护距离不足', measures: '搬迁至化工园区并同步建设RTO焚烧设施', remarks: '新址用地面积：65亩' },
    { name: '达州高新区晨光机械铸造厂', address: '达州高新区复兴镇金龙大道9号', industry: '其他', category: '改造提升', deadline: '2022-07-15', status: '已完成（待验收）', town: '其他', problems: '抛丸工序粉尘收集效率低', measures: '更换高效滤筒除尘器', progress: '已完成整改，待区生态环境局验收' },
    { name: '达州高新区鑫源铸件有限公司', address: '达州高新区复兴镇铸造园3号', industry: '铸造', category: '原址关闭', deadline: '2022-06-25', status: '未启动', town: '复兴镇', problems: '冲天炉属淘汰工艺', measures: '拆除冲天炉，原址关闭' },
  ],
};

const DEFAULTS: Omit<EnterprisePayload, 'district' | 'name' | 'address' | 'creditCode' | 'industry' | 'category' | 'deadline' | 'status' | 'town'> = {
  employees: 86,
  landTenure: '租用',
  safetyAssessment: '有',
  energyReview: '无',
  eiaApproval: '达市环审〔2018〕36号',
  dischargePermit: '无',
  onlineMonitoring: '无',
  problems: '',
  measures: '',
  progress: '',
  remarks: '',
  closedOn: '',
};

export function demoPayloads(): EnterprisePayload[] {
  const out: EnterprisePayload[] = [];
  for (const d of DEMO_DISTRICTS) {
    (FIRMS[d.district] ?? []).forEach((firm, i) => {
      const creditCode = withCheckChar(`${d.prefix}MA6${String(2 + i)}${String(3051 + i * 137).padStart(5, '0')}`);
      out.push({ ...DEFAULTS, ...firm, district: d.district, creditCode });
    });
  }
  return out;
}

function fail(what: string, detail: unknown): never {
  throw new Error(`demo seed: ${what}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
}

/** The cell to the right of a label, or a district row's column, found in the 配置 tab as setup laid it out. */
function configCell(emu: Emulator, rowLabel: string, header?: (typeof CONFIG_HEADERS)[number]): string {
  const sheet = emu.model.sheet(TAB.config);
  const last = sheet.lastRow();
  let headerCol = 2;
  for (let r = 1; r <= last; r++) {
    if (header && sheet.displayAt(r, 1) === CONFIG_HEADERS[0]) {
      for (let c = 1; c <= sheet.lastColumn(); c++) if (sheet.displayAt(r, c) === header) headerCol = c;
    }
    if (sheet.displayAt(r, 1) === rowLabel) return `${String.fromCharCode(64 + headerCol)}${r}`;
  }
  return fail('配置 has no row', rowLabel);
}

function edit(emu: Emulator, tab: string, a1: string, value: string): void {
  const result = emu.userEdit(tab, a1, value);
  if (!result.ok) fail(`${tab}!${a1}`, result.message);
}

function as<T>(emu: Emulator, email: string, work: () => T): T {
  emu.setUser(email);
  try {
    return work();
  } finally {
    emu.setUser(OFFICE);
  }
}

/**
 * A fresh demo world. Everything goes through the add-on: 初始化/修复表格, 配置 typed by the office, enterprises
 * saved by each district's clerk via submitEnterprise, 报送 by two districts, 安装自动任务 and one daily run.
 */
export function seedDemo(emu: Emulator): void {
  emu.setNow(SETUP_AT).setUser(OFFICE);
  emu.open();
  emu.clickMenu('初始化/修复表格');

  edit(emu, TAB.config, configCell(emu, CONFIG_LABEL.officeEmail), OFFICE_CC);
  for (const d of DEMO_DISTRICTS) {
    edit(emu, TAB.config, configCell(emu, d.district, '联系人'), d.contactName);
    edit(emu, TAB.config, configCell(emu, d.district, '联系邮箱'), d.contact);
    edit(emu, TAB.config, configCell(emu, d.district, '编辑账号'), d.clerk);
  }
  emu.clickMenu('初始化/修复表格');

  for (const payload of demoPayloads()) {
    // Only the office closes an enterprise (contract §10), so a closed one is entered by the office.
    const clerk = DEMO_DISTRICTS.find((d) => d.district === payload.district)!.clerk;
    const result = as(emu, payload.status === '已验收销号' ? OFFICE : clerk, () => emu.scriptRun('submitEnterprise', payload));
    if (!result.ok) fail(`submitEnterprise ${payload.name}`, result.error);
    const value = result.value as { ok: boolean; errors?: unknown };
    if (!value.ok) fail(`submitEnterprise ${payload.name}`, value.errors);
  }

  emu.setNow(REPORT_AT);
  for (const d of DEMO_DISTRICTS.filter((x) => x.district !== DEFAULT_DISTRICTS[2].district)) {
    as(emu, d.clerk, () => {
      emu.model.setActive(d.district, 'A5');
      emu.clickMenu('报送本季度进展');
      const sent = emu.scriptRun('submitQuarterReport', { district: d.district, narrative: DEMO_NARRATIVE });
      if (!sent.ok) fail(`submitQuarterReport ${d.district}`, sent.error);
    });
  }

  emu.setNow(DAILY_AT);
  emu.model.setActive(TAB.summary, 'A1');
  emu.clickMenu('安装自动任务');
  emu.fireTimeDriven();

  emu.setNow(DEMO_NOW);
  // One hand edit with a cross-field problem (the office closes without a 销号日期), so the ledger shows a note.
  const tc = DEMO_DISTRICTS[0]!;
  as(emu, OFFICE, () => {
    const sheet = emu.model.sheet(tc.district);
    for (let r = 5; r <= sheet.lastRow(); r++) {
      if (sheet.displayAt(r, 20) === '已完成（待验收）') {
        edit(emu, tc.district, `T${r}`, '已验收销号');
        break;
      }
    }
  });
  emu.model.setActive(tc.district, 'A5');
  emu.clickMenu('刷新汇总');
  // What the seed's own runs showed is not the visitor's: start with an empty message log.
  emu.ui.alerts.length = 0;
  emu.ui.toasts.length = 0;
  emu.ui.sidebars.length = 0;
  emu.ui.dialogs.length = 0;
  emu.ui.prompts.length = 0;
}

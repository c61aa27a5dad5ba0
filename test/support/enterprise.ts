// The one enterprise builder of the tests: a valid 改造提升 enterprise of 通川区, any field overridden.
import type { EnterprisePayload } from '../../src/domain/enterprise';

/** Valid under the default rules (accept by 2023-12-31): every choice from the contract, a real check character. */
export const ENTERPRISE: EnterprisePayload = {
  district: '通川区',
  name: '达州市某某家具有限公司',
  address: '通川区复兴镇某村3组',
  creditCode: '91350100M000100Y43',
  industry: '家具（含喷涂工艺）',
  employees: 35,
  landTenure: '租用',
  safetyAssessment: '有',
  energyReview: '无',
  eiaApproval: '达环审〔2019〕12号',
  dischargePermit: '无',
  onlineMonitoring: '无',
  problems: '喷涂废气无组织排放',
  measures: '建设密闭喷涂房',
  category: '改造提升',
  deadline: '2022-06-30',
  progress: '',
  remarks: '',
  status: '整改中',
  town: '复兴镇',
  closedOn: '',
};

export const enterprise = (over: Partial<EnterprisePayload> = {}): EnterprisePayload => ({ ...ENTERPRISE, ...over });

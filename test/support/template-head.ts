// The ledger template's header rows 3–4 as the contract spells them (24 columns), typed by hand apart from src/domain.

/** Row 4: each column's own header; '' where row 3's merge (序号, 辖区, 备注) covers it. */
export const LOWER_HEADERS: readonly string[] = [
  '',
  '',
  '企业名称',
  '企业详细地址',
  '工商营业执照（统一社会信用代码）',
  '行业类别',
  '职工人数',
  '厂区土地性质',
  '有无安全评价',
  '有无节能审查',
  '环评批复文号',
  '排污许可证号',
  '有无在线监测',
  '存在主要环保问题',
  '整改措施',
  '整治分类',
  '整改完成时限',
  '进展情况',
  '',
  '整改状态',
  '所在乡镇（街道）',
  '销号日期',
  '最后更新时间',
  '最后更新人',
];

/** Row 3: the group headers in the top-left cell of each merge, '' elsewhere; `width` 19 is the Excel template's. */
export function upperHeaders(width = 24): string[] {
  const row = new Array<string>(width).fill('');
  row[0] = '序号';
  row[1] = '辖区';
  row[2] = '企业基本信息';
  row[13] = '环保问题整改';
  row[18] = '备注';
  if (width > 19) row[19] = '跟踪管理';
  return row;
}

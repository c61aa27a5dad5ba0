// A district tab that cannot be read, as data and as the one repair line the bulletin and the reminder email share.
import { AppError } from '../../src/domain/errors';
import { repairText, tabRepairOf } from '../../src/domain/tab-repair';

const SETUP = '整治台账 → 管理（领导小组办公室） → 初始化/修复表格';

describe('tabRepairOf and repairText', () => {
  it('names each header problem and the repair with the menu path', () => {
    const t = tabRepairOf('通川区', new AppError('HEADER_MISMATCH', '…', { problems: ['D列表头应为“企业详细地址”，现在是“地址”', '缺少列“行业”（应在F列）'] }));
    expect(t).toEqual({ district: '通川区', kind: 'header', problems: ['D列表头应为“企业详细地址”，现在是“地址”', '缺少列“行业”（应在F列）'] });
    expect(repairText(t)).toBe(
      `“通川区”工作表表头与台账模板不一致：D列表头应为“企业详细地址”，现在是“地址”；缺少列“行业”（应在F列）。请恢复原表头（可用撤销），或请领导小组办公室运行“${SETUP}”。`,
    );
  });

  it('says a missing tab is missing, and any other fault in its own words', () => {
    expect(repairText(tabRepairOf('达川区', new AppError('TAB_MISSING', '找不到')))).toBe(`找不到“达川区”工作表，请领导小组办公室运行“${SETUP}”。`);
    expect(repairText(tabRepairOf('达川区', new Error('服务暂时不可用')))).toBe('“达川区”工作表无法读取：服务暂时不可用');
    // A header error without its problems (an older caller) is not passed off as a header repair.
    expect(tabRepairOf('达川区', new AppError('HEADER_MISMATCH', '表头不一致'))).toEqual({ district: '达川区', kind: 'other', message: '表头不一致' });
  });
});

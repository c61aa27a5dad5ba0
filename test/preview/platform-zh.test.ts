// The platform's English refusals become the Chinese a zh-CN Sheets user reads; anything unknown passes through as it came.
import { PROTECTED_MESSAGE, rejectionMessage } from '@eco-ledger/emulator';
import { platformText } from '../../preview/platform-zh';

describe('platformText', () => {
  it('renders the protection refusal in Chinese', () => {
    expect(platformText(PROTECTED_MESSAGE)).toEqual({ title: '无法修改', text: '您正在尝试修改受保护的单元格或对象。如需修改，请联系电子表格所有者取消保护。' });
  });

  it('renders the validation refusal, naming the cell, or shows the rule’s own help text', () => {
    const rule = (helpText: string) => ({ rule: { helpText } }) as unknown as Parameters<typeof rejectionMessage>[0];
    expect(platformText(rejectionMessage(rule(''), 5, 7))).toEqual({ title: '出现问题', text: '您在单元格 G5 中输入的数据违反了为此单元格设置的数据验证规则。' });
    expect(platformText(rejectionMessage(rule('请填写大于0的整数'), 5, 7))).toEqual({ title: '出现问题', text: '请填写大于0的整数' });
  });

  it('passes an unknown message through under a neutral title', () => {
    expect(platformText('Something new')).toEqual({ title: '无法完成', text: 'Something new' });
  });
});

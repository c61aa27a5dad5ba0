// The platform's own refusal and warning texts as Sheets shows them to a user whose interface language is 简体中文.
// The emulator keeps Google's English texts (what Apps Script returns to code); the preview shows people the Chinese.
// These are our renderings of Sheets' zh-CN wording, which could not be checked offline: see README (已知的折中).

export interface PlatformText {
  title: string;
  text: string;
}

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const VALIDATION = /^There was a problem — (?:The data you entered in cell ([A-Z]+\d+) violates the data validation rules set on this cell\.|([^]*))$/;

/** The Chinese title and text for a refusal the emulator reported in Google's English, or the text as it came. */
export function platformText(message: string): PlatformText {
  if (message === PROTECTED) {
    return { title: '无法修改', text: '您正在尝试修改受保护的单元格或对象。如需修改，请联系电子表格所有者取消保护。' };
  }
  const v = VALIDATION.exec(message);
  if (v) {
    // A rule's own help text (the template's 填表说明) is shown as written, under Sheets' title.
    return { title: '出现问题', text: v[1] ? `您在单元格 ${v[1]} 中输入的数据违反了为此单元格设置的数据验证规则。` : v[2]! };
  }
  if (message === 'Those rows are out of bounds.') return { title: '出现问题', text: '这些行超出了范围。' };
  return { title: '无法完成', text: message };
}

/** The prompt Sheets shows before an edit of a range protected with “编辑此范围时显示警告”. */
export const WARNING_PROMPT: PlatformText & { ok: string; cancel: string } = {
  title: '注意！',
  text: '您正在尝试修改此工作表中不应被意外更改的部分。仍要修改吗？',
  ok: '确定',
  cancel: '取消',
};

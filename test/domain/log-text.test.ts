// How 操作日志 writes old and new values: dates as days, the stamp as a date-time, other text as typed.
import { logValueText } from '../../src/domain/log-text';

describe('logValueText', () => {
  it('writes a date field serial as YYYY-MM-DD', () => {
    expect(logValueText('通川区', '整改完成时限', '44742')).toBe('2022-06-30');
    expect(logValueText('通川区', '销号日期', '44639')).toBe('2022-03-19');
    expect(logValueText('通川区', '整改完成时限', '2022-06-30')).toBe('2022-06-30');
  });

  it('writes the stamp serial as a date and time', () => {
    expect(logValueText('通川区', '最后更新时间', '44621.416666666664')).toBe('2022-03-01 10:00:00');
    expect(logValueText('通川区', '最后更新时间', '44621.99999999')).toBe('2022-03-01 23:59:59');
  });

  it('reads a five-digit number on 配置 as one of its dates', () => {
    expect(logValueText('配置', '', '45230')).toBe('2023-10-31');
    expect(logValueText('配置', '', 'new@dc.gov.cn')).toBe('new@dc.gov.cn');
  });

  it('leaves numbers of other fields and text alone', () => {
    expect(logValueText('通川区', '职工人数', '44742')).toBe('44742');
    expect(logValueText('通川区', '整改完成时限', '（粘贴或多格修改，原值未知）')).toBe('（粘贴或多格修改，原值未知）');
    expect(logValueText('通川区', '整改完成时限', '123')).toBe('123');
  });
});

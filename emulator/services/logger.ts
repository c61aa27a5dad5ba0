// Logger and console: everything the script logs, captured into emu.logs.
import { format } from 'node:util';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
  /** The execution that wrote it. */
  execution: number;
}

export class Logger {
  readonly #sink: LogEntry[];
  readonly #execution: number;
  constructor(sink: LogEntry[], execution: number) {
    this.#sink = sink;
    this.#execution = execution;
  }
  /** Logger.log(data) or Logger.log(format, values…) with %s-style placeholders. */
  log(data: unknown, ...values: unknown[]): Logger {
    let message: string;
    if (values.length > 0 && typeof data === 'string') {
      let i = 0;
      message = data.replace(/%(%|[sdifj]|\.\d+f)/g, (m) => (m === '%%' ? '%' : i < values.length ? String(values[i++]) : m));
    } else message = typeof data === 'string' ? data : format(data);
    this.#sink.push({ source: 'Logger', level: 'log', message, execution: this.#execution });
    return this;
  }
  getLog(): string {
    return this.#sink.filter((e) => e.source === 'Logger' && e.execution === this.#execution).map((e) => e.message).join('\n');
  }
  clear(): void {
    for (let i = this.#sink.length - 1; i >= 0; i--) {
      const e = this.#sink[i]!;
      if (e.source === 'Logger' && e.execution === this.#execution) this.#sink.splice(i, 1);
    }
  }
}

/** Apps Script's console: log, info, warn, error, time, timeEnd (nothing else). */
export function createConsole(sink: LogEntry[], execution: number, now: () => number): Record<string, unknown> {
  const write = (level: LogEntry['level']) => (...args: unknown[]) => {
    sink.push({ source: 'console', level, message: format(...args), execution });
  };
  const timers = new Map<string, number>();
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    time: (label = 'default') => void timers.set(String(label), now()),
    timeEnd: (label = 'default') => {
      const start = timers.get(String(label));
      if (start !== undefined) write('log')(`${String(label)}: ${now() - start}ms`);
    },
  };
}

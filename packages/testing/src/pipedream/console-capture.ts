import { format } from 'node:util';

/** A step's or source's console output, as the platform shows it in the run's logs. */
export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

const LEVELS = ['log', 'info', 'warn', 'error'] as const;

/** Captures console output while `work` runs (executions in one harness run one at a time). */
export async function captureConsole<T>(lines: LogLine[], work: () => Promise<T>): Promise<T> {
  const originals = LEVELS.map((level) => [level, console[level]] as const);
  for (const level of LEVELS) {
    console[level] = (...args: unknown[]) => {
      lines.push({ level, message: format(...args) });
    };
  }
  try {
    return await work();
  } finally {
    for (const [level, original] of originals) console[level] = original;
  }
}

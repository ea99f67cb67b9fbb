import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LoggerProxy } from 'n8n-workflow';

type LogSink = (line: string) => void;
interface LoggerProxyModule {
  init(
    logger: Record<'error' | 'warn' | 'info' | 'debug', (message: string, meta?: object) => void>,
  ): void;
}

const sinks = new Set<LogSink>();

function fanOut(level: string) {
  return (message: string, meta?: object) => {
    const line = meta && Object.keys(meta).length > 0 ? `${message} ${safeJson(meta)}` : message;
    for (const sink of sinks) sink(`[n8n ${level}] ${line}`);
  };
}

const FAN_OUT: Record<'error' | 'warn' | 'info' | 'debug', ReturnType<typeof fanOut>> = {
  error: fanOut('error'),
  warn: fanOut('warn'),
  info: fanOut('info'),
  debug: fanOut('debug'),
};

/**
 * The LoggerProxy copies in this process. LoggerProxy is a module singleton and there are several
 * copies of n8n-workflow: the ESM build we import, the CommonJS build n8n-core requires, and the one
 * the node package's dist files require.
 */
function loggerProxies(packageDir: string): LoggerProxyModule[] {
  const proxies = new Set<LoggerProxyModule>([LoggerProxy as unknown as LoggerProxyModule]);
  const requirers = [createRequire(import.meta.url)];
  try {
    requirers.push(createRequire(createRequire(import.meta.url).resolve('n8n-core')));
  } catch {}
  requirers.push(createRequire(join(packageDir, 'package.json')));
  for (const requireFrom of requirers) {
    try {
      proxies.add((requireFrom('n8n-workflow') as { LoggerProxy: LoggerProxyModule }).LoggerProxy);
    } catch {
      // The node package may resolve n8n-workflow only as a peer of the host: nothing to hook then.
    }
  }
  return [...proxies];
}

type LogLevel = 'error' | 'warn' | 'info' | 'debug';
interface RootLogger {
  log(level: LogLevel, message: string, meta?: object): void;
}
const tapped = new WeakSet<object>();

/**
 * n8n's root Logger (from its DI container). Most engine lines go through LoggerProxy, but some go
 * to the Logger directly — notably the ErrorReporter, which logs every node error with its cause
 * chain. Its `log` funnel is wrapped once, so exactly the lines n8n prints at its configured level
 * (levels it drops never reach `log`) also reach the fan-out; n8n's console still gets them.
 */
function tapRootLogger() {
  let logger: RootLogger | undefined;
  try {
    const fromCore = createRequire(createRequire(import.meta.url).resolve('n8n-core'));
    const { Container } = fromCore('@n8n/di') as { Container: { get(type: unknown): unknown } };
    const { Logger } = fromCore('@n8n/backend-common') as { Logger: unknown };
    logger = Container.get(Logger) as RootLogger;
  } catch {
    return;
  }
  if (!logger || typeof logger.log !== 'function' || tapped.has(logger)) return;
  tapped.add(logger);
  const original = logger.log.bind(logger);
  logger.log = (level, message, meta) => {
    FAN_OUT[level]?.(message, meta);
    original(level, message, meta);
  };
}

export function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Everything n8n showed or logged while a driver ran, in order. */
export class N8nTranscript {
  private readonly lines: string[] = [];
  private readonly sink: LogSink = (line) => this.lines.push(line);

  private readonly proxies: LoggerProxyModule[];

  constructor(packageDir: string) {
    this.proxies = loggerProxies(packageDir);
    this.listen();
    sinks.add(this.sink);
  }

  /**
   * Points every LoggerProxy copy at the fan-out logger. Called again before each execution: n8n's
   * own root Logger takes LoggerProxy over when n8n's DI container first builds it (the package
   * loader does), and lines logged through it would otherwise go to n8n's console only.
   */
  listen() {
    tapRootLogger();
    for (const proxy of this.proxies) proxy.init(FAN_OUT);
  }

  add(line: string) {
    this.lines.push(line);
  }

  /** A node error as n8n stores it in the execution: message, description and its JSON. */
  addError(error: unknown) {
    if (error instanceof Error) {
      const described = error as Error & { description?: unknown };
      this.add(`error: ${error.name}: ${error.message}`);
      if (described.description) this.add(`error description: ${String(described.description)}`);
    }
    this.add(`error json: ${safeJson(error)}`);
  }

  text(): string {
    return this.lines.join('\n');
  }

  stop() {
    sinks.delete(this.sink);
  }
}

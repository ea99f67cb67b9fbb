import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EndpointServer, startEndpointServer } from './endpoint-server.ts';
import type { HttpEvent } from './types.ts';

type RerunWake = { kind: 'callback'; event: HttpEvent } | { kind: 'cancel' };

/**
 * What every emulated run shares: the loopback endpoint server, the `STASH_DIR` temp folder and
 * the rerun URL mailboxes. A callback can reach a `resume_url` before the step has finished (a
 * fast render); it is kept until the step pauses, then wakes it at once.
 */
export class HarnessEnvironment {
  readonly workflowId = `p_${Math.random().toString(36).slice(2, 10)}`;
  private readonly early = new Map<string, RerunWake>();
  private readonly waiting = new Map<string, (wake: RerunWake) => void>();

  private constructor(
    readonly server: EndpointServer,
    readonly stashDir: string,
  ) {}

  static async start(): Promise<HarnessEnvironment> {
    const server = await startEndpointServer();
    const stashDir = await mkdtemp(join(tmpdir(), 'pd-stash-'));
    return new HarnessEnvironment(server, stashDir);
  }

  /** Mounts `…/rerun-<token>/resume` and `…/cancel`; requests to them wake the paused step. */
  rerunUrls(token: string, drop = false): { resumeUrl: string; cancelUrl: string } {
    const base = this.server.mount(`rerun-${token}`, async (event) => {
      if (drop) return { status: 503, body: { error: 'unreachable (dropped by the test)' } };
      const resumeUrl = `${base}/resume`;
      const wake: RerunWake =
        event.path === '/cancel' ? { kind: 'cancel' } : { kind: 'callback', event };
      const waiter = this.waiting.get(resumeUrl);
      if (waiter) waiter(wake);
      else this.early.set(resumeUrl, wake);
      return { status: 200, body: { success: true } };
    });
    return { resumeUrl: `${base}/resume`, cancelUrl: `${base}/cancel` };
  }

  awaitRerunCallback(resumeUrl: string, _cancelUrl: string, wake: (w: RerunWake) => void): void {
    const early = this.early.get(resumeUrl);
    if (early) {
      this.early.delete(resumeUrl);
      wake(early);
      return;
    }
    this.waiting.set(resumeUrl, wake);
  }

  forgetRerun(resumeUrl: string): void {
    this.waiting.delete(resumeUrl);
    this.early.delete(resumeUrl);
  }

  /** Runs `work` with `process.env.STASH_DIR` set, as the platform sets it for file output. */
  async withStashDir<T>(work: () => Promise<T>): Promise<T> {
    const previous = process.env.STASH_DIR;
    process.env.STASH_DIR = this.stashDir;
    try {
      return await work();
    } finally {
      if (previous === undefined) delete process.env.STASH_DIR;
      else process.env.STASH_DIR = previous;
    }
  }

  async close(): Promise<void> {
    await this.server.close();
    await rm(this.stashDir, { recursive: true, force: true });
  }
}

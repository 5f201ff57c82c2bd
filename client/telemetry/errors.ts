// Reports uncaught errors and rejected promises as `error` events: repeats folded together, at most 50 reports per page.
import type { TrackInput } from '../../server/contracts/events';

const MAX_REPORTS = 50;
const REPEAT_WINDOW_MS = 60_000;

type Kind = 'error' | 'unhandledrejection' | 'webgl' | 'xr' | 'telemetry';

/** Folds repeats of one message within a minute into a count; stops after MAX_REPORTS reports. */
export class ErrorReporter {
  private readonly seen = new Map<string, { at: number; repeats: number }>();
  private reports = 0;

  constructor(private readonly emit: (e: TrackInput) => void) {}

  report(kind: Kind, message: string, source?: string, now = Date.now()): void {
    const key = `${kind}:${message}`;
    const prev = this.seen.get(key);
    if (prev && now - prev.at < REPEAT_WINDOW_MS) {
      prev.repeats++;
      return;
    }
    if (this.reports >= MAX_REPORTS) return;
    this.reports++;
    this.seen.set(key, { at: now, repeats: 0 });
    const count = 1 + (prev?.repeats ?? 0);
    this.emit({
      type: 'error',
      input: 'system',
      props: { kind, message: message.slice(0, 500) || '(no message)', count, ...(source ? { source: source.slice(0, 300) } : {}) },
    });
  }

  /** Listens for the window's uncaught errors and rejections; returns a function that stops listening. */
  listen(): () => void {
    const onError = (e: ErrorEvent) => this.report('error', e.message || String(e.error), e.filename ? `${e.filename}:${e.lineno}:${e.colno}` : undefined);
    const onRejection = (e: PromiseRejectionEvent) => {
      const r = e.reason as { message?: string; stack?: string } | undefined;
      this.report('unhandledrejection', r?.message ?? String(e.reason), r?.stack?.split('\n')[1]?.trim());
    };
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
    return () => {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onRejection);
    };
  }
}

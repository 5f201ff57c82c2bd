// Vitest reporter: after the run, the wall time of each project and the slowest files, then one plain count line.
import type { Reporter, TestModule } from 'vitest/node';

interface Span {
  start: number;
  end: number;
  files: number;
}

/** Prints `project: N s over M files` per project, the five slowest files, and `tests: N passed, N failed, N skipped`. */
export default class TimingReporter implements Reporter {
  private readonly spans = new Map<string, Span>();
  private readonly started = new Map<string, number>();
  private readonly fileTimes: { name: string; ms: number }[] = [];

  onTestModuleStart(module: TestModule): void {
    this.started.set(module.id, performance.now());
    const name = module.project.name;
    if (!this.spans.has(name)) this.spans.set(name, { start: performance.now(), end: performance.now(), files: 0 });
  }

  onTestModuleEnd(module: TestModule): void {
    const span = this.spans.get(module.project.name);
    const now = performance.now();
    if (span) {
      span.end = now;
      span.files++;
    }
    this.fileTimes.push({ name: `${module.project.name} ${module.relativeModuleId}`, ms: now - (this.started.get(module.id) ?? now) });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      // A file that failed to load (or whose hooks failed) has no passing tests to show for it: count it as failed.
      if (module.state() === 'failed' && [...module.children.allTests()].every((t) => t.result().state !== 'failed')) counts.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    counts.failed += unhandledErrors.length;
    const lines = ['', 'Wall time per project:'];
    for (const [name, s] of this.spans) lines.push(`  ${name}: ${((s.end - s.start) / 1000).toFixed(1)} s over ${s.files} files`);
    lines.push('Slowest files:');
    for (const f of [...this.fileTimes].sort((a, b) => b.ms - a.ms).slice(0, 5)) lines.push(`  ${(f.ms / 1000).toFixed(1)} s  ${f.name}`);
    lines.push('', `tests: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

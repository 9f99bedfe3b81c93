// A progress line on stderr for runs over many series: a bar redrawn in place on a terminal; plain
// lines now and then otherwise (every CONSILIUM_PROGRESS_MS, default 10 s) when `plain` is asked
// (runs into a results folder), so piped runs without one keep stderr for errors only.
import { format } from 'node:util';

function duration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private done = 0;
  private skipped = 0;
  private failed = 0;
  private readonly started = performance.now();
  private last = 0;
  private readonly tty: boolean;
  private readonly everyMs: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    plain: boolean,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = Boolean(out.isTTY);
    this.everyMs = this.tty
      ? 100
      : plain
        ? Number(process.env.CONSILIUM_PROGRESS_MS ?? 10_000)
        : Infinity;
    this.last = this.started;
  }

  /** One series finished: computed now, or found done (`skipped`: already in the results). */
  tick(how: 'computed' | 'skipped' | 'failed' = 'computed'): void {
    this.done++;
    if (how === 'skipped') this.skipped++;
    if (how === 'failed') this.failed++;
    const now = performance.now();
    if (now - this.last >= this.everyMs) {
      this.last = now;
      this.draw(now);
    }
  }

  /** The last line (a terminal's bar is finished with a line end). */
  end(): void {
    if (this.tty) {
      this.draw(performance.now());
      this.out.write('\n');
    }
  }

  line(now = performance.now()): string {
    const s = (now - this.started) / 1000;
    const computed = this.done - this.skipped;
    const rate = s > 0 ? computed / s : 0;
    const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const extra = [
      this.skipped ? `${this.skipped} already done` : '',
      this.failed ? `${this.failed} failed` : '',
    ].filter(Boolean);
    return format(
      '%s: %d/%d series, %s/s, %s elapsed, ETA %s%s',
      this.label,
      this.done,
      this.total,
      rate.toFixed(rate < 10 ? 2 : 1),
      duration(s),
      this.done === this.total ? '0s' : duration(eta),
      extra.length ? ` (${extra.join(', ')})` : '',
    );
  }

  private draw(now: number): void {
    const text = this.line(now);
    if (!this.tty) {
      this.out.write(text + '\n');
      return;
    }
    const width = 24;
    const filled = this.total ? Math.round((width * this.done) / this.total) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    this.out.write(`\r\x1b[2K${bar} ${text}`);
  }
}

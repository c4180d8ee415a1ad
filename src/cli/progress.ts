import cliProgress from 'cli-progress';

export type Progress = {
  /** Bytes of the file read so far, and how many entries that was. */
  update(bytesRead: number, entries: number): void;
  stop(): void;
};

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${s % 60}s`
      : `${s}s`;
}

/**
 * A progress bar (rate and time left) on a terminal; a plain line every few seconds when the
 * output goes to a log or a pipe, so long imports can be followed either way.
 */
export function createProgress(
  label: string,
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  const rate = (entries: number) => entries / Math.max((Date.now() - started) / 1000, 0.001);
  const eta = (bytesRead: number) => {
    const elapsed = (Date.now() - started) / 1000;
    return bytesRead > 0 ? (elapsed * (totalBytes - bytesRead)) / bytesRead : Number.POSITIVE_INFINITY;
  };
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {entries} entries | {rate}/s | ETA {remaining}`,
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(totalBytes, 0, { entries: 0, rate: 0, remaining: '?' });
    return {
      update(bytesRead, entries) {
        bar.update(bytesRead, {
          entries: entries.toLocaleString('en'),
          rate: Math.round(rate(entries)).toLocaleString('en'),
          remaining: formatDuration(eta(bytesRead)),
        });
      },
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  let last = { bytesRead: 0, entries: 0 };
  const line = () =>
    stream.write(
      `${label}: ${last.entries.toLocaleString('en')} entries, ${Math.round((100 * last.bytesRead) / Math.max(totalBytes, 1))}%, ` +
        `${Math.round(rate(last.entries)).toLocaleString('en')}/s, ETA ${formatDuration(eta(last.bytesRead))}\n`,
    );
  return {
    update(bytesRead, entries) {
      last = { bytesRead, entries };
      if (Date.now() - lastLine >= 5_000) {
        lastLine = Date.now();
        line();
      }
    },
    stop: () => line(),
  };
}

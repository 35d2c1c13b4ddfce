// A progress bar on a terminal (stderr), silence otherwise.
import { SingleBar, Presets } from 'cli-progress';
import { Transform } from 'node:stream';

export interface Progress {
  /** A pass-through stream counting bytes read from the input. */
  counter(): Transform;
  update(accepted: number): void;
  stop(): void;
}

export function createProgress(totalBytes: number, label: string): Progress {
  const enabled = process.stderr.isTTY === true && totalBytes > 0;
  const bar = enabled
    ? new SingleBar(
        {
          stream: process.stderr,
          format: `${label} [{bar}] {percentage}% · {value_mb}/{total_mb} MB · {records} records stored · eta {eta_formatted}`,
          hideCursor: true,
        },
        Presets.shades_classic,
      )
    : undefined;
  const mb = (b: number) => (b / 1048576).toFixed(1);
  let bytes = 0;
  let records = 0;
  bar?.start(totalBytes, 0, { value_mb: mb(0), total_mb: mb(totalBytes), records: 0 });
  return {
    counter() {
      return new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          bar?.update(bytes, { value_mb: mb(bytes), total_mb: mb(totalBytes), records });
          done(null, chunk);
        },
      });
    },
    update(accepted) {
      records = accepted;
      bar?.update(bytes, { value_mb: mb(bytes), total_mb: mb(totalBytes), records });
    },
    stop() {
      bar?.stop();
    },
  };
}

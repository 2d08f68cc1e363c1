/**
 * On SIGTERM/SIGINT: close everything (stop accepting, let active jobs finish or be released,
 * close pools). If that takes longer than the grace period the process exits anyway.
 */
export function closeOnSignals(close: () => Promise<void>, graceMs = 10_000): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received: shutting down (at most ${graceMs / 1000} s)\n`);
    setTimeout(() => {
      process.stderr.write('Shutdown grace period over; exiting\n');
      process.exit(1);
    }, graceMs).unref();
    close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`Error during shutdown: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}

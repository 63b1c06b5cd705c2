// A one-line progress bar on stderr, drawn only when stderr is a terminal.

/** Draws `label [#####.....] 42%` in place; `done()` ends the line. No-op when the stream is not a TTY. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(label: string, fraction: number): void; done(): void } {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update(label, fraction) {
      const width = 30;
      const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
      const name = label.length > 40 ? `…${label.slice(-39)}` : label;
      stream.write(`\r${name} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}%\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

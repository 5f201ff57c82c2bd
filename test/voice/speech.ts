// Synthetic speech for voice tests: espeak-ng speaks a phrase, sox makes it a 16 kHz mono 16-bit WAV; WAVs read back as samples.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** True when espeak-ng and sox are on the PATH. */
export function canSpeak(): boolean {
  return ['espeak-ng', 'sox'].every((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
}

/**
 * Speaks `text` with an espeak-ng voice (e.g. `en-us`, `en-gb`, `en-us+f3`) into `file`: 16 kHz mono 16-bit PCM,
 * with `padS` seconds of silence before and after (default 0.3 s). Returns `file`.
 */
export function speak(text: string, voice: string, file: string, padS = 0.3): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = `${file}.raw.wav`;
  execFileSync('espeak-ng', ['-v', voice, '-s', '150', '-w', raw, text]);
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', file, 'pad', String(padS), String(padS)]);
  fs.rmSync(raw);
  return file;
}

/** The samples of a 16-bit PCM WAV file as floats in [-1, 1], and its sample rate in Hz. */
export function readWav(file: string): { pcm: Float32Array; sampleRate: number } {
  const buf = fs.readFileSync(file);
  let off = 12;
  let sampleRate = 0;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'fmt ') sampleRate = buf.readUInt32LE(off + 12);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, buf.length - off - 8) / 2);
      const pcm = new Float32Array(n);
      for (let i = 0; i < n; i++) pcm[i] = buf.readInt16LE(off + 8 + i * 2) / 32768;
      return { pcm, sampleRate };
    }
    off += 8 + size + (size % 2);
  }
  throw new Error(`${file} has no data chunk`);
}

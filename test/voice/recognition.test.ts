// Voice commands recognised in Node: synthetic speech in two voices, the catalogue's grammar, right command or none.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSchema, type Catalog } from '../../server/contracts/catalog';
import { buildGrammar } from '../../client/voice/grammar';
import type { Recogniser } from '../../client/voice/recogniser';
import { SPOKEN, VOICES } from './commands';
import { nodeRecogniser } from './nodeRecogniser';
import { canSpeak, readWav, speak } from './speech';

const catalog: Catalog = catalogSchema.parse(JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../assets/catalog.json'), 'utf8')));
const speech = canSpeak();
if (!speech) console.log('SKIPPED voice recognition: espeak-ng or sox is not installed (CI installs them)');

describe('voice grammar', () => {
  it('parses every test phrase to its command and refuses others', () => {
    const g = buildGrammar(catalog);
    for (const [text, cmd] of SPOKEN) expect(g.parse(text), text).toEqual(cmd);
    expect(g.parse('show me the moon')).toBeNull();
    expect(g.parse('make it purple')).toBeNull();
  });
});

describe.skipIf(!speech)('voice recognition (espeak-ng speech)', () => {
  let rec: Recogniser;
  let dir: string;
  beforeAll(async () => {
    rec = await nodeRecogniser(catalog);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-'));
  });
  afterAll(() => {
    rec?.delete();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('knows a pronunciation for every catalogue word (none left to spelling rules)', () => {
    expect(rec.spelled).toEqual([]);
  });

  it('understands at least 90% of commands in two voices and never mistakes one for another action', () => {
    const rows: string[] = [];
    let right = 0;
    let wrong = 0;
    let wrongTarget = 0;
    let total = 0;
    const times: number[] = [];
    for (const voice of VOICES)
      SPOKEN.forEach(([text, expected], i) => {
        const { pcm } = readWav(speak(text, voice, path.join(dir, `${voice}-${i}.wav`)));
        const r = rec.recognise(pcm);
        total++;
        times.push(r.decodeMs);
        const ok = JSON.stringify(r.command) === JSON.stringify(expected);
        if (ok) right++;
        else if (r.command && r.command.action !== expected.action) wrong++;
        else if (r.command) wrongTarget++;
        rows.push(`${ok ? 'ok  ' : r.command ? 'MISS' : 'none'} ${voice.padEnd(6)} ${r.decodeMs.toFixed(0).padStart(4)} ms  conf ${r.confidence.toFixed(2)}  "${text}" -> "${r.phrase}"`);
      });
    times.sort((a, b) => a - b);
    console.log(`${rows.join('\n')}\nrecognised ${right}/${total} (${((100 * right) / total).toFixed(1)}%), wrong action ${wrong}, right action with another product or colour ${wrongTarget}; decode ms median ${times[times.length >> 1]!.toFixed(0)}, max ${times[times.length - 1]!.toFixed(0)}`);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
    expect(wrong).toBe(0);
  });

  it('understands nothing in silence', () => {
    const r = rec.recognise(new Float32Array(16_000));
    expect(r.command).toBeNull();
  });
});

// Speech to command on the device: a soundswallower (PocketSphinx) decoder restricted to the catalogue's grammar.
import type { Decoder, SoundSwallowerModule } from 'soundswallower';
import type { Catalog } from '../../server/contracts/catalog';
import { buildGrammar, type VoiceCommand, type VoiceGrammar } from './grammar';
import { ACCENT_WORDS, EXTRA_WORDS, spellOut } from './lexicon';

/** The sample rate the acoustic model was trained on, Hz; audio must arrive at this rate, mono. */
export const SAMPLE_RATE = 16_000;
/** Below this confidence (0..1) a phrase counts as not understood. */
export const MIN_CONFIDENCE = 0.5;

export interface Recognition {
  /** The words heard, in the grammar's spelling ("" when nothing was heard). */
  phrase: string;
  /** The lowest word posterior probability of the phrase, 0..1. */
  confidence: number;
  /** The command, or null when the phrase was not understood well enough. */
  command: VoiceCommand | null;
  /** Time spent decoding, ms. */
  decodeMs: number;
}

export interface Recogniser {
  /** Rebuilds the grammar for a new catalogue (adding pronunciations for new words). */
  setCatalog(catalog: Pick<Catalog, 'zones' | 'products'>): void;
  /** Decodes one utterance: 16 kHz mono samples in [-1, 1]. */
  recognise(pcm: Float32Array): Recognition;
  /** Words the grammar uses that had no pronunciation in either dictionary (spelled out by rule). */
  readonly spelled: readonly string[];
  delete(): void;
}

/** Peak-to-peak amplitude of the noise floor added before decoding (about -36 dBFS, under any real room). */
const NOISE_FLOOR = 0.03;

/** Adds a faint noise floor: exact digital silence (muted or noise-suppressed input) makes the decoder lose the utterance. */
function dither(pcm: Float32Array): Float32Array {
  const out = new Float32Array(pcm.length);
  // A fixed linear congruential sequence: the same audio always decodes the same way.
  let seed = 22_695_477;
  for (let i = 0; i < pcm.length; i++) {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = pcm[i]! + (seed / 4_294_967_296 - 0.5) * NOISE_FLOOR;
  }
  return out;
}

/** Keeps this much audio around the speech when trimming, seconds. */
const TRIM_MARGIN_S = 0.15;

/**
 * Cuts leading and trailing quiet (10 ms frames under 1/30 of the loudest frame's RMS), keeping a margin:
 * push to talk brings long pauses around the words, and the decoder tends to hear words in them.
 */
export function trimSilence(pcm: Float32Array, sampleRate = SAMPLE_RATE): Float32Array {
  const frame = Math.round(sampleRate / 100);
  const n = Math.floor(pcm.length / frame);
  const rms = new Float32Array(n);
  let max = 0;
  for (let f = 0; f < n; f++) {
    let sum = 0;
    for (let i = f * frame; i < (f + 1) * frame; i++) sum += pcm[i]! * pcm[i]!;
    rms[f] = Math.sqrt(sum / frame);
    max = Math.max(max, rms[f]!);
  }
  if (max === 0) return pcm;
  let first = 0;
  while (first < n && rms[first]! < max / 30) first++;
  let last = n - 1;
  while (last > first && rms[last]! < max / 30) last--;
  const margin = Math.round(TRIM_MARGIN_S * sampleRate);
  return pcm.subarray(Math.max(0, first * frame - margin), Math.min(pcm.length, (last + 1) * frame + margin));
}

interface Alignment {
  t: string;
  p: number;
  w?: Alignment[];
}

/**
 * Makes a recogniser from a loaded soundswallower module. `config` is passed to the decoder
 * (on the web: the URL of each model file; in Node: nothing, the module finds its own model).
 */
export async function createRecogniser(ss: SoundSwallowerModule, catalog: Pick<Catalog, 'zones' | 'products'>, config: Record<string, string | number | boolean> = {}): Promise<Recogniser> {
  const decoder: Decoder = new ss.Decoder({ loglevel: 'FATAL', samprate: SAMPLE_RATE, ...config });
  await decoder.initialize();
  let grammar: VoiceGrammar;
  let spelled: string[] = [];
  const setCatalog = (c: Pick<Catalog, 'zones' | 'products'>) => {
    const g = buildGrammar(c);
    const missing = g.words.filter((w) => decoder.lookup_word(w) === null);
    const added: Array<[string, string]> = [];
    spelled = [];
    for (const w of missing) {
      const prons = EXTRA_WORDS[w];
      if (!prons) spelled.push(w);
      (prons ?? [spellOut(w)]).forEach((pron, i) => added.push([i === 0 ? w : `${w}(${i + 1})`, pron]));
    }
    for (const w of g.words) (ACCENT_WORDS[w] ?? []).forEach((pron, i) => added.push([`${w}(${i + 2})`, pron]));
    if (added.length) decoder.add_words(...added);
    decoder.set_grammar(g.jsgf);
    grammar = g;
  };
  setCatalog(catalog);
  return {
    setCatalog,
    get spelled() {
      return spelled;
    },
    recognise(pcm) {
      const t0 = performance.now();
      decoder.start();
      decoder.process_audio(dither(trimSilence(pcm)), false, true);
      decoder.stop();
      const phrase = decoder.get_text().trim();
      const words = phrase ? ((decoder.get_alignment() as Alignment).w ?? []).filter((w) => /^[a-z']/.test(w.t)) : [];
      const confidence = words.length ? Math.min(...words.map((w) => w.p)) : 0;
      const command = phrase && confidence >= MIN_CONFIDENCE ? grammar.parse(phrase) : null;
      return { phrase, confidence: Math.round(confidence * 1000) / 1000, command, decodeMs: performance.now() - t0 };
    },
    delete: () => decoder.delete(),
  };
}

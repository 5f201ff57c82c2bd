// Push to talk for every device (Space, the mic button, the controller's B button): loads the engine lazily, runs what was heard.
import { track } from '../telemetry/recorder';
import { useShowroom } from '../showroom/store';
import { runCommand } from './commands';
import { installVoiceDebug, type VoiceTiming } from './debug';
import type { Heard, VoiceEngine } from './engine';
import { SORRY, showLine, useVoice } from './voiceStore';

const NOTED_KEY = 'showroom.voice.noted';
let engine: Promise<VoiceEngine> | null = null;
let holding = false;
/** When the last utterance ended and its action ran (for tests and the bench). */
const lastTiming: VoiceTiming = { releasedAt: 0, heardAt: 0, actedAt: 0, decodeMs: 0 };
installVoiceDebug(lastTiming);

async function onHeard(h: Heard): Promise<void> {
  const r = h.recognition;
  lastTiming.heardAt = performance.timeOrigin + performance.now();
  lastTiming.decodeMs = r.decodeMs;
  useVoice.setState({ status: 'idle' });
  const productId = r.command && 'productId' in r.command ? r.command.productId : (useShowroom.getState().selectedId ?? undefined);
  track({ type: 'voice_command', input: 'voice', ...(productId ? { productId } : {}), props: { phrase: r.phrase.slice(0, 200), confidence: r.confidence, understood: r.command !== null } });
  if (!r.command) {
    showLine(SORRY, false);
    return;
  }
  showLine(`Said '${r.phrase}'`, true);
  const result = await runCommand(r.command);
  lastTiming.actedAt = performance.timeOrigin + performance.now();
  if (result.text) showLine(`Said '${r.phrase}' · ${result.text}`, result.ok);
}

function loadEngine(): Promise<VoiceEngine> {
  engine ??= import('./engine').then(({ createEngine }) => {
    const catalog = useShowroom.getState().catalog;
    if (!catalog) throw new Error('the catalogue is not loaded');
    const e = createEngine(catalog, (h) => void onHeard(h));
    // A new catalogue (staff edit) rebuilds the grammar.
    void e.then((en) => useShowroom.subscribe((s, prev) => s.catalog && s.catalog !== prev.catalog && en.setCatalog(s.catalog)));
    return e;
  });
  engine.catch(() => (engine = null));
  return engine;
}

/** Starts listening (the button or key went down). */
export async function talkStart(): Promise<void> {
  if (holding) return;
  holding = true;
  if (!localStorage.getItem(NOTED_KEY)) useVoice.setState({ privacyNote: true });
  useVoice.setState({ status: 'loading' });
  try {
    const e = await loadEngine();
    if (!holding) {
      useVoice.setState({ status: 'idle' });
      return;
    }
    await e.start();
    localStorage.setItem(NOTED_KEY, '1');
    useVoice.setState({ status: holding ? 'listening' : 'idle', privacyNote: false });
    if (!holding) e.stop();
  } catch (err) {
    holding = false;
    useVoice.setState({ status: 'idle', privacyNote: false });
    showLine(`Voice commands are unavailable: ${(err as Error).message}`, false);
  }
}

/** Stops listening (the button or key came up); the phrase is decoded and acted on. */
export function talkEnd(): void {
  if (!holding) return;
  holding = false;
  lastTiming.releasedAt = performance.timeOrigin + performance.now();
  if (useVoice.getState().status !== 'listening') return;
  useVoice.setState({ status: 'thinking' });
  void engine?.then((e) => e.stop());
}

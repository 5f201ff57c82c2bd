// The voice engine, loaded on first use: microphone capture on the audio thread, recognition in a worker, nothing on the main thread per frame.
import type { Catalog } from '../../server/contracts/catalog';
import workletUrl from './capture.worklet.ts?worker&url';
import type { FromWorker, ToWorker } from './protocol';
import type { Recognition } from './recogniser';

export interface Heard {
  recognition: Recognition;
  /** Length of the utterance captured, ms. */
  audioMs: number;
  /** When the push-to-talk release reached the worker, ms since the epoch. */
  endedAt: number;
}

export interface VoiceEngine {
  /** Opens the microphone and starts recording (asks for permission on first use). */
  start(): Promise<void>;
  /** Stops recording; the result arrives through `onHeard`. */
  stop(): void;
  setCatalog(catalog: Pick<Catalog, 'zones' | 'products'>): void;
}

/** Starts the recogniser worker (which fetches the model) and returns the engine once it is ready. */
export async function createEngine(catalog: Pick<Catalog, 'zones' | 'products'>, onHeard: (h: Heard) => void): Promise<VoiceEngine> {
  const worker = new Worker(new URL('./recogniser.worker.ts', import.meta.url), { type: 'module', name: 'voice-recogniser' });
  const send = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  await new Promise<void>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === 'ready') resolve();
      else if (m.type === 'error') reject(new Error(m.message));
      else if (m.type === 'result') onHeard({ recognition: m.recognition, audioMs: m.audioMs, endedAt: m.endedAt });
    };
    worker.onerror = (e) => reject(new Error(e.message || 'the recogniser could not start'));
    send({ type: 'init', catalog });
  });

  let ctx: AudioContext | null = null;
  let node: AudioWorkletNode | null = null;
  let live: { stream: MediaStream; source: MediaStreamAudioSourceNode } | null = null;
  let wanted = false;

  const ensureGraph = async () => {
    if (ctx && node) return { ctx, node };
    ctx = new AudioContext();
    await ctx.audioWorklet.addModule(workletUrl);
    node = new AudioWorkletNode(ctx, 'voice-capture', { numberOfInputs: 1, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' });
    const channel = new MessageChannel();
    node.port.postMessage({ port: channel.port1 }, [channel.port1]);
    send({ type: 'port', port: channel.port2 }, [channel.port2]);
    return { ctx, node };
  };

  const release = () => {
    live?.source.disconnect();
    live?.stream.getTracks().forEach((t) => t.stop());
    live = null;
  };

  return {
    async start() {
      wanted = true;
      const g = await ensureGraph();
      // The microphone is open only while the button is held.
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: false, autoGainControl: true } });
      if (!wanted) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      await g.ctx.resume();
      const source = g.ctx.createMediaStreamSource(stream);
      source.connect(g.node);
      live = { stream, source };
      g.node.port.postMessage({ record: true });
    },
    stop() {
      wanted = false;
      if (!live) return;
      node?.port.postMessage({ record: false });
      release();
    },
    setCatalog: (c) => send({ type: 'catalog', catalog: c }),
  };
}

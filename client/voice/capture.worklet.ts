// Audio thread: copies the microphone's samples, while recording, to the recogniser worker's port (nothing on the main thread).

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;

/** Samples per message to the worker (about 100 ms at 16 kHz). */
const CHUNK = 1600;

class Capture extends AudioWorkletProcessor {
  private out: MessagePort | null = null;
  private recording = false;
  private buf = new Float32Array(CHUNK);
  private n = 0;

  constructor() {
    super();
    this.port.onmessage = (e: MessageEvent<{ port?: MessagePort; record?: boolean }>) => {
      if (e.data.port) this.out = e.data.port;
      if (e.data.record === true) {
        this.recording = true;
        this.n = 0;
      } else if (e.data.record === false && this.recording) {
        this.recording = false;
        this.flush();
        this.out?.postMessage({ type: 'end', sampleRate });
      }
    };
  }

  private flush(): void {
    if (this.n === 0) return;
    const chunk = this.buf.slice(0, this.n);
    this.out?.postMessage({ type: 'audio', pcm: chunk }, [chunk.buffer]);
    this.n = 0;
  }

  process(inputs: Float32Array[][]): boolean {
    const ch = inputs[0]?.[0];
    if (!this.recording || !ch) return true;
    for (let i = 0; i < ch.length; i++) {
      this.buf[this.n++] = ch[i]!;
      if (this.n === CHUNK) this.flush();
    }
    return true;
  }
}

registerProcessor('voice-capture', Capture);

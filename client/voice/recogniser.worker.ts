// Recogniser worker: loads soundswallower and its model from our own origin, collects an utterance, decodes it off the main thread.
import createModule from 'soundswallower';
import wasmUrl from '../../node_modules/soundswallower/soundswallower.web.wasm?url';
import dictUrl from '../../node_modules/soundswallower/model/en-us/dict.txt?url';
import featUrl from '../../node_modules/soundswallower/model/en-us/feat_params.json?url';
import mdefUrl from '../../node_modules/soundswallower/model/en-us/mdef?url';
import meansUrl from '../../node_modules/soundswallower/model/en-us/means?url';
import noiseUrl from '../../node_modules/soundswallower/model/en-us/noisedict.txt?url';
import sendumpUrl from '../../node_modules/soundswallower/model/en-us/sendump?url';
import tmatUrl from '../../node_modules/soundswallower/model/en-us/transition_matrices?url';
import varUrl from '../../node_modules/soundswallower/model/en-us/variances?url';
import type { Catalog } from '../../server/contracts/catalog';
import { createRecogniser, SAMPLE_RATE, type Recogniser } from './recogniser';
import { resample } from './resample';
import type { FromWorker, ToWorker } from './protocol';

const abs = (u: string) => new URL(u, self.location.href).href;
// The model has no feature transform file: answer its lookup here rather than asking the server for a file that is not there.
const realFetch = self.fetch.bind(self);
self.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
  String(input).endsWith('/feature_transform') ? Promise.resolve(new Response(null, { status: 404 })) : realFetch(input, init);

let recogniser: Promise<Recogniser> | null = null;
let chunks: Float32Array[] = [];
const post = (m: FromWorker) => (self as unknown as Worker).postMessage(m);

async function load(catalog: Pick<Catalog, 'zones' | 'products'>): Promise<Recogniser> {
  const ss = await createModule({ locateFile: () => abs(wasmUrl), modelBase: abs('./'), defaultModel: 'voice-model' } as never);
  return createRecogniser(ss, catalog, {
    featparams: abs(featUrl),
    mdef: abs(mdefUrl),
    mean: abs(meansUrl),
    var: abs(varUrl),
    sendump: abs(sendumpUrl),
    tmat: abs(tmatUrl),
    dict: abs(dictUrl),
    fdict: abs(noiseUrl),
  });
}

function onAudioPort(port: MessagePort): void {
  port.onmessage = async (e: MessageEvent<{ type: 'audio'; pcm: Float32Array } | { type: 'end'; sampleRate: number }>) => {
    if (e.data.type === 'audio') {
      chunks.push(e.data.pcm);
      return;
    }
    const endedAt = performance.now() + performance.timeOrigin;
    const total = chunks.reduce((n, c) => n + c.length, 0);
    const pcm = new Float32Array(total);
    let off = 0;
    for (const c of chunks) {
      pcm.set(c, off);
      off += c.length;
    }
    chunks = [];
    if (!recogniser) return;
    const r = (await recogniser).recognise(resample(pcm, e.data.sampleRate, SAMPLE_RATE));
    post({ type: 'result', recognition: r, audioMs: (total / e.data.sampleRate) * 1000, endedAt });
  };
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'init') {
    recogniser = load(m.catalog);
    recogniser.then(
      () => post({ type: 'ready' }),
      (err: Error) => post({ type: 'error', message: err.message }),
    );
  } else if (m.type === 'catalog') void recogniser?.then((r) => r.setCatalog(m.catalog));
  else if (m.type === 'port') onAudioPort(m.port);
};

// Messages between the page and the recogniser worker.
import type { Catalog } from '../../server/contracts/catalog';
import type { Recognition } from './recogniser';

export type ToWorker =
  | { type: 'init'; catalog: Pick<Catalog, 'zones' | 'products'> }
  | { type: 'catalog'; catalog: Pick<Catalog, 'zones' | 'products'> }
  /** The port the capture worklet posts audio chunks and the end of an utterance to. */
  | { type: 'port'; port: MessagePort };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'error'; message: string }
  /** `endedAt`: when the end of the utterance reached the worker, ms since the epoch (high resolution). */
  | { type: 'result'; recognition: Recognition; audioMs: number; endedAt: number };

// The recorder's state, one per page: the queue, IndexedDB, the session, delivery, known write tokens.
import type { Mode } from '../../server/contracts/events';
import type { Delivery } from './delivery';
import type { OrphanAdopter } from './orphans';
import type { EventStore } from './eventStore';
import { EventQueue } from './queue';
import type { SessionInfo } from './session';

/** Everything the recorder owns; one per page. */
export const telemetry = {
  queue: new EventQueue(),
  store: null as EventStore | null,
  session: null as SessionInfo | null,
  delivery: null as Delivery | null,
  /** Write tokens of every session with events queued here (this page's and adopted ones). */
  tokens: new Map<string, string>(),
  orphans: null as OrphanAdopter | null,
  mode: 'desktop' as Mode,
};


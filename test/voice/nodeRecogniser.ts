// The recogniser on soundswallower's Node build, for tests and benches (the model is read from the installed package).
import path from 'node:path';
import { createRequire } from 'node:module';
import createModule from 'soundswallower';
import type { Catalog } from '../../server/contracts/catalog';
import { createRecogniser, type Recogniser } from '../../client/voice/recogniser';

/** A recogniser for this catalogue, decoding in this Node process. */
export async function nodeRecogniser(catalog: Pick<Catalog, 'zones' | 'products'>, config: Record<string, string | number | boolean> = {}): Promise<Recogniser> {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('soundswallower'));
  const ss = await createModule({ modelBase: `${path.join(pkg, 'model')}/` } as never);
  return createRecogniser(ss, catalog, config);
}

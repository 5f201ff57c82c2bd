// The spoken commands the voice tests and bench say, each with the command it must be understood as.
import type { VoiceCommand } from '../../client/voice/grammar';

export const SPOKEN: ReadonlyArray<readonly [string, VoiceCommand]> = [
  ['show me the oslo chair', { action: 'show', productId: 'oslo-chair' }],
  ['go to the fjord sofa', { action: 'show', productId: 'fjord-sofa' }],
  ['take me to the kobe bar stool', { action: 'show', productId: 'kobe-stool' }],
  ['show me the aria dining table', { action: 'show', productId: 'aria-dining-table' }],
  ['go to the halo floor lamp', { action: 'show', productId: 'halo-floor-lamp' }],
  ['show me the dune sideboard', { action: 'show', productId: 'dune-sideboard' }],
  ['take me to the tove wall clock', { action: 'show', productId: 'tove-clock' }],
  ['show me the ripple rug', { action: 'show', productId: 'ripple-rug' }],
  ['go to the kiri dresser', { action: 'show', productId: 'kiri-dresser' }],
  ['show me the bergen armchair', { action: 'show', productId: 'bergen-armchair' }],
  ['take me to the orbit pendant', { action: 'show', productId: 'orbit-pendant' }],
  ['show me the halden mirror', { action: 'show', productId: 'halden-mirror' }],
  ['go to lighting', { action: 'zone', zoneId: 'lighting' }],
  ['take me to the storage area', { action: 'zone', zoneId: 'storage' }],
  ['make it navy', { action: 'variant', variant: 'navy' }],
  ['make it terracotta wool', { action: 'variant', variant: 'terracotta wool' }],
  ['show it in walnut', { action: 'variant', variant: 'walnut' }],
  ['make it black', { action: 'variant', variant: 'black' }],
  ['show it in cognac leather', { action: 'variant', variant: 'cognac leather' }],
  ['make it olive green', { action: 'variant', variant: 'olive green' }],
  ['add it to my cart', { action: 'cart' }],
  ['add to cart', { action: 'cart' }],
  ['save it', { action: 'wishlist' }],
  ['add to wishlist', { action: 'wishlist' }],
  ['what does it cost', { action: 'cost' }],
  ['how much is it', { action: 'cost' }],
  ['turn it around', { action: 'turn' }],
  ['next one', { action: 'next' }],
  ['previous', { action: 'previous' }],
  ['close', { action: 'close' }],
  ['call a salesperson', { action: 'salesperson' }],
  ['ask a salesperson', { action: 'salesperson' }],
  ['help', { action: 'help' }],
];

/** espeak-ng voices the tests speak with. */
export const VOICES = ['en-us', 'en-gb'] as const;

// Words for the timeline: headsets by their WebXR input profile, viewing modes, spoken durations and clock offsets.

/** Known WebXR input profiles by the headset people know them from. */
export const HEADSETS: Record<string, string> = {
  'meta-quest-touch-plus': 'Meta Quest 3',
  'meta-quest-touch-plus-v2': 'Meta Quest 3',
  'meta-quest-touch-pro': 'Meta Quest Pro',
  'oculus-touch-v3': 'Meta Quest 2',
  'oculus-touch-v2': 'Meta Quest',
  'htc-vive': 'HTC Vive',
  'valve-index': 'Valve Index',
  'pico-4': 'Pico 4',
  'apple-vision-pro': 'Apple Vision Pro',
};

/** How each viewing mode is named in a sentence. */
export const MODE_NAMES: Record<string, string> = { vr: 'VR', ar: 'AR', desktop: 'the desktop view' };

/** "0.4 s", "12 s", "2 min 5 s" for a duration in ms. */
export function spokenDuration(ms: number): string {
  if (ms < 950) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
}

/** "m:ss" (or "h:mm:ss") for an offset into the session, ms. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

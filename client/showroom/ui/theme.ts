// Look of the in-scene panels: colours, the MSDF fonts served from /assets/fonts, and the panel scale.
export const fontFamilies = {
  inter: {
    normal: '/assets/fonts/inter-msdf-400.json',
    'semi-bold': '/assets/fonts/inter-msdf-600.json',
    bold: '/assets/fonts/inter-msdf-700.json',
  },
};

/** Metres per panel pixel: 16 px text is 2 cm tall, readable at arm's length in a headset and on a monitor. */
export const PIXEL_SIZE = 0.00125;

export const colors = {
  surface: '#fffdf9',
  border: '#e6ddd0',
  text: '#2b2620',
  muted: '#6f6457',
  accent: '#2f5d50',
  accentHover: '#25493f',
  accentText: '#ffffff',
  soft: '#f1ebe2',
  softHover: '#e6ddd0',
  danger: '#9b2c1f',
  ok: '#2f5d50',
};

/** How far in front of the eyes the panels float, metres: nearer on a flat screen, at arm's length in a headset. */
export function panelDistance(inXr: boolean): number {
  return inXr ? 1.05 : 0.78;
}

/** A ref callback that names a uikit element's Object3D (automation and the debug handle find elements by name). */
export const named =
  (name: string) =>
  (o: { name: string } | null): void => {
    if (o) o.name = name;
  };

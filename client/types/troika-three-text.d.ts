// Types for the parts of troika-three-text the showroom uses (its package.json points at no declarations).
declare module 'troika-three-text' {
  import type { Color, Mesh } from 'three';
  export class Text extends Mesh {
    text: string;
    font: string | null;
    fontSize: number;
    color: string | number | Color;
    anchorX: number | 'left' | 'center' | 'right' | `${number}%`;
    anchorY: number | 'top' | 'top-baseline' | 'middle' | 'bottom-baseline' | 'bottom' | `${number}%`;
    maxWidth: number;
    lineHeight: number | 'normal';
    letterSpacing: number;
    textAlign: 'left' | 'right' | 'center' | 'justify';
    outlineWidth: number | string;
    sync(callback?: () => void): void;
    dispose(): void;
  }
  /** Draws every Text added to it in one draw call. */
  export class BatchedText extends Text {
    addText(text: Text): void;
    removeText(text: Text): void;
  }
  export function configureTextBuilder(config: { defaultFontURL?: string | null; unicodeFontsURL?: string | null; useWorker?: boolean; sdfGlyphSize?: number }): void;
}

// The frame every in-scene panel shares: a named uikit root drawn over the scene, surface, border, optional header with a close button.
import { Container, Text } from '@react-three/uikit';
import type { ReactNode } from 'react';
import type { InputKind } from '../../../server/contracts/events';
import { markUiHover } from '../store';
import { Button } from './Button';
import { colors, fontFamilies, named, PIXEL_SIZE } from './theme';

interface Props {
  /** Object name of the panel root, e.g. `product-panel` (automation finds panels by it). */
  name: string;
  /** Width, panel pixels. */
  width: number;
  /** Inner padding and gap between rows, panel pixels. */
  padding?: number;
  gap?: number;
  /** Corner radius, panel pixels. */
  radius?: number;
  /** A 2 px accent border instead of the quiet 1 px one (messages that ask for attention). */
  accent?: boolean;
  /** Drawn after the scene and panels with a lower number. */
  renderOrder?: number;
  /** Which edge sits at the anchor point: the top centre by default, the top left with `left`. */
  anchorX?: 'center' | 'left';
  /** Whether a pointer over the panel counts as over the UI (the desktop drag-look then does not start). */
  marksHover?: boolean;
  /** Header title (24 px bold) and an optional muted line under it. */
  title?: string;
  subtitle?: string;
  /** The header's close button: its object name and what a press does. */
  close?: { name: string; onPress(input: InputKind): void };
  children: ReactNode;
}

/** One in-scene panel root; clicks on it stop there, so nothing behind the panel is selected through it. */
export function Panel3D({ name, width, padding = 22, gap = 10, radius = 20, accent = false, renderOrder = 10, anchorX = 'center', marksHover = true, title, subtitle, close, children }: Props) {
  return (
    <Container
      ref={named(name)}
      pixelSize={PIXEL_SIZE}
      anchorX={anchorX}
      anchorY="top"
      depthTest={false}
      renderOrder={renderOrder}
      fontFamilies={fontFamilies}
      width={width}
      flexDirection="column"
      padding={padding}
      gap={gap}
      backgroundColor={colors.surface}
      borderRadius={radius}
      borderWidth={accent ? 2 : 1}
      borderColor={accent ? colors.accent : colors.border}
      color={colors.text}
      {...(marksHover ? { onPointerEnter: () => markUiHover(1), onPointerLeave: () => markUiHover(-1) } : {})}
      onClick={(e) => e.stopPropagation()}
    >
      {title !== undefined ? (
        <Container flexDirection="row" justifyContent="space-between" alignItems={subtitle === undefined ? 'center' : 'flex-start'} gap={8}>
          <Container flexDirection="column" flexShrink={1} gap={2}>
            <Text fontSize={24} fontWeight="bold">
              {title}
            </Text>
            {subtitle !== undefined ? (
              <Text fontSize={13} color={colors.muted}>
                {subtitle}
              </Text>
            ) : null}
          </Container>
          {close ? <Button name={close.name} label="Close" kind="ghost" fontSize={13} onPress={close.onPress} /> : null}
        </Container>
      ) : null}
      {children}
    </Container>
  );
}

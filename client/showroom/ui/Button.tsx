// A pressable in-scene button: works with any pointer (mouse, touch, crosshair, XR ray or finger) through R3F events.
import { Container, Text } from '@react-three/uikit';
import type { InputKind } from '../../../server/contracts/events';
import { inputKindOf } from '../input/pointerKind';
import { markUiHover } from '../store';
import { colors, named } from './theme';

export type ButtonKind = 'primary' | 'secondary' | 'ghost';

const looks: Record<ButtonKind, { bg: string; hover: string; fg: string }> = {
  primary: { bg: colors.accent, hover: colors.accentHover, fg: colors.accentText },
  secondary: { bg: colors.soft, hover: colors.softHover, fg: colors.text },
  ghost: { bg: colors.surface, hover: colors.soft, fg: colors.muted },
};

interface Props {
  /** Object name, e.g. `panel-add-to-cart` (automation finds buttons by it). */
  name: string;
  label: string;
  kind?: ButtonKind;
  onPress(input: InputKind): void;
  flexGrow?: number;
  width?: number;
  disabled?: boolean;
  fontSize?: number;
}

export function Button({ name, label, kind = 'secondary', onPress, flexGrow, width, disabled = false, fontSize = 15 }: Props) {
  const look = looks[kind];
  return (
    <Container
      ref={named(name)}
      flexGrow={flexGrow}
      width={width}
      height={40}
      paddingX={14}
      borderRadius={10}
      justifyContent="center"
      alignItems="center"
      backgroundColor={look.bg}
      opacity={disabled ? 0.5 : 1}
      hover={disabled ? {} : { backgroundColor: look.hover }}
      cursor={disabled ? undefined : 'pointer'}
      onPointerEnter={() => markUiHover(1)}
      onPointerLeave={() => markUiHover(-1)}
      onClick={(e) => {
        e.stopPropagation();
        if (!disabled) onPress(inputKindOf(e));
      }}
    >
      <Text fontSize={fontSize} fontWeight="semi-bold" color={look.fg}>
        {label}
      </Text>
    </Container>
  );
}

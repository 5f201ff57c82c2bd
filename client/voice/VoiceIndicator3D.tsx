// The listening indicator and the understood phrase in a headset, a small label below the line of sight.
import { Container, Text } from '@react-three/uikit';
import { useShowroom } from '../showroom/store';
import { FollowAnchor } from '../showroom/ui/FollowAnchor';
import { colors, fontFamilies, named, PIXEL_SIZE } from '../showroom/ui/theme';
import { useVoice } from './voiceStore';
import { PRIVACY_NOTE } from './VoiceControl';

export function VoiceIndicator3D() {
  const immersive = useShowroom((s) => s.mode !== 'desktop');
  const status = useVoice((s) => s.status);
  const line = useVoice((s) => s.line);
  const note = useVoice((s) => s.privacyNote);
  if (!immersive || (status === 'idle' && !line)) return null;
  const text = status === 'listening' ? 'Listening…' : status === 'loading' ? 'Starting voice commands…' : status === 'thinking' ? '…' : (line?.text ?? '');
  return (
    <FollowAnchor openKey="voice" angle={0} drop={0.45} name="voice-indicator-anchor">
      <Container
        ref={named('voice-indicator')}
        pixelSize={PIXEL_SIZE}
        anchorY="top"
        depthTest={false}
        renderOrder={14}
        fontFamilies={fontFamilies}
        maxWidth={420}
        flexDirection="column"
        alignItems="center"
        gap={6}
        padding={12}
        borderRadius={16}
        backgroundColor={status === 'listening' ? colors.danger : colors.surface}
        color={status === 'listening' ? '#ffffff' : colors.text}
      >
        {note ? <Text fontSize={13}>{PRIVACY_NOTE}</Text> : null}
        <Text fontSize={18} fontWeight="semi-bold">
          {text}
        </Text>
      </Container>
    </FollowAnchor>
  );
}

// A salesperson's message as a panel in the scene while the visitor is in VR or AR, with a Dismiss button any pointer can press.
import { Container, Text } from '@react-three/uikit';
import { useEffect } from 'react';
import { useShowroom } from '../store';
import { Button } from '../ui/Button';
import { FollowAnchor } from '../ui/FollowAnchor';
import { colors, fontFamilies, named, PIXEL_SIZE } from '../ui/theme';
import { dismissMessage, markShown, useInbox } from './inbox';

export function MessagePanel3D() {
  const message = useInbox((s) => s.waiting[0]);
  const immersive = useShowroom((s) => s.mode !== 'desktop');
  useEffect(() => {
    if (message && immersive) markShown(message, 'panel');
  }, [message, immersive]);
  if (!message || !immersive) return null;
  return (
    // Above the line of sight and a little to the left, clear of the product panel (right of centre, below).
    <FollowAnchor openKey={`message-${message.id}`} angle={0.35} drop={-0.28} name="message-panel-anchor">
      <Container
        ref={named('message-panel')}
        pixelSize={PIXEL_SIZE}
        anchorY="top"
        depthTest={false}
        renderOrder={12}
        fontFamilies={fontFamilies}
        width={340}
        flexDirection="column"
        padding={18}
        gap={10}
        backgroundColor={colors.surface}
        borderRadius={18}
        borderWidth={2}
        borderColor={colors.accent}
        color={colors.text}
        onClick={(e) => e.stopPropagation()}
      >
        <Text fontSize={13} fontWeight="semi-bold" color={colors.accent}>
          {`Message from ${message.senderName}`}
        </Text>
        <Text fontSize={17} lineHeight="140%">
          {message.body}
        </Text>
        <Button name="message-dismiss" kind="primary" label="Dismiss" onPress={(input) => dismissMessage(message, input)} />
      </Container>
    </FollowAnchor>
  );
}

// A salesperson's message as a panel in the scene while the visitor is in VR or AR, with a Dismiss button any pointer can press.
import { Text } from '@react-three/uikit';
import { useEffect } from 'react';
import { useShowroom } from '../store';
import { Button } from '../ui/Button';
import { FollowAnchor } from '../ui/FollowAnchor';
import { Panel3D } from '../ui/Panel3D';
import { colors } from '../ui/theme';
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
      <Panel3D name="message-panel" width={340} padding={18} radius={18} accent renderOrder={12} marksHover={false}>
        <Text fontSize={13} fontWeight="semi-bold" color={colors.accent}>
          {`Message from ${message.senderName}`}
        </Text>
        <Text fontSize={17} lineHeight="140%">
          {message.body}
        </Text>
        <Button name="message-dismiss" kind="primary" label="Dismiss" onPress={(input) => dismissMessage(message, input)} />
      </Panel3D>
    </FollowAnchor>
  );
}

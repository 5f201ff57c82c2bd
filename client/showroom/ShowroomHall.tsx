// The showroom as it stands, without visitors: background, lighting, room, fixtures, labels, contact shadows and products (shared by the showroom and the staff replay).
import type { ShowroomLayout } from './layout';
import { Lighting } from './Lighting';
import { Products } from './products/Products';
import { Fixtures } from './scenery/Fixtures';
import { Labels } from './scenery/Labels';
import { Room } from './scenery/Room';
import { Shadows } from './scenery/Shadows';

export function ShowroomHall({ layout }: { layout: ShowroomLayout }) {
  return (
    <>
      <color attach="background" args={['#e9e4dc']} />
      <Lighting />
      <Room layout={layout} />
      <Fixtures layout={layout} />
      <Labels layout={layout} />
      <Shadows layout={layout} />
      <Products layout={layout} />
    </>
  );
}

// Every product design, by catalogue product id.
import type { Design } from '../design';
import { decor } from './decor';
import { lighting } from './lighting';
import { seating } from './seating';
import { storage } from './storage';
import { tables } from './tables';

export const designs: Record<string, Design> = { ...seating, ...tables, ...lighting, ...storage, ...decor };

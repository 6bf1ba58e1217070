// Wrong on purpose: page-side code reaches the loader (importing the shared content is fine).
import { load } from '../content/load.ts';
import { shared } from '../content/shared.ts';
export const home = '/';
export const loaded = [load, shared];

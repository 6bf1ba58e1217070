// Wrong on purpose: the model imports a layer above it.
import { home } from '../site/urls.ts';
export const start = home;

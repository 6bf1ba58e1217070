// Wrong on purpose: an island imports site code, not only the model.
import { home } from '../site/urls.ts';
export const link = home;

// Wrong on purpose once a page imports it: it reaches a plugin.
import { alerts } from '../remark-alerts.ts';
export const helper = alerts;

/**
 * A role's requirements JSON (`/<role id>/requirements.json`), fetched once per page: the readiness
 * check and the compare page both load roles' requirements only when a reader asks. A failed fetch
 * is forgotten, so asking again retries it.
 */
import type { RoleRequirements } from '../model/career.ts';

const loaded = new Map<string, Promise<RoleRequirements>>();

export function fetchRequirements(url: string): Promise<RoleRequirements> {
  let pending = loaded.get(url);
  if (!pending) {
    pending = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${response.status}`);
      const data = (await response.json()) as RoleRequirements;
      if (!data || typeof data.title !== 'string' || !Array.isArray(data.skills) || !Array.isArray(data.scale)) throw new Error('not requirements');
      return data;
    });
    pending.catch(() => loaded.delete(url));
    loaded.set(url, pending);
  }
  return pending;
}

/**
 * Fetching the site's JSON files the islands load only when a reader asks: a role's requirements
 * (`/<role id>/requirements.json`, for the readiness check and the compare page, each fetched once
 * per page) and the list of every role (`/roles/index.json`). Each answer's shape is checked
 * before it is used; a failed fetch is forgotten, so asking again retries it.
 */
import type { RoleRequirements } from '../model/career.ts';

/** A role in `/roles/index.json`. */
export interface RoleListing {
  id: string;
  title: string;
  requirements: string;
}

async function fetchJson<T>(url: string, isValid: (data: unknown) => data is T): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status}`);
  const data: unknown = await response.json();
  if (!isValid(data)) throw new Error(`unexpected content in ${url}`);
  return data;
}

const isRequirements = (data: unknown): data is RoleRequirements => {
  const value = data as RoleRequirements | null;
  return !!value && typeof value.title === 'string' && Array.isArray(value.skills) && Array.isArray(value.scale);
};

const isRoleList = (data: unknown): data is RoleListing[] =>
  Array.isArray(data) && data.every((role: RoleListing | null) => !!role && typeof role.title === 'string' && typeof role.requirements === 'string');

const loaded = new Map<string, Promise<RoleRequirements>>();

export function fetchRequirements(url: string): Promise<RoleRequirements> {
  let pending = loaded.get(url);
  if (!pending) {
    pending = fetchJson(url, isRequirements);
    pending.catch(() => loaded.delete(url));
    loaded.set(url, pending);
  }
  return pending;
}

export const fetchRoleList = (url: string): Promise<RoleListing[]> => fetchJson(url, isRoleList);

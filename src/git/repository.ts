/**
 * Links into the hosted repository: "Edit this page", a file's full history, one commit.
 * The repository comes from `repository` in rolebook.config.json, or else from the `origin`
 * remote when that is a GitHub or GitLab address (so a fork's site links to the fork).
 */
import type { RolebookConfig } from '../config.ts';
import type { GitHistory } from './history.ts';

export type RepositoryHost = 'github' | 'gitlab';

export interface RepositoryLinks {
  /** `https://github.com/contoso/playbook`, no trailing slash. */
  url: string;
  branch: string;
  /** The content folder inside the repository with a trailing `/` (`content/`), or `` at its root. */
  contentPath: string;
  host: RepositoryHost;
}

/**
 * `git@github.com:o/r.git`, `ssh://git@github.com/o/r`, `https://token@github.com/o/r.git` →
 * `https://github.com/o/r`. Only hosts whose edit URLs we know are accepted; credentials are dropped.
 */
export function webUrlFromRemote(remote: string): string | undefined {
  const trimmed = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(trimmed);
  let host: string;
  let pathname: string;
  if (scp) {
    host = scp[1]!;
    pathname = scp[2]!;
  } else {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(parsed.protocol)) return undefined;
    host = parsed.hostname;
    pathname = parsed.pathname;
  }
  if (!hostOf(`https://${host}`)) return undefined;
  const repoPath = pathname.replace(/^\/+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  if (!/^[\w.-]+(\/[\w.-]+)+$/.test(repoPath)) return undefined;
  return `https://${host}/${repoPath}`;
}

function hostOf(url: string): RepositoryHost | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (hostname === 'github.com' || hostname.endsWith('.ghe.com')) return 'github';
  if (hostname === 'gitlab.com') return 'gitlab';
  return undefined;
}

/** Where the site's content lives on the web, or `undefined` when there is nowhere to link to. */
export function repositoryLinks(
  config: Pick<RolebookConfig, 'repository'>,
  history: GitHistory | undefined,
): RepositoryLinks | undefined {
  const configured = config.repository;
  const url = (configured?.url ?? (history?.originUrl ? webUrlFromRemote(history.originUrl) : undefined))?.replace(/\/+$/, '');
  // Only web addresses become links: a `javascript:` URL in the config must never reach an href.
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  // A configured URL on another host (an enterprise server) is trusted to be GitHub-shaped.
  const host = hostOf(url) ?? 'github';
  const contentPath = configured?.contentPath !== undefined ? folderPath(configured.contentPath) : (history?.contentPrefix ?? '');
  return { url, branch: configured?.branch ?? 'main', contentPath, host };
}

function folderPath(value: string): string {
  const clean = value.replace(/\\/g, '/').replace(/^\.?\/+/, '').replace(/\/+$/, '');
  return clean ? `${clean}/` : '';
}

function encodePath(repoPath: string): string {
  return repoPath.split('/').map(encodeURIComponent).join('/');
}

/** `source` is the document's path below the content folder (`roles/team-manager.md`). */
export function editUrl(links: RepositoryLinks, source: string): string {
  const file = encodePath(`${links.contentPath}${source}`);
  const branch = encodeURIComponent(links.branch);
  return links.host === 'gitlab' ? `${links.url}/-/edit/${branch}/${file}` : `${links.url}/edit/${branch}/${file}`;
}

export function fileHistoryUrl(links: RepositoryLinks, source: string): string {
  const file = encodePath(`${links.contentPath}${source}`);
  const branch = encodeURIComponent(links.branch);
  return links.host === 'gitlab' ? `${links.url}/-/commits/${branch}/${file}` : `${links.url}/commits/${branch}/${file}`;
}

export function commitUrl(links: RepositoryLinks, hash: string): string {
  return links.host === 'gitlab' ? `${links.url}/-/commit/${hash}` : `${links.url}/commit/${hash}`;
}

import { describe, expect, it } from 'vitest';
import type { GitHistory } from '../../src/git/history.ts';
import { commitUrl, editUrl, fileHistoryUrl, repositoryLinks, webUrlFromRemote } from '../../src/git/repository.ts';

const history = (originUrl?: string, contentPrefix = 'content/'): GitHistory => ({
  repoRoot: '/repo',
  contentDir: '/repo/content',
  contentPrefix,
  shallow: false,
  originUrl,
  commitsByFile: new Map(),
});

describe('webUrlFromRemote', () => {
  it.each([
    ['git@github.com:contoso/playbook.git', 'https://github.com/contoso/playbook'],
    ['https://github.com/contoso/playbook.git', 'https://github.com/contoso/playbook'],
    ['https://x-access-token:secret@github.com/contoso/playbook', 'https://github.com/contoso/playbook'],
    ['ssh://git@github.com/contoso/playbook.git', 'https://github.com/contoso/playbook'],
    ['https://gitlab.com/group/sub/playbook.git', 'https://gitlab.com/group/sub/playbook'],
  ])('%s → %s', (remote, url) => {
    expect(webUrlFromRemote(remote)).toBe(url);
  });

  it.each(['https://dev.azure.com/org/project/_git/repo', '/srv/git/playbook.git', 'file:///srv/playbook', 'javascript:alert(1)'])(
    'gives no link for %s (no known edit URL)',
    (remote) => {
      expect(webUrlFromRemote(remote)).toBeUndefined();
    },
  );
});

describe('repository links', () => {
  it('prefers the configured repository, defaulting the content path to the folder inside the repo', () => {
    const links = repositoryLinks(
      { repository: { url: 'https://github.com/contoso/docs/', branch: 'live' } },
      history('git@github.com:someone/fork.git', 'site/content/'),
    )!;
    expect(links).toEqual({ url: 'https://github.com/contoso/docs', branch: 'live', contentPath: 'site/content/', host: 'github' });
    expect(editUrl(links, 'roles/team manager.md')).toBe('https://github.com/contoso/docs/edit/live/site/content/roles/team%20manager.md');
    expect(fileHistoryUrl(links, 'roles/a.md')).toBe('https://github.com/contoso/docs/commits/live/site/content/roles/a.md');
    expect(commitUrl(links, 'abc')).toBe('https://github.com/contoso/docs/commit/abc');
  });

  it('takes an explicit contentPath as written', () => {
    const links = repositoryLinks({ repository: { url: 'https://github.com/c/d', branch: 'main', contentPath: './docs/' } }, undefined)!;
    expect(editUrl(links, 'a.md')).toBe('https://github.com/c/d/edit/main/docs/a.md');
  });

  it('derives the repository from origin when none is configured', () => {
    const links = repositoryLinks({}, history('https://gitlab.com/g/p.git'))!;
    expect(editUrl(links, 'a.md')).toBe('https://gitlab.com/g/p/-/edit/main/content/a.md');
  });

  it('gives no links without a configured or recognisable repository', () => {
    expect(repositoryLinks({}, undefined)).toBeUndefined();
    expect(repositoryLinks({}, history('/srv/git/x.git'))).toBeUndefined();
  });
});

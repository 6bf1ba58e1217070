/**
 * The role page's only career code before interaction: shows the "check against another role"
 * controls and loads the check itself (readiness.ts) on first use, as a separate file.
 */
const root = document.querySelector<HTMLElement>('[data-rb-career]');
if (root) {
  root.hidden = false;
  root.querySelector('[data-rb-career-check]')?.addEventListener('click', () => {
    void import('./readiness.ts').then((module) => module.check(root));
  });
  root.querySelector('[data-rb-career-more]')?.addEventListener('click', () => {
    void import('./readiness.ts').then((module) => module.listEveryRole(root));
  });
}

/**
 * Content-Security-Policy for the built site: only the site's own scripts and styles run.
 *
 * Astro 7 has CSP built in (`security.csp`, stable since Astro 6): at build time it hashes
 * every script and style Astro emits, inline ones included, and writes a
 * `<meta http-equiv="content-security-policy">` into each page. This integration switches it
 * on with Rolebook's policy; after the build, `src/build/csp-check.ts`
 *  - refuses to publish a page that lacks the policy (a page copied in from `public/`, say),
 *  - writes `_headers` (read by Netlify, Cloudflare Pages and similar hosts) with what a meta
 *    tag cannot carry: `frame-ancestors` (ignored in a meta tag) and a few companion headers.
 *
 * The `_headers` policy deliberately names no script or style sources: a browser enforces
 * every policy it receives, so a header without Astro's per-page hashes would block the very
 * scripts the meta tag allows.
 */
import type { AstroConfig, AstroIntegration } from 'astro';

type CspConfig = Exclude<NonNullable<AstroConfig['security']['csp']>, boolean>;

/**
 * Directives besides `script-src`/`style-src`, which Astro writes with its hashes.
 * - `default-src 'self'`: fetches (Pagefind's index), workers, fonts, media stay on the site.
 * - `img-src` adds `https:` because the sanitiser keeps remote images in guides, and `data:`
 *   for small icons inlined into stylesheets; content itself cannot use `data:` (sanitised).
 * - `object-src 'none'`, `frame-src 'none'`: no plug-ins, no frames, whatever the markup says.
 * - `base-uri 'self'` stops a `<base>` tag from moving relative script URLs elsewhere;
 *   `form-action 'self'` keeps any form from posting off-site.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' https: data:",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Scripts: the site's own files plus Astro-hashed inline scripts; never `'unsafe-inline'` or
 * `'unsafe-eval'`. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly search engine; it
 * does not allow `eval` or string-to-code of JavaScript.
 *
 * Styles: the site's own stylesheets plus Astro-hashed inline `<style>` blocks. No
 * `'unsafe-inline'` either, for elements or `style=""` attributes: content cannot carry style
 * attributes (the sanitiser drops them), and the site's scripts set styles through CSSOM
 * (`element.style.x = …`), which CSP does not restrict. Allowing inline styles would only
 * widen what injected markup could do (CSS-based data exfiltration, UI redressing).
 */
export const cspConfig: CspConfig = {
  algorithm: 'SHA-256',
  directives: [...CSP_DIRECTIVES],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
};

/** Headers for hosts that read `_headers`. Applies to every path below the site root. */
export const HEADERS_FILE = `# Written by Rolebook's build (src/build/csp-check.ts; policy in src/integrations/csp.ts).
# Scripts and styles are restricted per page by the <meta http-equiv="content-security-policy">
# tag, which carries each page's hashes; this header adds what a meta tag cannot express.
/*
  Content-Security-Policy: frame-ancestors 'none'; object-src 'none'; base-uri 'self'
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
`;

export function cspIntegration(): AstroIntegration {
  return {
    name: 'rolebook-csp',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ security: { csp: cspConfig } });
      },
    },
  };
}

/// <reference types="astro/client" />
// Astro's client types (import.meta.env, astro:assets) for the type check, which runs before any
// build has written .astro/types.d.ts (a fresh clone's `npm test`).

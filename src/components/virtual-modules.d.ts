/** The virtual module of src/integrations/content-files.ts: a lazy import per published content file. */
declare module 'virtual:rolebook/content-files' {
  import type { ImageMetadata } from 'astro';
  /** By path below the content folder; pictures import as image metadata, other files as their URL. */
  export const contentFiles: Record<string, () => Promise<{ default: ImageMetadata | string }>>;
}

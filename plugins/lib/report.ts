/**
 * Reports a content problem on a node. Nodes spliced in from an include carry the include's path
 * in `data.sourceFile`, so the message names the file and line the author has to edit.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning';

declare module 'unist' {
  interface Data {
    /** Absolute path of the include file a node was spliced in from. */
    sourceFile?: string;
  }
}

export function sourceFileOf(node: Node | undefined): string | undefined {
  return node?.data?.sourceFile;
}

export function report(
  file: VFile,
  reason: string,
  place: Node | { line: number; column: number } | undefined,
  ruleId: string,
  severity: Severity = 'error',
): VFileMessage {
  const isNode = !!place && 'type' in place;
  const message = file.message(reason, {
    place: isNode ? (place as Node).position : (place as { line: number; column: number } | undefined),
    ruleId,
    source: 'rolebook',
  });
  message.fatal = severity === 'error';
  const included = isNode ? sourceFileOf(place as Node) : undefined;
  if (included) message.file = included;
  return message;
}

/** Where a document's own content starts (the line after its front matter), for whole-document problems. */
export function documentStart(file: VFile): { line: number; column: number } {
  return { line: (file.data.frontMatter?.lineCount ?? 0) + 1, column: 1 };
}

/**
 * Reports a content problem on a node. Nodes spliced in from an include carry the include's path
 * in `data.sourceFile`, so the message names the file and line the author has to edit.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning';

export interface SourcedData {
  sourceFile?: string;
}

export function sourceFileOf(node: Node | undefined): string | undefined {
  return (node?.data as SourcedData | undefined)?.sourceFile;
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

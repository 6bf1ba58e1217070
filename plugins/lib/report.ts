/**
 * Reports a content problem on a node. Nodes spliced in from an include carry the include's path
 * in `data.sourceFile`, so the message names the file and line the author has to edit.
 */
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { RULES, type RuleId } from '../../src/model/rules.ts';

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
  ruleId: RuleId,
  severity: Severity = RULES[ruleId].severity,
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

/**
 * Reports an error that stops the document: nothing after it could read the document correctly,
 * so the loader reports this message (and those before it) and no follow-on errors. Thrown as the
 * message itself, as unified's `file.fail` does.
 */
export function refuse(file: VFile, reason: string, place: Node | { line: number; column: number }, ruleId: RuleId): never {
  throw report(file, reason, place, ruleId, 'error');
}

/** Where a document's own content starts (the line after its front matter), for whole-document problems. */
export function documentStart(file: VFile): { line: number; column: number } {
  return { line: (file.data.frontMatter?.lineCount ?? 0) + 1, column: 1 };
}

/**
 * A lean stand-in for unist-util-visit's `visit` (same calling convention for what Rolebook uses:
 * an optional node type, a visitor `(node, index, parent)` that may return SKIP, EXIT or
 * [action, nextIndex]). unist-util-visit-parents allocates a closure and an ancestor array per node
 * and renames that closure with Object.defineProperty for debugging; over a whole build that was
 * about a sixth of the loader's CPU time.
 */
import type { Node, Parent } from 'unist';

export const CONTINUE = true;
export const EXIT = false;
export const SKIP = 'skip';

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP | undefined | void;
type Result = Action | [Action, number?] | number;

/** `any` as in unist-util-visit's own typings: each plugin narrows the node by the type it asks for. */
type Visitor<T = any> = (node: T, index: number | undefined, parent: Parent | undefined) => Result;

export function visit(tree: Node, visitor: Visitor): void;
export function visit(tree: Node, type: string, visitor: Visitor<any>): void;
export function visit(tree: Node, typeOrVisitor: string | Visitor, maybeVisitor?: Visitor): void {
  const type = typeof typeOrVisitor === 'string' ? typeOrVisitor : undefined;
  const visitor = (typeof typeOrVisitor === 'string' ? maybeVisitor : typeOrVisitor)!;

  /** Returns false to stop everything, or the index to continue at in the parent. */
  const one = (node: Node, index: number | undefined, parent: Parent | undefined): false | number | undefined => {
    let action: Action;
    let next: number | undefined;
    if (type === undefined || node.type === type) {
      const result = visitor(node, index, parent);
      if (Array.isArray(result)) [action, next] = result;
      else if (typeof result === 'number') next = result;
      else action = result;
      if (action === EXIT) return false;
    }
    const children = (node as Parent).children;
    if (action !== SKIP && children) {
      for (let i = 0; i < children.length; ) {
        const after = one(children[i]!, i, node as Parent);
        if (after === false) return false;
        i = after ?? i + 1;
      }
    }
    return next;
  };
  one(tree, undefined, undefined);
}

import { simpleTraverse, type TSESTree } from "@typescript-eslint/typescript-estree";

type NodeOfType<T extends TSESTree.Node["type"]> = Extract<TSESTree.Node, { type: T }>;

const cache = new WeakMap<TSESTree.Program, Map<string, TSESTree.Node[]>>();

/** Every node of one type in source order; one walk per AST serves every type and transform. */
export function nodesOfType<T extends TSESTree.Node["type"]>(ast: TSESTree.Program, type: T): readonly NodeOfType<T>[] {
  let byType = cache.get(ast);
  if (!byType) {
    const collected = new Map<string, TSESTree.Node[]>();
    simpleTraverse(ast, {
      enter(node) {
        let list = collected.get(node.type);
        if (!list) collected.set(node.type, (list = []));
        list.push(node);
      },
    });
    byType = collected;
    cache.set(ast, byType);
  }
  return (byType.get(type) ?? []) as NodeOfType<T>[];
}

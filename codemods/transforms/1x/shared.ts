// What the 1.x transforms share: renaming or dropping an option key of an object literal by the
// 1.x data, and the review marker that says which keys were dropped and why.
import { AST_NODE_TYPES, type TSESTree } from "@typescript-eslint/types";
import { skipTrivia } from "../../../analysis/ast.js";
import type { EditList } from "../../../analysis/edits.js";
import { keyedProperties, option1x } from "../../../analysis/honeyhive-1x.js";

/** `{ key: v }` → `{ to: v }`; a shorthand `{ key }` → `{ to: key }`. */
export function renameKey(edits: EditList, property: TSESTree.Property, to: string): void {
  if (property.shorthand) edits.insertBefore(property, `${to}: `);
  else edits.replace(property.key, property.computed ? `[${JSON.stringify(to)}]` : to);
}

/** Removes `property` from its object literal with the comma that belongs to it (`{ a, b }` → `{ a }`; the only one → `{}`). */
export function removeProperty(edits: EditList, text: string, property: TSESTree.ObjectLiteralElement): void {
  const object = property.parent as TSESTree.ObjectExpression;
  const index = object.properties.indexOf(property);
  const next = object.properties[index + 1];
  const previous = object.properties[index - 1];
  if (next) {
    edits.remove([property.range[0], next.range[0]]);
  } else if (previous) {
    // A trailing comma stays trailing: `{ a, b, }` → `{ a, }`.
    const comma = skipTrivia(text, property.range[1]);
    const trailing = text[comma] === "," && comma < object.range[1] - 1;
    edits.remove([previous.range[1], trailing ? comma : property.range[1]]);
  } else {
    edits.remove([object.range[0] + 1, object.range[1] - 1]);
  }
}

/**
 * Applies the data's decision to each key of a 1.x options literal of call `of`: `rename` keys get
 * this SDK's name, `marker`/`removed` keys are dropped (they would not type-check) and returned so the
 * caller's marker names them. Keys the data does not know, and `rewrite` keys, are left to the caller.
 */
export function migrateOptionKeys(edits: EditList, text: string, object: TSESTree.ObjectExpression, of: string): string[] {
  const dropped: string[] = [];
  for (const { property, key } of keyedProperties(object)) {
    const migration = option1x(of, key)?.migration;
    if (!migration) continue;
    if (migration.decision === "rename" && migration.to !== undefined && migration.to !== key) renameKey(edits, property, migration.to);
    if (migration.decision === "marker" || migration.decision === "removed") {
      removeProperty(edits, text, property);
      dropped.push(`${key} (${migration.why.replace(/\.$/, "")})`);
    }
  }
  return dropped;
}

/** The marker text for keys `migrateOptionKeys` dropped. */
export function droppedKeysMessage(of: string, dropped: readonly string[]): string {
  return `removed 1.x ${of} option${dropped.length > 1 ? "s" : ""} ${dropped.join("; ")}`;
}

/** The first argument when it is an object literal. */
export function objectArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index = 0): TSESTree.ObjectExpression | undefined {
  const argument = call.arguments[index];
  return argument?.type === AST_NODE_TYPES.ObjectExpression ? argument : undefined;
}

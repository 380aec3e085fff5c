/**
 * `withLazyRecursiveArrays`: component schemas that contain themselves through arrays, written so that TypeScript
 * accepts them.
 *
 * openapi-typescript writes every `$ref` to a component schema as an indexed access, `components["schemas"]["X"]`. A
 * schema that is one of several things, one of them an array of itself (a JSON value: `oneOf: [string, number,
 * boolean, object, array of JsonValue]`, as Vercel's EdgeConfigItemValue is), becomes
 * `X: string | ... | components["schemas"]["X"][]`, and TypeScript refuses it: "'X' is referenced directly or
 * indirectly in its own type annotation" (openapi-typescript issue 1603). TypeScript resolves a union's members, an
 * array's element type and a type reference's arguments as soon as it resolves the property; it resolves an object
 * literal's members and an interface's base types only when they are used. So where the schemas reach themselves
 * again only through the first kind, each array on the way becomes an interface that extends `Array` of the same
 * element type, declared after the rest: `interface XArray extends Array<components["schemas"]["X"]> {}`. That is
 * the same type for every use (indexing, `Array.isArray`, iteration, assignment both ways). Nothing else changes: a
 * schema that contains itself through a property (an object literal) already compiles, and stays as it is.
 */
import type * as TS from "typescript";
import { ts } from "../typescript.js";

export function withLazyRecursiveArrays(nodes: readonly TS.Node[]): TS.Node[] {
  const schemas = componentSchemas(nodes);
  if (schemas === undefined) return [...nodes];
  const types = new Map<string, TS.TypeNode>();
  for (const member of schemas.type.members) {
    const name = member.name !== undefined ? propertyName(member.name) : undefined;
    if (ts.isPropertySignature(member) && name !== undefined && member.type !== undefined) types.set(name, member.type);
  }
  const cyclic = cyclicComponents(types);
  if (cyclic.size === 0) return [...nodes];

  const declarations: TS.InterfaceDeclaration[] = [];
  const taken = new Set<string>();
  const interfaceFor = (schema: string, element: TS.TypeNode): TS.TypeReferenceNode => {
    const base = `${schema.replace(/[^A-Za-z0-9_$]/g, "_").replace(/^(?=[0-9])/, "_")}Array`;
    let name = base;
    for (let index = 2; taken.has(name); index++) name = `${base}${index}`;
    taken.add(name);
    const declaration = ts.factory.createInterfaceDeclaration(
      undefined,
      name,
      undefined,
      [ts.factory.createHeritageClause(ts.SyntaxKind.ExtendsKeyword, [ts.factory.createExpressionWithTypeArguments(ts.factory.createIdentifier("Array"), [element])])],
      [],
    );
    declarations.push(
      ts.addSyntheticLeadingComment(
        declaration,
        ts.SyntaxKind.MultiLineCommentTrivia,
        `* An array in components["schemas"][${JSON.stringify(schema)}], written as an interface so that TypeScript accepts the schema's reference to itself. `,
        true,
      ),
    );
    return ts.factory.createTypeReferenceNode(name);
  };

  const rewrite = (schema: string, node: TS.TypeNode): TS.TypeNode => {
    const visit = (child: TS.Node): TS.Node => {
      if (!isEagerPosition(child)) return child;
      if (ts.isArrayTypeNode(child) && [...eagerTargets(child.elementType)].some((target) => cyclic.get(target) === cyclic.get(schema))) {
        return interfaceFor(schema, child.elementType);
      }
      return ts.visitEachChild(child, visit, undefined);
    };
    return visit(node) as TS.TypeNode;
  };

  const members = schemas.type.members.map((member) => {
    const name = member.name !== undefined ? propertyName(member.name) : undefined;
    if (!ts.isPropertySignature(member) || name === undefined || member.type === undefined || !cyclic.has(name)) return member;
    return ts.factory.updatePropertySignature(member, member.modifiers, member.name, member.questionToken, rewrite(name, member.type));
  });
  const updatedSchemas = ts.factory.updatePropertySignature(
    schemas.property,
    schemas.property.modifiers,
    schemas.property.name,
    schemas.property.questionToken,
    ts.factory.updateTypeLiteralNode(schemas.type, ts.factory.createNodeArray(members)),
  );
  const updatedComponents = ts.factory.updateInterfaceDeclaration(
    schemas.components,
    schemas.components.modifiers,
    schemas.components.name,
    schemas.components.typeParameters,
    schemas.components.heritageClauses,
    schemas.components.members.map((member) => (member === schemas.property ? updatedSchemas : member)),
  );
  return [...nodes.map((node) => (node === schemas.components ? updatedComponents : node)), ...declarations];
}

interface ComponentSchemas {
  readonly components: TS.InterfaceDeclaration;
  readonly property: TS.PropertySignature;
  readonly type: TS.TypeLiteralNode;
}

/** `export interface components { schemas: { ... } }` in openapi-typescript's output. */
function componentSchemas(nodes: readonly TS.Node[]): ComponentSchemas | undefined {
  for (const node of nodes) {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== "components") continue;
    for (const member of node.members) {
      if (ts.isPropertySignature(member) && member.name !== undefined && propertyName(member.name) === "schemas" && member.type !== undefined && ts.isTypeLiteralNode(member.type)) {
        return { components: node, property: member, type: member.type };
      }
    }
  }
  return undefined;
}

function propertyName(name: TS.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** `components["schemas"]["X"]` -> `X`. */
function schemaReference(node: TS.Node): string | undefined {
  if (!ts.isIndexedAccessTypeNode(node) || !ts.isLiteralTypeNode(node.indexType) || !ts.isStringLiteral(node.indexType.literal)) return undefined;
  const outer = node.objectType;
  if (!ts.isIndexedAccessTypeNode(outer) || !ts.isLiteralTypeNode(outer.indexType) || !ts.isStringLiteral(outer.indexType.literal) || outer.indexType.literal.text !== "schemas") return undefined;
  return ts.isTypeReferenceNode(outer.objectType) && ts.isIdentifier(outer.objectType.typeName) && outer.objectType.typeName.text === "components" ? node.indexType.literal.text : undefined;
}

/** Type nodes TypeScript resolves as soon as the type around them: a union's members, an array's element, a reference's arguments. */
function isEagerPosition(node: TS.Node): boolean {
  return (
    ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node) || ts.isParenthesizedTypeNode(node) || ts.isArrayTypeNode(node) || ts.isTupleTypeNode(node) ||
    ts.isNamedTupleMember(node) || ts.isOptionalTypeNode(node) || ts.isRestTypeNode(node) || ts.isTypeOperatorNode(node) || ts.isTypeReferenceNode(node) ||
    ts.isIndexedAccessTypeNode(node) || ts.isLiteralTypeNode(node) || ts.isToken(node) || ts.isIdentifier(node)
  );
}

/** The component schemas `node` refers to in eager positions. */
function eagerTargets(node: TS.Node, into = new Set<string>()): Set<string> {
  const target = schemaReference(node);
  if (target !== undefined) {
    into.add(target);
    return into;
  }
  if (isEagerPosition(node)) ts.forEachChild(node, (child) => void eagerTargets(child, into));
  return into;
}

/** Schemas on a cycle of eager references, each mapped to its strongly connected component (Tarjan's algorithm). */
function cyclicComponents(types: ReadonlyMap<string, TS.TypeNode>): Map<string, number> {
  const edges = new Map([...types].map(([name, type]) => [name, [...eagerTargets(type)].filter((target) => types.has(target))]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cyclic = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const connect = (name: string): void => {
    index.set(name, counter);
    low.set(name, counter++);
    stack.push(name);
    onStack.add(name);
    for (const target of edges.get(name) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(name, Math.min(low.get(name)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(name, Math.min(low.get(name)!, index.get(target)!));
    }
    if (low.get(name) !== index.get(name)) return;
    const members: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      members.push(member);
    } while (member !== name);
    if (members.length > 1 || (edges.get(name) ?? []).includes(name)) {
      for (const each of members) cyclic.set(each, components);
      components++;
    }
  };
  for (const name of types.keys()) if (!index.has(name)) connect(name);
  return cyclic;
}

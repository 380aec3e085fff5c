/**
 * `printSourceFile`: declarations (and statements given as text) -> the text of a TypeScript file, two-space
 * indented, laid out as ts-morph's `printStructure` lays out the same structures (a blank line before a function, a
 * class or an interface and after anything that ends with `}`, one statement per line in a body).
 *
 * Why not ts-morph, which the emitters used to print through: importing it loads the copy of the TypeScript compiler
 * it bundles, a second 9 MB script beside the `typescript` that openapi-typescript loads. That took 0.25-0.35 s of
 * every `payspec generate` (about a fifth of a curated spec's, bench/generation.ts), and ts-morph's writer another
 * 0.6 s on GitHub's REST description; the handful of declaration kinds the client and validators need print in a
 * page of code. test/generator/print.test.ts checks the layout against ts-morph's own printer.
 */

export interface Parameter {
  readonly name: string;
  readonly type?: string;
  readonly hasQuestionToken?: boolean;
  readonly initializer?: string;
}

interface Declared {
  /** JSDoc comments, each its text without the comment markers (one line prints as `/** text *\/`). */
  readonly docs?: readonly string[];
}

interface WithBody {
  /** One statement, or one per line. */
  readonly statements: string | readonly string[];
}

export interface FunctionDeclaration extends Declared, WithBody {
  readonly kind: "function";
  readonly name: string;
  readonly isExported?: boolean;
  readonly typeParameters?: readonly string[];
  readonly parameters: readonly Parameter[];
  readonly returnType?: string;
}

export interface ImportDeclaration {
  readonly kind: "import";
  readonly moduleSpecifier: string;
  readonly isTypeOnly?: boolean;
  readonly namedImports?: readonly string[];
  readonly namespaceImport?: string;
}

export interface PropertySignature extends Declared {
  readonly name: string;
  readonly type: string;
  readonly isReadonly?: boolean;
  readonly hasQuestionToken?: boolean;
}

export interface InterfaceDeclaration extends Declared {
  readonly kind: "interface";
  readonly name: string;
  readonly isExported?: boolean;
  readonly properties: readonly PropertySignature[];
}

export interface TypeAliasDeclaration extends Declared {
  readonly kind: "type";
  readonly name: string;
  readonly isExported?: boolean;
  readonly type: string;
}

export interface MethodDeclaration extends Declared, WithBody {
  readonly name: string;
  readonly parameters: readonly Parameter[];
  readonly returnType?: string;
}

export interface ConstructorDeclaration extends WithBody {
  readonly parameters: readonly Parameter[];
}

export interface ClassDeclaration extends Declared {
  readonly kind: "class";
  readonly name: string;
  readonly isExported?: boolean;
  readonly properties: readonly PropertySignature[];
  readonly ctors: readonly ConstructorDeclaration[];
  readonly methods: readonly MethodDeclaration[];
}

export type Statement = string | FunctionDeclaration | ImportDeclaration | InterfaceDeclaration | TypeAliasDeclaration | ClassDeclaration;

export function printSourceFile(statements: readonly Statement[]): string {
  const writer = new Writer();
  for (const statement of statements) {
    writer.separate();
    if (typeof statement === "string") {
      writer.write(statement);
      continue;
    }
    if (statement.kind === "function" || statement.kind === "class" || statement.kind === "interface") writer.blankLineUnlessStart();
    printDeclaration(writer, statement);
  }
  if (!writer.atLineStart()) writer.newLine();
  return writer.text();
}

function printDeclaration(writer: Writer, statement: Exclude<Statement, string>): void {
  switch (statement.kind) {
    case "import": {
      const names = statement.namedImports ?? [];
      const what = statement.namespaceImport !== undefined ? ` * as ${statement.namespaceImport} from` : names.length > 0 ? ` { ${names.join(", ")} } from` : "";
      writer.write(`import${statement.isTypeOnly ? " type" : ""}${what} ${JSON.stringify(statement.moduleSpecifier)};`);
      return;
    }
    case "type":
      printDocs(writer, statement.docs);
      writer.write(`${exported(statement)}type ${statement.name} = ${statement.type};`);
      return;
    case "interface":
      printDocs(writer, statement.docs);
      writer.write(`${exported(statement)}interface ${statement.name} `);
      writer.block(() => statement.properties.forEach((property, index) => printProperty(writer, property, index)));
      return;
    case "function":
      printDocs(writer, statement.docs);
      writer.write(`${exported(statement)}function ${statement.name}${typeParameters(statement.typeParameters)}${signature(statement.parameters, statement.returnType)} `);
      writer.block(() => printBody(writer, statement.statements));
      return;
    case "class":
      printDocs(writer, statement.docs);
      writer.write(`${exported(statement)}class ${statement.name} `);
      writer.block(() => {
        statement.properties.forEach((property, index) => printProperty(writer, property, index));
        for (const ctor of statement.ctors) {
          writer.blankLineUnlessStart();
          writer.write(`constructor${signature(ctor.parameters)} `);
          writer.block(() => printBody(writer, ctor.statements));
        }
        statement.methods.forEach((method, index) => {
          if (index === 0) writer.blankLineUnlessStart();
          else writer.blankLine();
          printDocs(writer, method.docs);
          writer.write(`${method.name}${signature(method.parameters, method.returnType)} `);
          writer.block(() => printBody(writer, method.statements));
        });
      });
      return;
  }
}

function exported(declaration: { readonly isExported?: boolean }): string {
  return declaration.isExported ? "export " : "";
}

function typeParameters(names: readonly string[] | undefined): string {
  return names === undefined || names.length === 0 ? "" : `<${names.join(", ")}>`;
}

function signature(parameters: readonly Parameter[], returnType?: string): string {
  const list = parameters.map((parameter) => {
    // A parameter with a question token always gets a type (`any` when none is given), as TypeScript requires.
    const type = parameter.type ?? (parameter.hasQuestionToken ? "any" : undefined);
    return `${parameter.name}${parameter.hasQuestionToken ? "?" : ""}${type !== undefined ? `: ${type}` : ""}${parameter.initializer !== undefined ? ` = ${parameter.initializer}` : ""}`;
  });
  return `(${list.join(", ")})${returnType !== undefined ? `: ${returnType}` : ""}`;
}

function printProperty(writer: Writer, property: PropertySignature, index: number): void {
  if (index > 0) writer.newLine();
  printDocs(writer, property.docs);
  writer.write(`${property.isReadonly ? "readonly " : ""}${property.name}${property.hasQuestionToken ? "?" : ""}: ${property.type};`);
}

function printBody(writer: Writer, statements: string | readonly string[]): void {
  for (const statement of typeof statements === "string" ? [statements] : statements) {
    writer.separate();
    writer.write(statement);
  }
}

/** Each doc as a JSDoc comment on lines of its own: `/** one line *\/`, or `/**`, ` * line`..., ` *\/`. */
function printDocs(writer: Writer, docs: readonly string[] | undefined): void {
  for (const doc of docs ?? []) {
    const lines = doc.split(/\r?\n/);
    if (lines.length === 1) {
      writer.write(doc.endsWith(" ") ? `/** ${doc}*/` : `/** ${doc} */`);
    } else {
      writer.write("/**");
      for (const line of lines[0] === "" ? lines.slice(1) : lines) {
        writer.newLine();
        writer.write(line === "" ? " *" : ` * ${line}`);
      }
      writer.newLine();
      writer.write(" */");
    }
    writer.newLine();
  }
}

/**
 * Text with indentation: every line written inside a block starts with two spaces per level (empty lines stay
 * empty). Knows its last characters, for the layout rules above.
 */
class Writer {
  readonly #chunks: string[] = [];
  /** The last two characters written, the most recent last. */
  #tail = "";
  /** The last character written other than a space or a line break. */
  #lastVisible = "";
  #level = 0;
  /** Nothing written yet in the current block (or file). */
  #blockStart = true;

  write(text: string): void {
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      if (index > 0) this.newLine();
      if (line === "") return;
      if (this.atLineStart() && this.#level > 0) this.#append("  ".repeat(this.#level));
      this.#append(line);
      const visible = line.trimEnd();
      if (visible !== "") this.#lastVisible = visible.charAt(visible.length - 1);
      this.#blockStart = false;
    });
  }

  newLine(): void {
    this.#append("\n");
  }

  /** Between two statements: a line break, and a blank line after one that ends with `}`. */
  separate(): void {
    if (this.#lastVisible === "}") this.#blankLineIfLastNot();
    else if (!this.#atStartOfBlock()) this.#newLineIfLastNot();
  }

  /** A blank line, unless nothing was written yet in this block. */
  blankLineUnlessStart(): void {
    if (!this.#atStartOfBlock()) this.#blankLineIfLastNot();
  }

  blankLine(): void {
    this.#newLineIfLastNot();
    this.newLine();
  }

  /** `{`, the body one level in, `}` on a line of its own. */
  block(body: () => void): void {
    this.write("{");
    this.newLine();
    this.#level++;
    this.#blockStart = true;
    body();
    this.#blockStart = false;
    this.#level--;
    this.#newLineIfLastNot();
    this.write("}");
  }

  atLineStart(): boolean {
    return this.#tail === "" || this.#tail.endsWith("\n");
  }

  text(): string {
    return this.#chunks.join("");
  }

  #atStartOfBlock(): boolean {
    return this.#blockStart && this.atLineStart();
  }

  #newLineIfLastNot(): void {
    if (!this.atLineStart()) this.newLine();
  }

  #blankLineIfLastNot(): void {
    if (this.#tail !== "\n\n") this.blankLine();
  }

  #append(text: string): void {
    this.#chunks.push(text);
    this.#tail = (this.#tail + text).slice(-2);
  }
}

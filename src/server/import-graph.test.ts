import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The dependency rules of decision 015, checked on the source: every non-test module under src/
// is parsed (not run) and its imports classified. Type-only imports vanish when the code runs, so
// only value imports count, except where a rule says otherwise.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DECISION = 'docs/decisions/015-one-shape-for-every-feature.md';

/**
 * The read models decision 015 names in its table: the only modules that may read other
 * features' tables. The decision is the list, so a new read model is named there and nowhere else.
 */
const READ_MODELS = (() => {
  const decision = readFileSync(join(ROOT, DECISION), 'utf8');
  const table = decision.slice(decision.indexOf('| read model | answers | reads |')).split('\n\n')[0] ?? '';
  return [...table.matchAll(/^\| `([a-z-]+\/[a-z.-]+\.ts)` \|/gm)].map((match) => `src/features/${match[1]}`);
})();

/** Where SQL may be written: queries, read models, tables, the audit recorder and the db layer. */
function maySpeakSql(file: string): boolean {
  return (
    /\.(queries|read-model|table)\.ts$/.test(file) ||
    file === 'src/features/audit/record-audit.ts' ||
    file.startsWith('src/server/db/')
  );
}

/** Modules outside ui/ that pages already use and that are safe in the browser. */
const ISOMORPHIC_FOR_PAGES = [
  'src/features/audit/audit-diff.ts',
  'src/features/memberships/membership-roles.ts',
  'src/features/organisations/actor-type.ts',
  // The weighted total: the service computes it, the scoring form shows the same number live.
  'src/features/assessments/weighted-total.ts',
];

type Import = {
  from: string;
  /** A path relative to the repository for a module of ours, else the package specifier. */
  to: string;
  typeOnly: boolean;
  line: number;
};

type Violation = { rule: string; key: string; message: string };

function listModules(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return listModules(path);
    return /\.tsx?$/.test(name) && !/\.(test|e2e)\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, as the bundler resolves it; packages stay as written. */
function resolveSpecifier(from: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const base = relative(ROOT, resolve(ROOT, dirname(from), specifier.replace(/\?.*$/, '')));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return (
    candidates.find(
      (candidate) => existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile(),
    ) ?? base
  );
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return (
    !clause.name &&
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}

function readImports(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const imports: Import[] = [];
  const add = (specifier: ts.Expression, typeOnly: boolean) => {
    if (!ts.isStringLiteralLike(specifier)) return;
    imports.push({
      from: file,
      to: resolveSpecifier(file, specifier.text),
      typeOnly,
      line: source.getLineAndCharacterOfPosition(specifier.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, isTypeOnlyImport(node));
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier)
      add(node.moduleSpecifier, isTypeOnlyExport(node));
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier) add(specifier, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return imports;
}

/** The feature names in `FEATURES` of src/server/features.ts, in their order. */
function readFeatureOrder(): string[] {
  const file = 'src/server/features.ts';
  const source = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  let names: string[] | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === 'FEATURES' && node.initializer) {
      let list: ts.Expression = node.initializer;
      while (
        ts.isAsExpression(list) ||
        ts.isSatisfiesExpression(list) ||
        ts.isParenthesizedExpression(list)
      ) {
        list = list.expression;
      }
      if (!ts.isArrayLiteralExpression(list)) throw new Error(`${file}: FEATURES is not an array literal.`);
      names = list.elements.map((element) => {
        const name =
          ts.isObjectLiteralExpression(element) &&
          element.properties.find(
            (property): property is ts.PropertyAssignment =>
              ts.isPropertyAssignment(property) && property.name.getText(source) === 'name',
          );
        if (!name || !ts.isStringLiteralLike(name.initializer)) {
          throw new Error(`${file}: every entry of FEATURES needs a literal name.`);
        }
        return name.initializer.text;
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!names) throw new Error(`${file} declares no FEATURES list.`);
  return names;
}

const featureOf = (file: string) => /^src\/features\/([^/]+)\//.exec(file)?.[1];
const isUi = (file: string) => /^src\/features\/[^/]+\/ui\//.test(file);
const isTable = (file: string) => file.endsWith('.table.ts');
const isQueries = (file: string) => file.endsWith('.queries.ts');
const isDrizzle = (specifier: string) => specifier === 'drizzle-orm' || specifier.startsWith('drizzle-orm/');
const describeImport = (edge: Import) => `${edge.from}:${edge.line} imports ${edge.to}`;
const keyOf = (edge: Import) => `${edge.from} → ${edge.to}`;

/** Every value import that closes a circle, with one circle it belongs to. */
function findCycles(modules: string[], edges: Import[]): Violation[] {
  const next = new Map<string, Import[]>(modules.map((module) => [module, []]));
  for (const edge of edges) if (!edge.typeOnly && next.has(edge.to)) next.get(edge.from)!.push(edge);

  // Tarjan's strongly connected components: an edge inside a component closes a circle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const connect = (module: string) => {
    index.set(module, counter);
    low.set(module, counter);
    counter += 1;
    stack.push(module);
    onStack.add(module);
    for (const { to } of next.get(module)!) {
      if (!index.has(to)) {
        connect(to);
        low.set(module, Math.min(low.get(module)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(module, Math.min(low.get(module)!, index.get(to)!));
      }
    }
    if (low.get(module) === index.get(module)) {
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.set(member, components);
        if (member === module) break;
      }
      components += 1;
    }
  };
  for (const module of modules) if (!index.has(module)) connect(module);

  /** The shortest way back from `start` to `goal` inside their component. */
  const pathBack = (start: string, goal: string): string[] => {
    const previous = new Map<string, string>([[start, start]]);
    const queue = [start];
    while (queue.length > 0) {
      const module = queue.shift()!;
      if (module === goal) break;
      for (const { to } of next.get(module)!) {
        if (component.get(to) !== component.get(goal) || previous.has(to)) continue;
        previous.set(to, module);
        queue.push(to);
      }
    }
    const path = [goal];
    while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
    return path;
  };

  return edges
    .filter(
      (edge) => !edge.typeOnly && next.has(edge.to) && component.get(edge.from) === component.get(edge.to),
    )
    .map((edge) => ({
      rule: 'circle',
      key: keyOf(edge),
      message: `${describeImport(edge)}, closing a circle: ${[edge.from, ...pathBack(edge.to, edge.from)].join(' → ')}`,
    }));
}

/**
 * No value import crosses feature folders backwards, whatever the module: a read model too reads
 * only earlier features' tables. What an earlier feature needs of a later one it declares as a type
 * and src/server/features.ts hands in (the audit trail's `ClusterDirectory`, the programme's counts).
 */
function checkOrder(edges: Import[], order: string[]): Violation[] {
  const rank = new Map(order.map((name, position) => [name, position]));
  return edges.flatMap((edge) => {
    const from = featureOf(edge.from);
    const to = featureOf(edge.to);
    if (edge.typeOnly || !from || !to || from === to) return [];
    if ((rank.get(to) ?? -1) <= (rank.get(from) ?? -1)) return [];
    const order = `${from} comes before ${to} in src/server/features.ts`;
    const readModel = READ_MODELS.includes(edge.from)
      ? ", and a read model too reads only earlier features' tables (declare what it needs as a type, and let src/server/features.ts hand it in)"
      : '';
    return [{ rule: 'order', key: keyOf(edge), message: `${describeImport(edge)}: ${order}${readModel}` }];
  });
}

function checkForeignData(edges: Import[]): Violation[] {
  return edges.flatMap((edge) => {
    const to = featureOf(edge.to);
    if (edge.typeOnly || !to || featureOf(edge.from) === to) return [];
    const violation = (why: string) => [
      { rule: 'foreign data', key: keyOf(edge), message: `${describeImport(edge)}: ${why}` },
    ];
    if (READ_MODELS.includes(edge.from)) {
      return isTable(edge.to) ? [] : violation("a read model uses only other features' tables");
    }
    if (isTable(edge.to) && isTable(edge.from)) return [];
    if (isTable(edge.to) || isQueries(edge.to)) {
      return violation(`reach ${to} through its service, or through a read model named in decision 015`);
    }
    return [];
  });
}

function checkSql(edges: Import[]): Violation[] {
  return edges
    .filter((edge) => !edge.typeOnly && isDrizzle(edge.to) && !maySpeakSql(edge.from))
    .map((edge) => ({
      rule: 'sql',
      key: keyOf(edge),
      message: `${describeImport(edge)}: SQL belongs in *.queries.ts, a read model or server/db`,
    }));
}

function checkLayers(edges: Import[]): Violation[] {
  return edges.flatMap((edge) => {
    const violation = (why: string) => [
      { rule: 'layers', key: keyOf(edge), message: `${describeImport(edge)}: ${why}` },
    ];
    if (edge.from.startsWith('src/shared/')) {
      // Shared code runs in the browser and on the server alike, and knows nothing of either.
      const outside = edge.to.startsWith('src/')
        ? !edge.to.startsWith('src/shared/')
        : edge.to.startsWith('node:');
      return outside ? violation('src/shared imports nothing from the rest of Klynge, nor from Node') : [];
    }
    const layer = /^src\/server\/(http|db)\//.test(edge.from);
    if (layer && !edge.typeOnly && featureOf(edge.to)) {
      return violation('server/http and server/db know nothing of features');
    }
    return [];
  });
}

function checkPages(edges: Import[]): Violation[] {
  return edges.flatMap((edge) => {
    if (edge.typeOnly || !(isUi(edge.from) || edge.from.startsWith('src/web/'))) return [];
    const violation = (why: string) => [
      { rule: 'pages', key: keyOf(edge), message: `${describeImport(edge)}: ${why}` },
    ];
    if (edge.to.startsWith('src/server/')) return violation('pages reach the server only through the API');
    const feature = featureOf(edge.to);
    if (!feature) return [];
    if (edge.from.startsWith('src/web/') && !edge.from.startsWith('src/web/shell/')) {
      return violation('only the web shell, above the features, imports them');
    }
    if (isUi(edge.to) || /\.(policy|lifecycle)\.ts$/.test(edge.to) || ISOMORPHIC_FOR_PAGES.includes(edge.to))
      return [];
    return violation(
      'pages import from a feature only its ui/, its policies and lifecycles, and its isomorphic helpers',
    );
  });
}

const modules = [...listModules('src')].sort();
const edges = modules.flatMap(readImports);
const order = readFeatureOrder();
const featureFolders = readdirSync(join(ROOT, 'src/features')).filter((name) =>
  statSync(join(ROOT, 'src/features', name)).isDirectory(),
);

const checks: Record<string, () => Violation[]> = {
  'no value import closes a circle anywhere in src/': () => findCycles(modules, edges),
  'a feature imports values only from features before it in the order, read models included': () =>
    checkOrder(edges, order),
  "only tables and the named read models touch another feature's tables and queries": () =>
    checkForeignData(edges),
  'SQL is written only in queries, read models, tables, the audit recorder and server/db': () =>
    checkSql(edges),
  'shared knows nothing else, and server/http and server/db know no feature': () => checkLayers(edges),
  'pages use the server only through the API, and features only through ui, policies and isomorphic helpers':
    () => checkPages(edges),
};

describe('the import graph', () => {
  for (const [rule, check] of Object.entries(checks)) {
    it(rule, () => {
      expect(check().map((violation) => violation.message)).toEqual([]);
    });
  }

  it('lists every feature folder in src/server/features.ts, once, and nothing else', () => {
    expect([...order].sort()).toEqual([...featureFolders].sort());
    expect(new Set(order).size).toBe(order.length);
  });

  it('names every read model in decision 015, and knows every read model there is', () => {
    expect(READ_MODELS.length).toBeGreaterThan(5);
    for (const model of READ_MODELS) {
      expect(existsSync(join(ROOT, model)), `${model} exists`).toBe(true);
    }
    for (const module of modules.filter((module) => module.endsWith('.read-model.ts'))) {
      expect(READ_MODELS, `${module} is a read model decision 015 names`).toContain(module);
    }
  });
});

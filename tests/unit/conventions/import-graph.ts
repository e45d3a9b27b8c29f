import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from './source-files';

/**
 * The project's value-import graph, read with the TypeScript parser: what a module really pulls
 * into a bundle at run time. Type-only imports (`import type`, or every specifier marked `type`)
 * are left out, since they cost nothing once compiled.
 */
export interface ModuleInfo {
  /** Repo-relative path, or the bare package name for node_modules imports. */
  id: string;
  /** Value imports: repo-relative paths of project modules and bare package names. */
  imports: string[];
  /** Global objects the module reaches through (`browser.runtime`, `document.body`, …). */
  globals: Set<string>;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];
const WATCHED_GLOBALS = new Set([
  'browser',
  'chrome',
  'document',
  'window',
  'navigator',
  'localStorage',
  'sessionStorage',
  'process',
  'Buffer',
  'require',
]);

function resolveProjectPath(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(ROOT, specifier.slice(2))
    : specifier.startsWith('.')
      ? join(ROOT, dirname(from), specifier)
      : null;
  if (base === null) return null;
  if (existsSync(base) && statSync(base).isFile()) return relative(ROOT, base);
  for (const ext of EXTENSIONS) if (existsSync(base + ext)) return relative(ROOT, base + ext);
  return null;
}

/** The package a bare specifier names: `@scope/name/deep` → `@scope/name`, `zod/mini` → `zod`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs code
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    !!clause &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((e) => e.isTypeOnly)
  );
}

export function readModule(path: string): ModuleInfo {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const kind = path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const specifiers: string[] = [];
  const globals = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !isTypeOnlyImport(node) && ts.isStringLiteral(node.moduleSpecifier))
      specifiers.push(node.moduleSpecifier.text);
    else if (
      ts.isExportDeclaration(node) &&
      !isTypeOnlyExport(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      specifiers.push(node.arguments[0].text);
    else if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      if (WATCHED_GLOBALS.has(node.expression.text)) globals.add(node.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require'
    )
      globals.add('require');
    ts.forEachChild(node, visit);
  };
  visit(source);
  const imports = specifiers.map((specifier) => {
    if (specifier.startsWith('.') || specifier.startsWith('@/')) {
      const resolved = resolveProjectPath(path, specifier);
      return resolved ?? `unresolved:${specifier}`;
    }
    return packageName(specifier);
  });
  return { id: path, imports, globals };
}

const cache = new Map<string, ModuleInfo>();

function moduleAt(path: string): ModuleInfo {
  let info = cache.get(path);
  if (!info) {
    info = readModule(path);
    cache.set(path, info);
  }
  return info;
}

/** Every project module reachable from `entry` by value imports, and every package they import. */
export function reachable(entry: string): { modules: ModuleInfo[]; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const modules: ModuleInfo[] = [];
  const stack = [entry];
  while (stack.length > 0) {
    const path = stack.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!/\.(m?[jt]sx?)$/.test(path)) continue; // CSS and other assets
    const info = moduleAt(path);
    modules.push(info);
    for (const target of info.imports) {
      if (target.startsWith('unresolved:')) continue;
      if (existsSync(join(ROOT, target))) stack.push(target);
      else packages.add(target);
    }
  }
  return { modules, packages };
}

/** The import chain from `entry` to the first module matching `isTarget`, for a readable failure. */
export function chainTo(entry: string, isTarget: (id: string) => boolean): string[] | null {
  const previous = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (isTarget(path)) {
      const chain: string[] = [];
      for (let at: string | null = path; at !== null; at = previous.get(at) ?? null) chain.unshift(at);
      return chain;
    }
    if (!existsSync(join(ROOT, path)) || !/\.(m?[jt]sx?)$/.test(path)) continue;
    for (const target of moduleAt(path).imports) {
      if (previous.has(target)) continue;
      previous.set(target, path);
      queue.push(target);
    }
  }
  return null;
}

// The packages a bundle loads at run time: esbuild leaves `require("name")` for every external it did not bundle.
import { builtinModules } from 'node:module';

const BUILTINS = new Set(builtinModules);
// An npm package name (optionally scoped), then an optional subpath.
const PACKAGE_SPECIFIER = /^(?:@[a-z0-9~-][a-z0-9._~-]*\/)?[a-z0-9~-][a-z0-9._~-]*(?:\/[\w.@/+-]*)?$/;

/** Bare package specifiers of `require("…")` calls with a literal argument, without Node's built-ins. */
export function bareRequires(code) {
  const specifiers = new Set();
  for (const [, specifier] of code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
    if (specifier.startsWith('node:') || !PACKAGE_SPECIFIER.test(specifier)) continue;
    if (!BUILTINS.has(specifier.split('/')[0])) specifiers.add(specifier);
  }
  return [...specifiers].sort();
}

import { isBuiltin } from 'node:module';
import type { Plugin } from 'esbuild';

const NAMESPACE = 'require-node-builtin';

/**
 * An esbuild plugin that loads every Node built-in the bundle uses through `require` (the
 * bundle's `createRequire` banner) instead of an ESM `import`.
 *
 * Why: Node gives an imported built-in an ES module facade, and building it reads every export
 * of the module. `node:http` has lazy getters (its WebSocket classes among them) whose first read
 * loads Node's bundled undici, tens of milliseconds of a cold start that no trigger uses.
 * `require` returns the module object itself and leaves the getters alone. The built-in's exports
 * are the same either way: `import { request } from 'node:http'` becomes a property read of
 * `require('node:http')`, and a default import is the module object, as in Node.
 *
 * @example
 * await esbuild.build({ ...BUNDLE_OPTIONS, plugins: [requireBuiltinsPlugin()], entryPoints, outfile });
 */
export function requireBuiltinsPlugin(): Plugin {
  return {
    name: 'require-node-builtins',
    setup(build) {
      // Bare names and `node:` names; isBuiltin decides, so a package named like a module is untouched.
      build.onResolve({ filter: /^(node:)?[a-z_][a-z0-9_/]*$/ }, (args) => {
        if (!isBuiltin(args.path)) return undefined;
        const path = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
        // The require() the stand-in module makes (and any the bundled CommonJS code makes) stays a require.
        if (args.kind === 'require-call') return { path, external: true };
        return { path, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
    },
  };
}

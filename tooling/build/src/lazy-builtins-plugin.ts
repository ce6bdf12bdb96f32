import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * One Node built-in that an AWS SDK module imports at the top but uses only later, or never, on
 * Lambda, and the stand-in it gets instead in a trigger bundle.
 *
 * @example
 * const lever: LazyBuiltin = { builtin: 'zlib', importer: /crc32[\\/]Crc32Node\.js$/, family: /crc32[\\/]/, standIn, exports: ['crc32'], why: '…' };
 */
export interface LazyBuiltin {
  /** The built-in's name without `node:`. */
  builtin: string;
  /** The SDK modules whose import of it gets the stand-in. */
  importer: RegExp;
  /**
   * Where those modules live: a bundle holding any file here must have had the stand-in applied,
   * or the SDK has changed and the build fails, naming this entry.
   */
  family: RegExp;
  /** The module the importers get: the exports they use, loading the built-in only when needed. */
  standIn: string;
  /** What the stand-in exports: an importer that reads any other name of the built-in fails the build. */
  exports: readonly string[];
  /** What the built-in costs and why it can wait, for the error message. */
  why: string;
}

const sdkPath = (...parts: string[]) => new RegExp(`[\\\\/]${parts.join('[\\\\/]')}`);
const lambdaModule = (name: string) => fileURLToPath(new URL(`./lambda/${name}.ts`, import.meta.url));

/**
 * The built-ins a trigger bundle loads on demand. Both are measured cold-start costs on Node 24
 * that no trigger's first invocation needs:
 *
 * - `zlib`: the SDK's CRC32 checksum (`@smithy/core/checksum`, which every client's runtime config
 *   imports for its SHA-256) reads `zlib.crc32` at import; it is used only for response checksums
 *   and event streams, which none of the triggers' calls have.
 * - `fs/promises`: the shared-config-file loader (`~/.aws/config`, `~/.aws/credentials`) and the SSO
 *   token reader import its `readFile`. Loading it pulls in readline and the file watchers; on
 *   Lambda the files do not exist, so the stand-in answers ENOENT after one `existsSync`.
 *
 * @example
 * for (const lever of LAZY_BUILTINS) console.log(`node:${lever.builtin}`, lever.standIn);
 */
export const LAZY_BUILTINS: readonly LazyBuiltin[] = [
  {
    builtin: 'zlib',
    importer: sdkPath('@smithy', 'core', 'dist-es', 'submodules', 'checksum', 'crc32', 'Crc32Node\\.js$'),
    family: sdkPath('@smithy', 'core', 'dist-es', 'submodules', 'checksum', 'crc32', ''),
    standIn: lambdaModule('zlib-crc32-on-demand'),
    exports: ['crc32'],
    why: 'the CRC32 checksum module reads zlib.crc32 at import, which loads node:zlib on every cold start',
  },
  {
    builtin: 'fs/promises',
    importer: sdkPath(
      '@smithy',
      'core',
      'dist-es',
      'submodules',
      'config',
      'shared-ini-file-loader',
      '(readFile|getSSOTokenFromFile)\\.js$',
    ),
    family: sdkPath('@smithy', 'core', 'dist-es', 'submodules', 'config', 'shared-ini-file-loader', ''),
    standIn: lambdaModule('read-file-if-present'),
    exports: ['readFile'],
    why: 'the shared-config-file loader imports readFile from node:fs/promises, which loads readline and the file watchers on every cold start',
  },
];

const SDK_MODULE = /[\\/]node_modules[\\/](@smithy|@aws-sdk)[\\/]/;

const IDENTIFIER = '[A-Za-z_$][\\w$]*';

/**
 * The names of `node:<builtin>` that an ES module's source reads, from its named imports and from
 * member reads of a namespace or default import; undefined when it uses such an import other than
 * by reading members (passes it on, spreads it), which no stand-in can be checked against.
 */
function namesUsed(source: string, builtin: string): string[] | undefined {
  const from = `from\\s*["'](?:node:)?${builtin.replace(/[/]/g, '\\/')}["']`;
  const names = new Set<string>();
  for (const match of source.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*${from}`, 'g'))) {
    for (const part of (match[1] ?? '').split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name) names.add(name);
    }
  }
  const namespaceImport = new RegExp(`import\\s*(?:\\*\\s*as\\s+)?(${IDENTIFIER})\\s*${from}`, 'g');
  const bindings = [...source.matchAll(namespaceImport)].map((match) => match[1] ?? '');
  const body = source.replace(namespaceImport, '');
  for (const binding of bindings) {
    const uses = body.matchAll(
      new RegExp(`(?<![\\w$.])${binding.replace(/\$/g, '\\$')}(?![\\w$])(\\.${IDENTIFIER})?`, 'g'),
    );
    for (const [, member] of uses) {
      if (member === undefined) return undefined;
      names.add(member.slice(1));
    }
  }
  return [...names];
}

/**
 * An esbuild plugin that gives the AWS SDK modules of {@link LAZY_BUILTINS} a stand-in for the
 * built-in they import, so that importing a trigger bundle does not load it.
 *
 * The build fails, naming the entry, when the SDK no longer matches what the entry was written
 * for: an importer that reads a name of the built-in the stand-in does not export (esbuild itself
 * would turn a namespace member it cannot find into `undefined`, silently), a bundle that holds
 * files of an entry's `family` without the stand-in having been applied, or any SDK module that
 * imports one of these built-ins and is not one of the entry's importers. Without these checks an
 * SDK update could quietly bring the cost back, or hand a caller a stand-in that lacks what it uses.
 *
 * @example
 * await esbuild.build({ ...BUNDLE_OPTIONS, plugins: [lazyBuiltinsPlugin(), requireBuiltinsPlugin()], entryPoints, outfile });
 */
export function lazyBuiltinsPlugin(levers: readonly LazyBuiltin[] = LAZY_BUILTINS): Plugin {
  return {
    name: 'lazy-node-builtins',
    setup(build) {
      // The family check reads the bundle's inputs.
      build.initialOptions.metafile = true;
      const applied = new Set<LazyBuiltin>();
      const uncovered: string[] = [];
      const names = levers.map((lever) => lever.builtin.replace(/[/]/g, '\\/')).join('|');
      build.onStart(() => {
        applied.clear();
        uncovered.length = 0;
      });
      build.onLoad({ filter: new RegExp(levers.map((lever) => lever.importer.source).join('|')) }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const errors = levers
          .filter((lever) => lever.importer.test(args.path))
          .flatMap((lever) => {
            const used = namesUsed(source, lever.builtin);
            const missing =
              used === undefined ? ['(the module itself)'] : used.filter((name) => !lever.exports.includes(name));
            return missing.length === 0
              ? []
              : [
                  {
                    text: `lazy-node-builtins: ${args.path} uses ${missing.join(', ')} of node:${lever.builtin}, which the stand-in ${lever.standIn} does not provide (it has ${lever.exports.join(', ')}); the SDK has changed, update LAZY_BUILTINS in tooling/build/src/lazy-builtins-plugin.ts`,
                  },
                ];
          });
        // Nothing to change: esbuild loads the file as usual once it has been read here.
        return errors.length > 0 ? { errors } : undefined;
      });
      build.onResolve({ filter: new RegExp(`^(node:)?(${names})$`) }, (args) => {
        const builtin = args.path.replace(/^node:/, '');
        const lever = levers.find((entry) => entry.builtin === builtin && entry.importer.test(args.importer));
        if (lever) {
          applied.add(lever);
          return { path: lever.standIn };
        }
        if (SDK_MODULE.test(args.importer) && args.kind === 'import-statement') {
          uncovered.push(`${args.importer} imports node:${builtin}`);
        }
        return undefined;
      });
      build.onEnd((result) => {
        const errors: { text: string }[] = [];
        const inputs = Object.keys(result.metafile?.inputs ?? {});
        for (const lever of levers) {
          if (applied.has(lever) || !inputs.some((input) => lever.family.test(input))) continue;
          errors.push({
            text: `lazy-node-builtins: the bundle holds AWS SDK files matching ${lever.family} but none of them imports node:${lever.builtin} from a module matching ${lever.importer}; the SDK has changed, update LAZY_BUILTINS in tooling/build/src/lazy-builtins-plugin.ts (${lever.why})`,
          });
        }
        for (const entry of uncovered) {
          errors.push({
            text: `lazy-node-builtins: ${entry}, which LAZY_BUILTINS does not cover; add it to the entry's importers if the stand-in serves it, else to the stand-in (tooling/build/src/lazy-builtins-plugin.ts)`,
          });
        }
        return { errors };
      });
    },
  };
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { node24Binary, node24BinaryFor, node24PackageName } from '../src/node24';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  optionalDependencies: Record<string, string>;
};
const declared = Object.keys(manifest.optionalDependencies);

describe('node24Binary', () => {
  it('is the binary of this platform’s package, and it reports that package’s Node 24 version', () => {
    const binary = node24Binary();
    const packageDir = dirname(dirname(binary));
    const installed = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(installed.name).toBe(node24PackageName());
    const [version, arch] = execFileSync(binary, ['-p', '`${process.version} ${process.arch}`'], { encoding: 'utf8' })
      .trim()
      .split(' ');
    expect(version).toMatch(/^v24\./);
    expect(version).toBe(`v${installed.version}`);
    expect(arch).toBe(process.arch);
  });

  it('takes every platform’s Node from the lockfile with an integrity hash, pinned by the catalog', () => {
    const lockfile = readFileSync(new URL('../../../pnpm-lock.yaml', import.meta.url), 'utf8');
    expect(declared).toContain(node24PackageName());
    for (const name of declared) {
      expect(manifest.optionalDependencies[name]).toBe('catalog:');
      const entry = new RegExp(`^  ${name}@(24\\.[\\d.]+):\\n    resolution: \\{integrity: sha512-[\\w+/=]+\\}`, 'm');
      expect(lockfile, name).toMatch(entry);
    }
  });

  it('names the platform and the package to add when none is declared for the machine', () => {
    expect(() => node24BinaryFor('sunos', 's390x')).toThrow(
      /no Node 24 package is declared for sunos-s390x: .* add node-sunos-s390x /,
    );
  });

  it.skipIf(declared.length < 2)('names the package to install when it is declared but not installed', () => {
    const other = declared.find((name) => name !== node24PackageName());
    const [, platform = '', arch = ''] = /^node-(\w+)-(\w+)$/.exec(other ?? '') ?? [];
    expect(() => node24BinaryFor(platform, arch)).toThrow(
      `the Node 24 binary is missing: the package ${other} is not installed; run "pnpm install" on ${platform}-${arch}`,
    );
  });
});

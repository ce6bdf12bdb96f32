import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';

/** One published version (or `$LATEST`) of a local function. */
interface Published {
  fn: LambdaFunction;
  codeSha256: string;
  description: string;
  environment: Record<string, string>;
}

/** A local function's deploy state: `$LATEST`, its versions and aliases, as Lambda keeps them. */
interface FunctionState {
  latest: Published;
  revisionId: string;
  versions: Map<string, Published>;
  aliases: Map<string, { version: string; revisionId: string }>;
}

/**
 * An answer of the control plane: HTTP status, JSON body, and the error type for errors.
 *
 * @example
 * const answer: ControlAnswer = { status: 404, body: { message: 'Function not found' }, errorType: 'ResourceNotFoundException' };
 */
export interface ControlAnswer {
  status: number;
  body: unknown;
  errorType?: string;
}

/**
 * The Lambda control-plane calls `deploy-trigger` makes, over the local functions: GetFunction,
 * GetAlias, UpdateFunctionCode (the zip is unpacked and run as a new instance), UpdateFunctionConfiguration,
 * PublishVersion, UpdateAlias, ListVersionsByFunction. Each function starts with version 1 (the
 * built bundle) and a `live` alias on it. An unqualified invocation (cognito-local's) runs what
 * `live` points at: in AWS the pool's LambdaConfig names the alias ARN.
 *
 * @example
 * const plane = new LambdaControlPlane(functions, 'us-east-1');
 * const fn = plane.resolve('PreSignUp', undefined); // the live version
 */
export class LambdaControlPlane {
  private readonly states = new Map<string, FunctionState>();
  private readonly created: LambdaFunction[] = [];
  private readonly dirs: string[] = [];

  constructor(
    private readonly functions: ReadonlyMap<string, LambdaFunction>,
    private readonly region: string,
  ) {}

  private state(name: string): FunctionState | undefined {
    const fn = this.functions.get(name);
    if (!fn) return undefined;
    const app = fn.definition.name;
    let state = this.states.get(app);
    if (!state) {
      const published: Published = {
        fn,
        // The built bundle is not a zip: its own hash stands in, so any real artifact differs.
        codeSha256: createHash('sha256').update(readFileSync(fn.definition.bundlePath)).digest('base64'),
        description: 'the built bundle the local stack started with',
        environment: { ...fn.definition.environment },
      };
      state = {
        latest: published,
        revisionId: randomUUID(),
        versions: new Map([['1', published]]),
        aliases: new Map([['live', { version: '1', revisionId: randomUUID() }]]),
      };
      this.states.set(app, state);
    }
    return state;
  }

  /**
   * The function an invocation of `name` (qualified by an alias, a version or nothing) runs.
   *
   * @example
   * plane.resolve('pre-sign-up', '3');
   */
  resolve(name: string, qualifier: string | undefined): LambdaFunction | undefined {
    const state = this.state(name);
    if (!state) return undefined;
    if (qualifier === '$LATEST') return state.latest.fn;
    const alias = state.aliases.get(qualifier ?? 'live');
    const version = alias ? alias.version : qualifier;
    return version === undefined ? undefined : state.versions.get(version)?.fn;
  }

  private configuration(name: string, version: string, published: Published, state: FunctionState) {
    return {
      FunctionName: name,
      FunctionArn: `arn:aws:lambda:${this.region}:000000000000:function:${name}${version === '$LATEST' ? '' : `:${version}`}`,
      Version: version,
      CodeSha256: published.codeSha256,
      Description: published.description,
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: { Variables: published.environment },
      State: 'Active',
      LastUpdateStatus: 'Successful',
      RevisionId: state.revisionId,
    };
  }

  /**
   * Answers one control-plane request, or returns `undefined` when the path is not one of them.
   *
   * @example
   * const answer = await plane.handle('GET', '/2015-03-31/functions/pre-sign-up/aliases/live', new URLSearchParams(), Buffer.alloc(0));
   */
  async handle(method: string, path: string, query: URLSearchParams, body: Buffer): Promise<ControlAnswer | undefined> {
    const match = /^\/2015-03-31\/functions\/([^/]+)(\/[a-z]+)?(?:\/([^/]+))?\/?$/.exec(path);
    if (!match) return undefined;
    const name = decodeURIComponent(match[1] ?? '');
    const action = `${method} ${match[2] ?? ''}`;
    const state = this.state(name);
    if (!state) {
      return { status: 404, errorType: 'ResourceNotFoundException', body: { message: `Function not found: ${name}` } };
    }
    const input = body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const text = (key: string): string | undefined => (typeof input[key] === 'string' ? input[key] : undefined);
    const stale = (what: string): ControlAnswer => ({
      status: 412,
      errorType: 'PreconditionFailedException',
      body: { message: `The Revision Id provided does not match the latest Revision Id of ${what}` },
    });
    switch (action) {
      case 'GET ': {
        const qualifier = query.get('Qualifier') ?? '$LATEST';
        const version = state.aliases.get(qualifier)?.version ?? qualifier;
        const published = version === '$LATEST' ? state.latest : state.versions.get(version);
        if (!published)
          return { status: 404, errorType: 'ResourceNotFoundException', body: { message: `no version ${qualifier}` } };
        return { status: 200, body: { Configuration: this.configuration(name, version, published, state) } };
      }
      case 'GET /aliases': {
        const alias = state.aliases.get(decodeURIComponent(match[3] ?? ''));
        if (!alias)
          return { status: 404, errorType: 'ResourceNotFoundException', body: { message: 'Alias not found' } };
        return {
          status: 200,
          body: {
            Name: match[3],
            FunctionVersion: alias.version,
            RevisionId: alias.revisionId,
            AliasArn: `arn:aws:lambda:${this.region}:000000000000:function:${name}:${match[3]}`,
          },
        };
      }
      case 'PUT /aliases': {
        const aliasName = decodeURIComponent(match[3] ?? '');
        const alias = state.aliases.get(aliasName);
        if (!alias)
          return { status: 404, errorType: 'ResourceNotFoundException', body: { message: 'Alias not found' } };
        if (input.RevisionId !== undefined && input.RevisionId !== alias.revisionId) return stale(`alias ${aliasName}`);
        const version = text('FunctionVersion') ?? alias.version;
        if (!state.versions.has(version)) {
          return { status: 404, errorType: 'ResourceNotFoundException', body: { message: `no version ${version}` } };
        }
        state.aliases.set(aliasName, { version, revisionId: randomUUID() });
        return { status: 200, body: { Name: aliasName, FunctionVersion: version } };
      }
      case 'PUT /code': {
        const zip = Buffer.from(text('ZipFile') ?? '', 'base64');
        const fn = await this.instance(state, unzipSync(zip), state.latest.environment);
        state.latest = { ...state.latest, fn, codeSha256: createHash('sha256').update(zip).digest('base64') };
        state.revisionId = randomUUID();
        return { status: 200, body: this.configuration(name, '$LATEST', state.latest, state) };
      }
      case 'PUT /configuration': {
        const variables = (input.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ?? {};
        if (input.RevisionId !== undefined && input.RevisionId !== state.revisionId) return stale(name);
        const fn = new LambdaFunction({ ...state.latest.fn.definition, environment: variables });
        this.created.push(fn);
        state.latest = { ...state.latest, fn, environment: { ...variables } };
        state.revisionId = randomUUID();
        return { status: 200, body: this.configuration(name, '$LATEST', state.latest, state) };
      }
      case 'POST /versions': {
        if (input.CodeSha256 !== undefined && input.CodeSha256 !== state.latest.codeSha256) {
          return {
            status: 412,
            errorType: 'PreconditionFailedException',
            body: { message: 'CodeSha256 does not match $LATEST' },
          };
        }
        if (input.RevisionId !== undefined && input.RevisionId !== state.revisionId) return stale(name);
        const version = String(Math.max(...[...state.versions.keys()].map(Number)) + 1);
        const published = { ...state.latest, description: text('Description') ?? '' };
        state.versions.set(version, published);
        return { status: 201, body: this.configuration(name, version, published, state) };
      }
      case 'GET /versions': {
        const versions = [['$LATEST', state.latest] as const, ...state.versions.entries()].map(([version, published]) =>
          this.configuration(name, version, published, state),
        );
        return { status: 200, body: { Versions: versions } };
      }
      default:
        return undefined;
    }
  }

  /** A new instance running unpacked code, with the function's definition otherwise. */
  private async instance(state: FunctionState, files: Record<string, Uint8Array>, environment: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'local-lambda-code-'));
    this.dirs.push(dir);
    for (const [file, content] of Object.entries(files)) {
      const target = join(dir, file);
      if (!target.startsWith(`${dir}/`)) throw new Error(`the zip holds a path outside its folder: ${file}`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    const fn = new LambdaFunction({ ...state.latest.fn.definition, bundlePath: join(dir, 'index.mjs'), environment });
    this.created.push(fn);
    return fn;
  }

  /**
   * Stops the instances it started and removes their unpacked code.
   *
   * @example
   * await plane.stop();
   */
  async stop(): Promise<void> {
    await Promise.all(this.created.splice(0).map((fn) => fn.stop()));
    await Promise.all(this.dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

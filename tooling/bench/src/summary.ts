import { formatKiB, formatNumber, formatRatio } from './render';
import { SUBJECT_IDS, type BenchResults } from './results';
import { ratio } from './stats';
import type { TargetResult } from './targets';

/**
 * The paragraph the README quotes: what the numbers mean, with the numbers, and which targets this
 * run met or missed.
 *
 * @example
 * const paragraph = summaryParagraph(results, targets);
 */
export function summaryParagraph(results: BenchResults, targets: readonly TargetResult[]): string {
  const bundle = (id: string) => results.bundles.find((entry) => entry.id === id);
  const cold = (id: string) => results.cold.find((entry) => entry.id === id);
  const warm = (id: string) => results.warm.stub.find((entry) => entry.id === id)?.cpuPerInvocationUs.median;
  const ses = (id: string) => results.warm.ses.find((entry) => entry.id === id)?.perInvocationUs.median;
  const line = (id: string) => results.logLines.find((entry) => entry.id === id)?.cpuPerLineNs.median;
  const app = bundle(SUBJECT_IDS.app);
  const plain = bundle(SUBJECT_IDS.plain);
  const powertools = bundle(SUBJECT_IDS.powertools);
  const appCold = cold(SUBJECT_IDS.app);
  const plainCold = cold(SUBJECT_IDS.plain);
  const bare = warm(SUBJECT_IDS.bare);
  const ours = warm(SUBJECT_IDS.app);
  const theirs = warm(SUBJECT_IDS.powertools);
  const sesOurs = ses(SUBJECT_IDS.app);
  const noChange = results.builds.find((entry) => entry.id === 'no-change-pnpm')?.ms.median;
  const met = targets.filter((entry) => entry.met === true).length;
  const missed = targets.filter((entry) => entry.met === false);
  const undecided = targets.filter((entry) => entry.met === undefined);
  const sentences: string[] = [];
  if (app && plain && powertools) {
    sentences.push(
      `post-confirmation's bundle is ${formatKiB(app.bytes)}, ${formatRatio(ratio(app.bytes, plain.bytes))} a plain-SDK handler's and ${formatRatio(ratio(app.bytes, powertools.bytes))} a Powertools + Middy one's: the AWS SDK is almost all of every bundle, and the Lambda build leaves out the parts of it a function never runs there (the default credential chain with its STS and SSO clients), more than trigger-core adds.`,
    );
  }
  if (appCold && plainCold) {
    sentences.push(
      `A cold start on Node 24 imports it in ${formatNumber(appCold.importMs.median, 'ms')} (plain SDK: ${formatNumber(plainCold.importMs.median, 'ms')})${
        appCold.firstInvokeMs
          ? ` and the first invocation, e-mail sent to a local SES, takes ${formatNumber(appCold.firstInvokeMs.median, 'ms')} more`
          : ''
      }${
        appCold.startToFirstMs && plainCold.startToFirstMs
          ? `: ${formatNumber(appCold.startToFirstMs.median, 'ms')} from process start to the answer, ${formatRatio(ratio(appCold.startToFirstMs.median, plainCold.startToFirstMs.median))} the plain-SDK handler's ${formatNumber(plainCold.startToFirstMs.median, 'ms')}`
          : ''
      }.`,
    );
  }
  if (ours !== undefined && bare !== undefined && theirs !== undefined) {
    sentences.push(
      `Warm, trigger-core's wrapper and logger cost ${formatNumber(ours - bare, 'µs')} of CPU per invocation over a bare handler, against ${formatNumber(theirs - bare, 'µs')} for Powertools + Middy${
        sesOurs !== undefined
          ? `, both small next to the ${formatNumber(sesOurs / 1000, 'ms')} an SES call takes even on loopback`
          : ''
      }.`,
    );
  }
  const ourLine = line('trigger-core');
  const consoleLine = line('console.log(JSON.stringify)');
  if (ourLine !== undefined && consoleLine !== undefined) {
    sentences.push(
      `A log line costs ${formatNumber(ourLine / 1000, 'µs')} of CPU, ${formatRatio(ratio(ourLine, consoleLine))} \`console.log(JSON.stringify(…))\`, with personal data scrubbed.`,
    );
  }
  if (noChange !== undefined)
    sentences.push(`A no-change \`pnpm build\` returns from turbo's cache in ${formatNumber(noChange, 'ms')}.`);
  const describe = (entry: TargetResult) =>
    `${entry.short} ${entry.measured.replace(/ \(.*\)$/, '')}, goal ${entry.goal}`;
  sentences.push(
    missed.length === 0 && undecided.length === 0
      ? `All ${met} targets are met.`
      : `Targets: ${met} of ${targets.length} met${missed.length > 0 ? `; missed: ${missed.map(describe).join('; ')}` : ''}${
          undecided.length > 0
            ? `; undecided: ${undecided.map((entry) => `${entry.short} (${entry.note ? 'within noise' : 'not measured'})`).join('; ')}`
            : ''
        }.`,
  );
  return sentences.join(' ');
}

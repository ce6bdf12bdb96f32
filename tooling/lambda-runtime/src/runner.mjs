// The in-process half of the local Lambda runtime, run on Node 24 in a child process per instance.
// Logs go to stdout as the function writes them; each result follows as one marked line, so the
// parent can attribute every log line to its invocation.
import { pathToFileURL } from 'node:url';

const RESULT_MARK = '\u001eRESULT ';
const [bundlePath, exportName = 'handler'] = process.argv.slice(2);

function errorPayload(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name,
      errorMessage: error.message,
      trace: typeof error.stack === 'string' ? error.stack.split('\n') : [],
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function report(message) {
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify(message)}\n`);
}

let handler;
const initStartedAt = performance.now();
try {
  const module = await import(pathToFileURL(bundlePath).href);
  handler = module[exportName];
  if (typeof handler !== 'function') {
    const error = new Error(`${exportName} is undefined or not exported`);
    error.name = 'Runtime.HandlerNotFound';
    throw error;
  }
  if (handler.length >= 3) {
    // nodejs24.x no longer supports callback handlers: it refuses any handler declaring three parameters.
    const error = new Error(
      'Callback-based function handlers are not supported on nodejs24.x; use an async handler (event, context)',
    );
    error.name = 'Runtime.CallbackHandlerDeprecated';
    throw error;
  }
  report({ type: 'ready', initDurationMs: performance.now() - initStartedAt });
} catch (error) {
  report({ type: 'init-error', ...errorPayload(error) });
  process.exit(1);
}

process.on('message', async (message) => {
  if (message?.type !== 'invoke') return;
  const { id, event, deadline, requestId, functionName, memoryMb } = message;
  const context = {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const payload = await handler(event, context);
    report({ type: 'result', id, ok: true, payload: payload === undefined ? null : payload });
  } catch (error) {
    report({ type: 'result', id, ok: false, ...errorPayload(error) });
  }
});
process.on('disconnect', () => process.exit(0));

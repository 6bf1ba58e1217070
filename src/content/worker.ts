/** A worker thread that parses beside the main thread, so a big build uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseClaimed, type ParseFilesOptions, type ParseJob } from './load.ts';
// The parser is loaded while the main thread starts, not when the first document arrives (see src/cli/check.ts).
import './glossary-parse.ts';

const options = workerData as ParseFilesOptions;
parentPort!.once('message', async (job: ParseJob) => {
  parentPort!.postMessage(await parseClaimed(job, options));
});

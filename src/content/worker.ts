/** A worker thread that parses beside the main thread, so a big build uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseClaimed, type ParseFilesOptions, type ParseJob } from './load.ts';

const options = workerData as ParseFilesOptions;
parentPort!.once('message', async (job: ParseJob) => {
  parentPort!.postMessage(await parseClaimed(job, options));
});

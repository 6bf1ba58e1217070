/** A worker thread that parses beside the main thread, so a big build uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { DocumentCache } from './cache.ts';
import { parseClaimed, type ParseJob, type ParserThreadSetup } from './load.ts';

const { options, cacheFolder } = workerData as ParserThreadSetup;
parentPort!.once('message', async (job: ParseJob) => {
  parentPort!.postMessage(await parseClaimed(job, options, cacheFolder ? DocumentCache.at(cacheFolder) : undefined));
});

/** A worker thread that parses its share of the documents, so a big build uses both cores. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFiles, type ParseFilesOptions } from './load.ts';

const options = workerData as ParseFilesOptions;
parentPort!.once('message', async (files: string[]) => {
  parentPort!.postMessage(await parseFiles(files, options));
});

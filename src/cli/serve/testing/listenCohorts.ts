// `consilium serve --cohorts` for tests: the server over the app folder `root` with the cohort
// routes of `options`, listening on a free port of 127.0.0.1.
import type { AddressInfo } from 'node:net';
import { cohortRoutes, type CohortServeOptions } from '../cohortRoutes.ts';
import { consiliumServer } from '../server.ts';

/** The server's origin, and how to stop it and its runs' bookkeeping. */
export async function listenCohorts(
  root: string,
  options: CohortServeOptions,
): Promise<{ origin: string; close: () => void }> {
  const cohorts = cohortRoutes(options);
  const server = consiliumServer({ root, pacs: [], routes: [cohorts.route] });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      cohorts.close();
      server.close();
    },
  };
}

// Stand-in Workers for the bridge and pool tests: each is its script's end of a real Comlink
// channel (Node's MessageChannel), so what `api` exposes answers the page's end, and the tests
// count how many were started and stopped.
import * as Comlink from 'comlink';

export interface ChannelWorkers {
  /** Makes a worker, as a bridge's `create` does. */
  readonly create: () => Worker;
  readonly started: number;
  readonly stopped: number;
  /** Closes every channel and zeroes the counts (afterEach). */
  reset(): void;
}

export function channelWorkers(api: object): ChannelWorkers {
  const ports: MessagePort[] = [];
  let started = 0;
  let stopped = 0;
  return {
    create: () => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      Comlink.expose(api, port1);
      started++;
      const worker = {
        postMessage: port2.postMessage.bind(port2),
        addEventListener: port2.addEventListener.bind(port2),
        removeEventListener: port2.removeEventListener.bind(port2),
        start: () => port2.start(),
        terminate: () => {
          stopped++;
          port1.close();
          port2.close();
        },
      };
      return worker as unknown as Worker;
    },
    get started() {
      return started;
    },
    get stopped() {
      return stopped;
    },
    reset() {
      for (const p of ports.splice(0)) p.close();
      started = 0;
      stopped = 0;
    },
  };
}

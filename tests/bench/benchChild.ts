import type { ChildMessage, ParentMessage } from './childMessages.js';
import { startBenchSubgraphs } from './benchSubgraphs.js';
import { GATEWAY_STARTERS, isGatewayKind } from './gatewayKinds.js';

/**
 * Child-process entry: runs either the four subgraphs or one gateway, so the
 * load generator never shares an event loop with what it measures and each
 * gateway's peak RSS (VmHWM) is its own.
 */
const reply = (message: ChildMessage) => process.send?.(message);
let close: (() => Promise<void>) | undefined;

process.on('message', (message: ParentMessage) => {
  void (async () => {
    try {
      if (message.type === 'stop') {
        await close?.();
        process.exit(0);
      }
      if (message.type === 'start-subgraphs') {
        const running = await startBenchSubgraphs();
        close = running.close;
        reply({ type: 'ready', urls: running.urls });
        return;
      }
      if (!isGatewayKind(message.kind)) throw new Error(`unknown gateway ${message.kind}`);
      const running = await GATEWAY_STARTERS[message.kind](message.options);
      close = running.close;
      reply({ type: 'ready', url: running.url });
    } catch (error) {
      reply({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  })();
});
process.on('disconnect', () => process.exit(0));

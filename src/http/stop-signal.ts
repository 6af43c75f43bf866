import type { Logger } from '../shared/logger.ts';

/**
 * SIGTERM (an orchestrator) or SIGINT (Ctrl-C) runs `drain` once — a second
 * signal while draining changes nothing — then the process exits 0.
 */
export function onStopSignal(logger: Logger, drain: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    try {
      await drain();
    } catch (err) {
      logger.error({ err }, 'shutdown did not finish cleanly');
      process.exit(1);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

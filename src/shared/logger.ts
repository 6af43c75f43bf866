import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger set-up. Redaction is here, not at call sites, so a password,
 * token or cookie can never reach a log line by someone forgetting.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'namebridge' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.passwordHash',
          '*.password_hash',
          '*.token',
          '*.tokenHash',
          '*.email',
          'submitter',
          '*.submitter',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

import type { RequestHandler } from 'express';
import { httpDuration, httpRequests, rateLimitRefusals } from './metrics.ts';

/**
 * Counts and times every request by its route pattern (`/api/records/:id`, not
 * the URL: ids and queries would make a series per record and leak searches).
 * Requests no route matched are `unmatched` (404) or `static` (files).
 */
export const httpMetrics: RequestHandler = (req, res, next) => {
  const end = httpDuration.startTimer();
  res.once('finish', () => {
    const route = req.route ? String((req.route as { path: unknown }).path) : res.statusCode === 404 ? 'unmatched' : 'static';
    const labels = { method: req.method, route, status: String(res.statusCode) };
    httpRequests.inc(labels);
    end(labels);
    if (res.statusCode === 429) rateLimitRefusals.inc({ route });
  });
  next();
};

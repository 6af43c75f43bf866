import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import { openApiDocument } from './openapi.document.ts';

const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>namebridge API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="/api/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false });\n`;

/**
 * GET /api/openapi.json (generated from the zod schemas: src/http/openapi.document.ts)
 * and GET /api/docs, Swagger UI from node_modules: no CDN, so the docs work
 * offline and no third party learns who reads them. Swagger UI sets inline
 * styles and data: images, so its pages get their own, slightly wider CSP.
 */
export function openApiRouter(): Router {
  const router = Router();
  const docsCsp = helmet.contentSecurityPolicy({
    directives: { scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'], upgradeInsecureRequests: null },
  });

  router.get('/api/openapi.json', (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.json(openApiDocument());
  });
  router.get('/api/docs', docsCsp, (_req, res) => {
    res.type('html').send(PAGE);
  });
  // The files the page loads, not the package's whole directory; init.js is ours (no inline script).
  const assets = express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1d', fallthrough: false });
  router.use('/api/docs/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/init.js') return void res.type('application/javascript').send(INIT);
    return ASSETS.has(req.path.slice(1)) ? assets(req, res, next) : next();
  });
  return router;
}

# syntax=docker/dockerfile:1
# namebridge: multi-stage build. `docker compose up` builds it (docker-compose.yml).

# 1. Production dependencies only (tsx and esbuild are among them: the server runs its
#    TypeScript through tsx's loader, and the CLI is precompiled with esbuild).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 2. The precompiled CLI (dist/), built from the sources with the same dependencies.
FROM deps AS build
COPY src ./src
COPY migrations ./migrations
COPY scripts/build-cli.mjs ./scripts/build-cli.mjs
RUN node scripts/build-cli.mjs

# 3. What runs: no dev dependencies, no tests, no build tools; a non-root user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY bin ./bin
COPY src ./src
COPY migrations ./migrations
COPY fixtures/seed ./fixtures/seed
COPY --from=build /app/dist ./dist
# The embedded database (no DATABASE_URL) keeps its files here; the node user owns it.
RUN mkdir -p /app/data && chown node:node /app/data && ln -s /app/bin/namebridge.js /usr/local/bin/namebridge
USER node
EXPOSE 3000
# Liveness of the process; orchestrators should route traffic by GET /readyz.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is PID 1's child-free server: SIGTERM from `docker stop` reaches it directly
# and it drains in-flight requests (src/http/stop-signal.ts) within the stop grace period.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/main.ts"]

# The FitFlow API, run from its TypeScript sources with tsx (as `npm run api` does).
# Build from the repository root: docker compose build api
FROM node:20-bookworm-slim
WORKDIR /app

# Dev dependencies included: tsx runs the sources. Install scripts stay off, as in CI (npm 11 blocks them).
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts && npm cache clean --force

# tsx resolves the `@fitflow/*` imports through the root tsconfig.json's paths.
COPY tsconfig.json tsconfig.base.json ./
COPY libs libs
COPY apps/api apps/api

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npx tsx` without npm's wrapper process, so SIGTERM reaches the API and it shuts down gracefully.
CMD ["node_modules/.bin/tsx", "apps/api/src/main.ts"]

# The campaign worker. The image keeps the full `npm ci` install (tsx and the workflow bundler are
# the fallback when a source changes); `npm run build` compiles the CLI and the workflow bundle ahead,
# so the worker starts without compiling or bundling anything.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so editing source does not invalidate the npm layer.
COPY package.json package-lock.json .npmrc ./
# The lock was made where some other platforms' optional builds were unavailable; fall back to
# `npm install`, which installs the locked versions, when `npm ci` refuses it.
RUN (npm ci --no-audit --no-fund || npm install --no-audit --no-fund) && npm cache clean --force

COPY . .
RUN npm run build

RUN mkdir -p /data && chown node:node /data
USER node

ENV CAMPAIGN_DATA_DIR=/data \
    TEMPORAL_ADDRESS=temporal:7233 \
    TEMPORAL_NAMESPACE=default \
    TEMPORAL_TASK_QUEUE=campaigns
VOLUME ["/data"]

# SIGTERM (docker stop) makes the Temporal Runtime shut the worker down gracefully.
CMD ["node", "bin/campaign.js", "worker"]

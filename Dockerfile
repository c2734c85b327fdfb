# Bloodbank image: Maven builds the fat jar, a plain JRE runs it as a non-root user.
#   docker build -t bloodbank .     (docker-compose.yml does this for you)

FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, in their own layer, so a source edit does not download them again
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY application.properties .
COPY src ./src
# Tests need a live RabbitMQ and Redis, which a build container has not; CI runs them
RUN mvn -B -q package -Dmaven.test.skip=true

FROM eclipse-temurin:17-jre AS runtime
# A fixed numeric id so Kubernetes' runAsNonRoot can check it and fsGroup/volume owners can match it
RUN groupadd --system --gid 10001 bloodbank \
 && useradd --system --uid 10001 --gid bloodbank --home-dir /app --no-create-home bloodbank
WORKDIR /app
# Everything Bloodbank writes is on one of the two VOLUMEs below, so the root filesystem can be read-only:
#   /var/lib/bloodbank  kept across restarts: the RAG index, the watcher's state and recording-link key, the embedded
#                       backends' data (a named volume in Compose, a claimed volume per pod in Kubernetes)
#   /tmp                scratch: ONNX Runtime's native libraries, Vert.x's file cache, JVM perf data
# The heap gets 40 % of the container's memory limit: the embedding model (ONNX Runtime), metaspace, threads and code
# live outside it, about 380 MiB under load (BENCHMARKS.md, "Memory").
# Both owned by the runtime user, so a new named volume (a copy of the image's folder) starts out writable by it.
# /recordings is the watcher's folder: mount the recordings over it (read-only is enough).
RUN mkdir -p /recordings /var/lib/bloodbank && chown 10001:10001 /recordings /var/lib/bloodbank
# The thin jar and its lib/, not the fat jar: Camel reads a jar it scans (configuration classes, dev consoles) from end
# to end, which in the 280 MB fat jar was most of a 10.8 s start (BENCHMARKS.md, "Cold start"). Dependencies first: a
# layer of their own, unchanged by most builds.
COPY --from=build /build/target/lib/ lib/
COPY --from=build /build/target/bloodbank.jar bloodbank.jar
COPY docker/healthcheck.sh healthcheck.sh
# Default routes baked in; mount a folder over /app/routes (Compose bind mount, Kubernetes ConfigMap) to change them
COPY routes/ routes/
ENV BLOODBANK_ROUTES="file:/app/routes/*.camel.yaml" \
    HTTP_PORT=8682 \
    WATCH_PATH=/recordings \
    BLOODBANK_STATE_DIR=/var/lib/bloodbank \
    RAG_INDEX_DIR=/var/lib/bloodbank/rag-index \
    BLOODBANK_HOME=/var/lib/bloodbank/embedded \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=/tmp -XX:MaxRAMPercentage=40"
USER 10001:10001
VOLUME ["/var/lib/bloodbank", "/tmp"]
EXPOSE 8682
# /observe/health answers 503 while RabbitMQ or Redis is unreachable
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["bash", "/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/bloodbank.jar"]

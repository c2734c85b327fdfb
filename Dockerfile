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
COPY --from=build /build/target/bloodbank-all.jar bloodbank.jar
COPY docker/healthcheck.sh healthcheck.sh
# Default routes baked in; mount a folder over /app/routes (Compose bind mount, Kubernetes ConfigMap) to change them
COPY routes/ routes/
ENV BLOODBANK_ROUTES="file:/app/routes/*.camel.yaml" \
    HTTP_PORT=8682 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
EXPOSE 8682
# /observe/health answers 503 while RabbitMQ or Redis is unreachable
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 CMD ["bash", "/app/healthcheck.sh"]
ENTRYPOINT ["java", "-jar", "/app/bloodbank.jar"]

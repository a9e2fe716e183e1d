# syntax=docker/dockerfile:1
# Build with the project's own Maven wrapper, run on a JRE as a non-root user (docs/docker.md).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY openapi/ openapi/
COPY src/ src/
# The executable jar only: tests are neither compiled nor run here (./mvnw verify does that).
RUN ./mvnw -B -q package -Dmaven.test.skip=true \
 && java -Djarmode=tools -jar target/cinder-backups-emulator.jar extract --layers --destination target/extracted

# The runtime is Java 25 for its AOT cache (JEP 483/514); the bytecode is Java 17's, as built above.
FROM eclipse-temurin:25-jre
RUN groupadd --system emulator && useradd --system --gid emulator --home-dir /app emulator \
 && mkdir -p /data && chown emulator:emulator /data
WORKDIR /app
# Layers from the least to the most often changed: cinder-backups-emulator.jar and lib/.
COPY --from=build /src/target/extracted/dependencies/ ./
COPY --from=build /src/target/extracted/spring-boot-loader/ ./
COPY --from=build /src/target/extracted/snapshot-dependencies/ ./
COPY --from=build /src/target/extracted/application/ ./
# The fastest start measured (docs/benchmarks.md): Spring's ahead-of-time bean definitions, which
# the jar carries (process-aot), plus Java 25's AOT cache, written by a training run up to the
# refreshed context and mapped at every start. A failure fails the build.
RUN java -XX:AOTCacheOutput=app.aot -Dspring.aot.enabled=true -Dspring.context.exit=onRefresh \
    -jar cinder-backups-emulator.jar
USER emulator
EXPOSE 8776
# Requests from the host reach a container from its bridge, not from loopback: the control API
# (/_emulator) is open to every caller of the published port. EMULATOR_CONTROL_OPEN=false closes it
# to all but admin tokens (docs/control-api.md).
ENV EMULATOR_CONTROL_OPEN=true
# State survives restarts when EMULATOR_DATA_DIR points into this volume (e.g. /data); without it
# the emulator keeps everything in memory, a fresh cloud at every start.
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT:-8776} && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
# Arguments after the image name are the emulator's: docker run IMAGE --emulator.auth.mode=noauth
# -Xlog:aot*=error: the JVM's notes on cache entries it skips are not the emulator's business.
ENTRYPOINT ["sh", "-c", "exec java -XX:AOTCache=app.aot -Xlog:aot*=error -Dspring.aot.enabled=true ${JAVA_OPTS:-} -jar cinder-backups-emulator.jar \"$@\"", "cinder-backups-emulator"]

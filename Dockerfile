# syntax=docker/dockerfile:1
# Build with the project's own Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY openapi/ openapi/
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/cinder-backups-emulator.jar extract --layers --launcher --destination target/extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system emulator && useradd --system --gid emulator --home-dir /app emulator \
 && mkdir -p /data && chown emulator:emulator /data
WORKDIR /app
COPY --from=build /src/target/extracted/dependencies/ ./
COPY --from=build /src/target/extracted/spring-boot-loader/ ./
COPY --from=build /src/target/extracted/snapshot-dependencies/ ./
COPY --from=build /src/target/extracted/application/ ./
# A class-data-sharing archive made at build time shortens start-up (see docs/benchmarks.md).
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh \
      -cp . org.springframework.boot.loader.launch.JarLauncher || true
USER emulator
EXPOSE 8776
# State survives restarts when EMULATOR_DATA_DIR points into this volume (e.g. /data).
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8776 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["sh", "-c", "exec java ${JAVA_OPTS:-} $( [ -f app.jsa ] && echo -XX:SharedArchiveFile=app.jsa ) -cp /app org.springframework.boot.loader.launch.JarLauncher"]

# Multi-stage build: the SDK image builds and publishes, the runtime-deps image runs it as a non-root user.
# The published output is self-contained (one composite ReadyToRun image with the runtime, see
# src/SysRift.Web/SysRift.Web.csproj), so the runtime image needs only the runtime's native dependencies.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/SysRift.Web -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    SysRift__DataPath=/data
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD ["./SysRift.Web", "health"]
ENTRYPOINT ["./SysRift.Web"]

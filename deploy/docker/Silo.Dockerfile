# syntax=docker/dockerfile:1
# The Silo image (src/Silo: an Orleans silo with the sample MCP servers and a gateway co-hosted). Without
# TaskActors__Cluster__Redis it runs the embedded default; deploy/k8s sets it, and the silo joins a cluster on Redis.
# Build from the repository root:
#   docker build -f deploy/docker/Silo.Dockerfile -t taskactors/silo:0.1.0 .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Everything the build reads: SDK pin, package sources and versions, shared build and style settings, the sources.
COPY global.json NuGet.Config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The NuGet cache mount keeps restored packages between builds (BuildKit).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Silo --configuration Release --output /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The silo's own default is 127.0.0.1:5080, unreachable from outside the container: listen on every interface. With
# `urls` set the base image's ASPNETCORE_HTTP_PORTS=8080 is ignored, so clear it rather than log a warning at start.
ENV urls=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS=
# HTTP (the co-hosted MCP endpoint and the health endpoints); Orleans silo-to-silo; Orleans gateway (for clients).
EXPOSE 5080 11111 30000
# The non-root `app` user (UID 1654) of the official .NET images, by number so that Kubernetes' runAsNonRoot can
# verify it.
USER $APP_UID
ENTRYPOINT ["dotnet", "TaskActors.Silo.dll"]

# syntax=docker/dockerfile:1
# The Gateway image (src/Gateway: a gateway of its own, the MCP endpoint as an Orleans client of the silos, holding no
# state). It finds the silos through the Redis that TaskActors__Cluster__Redis names. Build from the repository root:
#   docker build -f deploy/docker/Gateway.Dockerfile -t taskactors/gateway:0.1.0 .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Everything the build reads: SDK pin, package sources and versions, shared build and style settings, the sources.
COPY global.json NuGet.Config Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The NuGet cache mount keeps restored packages between builds (BuildKit).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Gateway --configuration Release --output /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The gateway's own default is 127.0.0.1:5081, unreachable from outside the container: listen on every interface.
# With `urls` set the base image's ASPNETCORE_HTTP_PORTS=8080 is ignored, so clear it rather than log a warning at start.
ENV urls=http://0.0.0.0:5081 \
    ASPNETCORE_HTTP_PORTS=
# HTTP: the MCP endpoint and the health endpoints. The gateway listens on no Orleans port: it connects to the silos'.
EXPOSE 5081
# The non-root `app` user (UID 1654) of the official .NET images, by number so that Kubernetes' runAsNonRoot can
# verify it.
USER $APP_UID
ENTRYPOINT ["dotnet", "TaskActors.Gateway.dll"]

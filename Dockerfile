# Multi-stage build: one image runs either the web node (default) or the worker node (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Platform.sln ./
COPY src/ src/
RUN dotnet publish src/Web/Paddock.Web.csproj -c Release -o /app/web \
 && dotnet publish src/Workers/Paddock.Workers.csproj -c Release -o /app/worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app /app
ENV ASPNETCORE_ENVIRONMENT=Production \
    Paddock__Urls=http://0.0.0.0:8080
EXPOSE 8080
USER app
WORKDIR /app/web
ENTRYPOINT ["dotnet", "Paddock.Web.dll"]

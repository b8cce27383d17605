# syntax=docker/dockerfile:1

# ---- build ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first so the package layer is cached until a project file changes.
COPY Directory.Build.props Directory.Packages.props global.json .editorconfig ./
COPY src/KhcnTracker.Domain/KhcnTracker.Domain.csproj                 src/KhcnTracker.Domain/
COPY src/KhcnTracker.Application/KhcnTracker.Application.csproj       src/KhcnTracker.Application/
COPY src/KhcnTracker.Infrastructure/KhcnTracker.Infrastructure.csproj src/KhcnTracker.Infrastructure/
COPY src/KhcnTracker.Web/KhcnTracker.Web.csproj                       src/KhcnTracker.Web/
RUN dotnet restore src/KhcnTracker.Web/KhcnTracker.Web.csproj

COPY src/ src/
RUN dotnet publish src/KhcnTracker.Web -c Release -o /app --no-restore

# ---- runtime ----
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# LibreOffice (headless Writer) converts the DOCX reports to PDF; Noto covers Vietnamese glyphs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app .
# Evidence files live on a volume mounted here; created owned by the app user so a fresh volume inherits it.
RUN mkdir -p /var/lib/khcntracker && chown app /var/lib/khcntracker

# Non-root user shipped with the .NET images.
USER app
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has no curl/wget; compose health-checks the database instead.
ENTRYPOINT ["dotnet", "KhcnTracker.Web.dll"]

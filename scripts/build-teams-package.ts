// Builds the Teams app package (manifest + icons) into dist/teams-app.zip for upload in the Teams
// admin centre or "Upload a custom app". Usage: TEAMS_APP_ID=<guid> npx tsx scripts/build-teams-package.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { buildTeamsPackage } from "../adapters/teams/package/app-package.js";

const appId = process.env.TEAMS_APP_ID ?? "";
if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(appId)) {
  console.error("TEAMS_APP_ID must be the bot's Microsoft App ID (a GUID).");
  process.exit(1);
}
const site = process.env.MENTORBRO_WEBSITE_URL ?? "https://mentorbro.dk";
const out = resolve(process.argv[2] ?? "dist/teams-app.zip");
const zip = buildTeamsPackage({
  appId,
  version: process.env.npm_package_version ?? "0.1.0",
  developerName: process.env.MENTORBRO_DEVELOPER_NAME ?? "Mentorbro",
  websiteUrl: site,
  privacyUrl: `${site}/privacy`,
  termsOfUseUrl: `${site}/terms`,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zip);
console.log(`Wrote ${out} (${zip.length} bytes)`);

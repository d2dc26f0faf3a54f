// The Teams app package: manifest.json (schema 1.17) plus the two required icons, drawn in code:
// color.png 192×192 (a white ring on the accent colour) and outline.png 32×32 (white on
// transparent, as Teams requires for outline icons).
import { drawPng } from "./png.js";
import { zipStore } from "./zip.js";

export interface TeamsPackageOptions {
  /** Microsoft App ID (Entra app registration) of the bot; also used as the Teams app id. */
  appId: string;
  version: string;
  /** Public site of the scheme, for the developer block (https). */
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  developerName: string;
  accentColor?: string;
}

const ring = (size: number, x: number, y: number) => {
  const c = (size - 1) / 2;
  const d = Math.hypot(x - c, y - c) / (size / 2);
  return d > 0.42 && d < 0.62;
};

export function colorIcon(accent: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16)) as [number, number, number];
  return drawPng(192, 192, (x, y) => (ring(192, x, y) ? [255, 255, 255, 255] : [r, g, b, 255]));
}

export function outlineIcon(): Buffer {
  return drawPng(32, 32, (x, y) => (ring(32, x, y) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
}

export function teamsManifest(o: TeamsPackageOptions): Record<string, unknown> {
  return {
    $schema: "https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json",
    manifestVersion: "1.17",
    version: o.version,
    id: o.appId,
    developer: { name: o.developerName, websiteUrl: o.websiteUrl, privacyUrl: o.privacyUrl, termsOfUseUrl: o.termsOfUseUrl },
    name: { short: "Mentorbro", full: "Mentorbro – digital mentorordning" },
    description: {
      short: "Mentorbro matcher mentorer og mentees og følger op.",
      full: "Mentorbro hjælper ledige og frivillige mentorer i en digital mentorordning: match, ugentlige check-ins og opfølgning. / Mentorbro supports digital mentor schemes: matching, weekly check-ins and follow-up.",
    },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: o.accentColor ?? "#1D4ED8",
    // personal: the 1:1 chat with each person; team: lets the coordinators' channel receive alerts.
    bots: [{ botId: o.appId, scopes: ["personal", "team"], supportsFiles: false, isNotificationOnly: false }],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [],
  };
}

export function buildTeamsPackage(o: TeamsPackageOptions): Buffer {
  return zipStore([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(teamsManifest(o), null, 2)) },
    { name: "color.png", data: colorIcon(o.accentColor ?? "#1D4ED8") },
    { name: "outline.png", data: outlineIcon() },
  ]);
}

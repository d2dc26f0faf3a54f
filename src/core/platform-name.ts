// Product names, the same in every language (the console is the local demo chat).
import type { Platform } from "./messages.js";

const PLATFORM_NAMES: Record<Platform, string> = { telegram: "Telegram", slack: "Slack", teams: "Microsoft Teams", console: "Console" };

export const platformName = (p: string | null | undefined): string => PLATFORM_NAMES[p as Platform] ?? String(p ?? "");

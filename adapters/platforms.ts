// The one list of platforms. A new platform is its folder (adapter + descriptor) and one entry here:
// configuration, the enabled list, ALERT_TARGET, send limits and the server's routes derive from it.
import type { PlatformDescriptor } from "./platform.js";
import { slackPlatform } from "./slack/descriptor.js";
import { teamsPlatform } from "./teams/descriptor.js";
import { telegramPlatform } from "./telegram/descriptor.js";

export const PLATFORMS: readonly PlatformDescriptor[] = [telegramPlatform, slackPlatform, teamsPlatform];

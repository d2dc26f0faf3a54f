import { runContractSuite } from "./contract-suite.js";
import { createTelegramHarness } from "./telegram-harness.js";

const fieldByField = "Telegram has no forms; the core asks field by field";
// A replay with the right secret is indistinguishable from Telegram's own redelivery: update_id
// dedupe handles it (the replay scenarios). One with a wrong or missing secret is the forged case.
const staticSecret = "the webhook secret is static: no timestamp or audience to go stale";

runContractSuite("telegram (webhook)", () => createTelegramHarness("webhook"), { skip: { form: fieldByField, stale: staticSecret } });
runContractSuite("telegram (long polling)", () => createTelegramHarness("polling"), {
  skip: {
    form: fieldByField,
    forged: "long polling has no inbound HTTP to forge",
    replay: "long polling has no inbound HTTP to replay",
    stale: "long polling has no inbound HTTP to replay",
  },
});

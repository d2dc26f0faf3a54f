import { runContractSuite } from "./contract-suite.js";
import { createTelegramHarness } from "./telegram-harness.js";

const fieldByField = "Telegram has no forms; the core asks field by field";

runContractSuite("telegram (webhook)", () => createTelegramHarness("webhook"), { skip: { form: fieldByField } });
runContractSuite("telegram (long polling)", () => createTelegramHarness("polling"), {
  skip: { form: fieldByField, forged: "long polling has no inbound HTTP to forge" },
});

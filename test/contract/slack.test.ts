import { runContractSuite } from "./contract-suite.js";
import { createSlackHarness } from "./slack-harness.js";

runContractSuite("slack (HTTP events)", createSlackHarness);

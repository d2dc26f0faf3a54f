import { runContractSuite } from "./contract-suite.js";
import { createTeamsHarness } from "./teams-harness.js";

runContractSuite("teams (Bot Framework JWT)", () => createTeamsHarness("jwt"));

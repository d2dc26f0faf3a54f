// Layer rules (npm run lint). The picture: adapters → core ← capabilities; core, infra and lib
// never reach up into capabilities or adapters; a capability is entered only through its index.ts;
// platform SDKs live only in their own adapter folder. Tests may reach into internals.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "sdk-only-in-its-adapter",
      comment: "A platform SDK is imported only inside adapters/<platform>/.",
      severity: "error",
      // bench/ measures a bare telegraf echo bot beside Mentorbro's adapter.
      from: { pathNot: "^(adapters/telegram/|bench/)" },
      to: { path: "node_modules/(telegraf)/" },
    },
    { name: "slack-sdk-only-in-slack-adapter", severity: "error", from: { pathNot: "^adapters/slack/" }, to: { path: "node_modules/@slack/" } },
    {
      name: "teams-sdk-only-in-teams-adapter",
      severity: "error",
      from: { pathNot: "^adapters/teams/" },
      to: { path: "node_modules/(botbuilder|botframework-)[^/]*/" },
    },
    {
      name: "src-never-imports-adapters",
      comment: "The core and capabilities know no platform; only the composition root wires adapters in.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/main\\.ts$" },
      to: { path: "^adapters/" },
    },
    {
      name: "core-imports-no-capability",
      comment: "Capabilities plug into the core; the core does not know them.",
      severity: "error",
      from: { path: "^src/(core|infra|lib)/" },
      to: { path: "^src/capabilities/" },
    },
    {
      name: "lib-is-pure",
      comment: "Pure libraries: no database, no conversation, no capability.",
      severity: "error",
      from: { path: "^src/lib/" },
      to: { path: "^src/(core/(conversation|flows|capability)|infra|capabilities)/" },
    },
    {
      name: "infra-below-core",
      comment: "Shared infrastructure serves the core and capabilities, never the other way round.",
      severity: "error",
      from: { path: "^src/infra/" },
      to: { path: "^src/core/(conversation|flows)/", pathNot: "^src/core/flows/types\\.ts$" },
    },
    {
      name: "capability-public-surface",
      comment: "Another capability is reached only through its index.ts.",
      severity: "error",
      from: { path: "^src/capabilities/([^/]+)/" },
      to: { path: "^src/capabilities/[^/]+/", pathNot: ["^src/capabilities/$1/", "^src/capabilities/[^/]+/index\\.ts$"] },
    },
    {
      name: "capability-public-surface-from-outside",
      comment: "Outside the capabilities, only their index.ts (and the list in src/capabilities/index.ts) is imported.",
      severity: "error",
      from: { path: "^(src|adapters|bench|scripts)/", pathNot: "^src/capabilities/" },
      to: { path: "^src/capabilities/[^/]+/", pathNot: "^src/capabilities/[^/]+/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^test/|\\.test\\.ts$|^src/generated/)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};

export * from "./accounts";
export * from "./projects";
export * from "./audit";
export * from "./requests";
export * from "./rollups";
export * from "./settings";
export * from "./prompts";
export * from "./flags";

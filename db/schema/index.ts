export * from "./accounts";
export * from "./projects";
export * from "./audit";

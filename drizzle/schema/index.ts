export * from "./broadcasts";
export * from "./channels";
export * from "./contacts";
export * from "./conversations";
export * from "./field-definitions";
export * from "./flows";
export * from "./users";
export * from "./workspaces";
